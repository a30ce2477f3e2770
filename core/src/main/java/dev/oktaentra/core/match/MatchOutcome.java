package dev.oktaentra.core.match;

/**
 * What the validation concludes for one object, as the target engine and Entra ID would treat it under the rules in
 * force in 2026. Only Entra's own rules (the hard match on the source anchor, the soft match on the primary SMTP
 * address and, where the tenant allows it, the userPrincipalName) yield {@link #MATCHED} or {@link #SOFT_MATCH_ONLY}.
 */
public enum MatchOutcome {

    /** Hard match: the cloud user already holds the ImmutableID this on-prem user yields, and nothing blocks it. */
    MATCHED,

    /**
     * A soft match (or a custom rule) finds a cloud user whose ImmutableID differs: Entra ID never soft-matches a user
     * that holds an ImmutableID, so it provisions a new object, which collides with the cloud user
     * ({@code AttributeValueMustBeUnique}, or a quarantined duplicate). Fix that cloud user's ImmutableID (or the
     * on-prem anchor); the cause says which mistake explains the difference.
     */
    ANCHOR_MISMATCH,

    /**
     * Entra's soft match (primary SMTP address, or userPrincipalName where the tenant allows it) finds a cloud user
     * without an ImmutableID: the sync would take it over and stamp the anchor. Fine, unless something blocks the
     * takeover (the finding's block reasons).
     */
    SOFT_MATCH_ONLY,

    /**
     * Only a custom rule of the operator's (e.g. on employeeID) pairs the object with a cloud user without an
     * ImmutableID. Entra ID never matches on such a rule: the object would be created a second time. Stamp the
     * ImmutableID first (remediate-anchors), so that the hard match finds it.
     */
    CUSTOM_MATCH_ONLY,

    /**
     * The hard match finds the cloud user, but Entra ID will not let the sync take it over (an admin role, active or
     * eligible; an {@code onPremisesObjectIdentifier} already set; a cloud-managed user; the tenant's hard-match
     * block): the export stops with an error or adds a colliding object. The finding's block reasons say which, and
     * how to clear them for the matching window.
     */
    HARD_MATCH_BLOCKED,

    /** No cloud counterpart: the sync would add a new cloud user (colliding when its UPN or an address is taken). */
    ONPREM_ONLY,

    /**
     * A cloud user with an ImmutableID that no on-prem object explains: an orphan. A new sync server never joined it,
     * so it is left behind as it is (not deleted); one still marked synced can no longer be edited in the cloud.
     */
    CLOUD_ONLY,

    /**
     * Several candidates (rules disagree, or several objects claim one counterpart), or a match Microsoft does not
     * document (the {@code mail} fallback). A person must decide.
     */
    AMBIGUOUS,

    /** One anchor on two objects of one side: the sync engine cannot tell them apart. */
    DUPLICATE_ANCHOR,

    /** A record that could not be read (bad GUID, missing UPN, …); the finding says where and why. */
    INVALID,

    /**
     * Not part of the sync: a cloud user without an ImmutableID and without an on-prem counterpart, or an on-prem
     * object that Entra Connect's default rules leave out (the finding names the rule).
     */
    OUT_OF_SCOPE
}
