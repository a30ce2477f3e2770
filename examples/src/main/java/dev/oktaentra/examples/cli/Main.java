package dev.oktaentra.examples.cli;

import dev.oktaentra.examples.config.Secrets;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code oktaentra} command: {@code java -jar oktaentra.jar COMMAND …}.
 *
 * <p>Commands: {@code convert} (every form of an anchor), {@code detect-anchor} (which attribute Okta put into the
 * ImmutableIDs), {@code validate} (what Entra Connect would do with every user, as CSV, JSON and HTML reports),
 * {@code staging-report} (a staging server's pending exports), {@code rehearse} (a whole runbook against an embedded
 * tenant), and the runbook's {@code status}, {@code plan}, {@code apply}, {@code verify}, {@code confirm},
 * {@code skip}, {@code rollback} and {@code repair} against the directories a configuration file names. Run
 * {@code --help} on any of them.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream stderr = Logging.configure();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(stderr, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        Logging.finish();
        System.exit(code);
    }

    /**
     * Runs one command without exiting, writing to the given streams: for tests, and for tools that embed the CLI.
     *
     * @param out where results go (a table, or JSON with {@code --json}); control characters other than tab and
     *        line ends are written as Java escapes (<code>&#92;u001b</code>), so that a directory value cannot
     *        command a terminal
     * @param err where errors and progress go, the same way
     * @param args the command line
     * @return the exit code: 0 clean, 1 findings that need attention, 2 usage or input error, 3 unexpected failure
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Secrets.system(), args);
    }

    /**
     * Runs one command without exiting, with secrets from the given source instead of this process's environment
     * and terminal: for tests, and for tools that embed the CLI and hold the secrets themselves.
     *
     * @param out where results go
     * @param err where errors and progress go
     * @param secrets where the migration commands read the secrets their configuration names
     * @param args the command line
     * @return the exit code, as for {@link #run(PrintWriter, PrintWriter, String...)}
     */
    public static int run(PrintWriter out, PrintWriter err, Secrets secrets, String... args) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(secrets, "secrets");
        CommandLine cli = commandLine();
        ((OktaEntraCommand) cli.getCommand()).secrets = secrets;
        // Directory values reach both streams (a DN in a finding, a value in a plan or a message): no control
        // character planted in one may reach the terminal raw.
        PrintWriter shownOut = new PrintWriter(TerminalText.lines(out), true);
        PrintWriter shownErr = new PrintWriter(TerminalText.of(err), true);
        cli.setOut(shownOut);
        cli.setErr(shownErr);
        try {
            return cli.execute(args);
        } finally {
            shownOut.flush();
            shownErr.flush();
        }
    }

    /** The command tree; a new command is one more entry in {@link #commands()}. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OktaEntraCommand());
        for (Object command : commands()) {
            cli.addSubcommand(command);
        }
        Errors errors = new Errors();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setExecutionStrategy(errors);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static List<Object> commands() {
        List<Object> commands = new ArrayList<>(List.of(new ConvertCommand(), new DetectAnchorCommand(),
                new ValidateCommand()));
        commands.add(new StagingReportCommand());
        commands.add(new RehearseCommand());
        // The runbook: each command reads the configuration file named by --config.
        commands.addAll(List.of(new StatusCommand(), new PlanCommand(), new ApplyCommand(), new VerifyCommand(),
                new ConfirmCommand(), new SkipCommand(), new RollbackCommand(), new RepairCommand()));
        return commands;
    }
}
