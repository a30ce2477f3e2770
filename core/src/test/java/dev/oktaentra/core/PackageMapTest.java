package dev.oktaentra.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's {@code package-info} is the map a reader starts from: it names every package of core, one line each, and no
 * package that is gone. A package added without its line fails here.
 */
class PackageMapTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/oktaentra/core");
    /** A package on the map: {@code <li>{@code name}: …}. */
    private static final Pattern ENTRY = Pattern.compile("<li>\\{@code ([a-z.]+)}:");

    @Test
    void corePackageInfo_namesEveryPackageOfCore() throws IOException {
        String map = Files.readString(SOURCES.resolve("package-info.java"), StandardCharsets.UTF_8);
        Set<String> named = new TreeSet<>();
        Matcher entry = ENTRY.matcher(map);
        while (entry.find()) {
            named.add(entry.group(1));
        }

        assertThat(named).as("packages on the map in dev.oktaentra.core's package-info.java").isEqualTo(packages());
    }

    /** The packages below {@code dev.oktaentra.core} that hold a Java file, relative to it. */
    private static Set<String> packages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent)
                    .filter(dir -> !dir.equals(SOURCES))
                    .map(dir -> SOURCES.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
