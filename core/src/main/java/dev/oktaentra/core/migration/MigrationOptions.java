package dev.oktaentra.core.migration;

import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.staging.DeletionThreshold;
import dev.oktaentra.core.validation.AttributeMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one migration.
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
 * @param deletionThreshold the Connect server's deletion threshold, {@value DeletionThreshold#DEFAULT_LIMIT} unless
 *        it was changed with {@code Enable-ADSyncExportDeletionThreshold}: {@code analyse-staging-export} fails when the
 *        pending export holds more deletes, because the server would stop the whole export (see
 *        {@link DeletionThreshold})
 * @param reviewedLeavers a file of the users whose pending delete the operator has reviewed as leavers, one
 *        sourceAnchor or connector-space DN a line (see {@link dev.oktaentra.core.staging.ReviewedLeavers}), or
 *        {@code null}: then every pending delete fails {@code analyse-staging-export}
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
        Path reviewedLeavers) {

    /** Entra Connect's own deletion threshold, used as the default per step. */
    public static final int DEFAULT_MAX_WRITES = 500;
    /** The default share of cloud ImmutableIDs the anchor must explain. */
    public static final double DEFAULT_MIN_COVERAGE = 0.95;

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
     * @param deletionThreshold the Connect server's deletion threshold, at least 1
     * @param reviewedLeavers the file of the users whose pending delete the operator has reviewed, or {@code null}
     */
    public MigrationOptions {
        if (maxWritesPerStep < 1) {
            throw new IllegalArgumentException("maxWritesPerStep must be at least 1, got " + maxWritesPerStep);
        }
        if (minAnchorCoverage < 0 || minAnchorCoverage > 1) {
            throw new IllegalArgumentException("minAnchorCoverage must be between 0 and 1, got " + minAnchorCoverage);
        }
        if (deletionThreshold < 1) {
            throw new IllegalArgumentException("deletionThreshold must be at least 1, got " + deletionThreshold);
        }
        rules = rules == null ? null : List.copyOf(rules);
        attributeMappings = List.copyOf(Objects.requireNonNull(attributeMappings, "attributeMappings"));
    }

    /**
     * The defaults: 500 writes per step, the anchor detected, Entra Connect's rules, the {@code mail} mapping,
     * 95% coverage, Entra Connect's deletion threshold of 500 and no reviewed leavers.
     *
     * @return the defaults
     */
    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_MAX_WRITES, null, null, AttributeMapping.DEFAULTS, DEFAULT_MIN_COVERAGE,
                null, null, DeletionThreshold.DEFAULT_LIMIT, null);
    }

    /**
     * A copy with another change threshold.
     *
     * @param value the threshold
     * @return a copy with it
     */
    public MigrationOptions withMaxWritesPerStep(int value) {
        return new MigrationOptions(value, anchor, rules, attributeMappings, minAnchorCoverage, stagingExport,
                topology, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with another source anchor.
     *
     * @param value the anchor
     * @return a copy with it
     */
    public MigrationOptions withAnchor(SourceAnchor value) {
        return new MigrationOptions(maxWritesPerStep, value, rules, attributeMappings, minAnchorCoverage,
                stagingExport, topology, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with other match rules.
     *
     * @param value the rules
     * @return a copy with them
     */
    public MigrationOptions withRules(List<MatchRule> value) {
        return new MigrationOptions(maxWritesPerStep, anchor, value, attributeMappings, minAnchorCoverage,
                stagingExport, topology, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with other attribute mappings.
     *
     * @param value the mappings
     * @return a copy with them
     */
    public MigrationOptions withAttributeMappings(List<AttributeMapping> value) {
        return new MigrationOptions(maxWritesPerStep, anchor, rules, value, minAnchorCoverage, stagingExport,
                topology, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with another minimum anchor coverage.
     *
     * @param value the coverage
     * @return a copy with it
     */
    public MigrationOptions withMinAnchorCoverage(double value) {
        return new MigrationOptions(maxWritesPerStep, anchor, rules, attributeMappings, value, stagingExport,
                topology, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with another staging export.
     *
     * @param value the export file
     * @return a copy with it
     */
    public MigrationOptions withStagingExport(Path value) {
        return new MigrationOptions(maxWritesPerStep, anchor, rules, attributeMappings, minAnchorCoverage, value,
                topology, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with other topology needs.
     *
     * @param value the needs
     * @return a copy with them
     */
    public MigrationOptions withTopology(TopologyNeeds value) {
        return new MigrationOptions(maxWritesPerStep, anchor, rules, attributeMappings, minAnchorCoverage,
                stagingExport, value, deletionThreshold, reviewedLeavers);
    }

    /**
     * A copy with another deletion threshold.
     *
     * @param value the Connect server's deletion threshold
     * @return a copy with it
     */
    public MigrationOptions withDeletionThreshold(int value) {
        return new MigrationOptions(maxWritesPerStep, anchor, rules, attributeMappings, minAnchorCoverage,
                stagingExport, topology, value, reviewedLeavers);
    }

    /**
     * A copy with another file of reviewed leavers.
     *
     * @param value the file of reviewed leavers, or {@code null}
     * @return a copy with it
     */
    public MigrationOptions withReviewedLeavers(Path value) {
        return new MigrationOptions(maxWritesPerStep, anchor, rules, attributeMappings, minAnchorCoverage,
                stagingExport, topology, deletionThreshold, value);
    }
}
