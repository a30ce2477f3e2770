package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.SyncFeatures;
import java.util.List;
import java.util.Objects;

/**
 * Mass validation of anchors: pairs every on-prem user with its cloud counterpart as the target engine and Entra ID
 * would, under the tenant's features, and says for each object what would happen and why.
 *
 * <pre>{@code
 * Validation validation = Validation.builder()
 *         .targetEngine(TargetEngine.connectSync())          // Connect with mS-DS-ConsistencyGuid, the default
 *         .syncFeatures(features, "read from the tenant")    // else the safer assumption, CUTOVER_ASSUMED
 *         .build();                                          // rules default to Entra's
 * try (OnPremDirectory ad = OnPremCsvExport.open(Path.of("adusers.csv"));
 *      CloudDirectory entra = CloudCsvExport.open(Path.of("entrausers.csv"));
 *      ValidationReport report = validation.run(ad, entra)) {
 *     report.writeCsv(Path.of("validation.csv"));
 *     System.out.println(report.counts());
 * }
 * }</pre>
 *
 * <p>Both sides are streamed, and read at once on threads of their own: the cloud side is held in compact arrays,
 * the on-prem side is keyed as it is read and matched once the cloud side is in, and the report's display data
 * waits in a temporary file, so a million users per side fit a 1 GB heap (about 350 MB of it live).
 */
public final class Validation {

    /**
     * The tenant features assumed when none are given: both blocks off, as the runbook's matching window sets them
     * for the cutover, and SoftMatchOnUpn and the onPremisesObjectIdentifier allowance off, the safer assumption (a
     * pair only the UPN finds then needs a person, and a set onPremisesObjectIdentifier blocks).
     */
    public static final SyncFeatures CUTOVER_ASSUMED = new SyncFeatures(false, false, false, false);

    /** How a report names {@link #CUTOVER_ASSUMED}. */
    public static final String CUTOVER_ASSUMED_SOURCE = "not read from the tenant: the matching window's blocks off, "
            + "SoftMatchOnUpn and the onPremisesObjectIdentifier allowance assumed off";

    private final TargetEngine targetEngine;
    private final SyncFeatures syncFeatures;
    private final String syncFeaturesSource;
    private final List<MatchRule> rules;
    private final List<AttributeMapping> attributeMappings;
    private final ProgressListener progress;

    private Validation(Builder builder) {
        this.targetEngine = builder.targetEngine;
        this.syncFeatures = builder.syncFeatures;
        this.syncFeaturesSource = builder.syncFeaturesSource;
        this.rules = builder.rules != null ? builder.rules : MatchRule.entraConnectDefaults(anchor());
        this.attributeMappings = builder.attributeMappings;
        this.progress = builder.progress;
    }

    /**
     * A builder with the defaults: Entra Connect Sync with mS-DS-ConsistencyGuid, Entra's rules, the tenant features
     * {@link #CUTOVER_ASSUMED}, the {@code mail} mapping.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates two directories. Their streams are read at once, each on a thread of its own, and the match rules
     * are called on those threads (see {@link MatchRule}); progress is reported on the calling thread.
     *
     * @param onPrem the on-prem side; its stream is opened and closed here
     * @param cloud the cloud side; its stream is opened and closed here
     * @return the report; close it to delete its temporary file
     * @throws dev.oktaentra.core.directory.DirectoryException when a side cannot be read at all
     */
    public ValidationReport run(OnPremDirectory onPrem, CloudDirectory cloud) {
        Objects.requireNonNull(onPrem, "onPrem");
        Objects.requireNonNull(cloud, "cloud");
        return new ValidationRun(this).run(onPrem, cloud);
    }

    /**
     * The source anchor the target engine computes.
     *
     * @return how on-prem users yield their ImmutableID
     */
    public SourceAnchor anchor() {
        return targetEngine.sourceAnchor();
    }

    /**
     * The engine that takes over and its source anchor.
     *
     * @return the target
     */
    public TargetEngine targetEngine() {
        return targetEngine;
    }

    /**
     * The tenant features the prediction assumes the cutover runs with.
     *
     * @return the features
     */
    public SyncFeatures syncFeatures() {
        return syncFeatures;
    }

    /**
     * Where {@link #syncFeatures()} come from, as reports say it.
     *
     * @return e.g. {@code read from the tenant}
     */
    public String syncFeaturesSource() {
        return syncFeaturesSource;
    }

    /**
     * The match rules, in order.
     *
     * @return the rules
     */
    public List<MatchRule> rules() {
        return rules;
    }

    /**
     * The attribute mappings checked for predicted deletions.
     *
     * @return the mappings
     */
    public List<AttributeMapping> attributeMappings() {
        return attributeMappings;
    }

    /**
     * The progress listener.
     *
     * @return the listener
     */
    public ProgressListener progress() {
        return progress;
    }

    /** Builds a {@link Validation}; every setting has a default. */
    public static final class Builder {

        /** At most this many rules, so that a rule number fits a byte in the compact per-object arrays. */
        public static final int MAX_RULES = 100;
        /** At most this many mappings, so that predicted deletions fit a bit mask. */
        public static final int MAX_MAPPINGS = 31;

        private TargetEngine targetEngine = TargetEngine.connectSync();
        private SyncFeatures syncFeatures = CUTOVER_ASSUMED;
        private String syncFeaturesSource = CUTOVER_ASSUMED_SOURCE;
        private List<MatchRule> rules;
        private List<AttributeMapping> attributeMappings = AttributeMapping.DEFAULTS;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {
        }

        /**
         * Entra Connect Sync installed with this source anchor: {@code targetEngine(TargetEngine.connectSync(value))}.
         * The default rules follow it.
         *
         * @param value the anchor
         * @return this builder
         */
        public Builder anchor(SourceAnchor value) {
            return targetEngine(TargetEngine.connectSync(Objects.requireNonNull(value, "anchor")));
        }

        /**
         * The engine that takes over and the anchor it computes; default {@link TargetEngine#connectSync()}, Connect
         * with mS-DS-ConsistencyGuid as the runbook installs it. Connect's default scope rules are applied for Connect
         * only.
         *
         * @param value the target
         * @return this builder
         */
        public Builder targetEngine(TargetEngine value) {
            this.targetEngine = Objects.requireNonNull(value, "targetEngine");
            return this;
        }

        /**
         * The tenant features the cutover runs with (BlockSoftMatch, the hard-match takeover block, SoftMatchOnUpn, the
         * onPremisesObjectIdentifier allowance); default {@link #CUTOVER_ASSUMED}.
         *
         * @param value the features
         * @param source where they come from, for the report, e.g. {@code read from the tenant, with the matching
         *        window's blocks off}
         * @return this builder
         */
        public Builder syncFeatures(SyncFeatures value, String source) {
            this.syncFeatures = Objects.requireNonNull(value, "syncFeatures");
            this.syncFeaturesSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The match rules, in order; default {@link MatchRule#entraConnectDefaults(SourceAnchor)} for the anchor. Put
         * the hard match first, as Entra does; a rule other than Entra's built-ins is the operator's own, which Entra
         * never applies: a pair only it finds is {@code CUSTOM_MATCH_ONLY}.
         *
         * @param value the rules
         * @return this builder
         * @throws IllegalArgumentException when there are none or more than {@value #MAX_RULES}
         */
        public Builder rules(List<MatchRule> value) {
            if (value.isEmpty() || value.size() > MAX_RULES) {
                throw new IllegalArgumentException("A validation needs 1 to " + MAX_RULES + " rules, got "
                        + value.size());
            }
            this.rules = List.copyOf(value);
            return this;
        }

        /**
         * The match rules, in order.
         *
         * @param value the rules
         * @return this builder
         */
        public Builder rules(MatchRule... value) {
            return rules(List.of(value));
        }

        /**
         * The attributes checked for predicted deletions; default {@link AttributeMapping#DEFAULTS}.
         *
         * @param value the mappings, possibly none
         * @return this builder
         * @throws IllegalArgumentException when there are more than {@value #MAX_MAPPINGS}
         */
        public Builder attributeMappings(List<AttributeMapping> value) {
            if (value.size() > MAX_MAPPINGS) {
                throw new IllegalArgumentException("At most " + MAX_MAPPINGS + " attribute mappings, got "
                        + value.size());
            }
            this.attributeMappings = List.copyOf(value);
            return this;
        }

        /**
         * Hears progress; default none.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder progress(ProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * Builds the validation.
         *
         * @return the validation
         */
        public Validation build() {
            return new Validation(this);
        }
    }
}
