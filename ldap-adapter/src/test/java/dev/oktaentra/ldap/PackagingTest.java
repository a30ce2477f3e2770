package dev.oktaentra.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The adapter cannot be a named module (see {@code package-info}), so nothing would hide a public class in an
 * {@code internal} package: its machinery must be package-private in {@code dev.oktaentra.ldap} instead.
 */
class PackagingTest {

    @Test
    void mainClasses_holdNoInternalPackage() throws IOException, URISyntaxException {
        Path classes = Path.of(LdapDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString()).distinct())
                    .as("a package named internal in the LDAP adapter; make its classes package-private in"
                            + " dev.oktaentra.ldap")
                    .noneMatch(d -> d.endsWith("internal") || d.contains("internal/"));
        }
    }
}
