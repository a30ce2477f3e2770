package dev.oktaentra.core.validation;

/**
 * What the match rules found for one on-prem object on their own, before the other objects are known: which cloud
 * user it points at, how it was found, and the claim that lays on that user. {@link MatchDecision#afterRule} builds
 * it rule by rule and {@link MatchDecision#settle} completes it; {@link MatchDecision#onPrem} turns it into a
 * {@link Verdict} once every claim is counted.
 *
 * @param kind how the rules found the candidate
 * @param candidate the cloud user (an entry number of the cloud side), or -1
 * @param rule the index of the rule that decided, or -1; for {@link Kind#OUT_OF_SCOPE} the ordinal of the
 *        {@link dev.oktaentra.core.match.DefaultScopeRule} that leaves the object out
 */
record Pairing(Kind kind, int candidate, int rule) {

    /** Before the first rule: nothing found yet. */
    static final Pairing START = new Pairing(Kind.NONE, -1, -1);

    /** A record that could not be read, or on which a rule failed once the matching reached it. */
    static final Pairing INVALID = new Pairing(Kind.INVALID, -1, -1);

    private static final Kind[] KINDS = Kind.values();

    /** How the rules found an object's candidate. */
    enum Kind {
        /** The record could not be read, or a rule failed on it once the matching reached that rule. */
        INVALID,
        /** No rule found a cloud user. */
        NONE,
        /** A hard rule found exactly one cloud user. */
        HARD,
        /** A hard rule found several cloud users holding the same ImmutableID. */
        HARD_SEVERAL,
        /** One of Entra's documented soft rules found exactly one cloud user, and no later soft rule found another. */
        SOFT,
        /** A soft rule found several cloud users. */
        SOFT_SEVERAL,
        /** A soft rule found one cloud user and a later soft rule another, or several. */
        RULES_DISAGREE,
        /** A soft rule, ordered before the hard match, found the cloud user that already holds this object's anchor. */
        SOFT_SAME_ANCHOR,
        /** Only custom rules found exactly one cloud user: Entra does not match on them. */
        SOFT_CUSTOM,
        /**
         * Only the soft match on the primary SMTP address found one cloud user, by the object's {@code mail} because it
         * has no proxy addresses: a fallback Microsoft does not document.
         */
        SOFT_MAIL,
        /** Entra Connect's default rules leave the object out of the sync; no rule was asked. */
        OUT_OF_SCOPE,
        /**
         * Only a soft rule of Entra's that the tenant's features switch off (BlockSoftMatch, or SoftMatchOnUpn off for
         * the UPN) found exactly one cloud user: the pair Entra would make if the feature allowed it, which it does
         * not.
         */
        SOFT_SWITCHED_OFF;

        /**
         * The kind stored as {@code code}.
         *
         * @param code a {@link #code()}
         * @return the kind
         */
        static Kind of(byte code) {
            return KINDS[code];
        }

        /**
         * A byte for the compact per-object arrays.
         *
         * @return the code
         */
        byte code() {
            return (byte) ordinal();
        }

        /**
         * Whether a single soft candidate, still to be confirmed by later rules: SOFT, SOFT_MAIL, SOFT_SWITCHED_OFF or
         * SOFT_CUSTOM.
         */
        boolean singleSoft() {
            return this == SOFT || this == SOFT_CUSTOM || this == SOFT_MAIL || this == SOFT_SWITCHED_OFF;
        }

        /**
         * How much a single soft candidate's way of being found counts, when a later rule finds the same user: Entra's
         * documented soft match over the undocumented mail fallback, over a soft match the tenant switches off, over
         * a custom rule of the operator's.
         *
         * @return the rank, higher for the stronger; -1 for a pairing that is no single soft candidate
         */
        int softRank() {
            switch (this) {
                case SOFT:
                    return 3;
                case SOFT_MAIL:
                    return 2;
                case SOFT_SWITCHED_OFF:
                    return 1;
                case SOFT_CUSTOM:
                    return 0;
                default:
                    return -1;
            }
        }
    }

    /** The claim a settled pairing lays on the cloud side; claims decide conflicts once every object is paired. */
    enum Claim {
        /** None. */
        NONE,
        /** A hard claim on every cloud user the deciding hard rule found. */
        HARD_EACH_FOUND,
        /** A hard claim on the candidate. */
        HARD,
        /** A soft claim on the candidate. */
        SOFT
    }

    /**
     * Whether later rules can no longer change this pairing.
     *
     * @return true once decided; false before any rule found a candidate, and after a single soft candidate
     */
    boolean decided() {
        return kind != Kind.NONE && !kind.singleSoft();
    }

    /**
     * Whether {@link MatchDecision#settle} needs to know if the candidate already holds the object's anchor.
     *
     * @return true for a single soft candidate
     */
    boolean needsAnchorCheck() {
        return kind.singleSoft();
    }

    /**
     * The claim this pairing lays, once settled.
     *
     * @return the claim
     */
    Claim claim() {
        switch (kind) {
            case HARD:
            case HARD_SEVERAL:
                return Claim.HARD_EACH_FOUND;
            case SOFT_SAME_ANCHOR:
                return Claim.HARD;
            case SOFT:
            case SOFT_CUSTOM:
            case SOFT_MAIL:
            case SOFT_SWITCHED_OFF:
                return Claim.SOFT;
            default:
                return Claim.NONE;
        }
    }

    /**
     * Whether the pairing points at one cloud user that a takeover would overwrite, so that the attributes the object
     * lacks are worth recording.
     *
     * @return true for a single hard or soft candidate
     */
    boolean oneCandidate() {
        return kind == Kind.HARD || kind == Kind.SOFT_SAME_ANCHOR || kind.singleSoft();
    }

    /**
     * Whether the object may end up added as a new cloud user, so that Entra's uniqueness check is worth making: any
     * pairing but a hard match, an ambiguity, an unreadable or out-of-scope object.
     *
     * @return true when the uniqueness check applies
     */
    boolean mayAdd() {
        return kind == Kind.NONE || kind.singleSoft();
    }
}
