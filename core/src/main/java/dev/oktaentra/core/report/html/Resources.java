package dev.oktaentra.core.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's stylesheet and scripts, kept as files beside the classes so they can be read and edited as such. They
 * are read through a class of this package: in the named module {@code dev.oktaentra.core} a package's resources are
 * encapsulated, readable by the module's own code (or by anyone were the package opened, which it need not be).
 */
final class Resources {

    private Resources() {
    }

    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The report resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the report resource " + name, e);
        }
    }
}
