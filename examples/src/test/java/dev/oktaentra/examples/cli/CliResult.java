package dev.oktaentra.examples.cli;

import dev.oktaentra.examples.config.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;

/** A command run in-process through {@link Main#run}, with what it printed on each stream. */
record CliResult(int exit, String out, String err) {

    static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliResult(exit, out.toString(), err.toString());
    }

    /** Runs a command with secrets from the given source instead of this JVM's environment. */
    static CliResult run(Secrets secrets, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), secrets, args);
        return new CliResult(exit, out.toString(), err.toString());
    }

    /** The lines printed on stderr. */
    String[] errLines() {
        return err.strip().split("\\R");
    }
}
