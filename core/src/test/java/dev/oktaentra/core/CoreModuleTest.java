package dev.oktaentra.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Core's {@code module-info}: every package is API and exported, except a package named {@code internal}, which no
 * other module reads. The adapters and the examples compile on the class path, where a package left out of the
 * exports still compiles; only a consumer on the module path would find it missing. So a package added without an
 * export fails here, with the line to add.
 */
class CoreModuleTest {

    private static Path classes;
    private static ModuleDescriptor module;

    @BeforeAll
    static void readCompiledModule() throws IOException, URISyntaxException {
        classes = Path.of(OktaEntraException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path descriptor = classes.resolve("module-info.class");
        assertThat(descriptor).as("core is compiled as a named module").isRegularFile();
        try (InputStream in = Files.newInputStream(descriptor)) {
            module = ModuleDescriptor.read(in);
        }
    }

    @Test
    void module_keepsTheNameItHadAsAnAutomaticModule() {
        assertThat(module.name()).isEqualTo("dev.oktaentra.core");
    }

    /** So that the journal's and the reports' JSON are tested as a module-path consumer runs them (Jackson's reflection). */
    @Test
    void coresTests_runInsideTheNamedModule() {
        assertThat(OktaEntraException.class.getModule().getName()).isEqualTo("dev.oktaentra.core");
    }

    @Test
    void everyPackageButInternalOnes_isExportedToEveryone() throws IOException {
        Set<String> api = packages().stream().filter(p -> !isInternal(p)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(api);
        missing.removeAll(exported);
        assertThat(missing).as("packages of core that module-info.java does not export; add 'exports NAME;' for an API"
                + " package, or name it …internal if no other module may use it").isEmpty();
        assertThat(exported).as("exported packages that are internal or do not exist").isEqualTo(api);
    }

    @Test
    void internalPackages_areNeitherExportedNorOpened() {
        assertThat(module.exports()).noneMatch(e -> isInternal(e.source()));
        assertThat(module.opens()).noneMatch(o -> isInternal(o.source()));
    }

    @Test
    void module_readsNoSdk_onlyTheJdkAndTheSmallLibrariesCoreIsAllowed() {
        Set<String> required = module.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(required).isSubsetOf("java.base", "java.xml", "org.slf4j", "com.fasterxml.jackson.databind",
                "com.fasterxml.jackson.datatype.jsr310", "de.siegmar.fastcsv");
    }

    @Test
    void onlyJacksonMayReflectIntoCore() {
        assertThat(module.opens()).allSatisfy(o -> assertThat(o.targets())
                .as("'opens %s' names its readers", o.source()).containsExactly("com.fasterxml.jackson.databind"));
    }

    private static boolean isInternal(String pkg) {
        return pkg.equals("internal") || pkg.contains(".internal.") || pkg.endsWith(".internal");
    }

    private static Set<String> packages() throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
