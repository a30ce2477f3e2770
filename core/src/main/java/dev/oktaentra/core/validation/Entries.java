package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.match.MatchOutcome;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the on-prem pass learned about each spilled entry, in parallel arrays (about 15 bytes an entry), and how
 * that becomes an outcome once both sides are known. The display data stays in the {@link Spill}.
 */
final class Entries {

    /** A record one side could not read. */
    static final byte INVALID = 0;
    /** No rule found a candidate. */
    static final byte NONE = 1;
    /** A hard rule found exactly one cloud user. */
    static final byte HARD = 2;
    /** A hard rule found several cloud users with the same ImmutableID. */
    static final byte HARD_MULTI = 3;
    /** A soft rule found exactly one cloud user, and no later rule disagreed. */
    static final byte SOFT = 4;
    /** A soft rule found several cloud users. */
    static final byte SOFT_MULTI = 5;
    /** Two rules found different cloud users. */
    static final byte SOFT_CONFLICT = 6;
    /** A soft rule, ordered before the hard match, found the cloud user that already holds this anchor. */
    static final byte SOFT_SAME_ANCHOR = 7;

    private static final MismatchCause[] CAUSES = MismatchCause.values();

    private int size;
    private byte[] kinds = new byte[1024];
    private int[] candidates = new int[1024];
    /** Set when another on-prem object yields the same anchor. */
    private boolean[] duplicates = new boolean[1024];
    private byte[] causes = new byte[1024];
    private byte[] rules = new byte[1024];
    private int[] deletions = new int[1024];
    /** What the matching noted about the few entries that need words: conflicts, and why a rule failed. */
    private final Map<Integer, String> notes = new HashMap<>();

    /** Records an entry; returns its number, which is also its position in the spill. */
    int add(byte kind, int candidate, MismatchCause cause, int rule, int deletionMask) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            candidates = Arrays.copyOf(candidates, capacity);
            duplicates = Arrays.copyOf(duplicates, capacity);
            causes = Arrays.copyOf(causes, capacity);
            rules = Arrays.copyOf(rules, capacity);
            deletions = Arrays.copyOf(deletions, capacity);
        }
        kinds[size] = kind;
        candidates[size] = candidate;
        causes[size] = (byte) (cause == null ? -1 : cause.ordinal());
        rules[size] = (byte) rule;
        deletions[size] = deletionMask;
        return size++;
    }

    int size() {
        return size;
    }

    /** Notes an entry: the candidates a conflict is between, or (for an INVALID entry) why. */
    void note(int entry, String note) {
        if (note != null) {
            notes.put(entry, note);
        }
    }

    /** The entry's note, or {@code null}. */
    String note(int entry) {
        return notes.get(entry);
    }

    byte kind(int entry) {
        return kinds[entry];
    }

    int candidate(int entry) {
        return candidates[entry];
    }

    /** Marks an entry as sharing its anchor with another on-prem object. */
    void markDuplicate(int entry) {
        duplicates[entry] = true;
    }

    /** The rule index that decided, or -1. */
    int rule(int entry) {
        return rules[entry];
    }

    int deletions(int entry) {
        return deletions[entry];
    }

    MismatchCause cause(int entry) {
        return causes[entry] < 0 ? null : CAUSES[causes[entry]];
    }

    /** The outcome of an entry, now that every claim on the cloud side is counted. */
    MatchOutcome outcome(int entry, CloudStore cloud) {
        byte kind = kinds[entry];
        if (kind == INVALID) {
            return MatchOutcome.INVALID;
        }
        if (duplicates[entry] || kind == HARD_MULTI) {
            return MatchOutcome.DUPLICATE_ANCHOR;
        }
        switch (kind) {
            case HARD:
            case SOFT_SAME_ANCHOR:
                return MatchOutcome.MATCHED;
            case SOFT_MULTI:
            case SOFT_CONFLICT:
                return MatchOutcome.AMBIGUOUS;
            case SOFT:
                int c = candidates[entry];
                if (cloud.hardClaims(c) > 0) {
                    return MatchOutcome.ONPREM_ONLY;
                }
                if (cloud.softClaims(c) > 1) {
                    return MatchOutcome.AMBIGUOUS;
                }
                return cloud.hasImmutableId(c) ? MatchOutcome.ANCHOR_MISMATCH : MatchOutcome.SOFT_MATCH_ONLY;
            default:
                return MatchOutcome.ONPREM_ONLY;
        }
    }
}
