package dev.oktaentra.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"convert", "detect-anchor", "validate"})
    void help_onEveryCommand_printsItsUsageAndExits0(String command) {
        CliResult result = CliResult.run(command, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: oktaentra " + command).contains("--help").contains("--debug");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void help_onTheRoot_listsTheCommandsAndExitCodes() {
        CliResult result = CliResult.run("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("convert").contains("detect-anchor").contains("validate")
                .contains("Exit codes: 0 clean, 1 findings that need attention, 2 usage or input error");
    }

    @Test
    void run_withoutACommand_showsTheUsageAndExits2() {
        CliResult result = CliResult.run();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Usage: oktaentra");
    }

    @Test
    void run_unknownCommand_suggestsTheClosestAndExits2() {
        CliResult result = CliResult.run("valdate");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("oktaentra: Unmatched argument at index 0: 'valdate'")
                .contains("validate");
    }

    @Test
    void version_printsTheToolAndJava() {
        CliResult result = CliResult.run("--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("oktaentra ").contains("Java ");
    }

    /** A command with a bug, to see how an unexpected failure is reported. */
    @Command(name = "boom")
    static final class Boom extends CliCommand implements Callable<Integer> {
        @Override
        Exit execute() {
            throw new IllegalStateException("the index is corrupt");
        }
    }

    /** A command with a real runaway recursion: an Error, not an Exception, reaches the CLI. */
    @Command(name = "deep")
    static final class Deep extends CliCommand implements Callable<Integer> {
        @Override
        Exit execute() {
            return depth(0) > 0 ? Exit.CLEAN : Exit.ATTENTION;
        }

        private static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    private static CliResult runWithBoom(String... args) {
        CommandLine cli = Main.commandLine().addSubcommand(new Boom()).addSubcommand(new Deep());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliResult(exit, out.toString(), err.toString());
    }

    @Test
    void run_unexpectedFailure_exits3AndPointsToDebug() {
        CliResult result = runWithBoom("boom");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.errLines()).containsExactly(
                "oktaentra boom: unexpected IllegalStateException: the index is corrupt",
                "Run again with --debug to see where it failed, and report it.");
    }

    @Test
    void run_unexpectedFailureWithDebug_printsTheStackTrace() {
        CliResult result = runWithBoom("boom", "--debug");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("java.lang.IllegalStateException: the index is corrupt")
                .contains("\tat dev.oktaentra.examples.cli.MainTest$Boom.execute");
    }

    @Test
    void run_anErrorSuchAsAStackOverflow_isOneLineAndExits3() {
        CliResult result = runWithBoom("deep");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.errLines()).containsExactly("oktaentra deep: unexpected StackOverflowError; run again "
                + "with --debug to see where it failed, and report it");
    }

    @Test
    void run_anErrorWithDebug_printsTheStackTrace() {
        CliResult result = runWithBoom("--debug", "deep");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.errLines()[0]).isEqualTo("oktaentra deep: unexpected StackOverflowError");
        assertThat(result.err()).contains("java.lang.StackOverflowError")
                .contains("\tat dev.oktaentra.examples.cli.MainTest$Deep.depth");
    }
}
