package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.progress.ProgressListener;
import java.util.List;
import java.util.Objects;

/**
 * Mass validation of anchors: pairs every on-prem user with its cloud counterpart as Entra Connect would, and says
 * for each object what would happen and why.
 *
 * <pre>{@code
 * Validation validation = Validation.builder()
 *         .anchor(SourceAnchor.objectGuid())                 // what Okta used; see AnchorSourceDetector
 *         .build();                                          // rules default to Entra Connect's
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

    private final SourceAnchor anchor;
    private final List<MatchRule> rules;
    private final List<AttributeMapping> attributeMappings;
    private final ProgressListener progress;

    private Validation(Builder builder) {
        this.anchor = builder.anchor;
        this.rules = builder.rules != null ? builder.rules : MatchRule.entraConnectDefaults(anchor);
        this.attributeMappings = builder.attributeMappings;
        this.progress = builder.progress;
    }

    /**
     * A builder with the defaults: objectGUID anchor, Entra Connect's rules, the {@code mail} mapping.
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
     * The source anchor.
     *
     * @return how on-prem users yield their ImmutableID
     */
    public SourceAnchor anchor() {
        return anchor;
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

        private SourceAnchor anchor = SourceAnchor.objectGuid();
        private List<MatchRule> rules;
        private List<AttributeMapping> attributeMappings = AttributeMapping.DEFAULTS;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {
        }

        /**
         * The source anchor; default objectGUID. The default rules follow it.
         *
         * @param value the anchor
         * @return this builder
         */
        public Builder anchor(SourceAnchor value) {
            this.anchor = Objects.requireNonNull(value, "anchor");
            return this;
        }

        /**
         * The match rules, in order; default {@link MatchRule#entraConnectDefaults(SourceAnchor)} for the anchor.
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
