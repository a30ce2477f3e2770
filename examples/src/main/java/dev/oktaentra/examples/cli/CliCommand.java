package dev.oktaentra.examples.cli;

import dev.oktaentra.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: its output streams and the mapping of its result to an exit code. Failures are not
 * caught here; they propagate to {@link Errors}, which prints one line and picks the exit code, so that no command
 * repeats that preamble.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        if (Errors.debug(spec.commandLine())) {
            Logging.debug();
        }
        return execute().code();
    }

    /**
     * Does the command's work.
     *
     * @return how it ended: {@link Exit#CLEAN} or {@link Exit#ATTENTION}, or {@link Exit#INPUT_ERROR} after
     *         reporting bad input with {@link #error(String)}
     * @throws Exception anything else; {@link Errors} reports it
     */
    abstract Exit execute() throws Exception;

    /** Where results go: stdout, unless a caller of {@link Main#run} chose otherwise. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where errors and progress go. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Reports one problem with the input in the same form as {@link Errors}. */
    final void error(String message) {
        err().println(spec.qualifiedName() + ": " + message);
    }

    /** Progress for long reads, drawn on stderr when it is a terminal; silent otherwise. */
    final ProgressListener progress() {
        return System.console() == null ? ProgressListener.NONE : new ConsoleProgress(err(), System::nanoTime);
    }
}
