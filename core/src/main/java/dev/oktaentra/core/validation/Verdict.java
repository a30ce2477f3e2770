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
 * @param adminRole which match, if any, an admin role on the cloud user blocks
 * @param takesOver whether the sync takes the cloud user over and overwrites its attributes (deleting those on-prem
 *        lacks); a takeover an admin role blocks counts, as it happens once the roles are removed
 */
record Verdict(MatchOutcome outcome, Advice advice, Export export, AdminRole adminRole, boolean takesOver) {

    /** What a finding's note says. Each names one sentence {@link FindingBuilder} writes. */
    enum Advice {
        /** Nothing, unless the takeover deletes attributes (then: back-fill them on-prem). */
        NOTHING_TO_DO,
        /** The reason the record could not be read, or the rule that failed on it. */
        READ_FAILURE,
        /** An admin role blocks the match: remove the roles for the matching window. */
        ADMIN_ROLE_BLOCKS_MATCH,
        /** Connect will soft-match the user and stamp the anchor. */
        SOFT_MATCH_TAKES_OVER,
        /** Set the cloud user's ImmutableID (or the on-prem anchor), naming the cause. */
        FIX_ANCHOR,
        /** As {@link #FIX_ANCHOR}, and the cloud user holds an admin role too. */
        FIX_ANCHOR_AND_ADMIN_ROLE,
        /** What the matching noted: which cloud users a rule found, or which rules disagree. */
        PAIRING_NOTE,
        /** Several on-prem objects yield this anchor. */
        ANCHOR_ON_SEVERAL_OBJECTS,
        /** Several on-prem objects soft-match one cloud user: decide which owns it. */
        SEVERAL_OBJECTS_SOFT_MATCH,
        /** The soft-matched cloud user belongs to another on-prem object: Connect creates a new user. */
        COUNTERPART_TAKEN,
        /** No counterpart: Connect creates a new user. */
        NEW_USER,
        /** Several cloud users hold this ImmutableID: give each its own. */
        ANCHOR_ON_SEVERAL_CLOUD_USERS,
        /** An orphan still marked synced: Connect deletes it. */
        ORPHAN_DELETED,
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
        /** A new user that collides with the cloud user already standing for it. */
        CONFLICTING_ADD,
        /** An update of the cloud user taken over. */
        UPDATE,
        /** A delete of the cloud user. */
        DELETE
    }

    /** Which match an admin role on the cloud user blocks (counted in {@link ValidationSummary}). */
    enum AdminRole {
        /** None. */
        NONE,
        /** A soft match, or a soft match onto another anchor. */
        BLOCKS_SOFT_MATCH,
        /** A hard match. */
        BLOCKS_HARD_MATCH
    }
}
