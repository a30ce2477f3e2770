package dev.oktaentra.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.examples.cli.Main;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapters' test-jars (the in-memory AD, the Graph and Okta stand-ins) are dependencies of this module's main code
 * for one reason: the rehearsal starts the fakes (and the CLI's {@code rehearse} command reaches them only through the
 * rehearsal). Everything else (the CLI's other commands, the configuration, the embedding examples, the rules, the
 * steps) must work on the libraries alone. This reads the constant pool of every compiled main class (the classes and
 * descriptors it names; string literals left out) and asks where each named {@code dev.oktaentra} class is loaded
 * from: a {@code -tests.jar} or a {@code test-classes} folder is a test-jar.
 */
class TestJarBoundaryTest {

    private static final String REHEARSAL = "dev/oktaentra/examples/rehearsal/";
    private static final Pattern OUR_CLASS = Pattern.compile("dev/oktaentra/[\\w/$]+");

    /** Main class (internal name) to the test-jar classes it names. */
    private static Map<String, Set<String>> testJarUses;

    @BeforeAll
    static void readMainClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        testJarUses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                    && !f.endsWith("package-info.class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                Set<String> fromTestJars = new TreeSet<>();
                for (String used : classesNamedIn(file)) {
                    if (isFromTestJar(used)) {
                        fromTestJars.add(used);
                    }
                }
                if (!fromTestJars.isEmpty()) {
                    testJarUses.put(name.substring(0, name.length() - ".class".length()), fromTestJars);
                }
            }
        }
    }

    @Test
    void mainCodeOutsideTheRehearsal_usesNoClassOfATestJar() {
        Map<String, Set<String>> outside = new TreeMap<>(testJarUses);
        outside.keySet().removeIf(name -> name.startsWith(REHEARSAL));

        assertThat(outside).as("main classes outside %s that use a class of an adapter's test-jar (only the rehearsal "
                + "may start the fakes; reach them through it)", REHEARSAL).isEmpty();
    }

    /** Without this the test above would pass as well if the scan saw nothing at all. */
    @Test
    void theRehearsal_isSeenStartingTheFakes() {
        assertThat(testJarUses).containsKey(REHEARSAL + "EmbeddedEnvironment");
        assertThat(testJarUses.get(REHEARSAL + "EmbeddedEnvironment")).contains(
                "dev/oktaentra/graph/testing/FakeGraphServer", "dev/oktaentra/okta/testing/FakeOktaServer",
                "dev/oktaentra/ldap/testing/InMemoryActiveDirectory");
    }

    private static boolean isFromTestJar(String internalName) {
        Class<?> type;
        try {
            type = Class.forName(internalName.replace('/', '.'), false, TestJarBoundaryTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("A compiled main class names " + internalName + ", which is not on the class path",
                    e);
        }
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        String path = location.getPath();
        return path.endsWith("-tests.jar") || path.endsWith("/test-classes/") || path.endsWith("/test-classes");
    }

    /**
     * The {@code dev.oktaentra} classes a class file names: in its class entries and in the descriptors and
     * signatures of its fields, methods and calls. Text that is only a string literal is not a use.
     */
    private static Set<String> classesNamedIn(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            List<String> utf8 = new ArrayList<>(count);
            BitSet literals = new BitSet(count);
            utf8.add(null);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                String text = null;
                switch (tag) {
                    case 1 -> text = in.readUTF();
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 8 -> literals.set(in.readUnsignedShort());
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        utf8.add(null);
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag + " at " + i);
                }
                utf8.add(text);
            }
            Set<String> named = new TreeSet<>();
            for (int i = 1; i < utf8.size(); i++) {
                if (utf8.get(i) != null && !literals.get(i)) {
                    Matcher m = OUR_CLASS.matcher(utf8.get(i));
                    while (m.find()) {
                        named.add(m.group());
                    }
                }
            }
            return named;
        }
    }
}
