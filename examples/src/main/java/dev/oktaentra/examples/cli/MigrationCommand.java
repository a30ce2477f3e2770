package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.examples.config.ConfigFileException;
import dev.oktaentra.examples.config.MigrationConfig;
import dev.oktaentra.examples.config.MigrationPorts;
import dev.oktaentra.examples.config.Secrets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the commands that drive a runbook share: {@code --config FILE}, and opening the journal with or without the
 * directories. Commands that only read or append to the journal ({@code status}, {@code confirm}, {@code skip},
 * {@code rollback}, {@code repair}) never contact a directory and never ask for a secret; {@code status} only reads
 * it, without the lock.
 */
abstract class MigrationCommand extends CliCommand {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = MigrationConfig.DEFAULT_FILE,
            description = "The migration's configuration (runbook, journal, AD, Entra ID, Okta, options). "
                    + "Default: ./${DEFAULT-VALUE}.")
    Path configFile;

    /** Core's advice for a missing port, which on the command line means the configuration file. */
    private static final String LIBRARY_HINT = "add it to the MigrationContext";

    private MigrationConfig config;

    @Override
    final Exit execute() throws Exception {
        try {
            return run();
        } catch (MigrationException e) {
            if (e.getMessage() != null && e.getMessage().endsWith(LIBRARY_HINT)) {
                throw new ConfigFileException(e.getMessage().replace(LIBRARY_HINT, "name it in " + configFile), e);
            }
            throw e;
        }
    }

    /**
     * Does the command's work, as {@link CliCommand#execute()}.
     *
     * @return how it ended
     * @throws Exception reported by {@link Errors}
     */
    abstract Exit run() throws Exception;

    /** The configuration, read and checked once. */
    final MigrationConfig config() {
        if (config == null) {
            config = MigrationConfig.read(configFile);
        }
        return config;
    }

    /** The journal and the runbook, with no port: for commands that only read or append to the journal. */
    final Session journalOnly() {
        MigrationContext context = MigrationContext.builder().options(config().options()).build();
        return new Session(null, open(context));
    }

    /**
     * The journal and the runbook for looking only: the journal is neither locked nor changed, so this works while
     * another run holds it, and a torn last line stays for the next writing command to drop.
     */
    final Session readOnly() {
        MigrationContext context = MigrationContext.builder().options(config().options()).build();
        return new Session(null, Migration.builder().runbook(config().runbook()).context(context)
                .journal(config().journal()).openReadOnly());
    }

    /** The journal, the runbook and every port the configuration names; secrets are read now. */
    final Session connected() {
        MigrationConfig cfg = config();
        MigrationPorts ports = cfg.connect(secrets(), notice -> err().println(notice));
        try {
            return new Session(ports, open(ports.context(progress())));
        } catch (RuntimeException e) {
            ports.close();
            throw e;
        }
    }

    private Migration open(MigrationContext context) {
        return Migration.builder().runbook(config().runbook()).context(context).journal(config().journal()).open();
    }

    private Secrets secrets() {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ((OktaEntraCommand) root.getCommand()).secrets;
    }

    /** {@code --config FILE} as the user must repeat it in a suggested command; empty for the default. */
    final String configArgument() {
        return configFile.toString().equals(MigrationConfig.DEFAULT_FILE) ? ""
                : " --config " + shellWord(configFile.toString());
    }

    /** A command line a person can paste, e.g. {@code oktaentra verify detect-anchor --config x.json}. */
    final String suggest(String command) {
        return "oktaentra " + command + configArgument();
    }

    static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./:=@%+,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** What to run after a step: plan for AUTOMATED and MANUAL steps, verify for CHECK steps. */
    final String nextCommand(MigrationStep step) {
        return suggest((step.kind() == dev.oktaentra.core.migration.StepKind.CHECK ? "verify " : "plan ")
                + step.id());
    }

    /** An open migration and the ports it runs on ({@code null} for journal-only commands). */
    record Session(MigrationPorts ports, Migration migration) implements AutoCloseable {
        @Override
        public void close() {
            try {
                migration.close();
            } finally {
                if (ports != null) {
                    ports.close();
                }
            }
        }
    }
}
