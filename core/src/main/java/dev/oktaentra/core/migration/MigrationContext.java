package dev.oktaentra.core.migration;

import dev.oktaentra.core.detect.AnchorDetection;
import dev.oktaentra.core.detect.AnchorSourceDetector;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.tenant.DirectoryAuditLog;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step works with: the ports to both directories, the identity provider and the tenant, a clock, the
 * journal, a progress listener and the options. Steps receive it instead of long parameter lists; a port the
 * migration does not use may be absent, and a step that needs it says so.
 *
 * <p>The context also keeps, for one run, what several steps share: the detected anchor and the validation report.
 */
public final class MigrationContext implements AutoCloseable {

    private final OnPremDirectory onPrem;
    private final DirectoryWriter onPremWriter;
    private final CloudDirectory cloud;
    private final DirectoryWriter cloudWriter;
    private final ProvisioningSource provisioning;
    private final TenantSync tenant;
    private final DirectoryAuditLog directoryAudits;
    private final Clock clock;
    private final ProgressListener progress;
    private final MigrationOptions options;
    private Journal journal;
    private AnchorDetection detection;
    private ValidationReport report;

    private MigrationContext(Builder builder) {
        this.onPrem = builder.onPrem;
        this.onPremWriter = builder.onPremWriter;
        this.cloud = builder.cloud;
        this.cloudWriter = builder.cloudWriter;
        this.provisioning = builder.provisioning;
        this.tenant = builder.tenant;
        this.directoryAudits = builder.directoryAudits;
        this.clock = builder.clock;
        this.progress = builder.progress;
        this.options = builder.options;
    }

    /**
     * A builder; every port is optional.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The on-prem directory.
     *
     * @return the on-prem directory, if configured
     */
    public Optional<OnPremDirectory> onPrem() {
        return Optional.ofNullable(onPrem);
    }

    /**
     * The on-prem writer.
     *
     * @return the on-prem writer, if configured
     */
    public Optional<DirectoryWriter> onPremWriter() {
        return Optional.ofNullable(onPremWriter);
    }

    /**
     * The cloud directory.
     *
     * @return the cloud directory, if configured
     */
    public Optional<CloudDirectory> cloud() {
        return Optional.ofNullable(cloud);
    }

    /**
     * The cloud writer.
     *
     * @return the cloud writer, if configured
     */
    public Optional<DirectoryWriter> cloudWriter() {
        return Optional.ofNullable(cloudWriter);
    }

    /**
     * The identity provider.
     *
     * @return the identity provider, if configured
     */
    public Optional<ProvisioningSource> provisioning() {
        return Optional.ofNullable(provisioning);
    }

    /**
     * The tenant's sync controls.
     *
     * @return the tenant controls, if configured
     */
    public Optional<TenantSync> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * Entra ID's directory audit log, read by {@code verify-cutover} for writes Okta still makes.
     *
     * @return the audit log, if configured
     */
    public Optional<DirectoryAuditLog> directoryAudits() {
        return Optional.ofNullable(directoryAudits);
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Where long operations report progress.
     *
     * @return the progress listener
     */
    public ProgressListener progress() {
        return progress;
    }

    /**
     * The migration's settings.
     *
     * @return the options
     */
    public MigrationOptions options() {
        return options;
    }

    /**
     * The journal of the migration this context belongs to.
     *
     * @return the journal
     * @throws IllegalStateException before the context is attached to a {@link Migration}
     */
    public Journal journal() {
        if (journal == null) {
            throw new IllegalStateException("This context is not attached to a Migration yet");
        }
        return journal;
    }

    void attach(Journal value) {
        this.journal = value;
    }

    /**
     * A port a step cannot do without.
     *
     * @param port the optional port
     * @param what what it is, e.g. {@code the on-prem directory}
     * @param step the step that needs it
     * @param <T> the port type
     * @return the port
     * @throws MigrationException naming the missing port and the step
     */
    public static <T> T require(Optional<T> port, String what, String step) {
        return port.orElseThrow(() -> new MigrationException("Step " + step + " needs " + what
                + ", which this migration was not given; add it to the MigrationContext"));
    }

    /**
     * Which attribute populated the cloud's ImmutableIDs, detected once per run.
     *
     * @return the detection
     */
    public synchronized AnchorDetection anchorDetection() {
        if (detection == null) {
            detection = AnchorSourceDetector.detect(require(onPrem(), "the on-prem directory", "detect-anchor"),
                    require(cloud(), "the cloud directory", "detect-anchor"));
        }
        return detection;
    }

    /**
     * The attribute Okta put into ImmutableID: the one in the options, else the detected one.
     *
     * @return the anchor
     */
    public SourceAnchor anchor() {
        return options.anchor() != null ? options.anchor() : anchorDetection().winner().anchor();
    }

    /**
     * The engine that takes over and the source anchor it will compute: the options' setting, else Entra Connect
     * installed as the runbook instructs for {@link #anchor()} (mS-DS-ConsistencyGuid for a GUID anchor). The install
     * instruction, the validation and through it the staging analysis's join all read this one setting.
     *
     * @return the target
     */
    public TargetEngine targetEngine() {
        return options.targetEngine() != null ? options.targetEngine() : TargetEngine.connectSyncFor(anchor());
    }

    /**
     * The validation of both directories with the target engine, rules and tenant features of this migration,
     * computed once per run; closed with the context. It predicts the cutover as the runbook runs it: inside the
     * matching window, with the tenant's two blocks off (open-matching-window), and the other features as the options
     * give them, else {@link Validation#CUTOVER_ASSUMED}. When the tenant port reads the tenant's domains, the report's
     * rows are marked with their cloud UPN's domain authentication ({@link ValidationReport#markDomains}).
     *
     * @return the report
     */
    public synchronized ValidationReport validation() {
        if (report == null) {
            // When the tenant port reads the features (onPremisesSynchronization.features), they belong here.
            Validation.Builder builder = Validation.builder()
                    .targetEngine(targetEngine())
                    .syncFeatures(options.syncFeatures() != null ? options.syncFeatures().with(MatchBlocks.OPEN)
                            : Validation.CUTOVER_ASSUMED, options.syncFeatures() != null ? "as configured, with the "
                            + "matching window's blocks off (open-matching-window)" : Validation.CUTOVER_ASSUMED_SOURCE)
                    .attributeMappings(options.attributeMappings())
                    .progress(progress);
            if (options.rules() != null) {
                builder.rules(options.rules());
            }
            report = builder.build().run(require(onPrem(), "the on-prem directory", "validate-anchors"),
                    require(cloud(), "the cloud directory", "validate-anchors"));
            // Rows in federated domains are marked: their ImmutableID cannot be changed directly.
            tenant().flatMap(TenantSync::domains).ifPresent(report::markDomains);
        }
        return report;
    }

    /**
     * Forgets the validation, so the next step sees the directories as they are now (after remediation). The anchor
     * detection is kept: remediation makes the cloud agree with the detected anchor, it never changes which one it
     * is, and detection reads both directories again.
     */
    public synchronized void refresh() {
        if (report != null) {
            report.close();
            report = null;
        }
    }

    /** Closes the cached validation; the ports belong to the caller and stay open. */
    @Override
    public synchronized void close() {
        refresh();
        detection = null;
    }

    /** Builds a {@link MigrationContext}. */
    public static final class Builder {
        private OnPremDirectory onPrem;
        private DirectoryWriter onPremWriter;
        private CloudDirectory cloud;
        private DirectoryWriter cloudWriter;
        private ProvisioningSource provisioning;
        private TenantSync tenant;
        private DirectoryAuditLog directoryAudits;
        private Clock clock = Clock.systemUTC();
        private ProgressListener progress = ProgressListener.NONE;
        private MigrationOptions options = MigrationOptions.defaults();

        private Builder() {
        }

        /**
         * Sets the on-prem directory.
         *
         * @param value the on-prem directory
         * @return this builder
         */
        public Builder onPrem(OnPremDirectory value) {
            this.onPrem = value;
            return this;
        }

        /**
         * Sets the on-prem writer.
         *
         * @param value the on-prem writer
         * @return this builder
         */
        public Builder onPremWriter(DirectoryWriter value) {
            this.onPremWriter = value;
            return this;
        }

        /**
         * Sets the cloud directory.
         *
         * @param value the cloud directory
         * @return this builder
         */
        public Builder cloud(CloudDirectory value) {
            this.cloud = value;
            return this;
        }

        /**
         * Sets the cloud writer.
         *
         * @param value the cloud writer
         * @return this builder
         */
        public Builder cloudWriter(DirectoryWriter value) {
            this.cloudWriter = value;
            return this;
        }

        /**
         * Sets the identity provider.
         *
         * @param value the identity provider
         * @return this builder
         */
        public Builder provisioning(ProvisioningSource value) {
            this.provisioning = value;
            return this;
        }

        /**
         * Sets the tenant's sync controls.
         *
         * @param value the tenant controls
         * @return this builder
         */
        public Builder tenant(TenantSync value) {
            this.tenant = value;
            return this;
        }

        /**
         * Sets Entra ID's directory audit log.
         *
         * @param value the audit log
         * @return this builder
         */
        public Builder directoryAudits(DirectoryAuditLog value) {
            this.directoryAudits = value;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param value the clock; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets where long operations report progress.
         *
         * @param value the progress listener
         * @return this builder
         */
        public Builder progress(ProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * Sets the migration's settings.
         *
         * @param value the options; default {@link MigrationOptions#defaults()}
         * @return this builder
         */
        public Builder options(MigrationOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public MigrationContext build() {
            return new MigrationContext(this);
        }
    }
}
