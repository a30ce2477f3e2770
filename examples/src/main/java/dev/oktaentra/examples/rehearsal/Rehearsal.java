package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepInfo;
import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.examples.steps.HardMatchSoftMatchesStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A dress rehearsal of a whole migration runbook against an {@link EmbeddedEnvironment}: a dry run that plans every
 * step and writes nothing, then every step applied and verified in order, then the reports. What the runbook leaves
 * to people and to servers outside the library is played, and the output says so each time.
 *
 * <pre>{@code
 * RehearsalResult result = Rehearsal.builder()
 *         .scenario(Scenario.forUsers(2_000, Scenario.DEFAULT_SEED))
 *         .topology(Topology.CONNECT_SERVER)          // or CLOUD_SYNC
 *         .reportDirectory(Path.of("oktaentra-report"))
 *         .output(new PrintWriter(System.out, true))
 *         .build()
 *         .run();
 * result.passed();                                    // every step VERIFIED
 * }</pre>
 */
public final class Rehearsal {

    /** The journal, in the report folder; replaced by each rehearsal. */
    public static final String JOURNAL = "rehearsal-journal.jsonl";
    /** The played Connect server's pending export, in the report folder. */
    public static final String STAGING_EXPORT = "staging-export.synthetic.xml";
    /** Heap a rehearsal needs per seeded user, see {@link #heapNeeded}. */
    static final long HEAP_PER_USER = 14_000;
    /** Heap a rehearsal needs besides its users, see {@link #heapNeeded}. */
    static final long HEAP_BASE = 64_000_000;

    private final Scenario scenario;
    private final Topology topology;
    private final Path dir;
    private final Narration say;
    private final ProgressListener progress;
    private final int maxWritesPerStep;
    private final boolean limitGiven;

    private Rehearsal(Builder b) {
        this.scenario = b.scenario;
        this.topology = b.topology;
        this.dir = b.dir;
        this.say = new Narration(b.out);
        this.progress = b.progress;
        this.limitGiven = b.maxWritesPerStep != null;
        this.maxWritesPerStep = limitGiven ? b.maxWritesPerStep : ownWriteLimit(b.scenario);
    }

    /**
     * The write limit per step a rehearsal of this scenario runs with unless given one: one write per seeded
     * on-prem user, never below {@link MigrationOptions#DEFAULT_MAX_WRITES}. No plan of the rehearsal writes more
     * (every change belongs to one user), and its plans are reviewed by construction: the rehearsal planted what
     * they fix. A real migration keeps Entra Connect's 500 until a person raises it after reviewing a plan.
     *
     * @param scenario what is seeded
     * @return the limit
     */
    public static int ownWriteLimit(Scenario scenario) {
        return Math.max(MigrationOptions.DEFAULT_MAX_WRITES, scenario.users());
    }

    /**
     * A builder with the defaults: {@value Scenario#DEFAULT_USERS} users, the Connect-server runbook,
     * {@code ./oktaentra-report}, no output.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * About how much heap a rehearsal of this scenario needs: {@value #HEAP_PER_USER} bytes per seeded user (the
     * in-memory AD's entries are some 6 KB of that, the rest the stand-ins, the validation and the staging analysis
     * at their peak, and room for the collector) and {@value #HEAP_BASE} bytes besides, as measured (README, "The
     * rehearsal").
     *
     * @param scenario what is seeded
     * @return bytes
     */
    public static long heapNeeded(Scenario scenario) {
        return HEAP_BASE + HEAP_PER_USER * scenario.users();
    }

    /**
     * The runbook a rehearsal runs: the ready one for the topology, with {@link HardMatchSoftMatchesStep} after
     * remediate-anchors.
     *
     * @param topology which path
     * @return the runbook
     */
    public static Runbook runbook(Topology topology) {
        // After remediate-anchors rather than right after validate-anchors: the soft matches' ImmutableIDs can only be
        // written once the users' domain, federated to Okta, is managed, which remediate-anchors has the operator do.
        return (topology == Topology.CONNECT_SERVER ? Runbooks.connectServer() : Runbooks.cloudSync())
                .withStepAfter(StepDriver.REMEDIATE, new HardMatchSoftMatchesStep());
    }

    /**
     * Starts the environment, rehearses, writes the reports and stops the environment.
     *
     * @return how it ended
     */
    public RehearsalResult run() {
        long start = System.nanoTime();
        prepareDirectory();
        header();
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
            say.heading(String.format(Locale.ROOT, "Environment (started in %s, seed %d)", seconds(start),
                    scenario.seed()));
            env.describe().forEach(say::line);
            return run(env, start);
        }
    }

    /**
     * Rehearses on a running environment (which stays running), e.g. to look at it afterwards.
     *
     * @param env the environment, fresh from {@link EmbeddedEnvironment#start}
     * @return how it ended
     */
    public RehearsalResult run(EmbeddedEnvironment env) {
        long start = System.nanoTime();
        prepareDirectory();
        header();
        say.heading(String.format(Locale.ROOT, "Environment (seed %d)", env.scenario().seed()));
        env.describe().forEach(say::line);
        return run(env, start);
    }

    private void header() {
        say.plain("oktaentra rehearsal: the " + runbook(topology).name() + " runbook against an embedded tenant on "
                + "loopback. Nothing leaves this machine.");
    }

    private RehearsalResult run(EmbeddedEnvironment env, long start) {
        // Okta customers federate their Microsoft 365 domain to Okta: Entra ID then refuses to change the ImmutableID
        // of its users (remediate-anchors' instruction: convert it to managed first, which the operator is played doing).
        String federated = env.activeDirectory().domainName();
        env.graph().addDomain(TenantDomain.federated(federated));
        Briefing.print(say, env.seeded(), federated, env.scenario().cloudSyncConfigured(), topology, maxWritesPerStep, limitGiven);
        Runbook runbook = runbook(topology);
        // The anchor is stated, as an operator would once detect-anchor has confirmed it; the step still checks it.
        MigrationOptions options = MigrationOptions.defaults().withMaxWritesPerStep(maxWritesPerStep)
                .withAnchor(SourceAnchor.objectGuid())
                // The planted admin's role is removed for the matching window and restored after it by the library.
                .withRemoveRoleHolders(true)
                .withTopology(new TopologyNeeds(topology == Topology.CONNECT_SERVER, false, false, scenario.users()));
        if (topology == Topology.CONNECT_SERVER) {
            options = options.withStagingExport(dir.resolve(STAGING_EXPORT));
        } else {
            options = options.withTargetEngine(TargetEngine.cloudSync());
        }
        // Entra's rules, then the operator's own on the employee number, which Entra never applies: the user renamed
        // on-prem is paired by it alone (CUSTOM_MATCH_ONLY) and gets its ImmutableID stamped by remediate-anchors.
        List<MatchRule> rules = new ArrayList<>(MatchRule.entraConnectDefaults(SourceAnchor.consistencyGuid()));
        rules.add(MatchRule.attributeEquals("employeeID", "employeeId"));
        options = options.withRules(rules);
        RehearsalReports reports = new RehearsalReports(dir);
        Path journal = dir.resolve(JOURNAL);
        try (Migration migration = Migration.builder().runbook(runbook).context(env.context(options, progress))
                .journal(journal).open()) {
            long dryRunStart = System.nanoTime();
            String failure = null;
            boolean overLimit = false;
            try {
                DryRun.run(migration, env, say);
            } catch (StepDriver.StepFailure e) {
                failure = e.stepId() + ": " + e.getMessage();
                say.step(e.stepId(), "FAILED to plan: " + e.getMessage());
            }
            Map<MatchOutcome, Long> before = Map.of();
            Map<MismatchCause, Long> causes = Map.of();
            if (failure == null) {
                ValidationReport initial = migration.context().validation();
                before = initial.counts();
                causes = initial.causes();
                reports.validation(initial);
            }
            say.line("Dry run took " + seconds(dryRunStart) + ".");

            StepDriver driver = new StepDriver(migration, env, say, dir.resolve(STAGING_EXPORT), reports);
            if (failure == null) {
                long applyStart = System.nanoTime();
                say.heading("Apply and verify, step by step (manual steps and outside servers are played)");
                for (MigrationStep step : runbook.steps()) {
                    try {
                        driver.run(step);
                    } catch (StepDriver.StepFailure e) {
                        failure = e.stepId() + ": " + e.getMessage();
                        overLimit = e.overWriteLimit();
                        say.step(e.stepId(), "FAILED: " + e.getMessage());
                        break;
                    }
                }
                say.line("Apply and verify took " + seconds(applyStart) + ".");
            }

            Map<MatchOutcome, Long> after = failure == null ? migration.context().validation().counts() : Map.of();
            List<StepInfo> steps = migration.info();
            RehearsalResult.Writes writes = RehearsalResult.Writes.of(migration.journal().entries());
            reports.finish(runbook.name(), steps, writes, journal, "Rehearsal: the " + runbook.name()
                    + " runbook on an embedded tenant", String.format(Locale.ROOT, "%,d on-prem users, seed %d; the "
                    + "validation as found before any change, the staging export as analysed, the runbook's status",
                    scenario.users(), scenario.seed()));
            RehearsalResult result = new RehearsalResult(runbook.name(), failure, steps, before, causes, after,
                    writes, reports.files(), Duration.ofNanos(System.nanoTime() - start), maxWritesPerStep, overLimit);
            new RehearsalSummary(say, dir).print(result, steps);
            return result;
        }
    }

    private void prepareDirectory() {
        try {
            Files.createDirectories(dir);
            // A rehearsal starts from nothing: its own journal and export from an earlier run would resume it.
            Files.deleteIfExists(dir.resolve(JOURNAL));
            Files.deleteIfExists(dir.resolve(STAGING_EXPORT));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the report folder " + dir + ": " + e.getMessage(), e);
        }
    }

    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Builds a {@link Rehearsal}. */
    public static final class Builder {
        private Scenario scenario = Scenario.forUsers(Scenario.DEFAULT_USERS, Scenario.DEFAULT_SEED);
        private Topology topology = Topology.CONNECT_SERVER;
        private Path dir = Path.of("oktaentra-report");
        private PrintWriter out = new PrintWriter(java.io.Writer.nullWriter());
        private ProgressListener progress = ProgressListener.NONE;
        private Integer maxWritesPerStep;

        private Builder() {
        }

        /**
         * The write limit per step, instead of {@link #ownWriteLimit(Scenario) the rehearsal's own}: e.g. Entra
         * Connect's 500, to see a plan above it refused.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is below 1
         */
        public Builder maxWritesPerStep(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxWritesPerStep must be at least 1, got " + value);
            }
            this.maxWritesPerStep = value;
            return this;
        }

        /**
         * Sets the scenario the embedded tenant is seeded from.
         *
         * @param value what to seed
         * @return this builder
         */
        public Builder scenario(Scenario value) {
            this.scenario = Objects.requireNonNull(value, "scenario");
            return this;
        }

        /**
         * Sets the runbook to rehearse.
         *
         * @param value which runbook: the Connect server's or cloud sync's
         * @return this builder
         */
        public Builder topology(Topology value) {
            this.topology = Objects.requireNonNull(value, "topology");
            return this;
        }

        /**
         * Sets the folder the reports go to.
         *
         * @param value the report folder, created if missing
         * @return this builder
         */
        public Builder reportDirectory(Path value) {
            this.dir = Objects.requireNonNull(value, "reportDirectory");
            return this;
        }

        /**
         * Sets where the rehearsal's account for people is written.
         *
         * @param value where the account for people goes
         * @return this builder
         */
        public Builder output(PrintWriter value) {
            this.out = Objects.requireNonNull(value, "output");
            return this;
        }

        /**
         * Sets the listener of long phases.
         *
         * @param value where long phases report
         * @return this builder
         */
        public Builder progress(ProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * Builds the rehearsal.
         *
         * @return the rehearsal
         */
        public Rehearsal build() {
            return new Rehearsal(this);
        }
    }
}
