package dev.oktaentra.examples.jshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script of {@code examples/jshell} through {@code jdk.jshell.JShell}, after {@code startup.jsh} as the
 * launcher runs it: a rejected snippet, an unresolved name or an exception fails the test.
 *
 * <p>JShell compiles each snippet on its own, which takes a while, so one shell evaluates the startup once and
 * every script's snippets are dropped before the next script runs: each script starts from the startup's state
 * alone, as it does in the launcher.
 */
class JShellScriptsTest {

    static final Path DIR = Path.of(System.getProperty("oktaentra.jshell.dir", "jshell")).toAbsolutePath();

    /** What each script must print, besides running cleanly. */
    private static final Map<String, List<String>> PRINTS = Map.of(
            "convert-anchors.jsh", List.of(
                    "ImmutableID of 3ab39606-c642-489b-84b6-58c038d3ef39: BpazOkLGm0iEtljAONPvOQ==",
                    "from 0x + toHex():   3ab39606-c642-489b-84b6-58c038d3ef39",
                    "from the DN again:   3ab39606-c642-489b-84b6-58c038d3ef39",
                    "OrOWBsZCSJuEtljAONPvOQ== is BYTE_ORDER",
                    "BpazOkLGm0iEtljAONPvOQ is MISSING_PADDING",
                    "has 31 hex digits"),
            "validate-exports.jsh", List.of(
                    "objectGUID explains",
                    "ANCHOR_MISMATCH BYTE_ORDER  dee.roy@contoso.com",
                    "CLOUD_ONLY  gus.old@contoso.com",
                    "needs attention: true"),
            "employee-id-rule.jsh", List.of(
                    "ivy.cho@contoso.com pairs with ivy.chong@contoso.com: SOFT_MATCH_ONLY",
                    "EmployeeIdRule.canonical(\" e-000109 \") = E109"),
            "rehearsal.jsh", List.of(
                    "planted: 10 anchor mismatches, 5 soft matches, 5 on-prem only, 4 cloud orphans",
                    "objectGUID explains 97.2% of 494 cloud ImmutableIDs",
                    "ANCHOR_MISMATCH=10",
                    "BYTE_ORDER=4, GUID_TEXT_BASE64=1",
                    "soft matches to an admin: 1",
                    "Microsoft Office 365: provisioning ENABLED",
                    "Microsoft Office 365 (EMEA): provisioning ENABLED"));

    @TempDir
    static Path out;

    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
    private static JShell shell;
    private static Set<Snippet> startup;

    @BeforeAll
    static void startShell() throws IOException {
        PrintStream stream = new PrintStream(PRINTED, true, StandardCharsets.UTF_8);
        shell = JShell.builder().out(stream).err(stream)
                .remoteVMOptions("-Doktaentra.jshell.dir=" + DIR, "-Doktaentra.jshell.out=" + out,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dfile.encoding=UTF-8")
                .build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        evaluate(DIR.resolve("startup.jsh"));
        startup = shell.snippets().collect(Collectors.toSet());
    }

    @AfterAll
    static void closeShell() {
        if (shell != null) {
            shell.close();
        }
    }

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".jsh") && !f.endsWith("startup.jsh")).sorted()
                    .toList().stream();
        }
    }

    @Test
    void folder_holdsTheLauncherTheExportsAndTheDocumentedScripts() throws IOException {
        assertThat(scripts().map(p -> p.getFileName().toString())).containsAll(PRINTS.keySet());
        assertThat(DIR.resolve("oktaentra-jshell.sh")).isExecutable();
        assertThat(DIR.resolve("adusers.csv")).isNotEmptyFile();
        assertThat(DIR.resolve("entrausers.csv")).isNotEmptyFile();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void script_runsWithoutARejectedSnippetOrAnExceptionAndPrintsItsResults(Path script) throws IOException {
        String printed = run(script);

        assertThat(printed).isNotBlank();
        for (String expected : PRINTS.getOrDefault(script.getFileName().toString(), List.of())) {
            assertThat(printed).contains(expected);
        }
        if (script.endsWith("validate-exports.jsh")) {
            assertThat(out.resolve("validation.csv")).isNotEmptyFile();
            assertThat(out.resolve("validation.json")).isNotEmptyFile();
            assertThat(out.resolve("validation.html")).isNotEmptyFile();
        }
    }

    /** Forgets every earlier script, runs this one, and returns what it printed. */
    private static String run(Path script) throws IOException {
        shell.snippets().filter(s -> !startup.contains(s) && shell.status(s).isActive())
                .toList().forEach(shell::drop);
        PRINTED.reset();
        evaluate(script);
        return PRINTED.toString(StandardCharsets.UTF_8);
    }

    private static void evaluate(Path script) throws IOException {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = Files.readString(script, StandardCharsets.UTF_8);
        String name = script.getFileName().toString();
        remaining.lines().map(String::strip).filter(JShellScriptsTest::isCommand).findFirst().ifPresent(command ->
                fail(name + ": uses the JShell command " + command + "; scripts hold Java snippets only"));
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;  // only comments are left
            }
            if (!info.completeness().isComplete()) {
                fail(name + ": an incomplete snippet at the end: " + remaining.strip());
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                check(name, info.source(), event);
            }
            remaining = info.remaining();
        }
    }

    /** A JShell command such as {@code /open}, which only the jshell tool understands; not a comment. */
    private static boolean isCommand(String line) {
        return line.startsWith("/") && !line.startsWith("//") && !line.startsWith("/*");
    }

    private static void check(String name, String snippet, SnippetEvent event) {
        JShellException thrown = event.exception();
        if (thrown != null) {
            fail(name + ": " + thrown.getClass().getSimpleName() + " " + thrown.getMessage() + "\n  in: "
                    + snippet.strip());
        }
        Snippet.Status status = event.status();
        if (status == Snippet.Status.REJECTED) {
            String diagnostics = shell.diagnostics(event.snippet()).map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("; "));
            fail(name + ": rejected: " + diagnostics + "\n  in: " + snippet.strip());
        }
        if (status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            List<String> missing = event.snippet() instanceof DeclarationSnippet declaration
                    ? shell.unresolvedDependencies(declaration).toList() : List.of();
            fail(name + ": unresolved " + missing + "\n  in: " + snippet.strip());
        }
    }
}
