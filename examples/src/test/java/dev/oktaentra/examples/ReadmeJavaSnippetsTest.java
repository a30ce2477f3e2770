package dev.oktaentra.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of the README compiles as a reader would paste it into a fresh project: its
 * {@code import} lines at the top of a file, the rest in a method ({@code throws Exception}), or, when the block is a
 * method itself, in a class; and nothing else, so a block that leaves out an import it needs fails here. A block
 * whose first line is {@code // …continued} goes on from the block before it (both blocks' imports apply). The class
 * path is the library's, with every module on it.
 * Other tests run the snippets against real servers; this one holds the README to its imports.
 */
class ReadmeJavaSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final String CONTINUED = "// …continued";
    /**
     * A block that declares a method ({@code void migrate(LdapDirectory ad, …) {}}) rather than running
     * statements.
     */
    private static final Pattern METHOD = Pattern.compile(
            "(?:(?:public|private|static|final)\\s+)*[\\w.<>\\[\\]]+\\s+\\w+\\([^=]*\\)\\s*(?:throws [\\w., ]+)?\\{.*");

    @TempDir
    Path classes;

    /** One {@code ```java} block: where it starts in the README, its imports and the rest. */
    record Snippet(int line, List<String> imports, List<String> body) {

        @Override
        public String toString() {
            return "README.md line " + line;
        }
    }

    static List<Snippet> snippets() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```java")) {
                continue;
            }
            int start = i + 1;
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (i = start; !lines.get(i).equals("```"); i++) {
                String line = lines.get(i);
                (line.startsWith("import ") ? imports : body).add(line);
            }
            if (!body.isEmpty() && body.get(0).strip().startsWith(CONTINUED)) {
                Snippet before = snippets.get(snippets.size() - 1);
                List<String> allImports = new ArrayList<>(before.imports());
                allImports.addAll(imports);
                List<String> allBody = new ArrayList<>(before.body());
                allBody.addAll(body);
                snippets.add(new Snippet(start, allImports, allBody));
            } else {
                snippets.add(new Snippet(start, imports, body));
            }
        }
        return snippets;
    }

    @Test
    void readme_holdsTheJavaSnippets() throws IOException {
        assertThat(snippets()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void snippet_compilesWithTheImportsItShowsAndNoOthers(Snippet snippet) throws IOException {
        String name = "ReadmeSnippetAtLine" + snippet.line();
        boolean method = snippet.body().stream().filter(l -> !l.isBlank() && !l.strip().startsWith("//")).findFirst()
                .map(l -> METHOD.matcher(l).matches()).orElse(false);
        String source = String.join("\n", snippet.imports()) + "\n\nclass " + name + " {\n"
                + (method ? "\n\n" : "    static void snippet() throws Exception {\n")
                + String.join("\n", snippet.body()) + (method ? "\n}\n" : "\n    }\n}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = compiler.getTask(null, null, diagnostics,
                List.of("--release", "17", "-proc:none", "-classpath", System.getProperty("java.class.path"),
                        "-d", classes.toString()),
                null, List.of(new Source(name, source))).call();

        String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "README.md line " + readmeLine(snippet, d) + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        assertThat(compiled).as("%s does not compile as shown:\n%s", snippet, errors).isTrue();
    }

    /** The README's version of the BOM is the version this build makes. */
    @Test
    void readmeCoordinates_nameTheVersionThisBuildMakes() throws IOException {
        Matcher version = Pattern.compile("<artifactId>oktaentra-bom</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("../bom/pom.xml"), StandardCharsets.UTF_8));
        assertThat(version.find()).isTrue();
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertThat(readme).containsPattern("<artifactId>oktaentra-bom</artifactId>\\s*<version>"
                + Pattern.quote(version.group(1)) + "</version>");
    }

    /** Maps a diagnostic's line in the generated file back to the README (imports first, then two wrapper lines). */
    private static String readmeLine(Snippet snippet, Diagnostic<? extends JavaFileObject> diagnostic) {
        long line = diagnostic.getLineNumber();
        int imports = snippet.imports().size();
        if (line <= imports) {
            return "~" + (snippet.line() + line - 1) + " (an import)";
        }
        long bodyLine = line - imports - 4;
        return bodyLine >= 0 && bodyLine < snippet.body().size()
                ? "~" + (snippet.line() + imports + bodyLine) + " `" + snippet.body().get((int) bodyLine).strip() + "`"
                : "? (generated line " + line + ")";
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
