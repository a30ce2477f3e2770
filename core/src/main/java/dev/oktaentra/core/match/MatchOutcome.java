package dev.oktaentra.core.match;

/** What the validation concludes for one object, as Entra Connect would treat it. */
public enum MatchOutcome {

    /** Hard match: the cloud user already holds the ImmutableID this on-prem user yields. Nothing to fix. */
    MATCHED,

    /**
     * A soft match (UPN or primary SMTP) finds a cloud user whose ImmutableID differs: Entra Connect would not take
     * it over but create a duplicate or fail. Fix that cloud user's ImmutableID (or the on-prem anchor).
     */
    ANCHOR_MISMATCH,

    /**
     * A soft match finds a cloud user without an ImmutableID: Entra Connect would take it over and stamp the anchor.
     * Fine, unless soft matching is blocked in the tenant or the cloud user holds an admin role.
     */
    SOFT_MATCH_ONLY,

    /** No cloud counterpart: Entra Connect would add a new cloud user. */
    ONPREM_ONLY,

    /** A cloud user with an ImmutableID that no on-prem object explains: an orphan, deleted if still marked synced. */
    CLOUD_ONLY,

    /** Several candidates: rules disagree, or several objects claim one counterpart. A person must decide. */
    AMBIGUOUS,

    /** One anchor on two objects of one side: the sync engine cannot tell them apart. */
    DUPLICATE_ANCHOR,

    /** A record that could not be read (bad GUID, missing UPN, …); the finding says where and why. */
    INVALID,

    /** A cloud user without an ImmutableID and without an on-prem counterpart: cloud-only, not part of the sync. */
    OUT_OF_SCOPE
}
