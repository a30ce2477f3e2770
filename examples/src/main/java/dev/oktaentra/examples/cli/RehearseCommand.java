package dev.oktaentra.examples.cli;

import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.examples.rehearsal.CliConfiguration;
import dev.oktaentra.examples.rehearsal.EmbeddedEnvironment;
import dev.oktaentra.examples.rehearsal.Rehearsal;
import dev.oktaentra.examples.rehearsal.RehearsalResult;
import dev.oktaentra.examples.rehearsal.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rehearse}: the whole migration against an embedded tenant on loopback, from dry run to verified cutover,
 * with the reports a real run writes. Exit 0 when every step ends verified, 1 when one does not (with why).
 */
@Command(name = "rehearse", sortOptions = false,
        description = {"Starts an embedded tenant on loopback (an in-memory Active Directory over LDAPS, Entra ID "
                + "and Okta stand-ins) seeded with the trouble real tenants have, and runs the Connect-server "
                + "runbook against it through the real adapters: a dry run that plans every step and writes "
                + "nothing, then every step applied and verified. Manual steps, the Connect server's pending export "
                + "and its first export are played, and the output says so. Needs no network.",
            "Writes validation.csv, validation.json, validation.html, the staging export's analysis, "
                + "runbook-status.json and the journal into the --out folder (the journal and the synthetic export "
                + "of an earlier rehearsal there are replaced)."},
        footer = {"", "Exit code 1 when a step does not end verified; the output says which and why.",
            "Examples:", "  oktaentra rehearse", "  oktaentra rehearse --users 300 --cloud-sync --out /tmp/rehearsal",
            "  oktaentra rehearse --keep-running --no-run     (then, in another terminal, the printed commands)"})
final class RehearseCommand extends CliCommand {

    /** SLF4J Simple's level for the Okta SDK's configuration check. */
    static final String OKTA_HTTPS_WARNING =
            "org.slf4j.simpleLogger.log.com.okta.commons.configcheck.ConfigurationValidator";

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "oktaentra-report",
            description = "Folder for the reports; created if missing. Default: ./${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + Scenario.DEFAULT_USERS,
            description = "On-prem users to seed, " + Scenario.MIN_USERS + " to " + Scenario.MAX_USERS
                    + "; the trouble grows with them. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + Scenario.DEFAULT_SEED,
            description = "Seed of every random choice; the same seed gives the same tenant. Default: "
                    + "${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--cloud-sync",
            description = "Rehearse the cloud-sync runbook instead of the Connect-server one.")
    boolean cloudSync;

    @Option(names = "--max-writes-per-step", paramLabel = "N",
            description = "The most changes one step's plan may write. Default: one per seeded user (at least 500), "
                    + "raised from Entra Connect's 500 because the rehearsal's own plans are reviewed by "
                    + "construction; give 500 to see a migration's default guard stop a large plan.")
    Integer maxWritesPerStep;

    @Option(names = "--keep-running",
            description = "Keep the embedded servers up after the rehearsal until Enter is pressed, and write "
                    + CliConfiguration.CONFIG + " (and the secrets' " + CliConfiguration.SECRETS + ") into the "
                    + "--out folder, so that status, plan, apply, verify and rollback can drive them.")
    boolean keepRunning;

    @Option(names = "--no-run",
            description = "With --keep-running: start the servers and write the configuration without rehearsing, "
                    + "to take the runbook step by step yourself.")
    boolean noRun;

    @Override
    Exit execute() throws IOException {
        if (users < Scenario.MIN_USERS || users > Scenario.MAX_USERS) {
            error(String.format(Locale.ROOT, "--users must be between %,d and %,d, got %,d", Scenario.MIN_USERS,
                    Scenario.MAX_USERS, users));
            return Exit.INPUT_ERROR;
        }
        if (maxWritesPerStep != null && maxWritesPerStep < 1) {
            error("--max-writes-per-step must be at least 1, got " + maxWritesPerStep);
            return Exit.INPUT_ERROR;
        }
        if (noRun && !keepRunning) {
            error("--no-run needs --keep-running: without a rehearsal the servers are only of use while they keep "
                    + "running");
            return Exit.INPUT_ERROR;
        }
        // The Okta SDK warns that its https check is off; here that is the explicit loopback opt-in, said above.
        if (System.getProperty(OKTA_HTTPS_WARNING) == null) {
            System.setProperty(OKTA_HTTPS_WARNING, "error");
        }
        Scenario scenario = Scenario.forUsers(users, seed).withCloudSyncConfigured(cloudSync);
        heapWarning(scenario, Runtime.getRuntime().maxMemory()).ifPresent(w -> err().println(spec.qualifiedName()
                + ": " + w));
        Topology topology = cloudSync ? Topology.CLOUD_SYNC : Topology.CONNECT_SERVER;
        Rehearsal.Builder builder = Rehearsal.builder().scenario(scenario);
        if (maxWritesPerStep != null) {
            builder.maxWritesPerStep(maxWritesPerStep);
        }
        Rehearsal rehearsal = builder
                .topology(topology)
                .reportDirectory(outDir).output(out())
                .progress(System.console() == null ? ProgressListener.NONE
                        : new TransientProgress(err(), System::nanoTime))
                .build();
        RehearsalResult result = null;
        if (keepRunning) {
            try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
                if (noRun) {
                    describe(env);
                } else {
                    result = rehearsal.run(env);
                }
                CliConfiguration cli = CliConfiguration.write(env, topology, maxWritesPerStep != null
                        ? maxWritesPerStep : Rehearsal.ownWriteLimit(scenario), outDir);
                waitForEnter(cli);
            }
        } else {
            result = rehearsal.run();
        }
        if (result != null && !result.passed()) {
            error("the rehearsal did not end clean: " + (result.failure() != null ? result.failure()
                    : "a step is not verified") + (result.stoppedAtWriteLimit() ? ". --max-writes-per-step raises "
                    + "the rehearsal's limit" : ""));
            return Exit.ATTENTION;
        }
        return Exit.CLEAN;
    }

    /**
     * A warning when this JVM may use less heap than the rehearsal needs: better said before the servers start than
     * as an {@link OutOfMemoryError} minutes later.
     */
    static Optional<String> heapWarning(Scenario scenario, long maxHeap) {
        long needed = Rehearsal.heapNeeded(scenario);
        if (maxHeap == Long.MAX_VALUE || maxHeap >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%,d users need about %s of heap, and this JVM may use %s: the "
                + "rehearsal may run out of memory. Start it with java -Xmx%s -jar oktaentra.jar rehearse …",
                scenario.users(), gigabytes(needed), gigabytes(maxHeap), xmx(needed)));
    }

    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    /** A {@code -Xmx} value of at least the bytes, in whole 256 MB steps. */
    static String xmx(long bytes) {
        long quarters = (bytes + (1L << 28) - 1) >> 28;
        return quarters % 4 == 0 ? quarters / 4 + "g" : quarters * 256 + "m";
    }

    private void describe(EmbeddedEnvironment env) {
        out().println("oktaentra rehearse --no-run: the embedded tenant on loopback, not rehearsed. Nothing leaves "
                + "this machine.");
        out().println();
        out().println(String.format(Locale.ROOT, "Environment (seed %d)", env.scenario().seed()));
        env.describe().forEach(line -> out().println("  " + line));
    }

    private void waitForEnter(CliConfiguration cli) throws IOException {
        out().println();
        cli.instructions().forEach(out()::println);
        out().println();
        out().println("The embedded servers keep running (passwords and tokens are not printed). Press Enter to stop "
                + "them.");
        out().flush();
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
    }
}
