package dev.oktaentra.core.migration;

import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.staging.DeletionThreshold;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.AttributeMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings of one migration.
 *
 * @param maxWritesPerStep the change threshold: a plan with more writes is refused unless this is raised
 *        explicitly (like Entra Connect's 500-deletion guard)
 * @param anchor the attribute Okta put into ImmutableID, or {@code null} to use what {@code detect-anchor} finds
 * @param rules the match rules, or {@code null} for Entra Connect's
 * @param attributeMappings the attributes checked for predicted deletions and back-filled
 * @param minAnchorCoverage the share of cloud ImmutableIDs the anchor must explain for detection to pass
 * @param stagingExport the staging server's {@code csexport} XML (or CSExportAnalyzer CSV), or {@code null} until
 *        the operator has one
 * @param topology the stated needs that decide between a Connect server and cloud sync, or {@code null}
 * @param deletionThreshold the Connect server's deletion threshold, {@value DeletionThreshold#DEFAULT_LIMIT} unless
 *        it was changed with {@code Enable-ADSyncExportDeletionThreshold}: {@code analyse-staging-export} fails when the
 *        pending export holds more deletes, because the server would stop the whole export (see
 *        {@link DeletionThreshold})
 * @param reviewedLeavers a file of the users whose pending delete the operator has reviewed as leavers, one
 *        sourceAnchor or connector-space DN a line (see {@link dev.oktaentra.core.staging.ReviewedLeavers}), or
 *        {@code null}: then every pending delete fails {@code analyse-staging-export}
 * @param federatedUpnSwap whether {@code remediate-anchors} may move the UPN of a cloud user in a federated domain to
 *        the tenant's initial onmicrosoft.com domain, change its ImmutableID and move it back (three journaled changes
 *        per user). Off by default: the plan then tells a person to convert the domain to managed first. A UPN change
 *        touches the user's sign-in name and the OneDrive URL built from it; read the README before switching it on
 * @param reviewedNewUsers a file of the cloud users created while the matching window was open that a person has
 *        checked are new people, not duplicates (one UPN or object id a line, {@code #} comments), or {@code null}:
 *        then every user created since the window opened fails {@code verify-cutover}
 * @param targetEngine the engine that takes over and the source anchor it will compute, read by the install
 *        instruction, the validation and the staging analysis; {@code null} for Connect installed as the runbook
 *        instructs for {@code anchor} ({@link TargetEngine#connectSyncFor})
 * @param syncFeatures the tenant's features ({@code onPremisesSynchronization.features}) as they stand, or {@code null}
 *        when not known; the validation predicts under them with the matching window's blocks off
 * @param removeRoleHolders the opt-in for {@code release-role-holders}: {@code true} removes the directory roles
 *        (active and eligible) of paired cloud users for the matching window and {@code restore-role-holders} assigns
 *        them again; {@code false} (the default) only tells a person to
 * @param onDemandSample how many users {@code enable-cloud-sync} provisions on demand before it starts the cloud sync
 *        jobs, drawn from the predicted hard matches ({@value #DEFAULT_ON_DEMAND_SAMPLE} by default, one rate-limit
 *        window); each is really provisioned, and one that is created instead of matched stops the step. {@code 0}
 *        switches the sample off, which the step's plan records
 */
public record MigrationOptions(
        int maxWritesPerStep,
        SourceAnchor anchor,
        List<MatchRule> rules,
        List<AttributeMapping> attributeMappings,
        double minAnchorCoverage,
        Path stagingExport,
        TopologyNeeds topology,
        int deletionThreshold,
        Path reviewedLeavers,
        boolean federatedUpnSwap,
        Path reviewedNewUsers,
        TargetEngine targetEngine,
        SyncFeatures syncFeatures,
        boolean removeRoleHolders,
        int onDemandSample) {

    /** Entra Connect's own deletion threshold, used as the default per step. */
    public static final int DEFAULT_MAX_WRITES = 500;
    /** The default share of cloud ImmutableIDs the anchor must explain. */
    public static final double DEFAULT_MIN_COVERAGE = 0.95;
    /**
     * The users {@code enable-cloud-sync} provisions on demand by default: as many as one window of the API's rate
     * limit, "5 requests per 10 seconds"
     * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand).
     */
    public static final int DEFAULT_ON_DEMAND_SAMPLE = 5;

    /**
     * Checks the values and freezes the lists.
     *
     * @param maxWritesPerStep the change threshold: a plan with more writes is refused unless this is raised
     *        explicitly (like Entra Connect's 500-deletion guard)
     * @param anchor the source anchor, or {@code null} to use what {@code detect-anchor} finds
     * @param rules the match rules, or {@code null} for Entra Connect's
     * @param attributeMappings the attributes checked for predicted deletions and back-filled
     * @param minAnchorCoverage the share of cloud ImmutableIDs the anchor must explain for detection to pass
     * @param stagingExport the staging server's {@code csexport} XML (or CSExportAnalyzer CSV), or {@code null} until
     *        the operator has one
     * @param topology the stated needs that decide between a Connect server and cloud sync, or {@code null}
     * @param deletionThreshold the Connect server's deletion threshold (Entra Connect's default is 500)
     * @param reviewedLeavers the file of users whose pending delete a person has reviewed, or {@code null}
     * @param federatedUpnSwap whether {@code remediate-anchors} may swap the UPN of users in federated domains
     * @param reviewedNewUsers the file of users created in the matching window that a person has reviewed, or
     *        {@code null}
     * @param targetEngine the engine that takes over and its source anchor, or {@code null} for Connect as the
     *        runbook instructs
     * @param syncFeatures the tenant's features as they stand, or {@code null} when not known
     * @param removeRoleHolders whether the role holders' roles are removed and restored by the library
     * @param onDemandSample how many users enable-cloud-sync provisions on demand first; 0 switches it off
     */
    public MigrationOptions {
        if (maxWritesPerStep < 1) {
            throw new IllegalArgumentException("maxWritesPerStep must be at least 1, got " + maxWritesPerStep);
        }
        if (minAnchorCoverage < 0 || minAnchorCoverage > 1) {
            throw new IllegalArgumentException("minAnchorCoverage must be between 0 and 1, got " + minAnchorCoverage);
        }
        if (onDemandSample < 0) {
            throw new IllegalArgumentException("onDemandSample must be 0 (no sample) or more, got " + onDemandSample);
        }
        if (deletionThreshold < 1) {
            throw new IllegalArgumentException("deletionThreshold must be at least 1, got " + deletionThreshold);
        }
        rules = rules == null ? null : List.copyOf(rules);
        attributeMappings = List.copyOf(Objects.requireNonNull(attributeMappings, "attributeMappings"));
    }

    /**
     * The defaults: 500 writes per step, the anchor detected, Entra Connect's rules, the {@code mail} mapping,
     * 95% coverage, Entra Connect's deletion threshold of 500, no reviewed leavers, no UPN swap for federated users
     * and no reviewed new users.
     *
     * @return the defaults
     */
    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_MAX_WRITES, null, null, AttributeMapping.DEFAULTS, DEFAULT_MIN_COVERAGE,
                null, null, DeletionThreshold.DEFAULT_LIMIT, null, false, null, null, null, false,
                DEFAULT_ON_DEMAND_SAMPLE);
    }

    /**
     * A copy with another change threshold.
     *
     * @param value the threshold
     * @return a copy with it
     */
    public MigrationOptions withMaxWritesPerStep(int value) {
        return copy(c -> c.maxWritesPerStep = value);
    }

    /**
     * A copy with another source anchor.
     *
     * @param value the anchor
     * @return a copy with it
     */
    public MigrationOptions withAnchor(SourceAnchor value) {
        return copy(c -> c.anchor = value);
    }

    /**
     * A copy with other match rules.
     *
     * @param value the rules
     * @return a copy with them
     */
    public MigrationOptions withRules(List<MatchRule> value) {
        return copy(c -> c.rules = value);
    }

    /**
     * A copy with other attribute mappings.
     *
     * @param value the mappings
     * @return a copy with them
     */
    public MigrationOptions withAttributeMappings(List<AttributeMapping> value) {
        return copy(c -> c.attributeMappings = value);
    }

    /**
     * A copy with another minimum anchor coverage.
     *
     * @param value the coverage
     * @return a copy with it
     */
    public MigrationOptions withMinAnchorCoverage(double value) {
        return copy(c -> c.minAnchorCoverage = value);
    }

    /**
     * A copy with another staging export.
     *
     * @param value the export file
     * @return a copy with it
     */
    public MigrationOptions withStagingExport(Path value) {
        return copy(c -> c.stagingExport = value);
    }

    /**
     * A copy with other topology needs.
     *
     * @param value the needs
     * @return a copy with them
     */
    public MigrationOptions withTopology(TopologyNeeds value) {
        return copy(c -> c.topology = value);
    }

    /**
     * Sets the Connect server's deletion threshold.
     *
     * @param value the Connect server's deletion threshold
     * @return a copy with it
     */
    public MigrationOptions withDeletionThreshold(int value) {
        return copy(c -> c.deletionThreshold = value);
    }

    /**
     * Sets the file of reviewed leavers.
     *
     * @param value the file of reviewed leavers, or {@code null}
     * @return a copy with it
     */
    public MigrationOptions withReviewedLeavers(Path value) {
        return copy(c -> c.reviewedLeavers = value);
    }

    /**
     * Lets {@code remediate-anchors} fix the ImmutableID of users in federated domains by moving each one's UPN to the
     * tenant's initial onmicrosoft.com domain and back: three journaled, reversible changes per user. A UPN change
     * renames the user's sign-in name and the OneDrive URL built from it while it lasts; see the README.
     *
     * @param value true to opt in
     * @return a copy with it
     */
    public MigrationOptions withFederatedUpnSwap(boolean value) {
        return copy(c -> c.federatedUpnSwap = value);
    }

    /**
     * Sets the file of reviewed new users.
     *
     * @param value the file of users created in the matching window that a person checked are no duplicates, or
     *        {@code null}
     * @return a copy with it
     */
    public MigrationOptions withReviewedNewUsers(Path value) {
        return copy(c -> c.reviewedNewUsers = value);
    }

    /**
     * A copy with another target engine.
     *
     * @param value the engine and its anchor
     * @return a copy with it
     */
    public MigrationOptions withTargetEngine(TargetEngine value) {
        return copy(c -> c.targetEngine = value);
    }

    /**
     * A copy with other tenant features.
     *
     * @param value the tenant's features as they stand
     * @return a copy with them
     */
    public MigrationOptions withSyncFeatures(SyncFeatures value) {
        return copy(c -> c.syncFeatures = value);
    }

    /**
     * A copy with the role holders' roles removed for the matching window and restored after it by the library
     * ({@code true}), or only an instruction to do so ({@code false}, the default).
     *
     * @param value the opt-in
     * @return a copy with it
     */
    public MigrationOptions withRemoveRoleHolders(boolean value) {
        return copy(c -> c.removeRoleHolders = value);
    }

    /**
     * A copy with another on-demand sample: how many predicted hard matches {@code enable-cloud-sync} provisions on
     * demand before it starts the jobs. Each is a real provisioning, journaled; {@code 0} switches the sample off and
     * the plan says so.
     *
     * @param value the number of users, 0 or more
     * @return a copy with it
     */
    public MigrationOptions withOnDemandSample(int value) {
        return copy(c -> c.onDemandSample = value);
    }

    /** This options' components, to be changed one at a time by the {@code withX} copies. */
    private MigrationOptions copy(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.options();
    }

    /**
     * The components of a copy in the making: one place that lists them all in order, so that a {@code withX} names
     * only the one it changes (the canonical constructor checks the result).
     */
    private static final class Components {
        private int maxWritesPerStep;
        private SourceAnchor anchor;
        private List<MatchRule> rules;
        private List<AttributeMapping> attributeMappings;
        private double minAnchorCoverage;
        private Path stagingExport;
        private TopologyNeeds topology;
        private int deletionThreshold;
        private Path reviewedLeavers;
        private boolean federatedUpnSwap;
        private Path reviewedNewUsers;
        private TargetEngine targetEngine;
        private SyncFeatures syncFeatures;
        private boolean removeRoleHolders;
        private int onDemandSample;

        private Components(MigrationOptions options) {
            maxWritesPerStep = options.maxWritesPerStep;
            anchor = options.anchor;
            rules = options.rules;
            attributeMappings = options.attributeMappings;
            minAnchorCoverage = options.minAnchorCoverage;
            stagingExport = options.stagingExport;
            topology = options.topology;
            deletionThreshold = options.deletionThreshold;
            reviewedLeavers = options.reviewedLeavers;
            federatedUpnSwap = options.federatedUpnSwap;
            reviewedNewUsers = options.reviewedNewUsers;
            targetEngine = options.targetEngine;
            syncFeatures = options.syncFeatures;
            removeRoleHolders = options.removeRoleHolders;
            onDemandSample = options.onDemandSample;
        }

        private MigrationOptions options() {
            return new MigrationOptions(maxWritesPerStep, anchor, rules, attributeMappings, minAnchorCoverage,
                    stagingExport, topology, deletionThreshold, reviewedLeavers, federatedUpnSwap, reviewedNewUsers,
                    targetEngine, syncFeatures, removeRoleHolders, onDemandSample);
        }
    }
}
