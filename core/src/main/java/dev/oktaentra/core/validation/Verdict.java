package dev.oktaentra.core.validation;

import dev.oktaentra.core.match.MatchOutcome;

/**
 * What the validation concludes for one object: one row of {@link MatchDecision}'s table. The finding's note is
 * written from {@link #advice()} and the staging prediction counted from {@link #export()}, so that a new outcome is a
 * new verdict and nothing else.
 *
 * @param outcome the outcome
 * @param advice what the finding's note says
 * @param export what the staging server's pending export holds for the object
 * @param blocked which match, if any, Entra ID blocks (the reasons are the candidate's, {@link MatchDecision#blocks})
 * @param takesOver whether the sync takes the cloud user over and overwrites its attributes (deleting those on-prem
 *        lacks): a takeover counts when it happens once what blocks it is cleared (a role removed for the matching
 *        window, an ImmutableID stamped)
 */
record Verdict(MatchOutcome outcome, Advice advice, Export export, Blocked blocked, boolean takesOver) {

    /** What a finding's note says. Each names one sentence {@link Notes} writes. */
    enum Advice {
        /** Nothing, unless the takeover changes attributes (then: which, and back-fill them on-prem). */
        NOTHING_TO_DO,
        /** The reason the record could not be read, or the rule that failed on it. */
        READ_FAILURE,
        /** Entra Connect's default rules leave the object out of the sync: which rule. */
        DEFAULT_SCOPE,
        /** Entra ID blocks the hard match: each reason and how to clear it for the matching window. */
        HARD_MATCH_BLOCKED,
        /** Entra ID blocks the soft match: each reason and how to clear it. */
        SOFT_MATCH_BLOCKED,
        /** The sync will soft-match the user and stamp the anchor. */
        SOFT_MATCH_TAKES_OVER,
        /** Only a custom rule finds the user: stamp the ImmutableID first (remediate-anchors). */
        STAMP_IMMUTABLE_ID,
        /** Only the undocumented {@code mail} fallback finds the user: stamp the ImmutableID first. */
        MAIL_SOFT_MATCH_UNCONFIRMED,
        /** Set the cloud user's ImmutableID (or the on-prem anchor), naming the cause. */
        FIX_ANCHOR,
        /** What the matching noted: which cloud users a rule found, or which rules disagree. */
        PAIRING_NOTE,
        /** Several on-prem objects yield this anchor. */
        ANCHOR_ON_SEVERAL_OBJECTS,
        /** Several on-prem objects soft-match one cloud user: decide which owns it. */
        SEVERAL_OBJECTS_SOFT_MATCH,
        /** The soft-matched cloud user belongs to another on-prem object: the sync creates a new user. */
        COUNTERPART_TAKEN,
        /** No counterpart: the sync creates a new user. */
        NEW_USER,
        /** Several cloud users hold this ImmutableID: give each its own. */
        ANCHOR_ON_SEVERAL_CLOUD_USERS,
        /** An orphan still marked synced: left behind, read-only, never updated again. */
        ORPHAN_LEFT_SYNCED,
        /** An orphan no longer synced: it stays a cloud user. */
        ORPHAN_STAYS,
        /** A cloud-only user the sync leaves alone. */
        LEFT_ALONE
    }

    /** What the staging server's pending export holds for an object (see {@link StagingPrediction}). */
    enum Export {
        /** Nothing. */
        NONE,
        /** A new user. */
        ADD,
        /** A new user that collides with a cloud user already there, or a match Entra ID refuses. */
        CONFLICTING_ADD,
        /** An update of the cloud user taken over. */
        UPDATE
    }

    /** Which match Entra ID blocks (counted per reason in {@link ValidationSummary}). */
    enum Blocked {
        /** None. */
        NONE,
        /** A soft match, or one the fixed anchor would make. */
        SOFT_MATCH,
        /** A soft match the tenant's features switch off (and whatever else blocks it), counted as a soft block. */
        SOFT_MATCH_SWITCHED_OFF,
        /** A hard match. */
        HARD_MATCH
    }
}
