package dev.oktaentra.core.match;

/**
 * Why Entra ID will not let the sync take a cloud user over, although the rules pair it with an on-prem object. The
 * checks are made in the cloud, for Entra Connect Sync and cloud sync alike ("The check is enforced in the cloud, so it
 * applies to both Microsoft Entra Connect Sync and Microsoft Entra Cloud Sync regardless of the client version",
 * https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 * security protections", ms.date 07/01/2026).
 */
public enum BlockReason {

    /**
     * The cloud user holds an active directory role. Hard match: "The cloud account is assigned a privileged Microsoft
     * Entra role" (how-to-connect-install-existing-tenant, "Hard match security protections") and message-center
     * MC1262584 ("Microsoft Entra ID will block hard‑match attempts that target cloud‑managed users who hold Microsoft
     * Entra roles", from early June 2026). Soft match: "Microsoft Entra ID won't match on-premises users with cloud
     * users that have an admin role" (same page, "Considerations on soft matching user with Admin role"). Learn says
     * "privileged" and MC1262584 any role; Graph v1.0 marks no role definition privileged, so any role blocks (the
     * safer reading).
     */
    ADMIN_ROLE,

    /**
     * The cloud user is eligible (Privileged Identity Management) for a directory role: "The cloud account is eligible
     * for a privileged Microsoft Entra role" (how-to-connect-install-existing-tenant, "Hard match security
     * protections"; not in MC1262584 or MC1263280). No source says eligibility blocks a soft match; the validation
     * predicts it does (the safer reading).
     */
    ELIGIBLE_ADMIN_ROLE,

    /**
     * The cloud user's {@code onPremisesObjectIdentifier} is already set and the tenant has not turned on
     * {@code allowOnPremUpdateOfOnPremisesObjectIdentifierEnabled}: "The cloud account already has
     * onPremisesObjectIdentifier set" (how-to-connect-install-existing-tenant, "Hard match security protections"),
     * "Microsoft Entra will block Entra Connect from updating OnPremisesObjectIdentifier once it has been mapped"
     * (MC1263280, enforced from July 1, 2026). The page's table calls the case a "Remap", which suggests a value equal
     * to the object's own objectGUID may pass; no source says so, and any value set is predicted to block.
     */
    ON_PREM_OBJECT_IDENTIFIER,

    /**
     * The cloud user's source of authority is the cloud ({@code onPremisesSyncBehavior.isCloudManaged}): "If true,
     * updates from on-premises Active Directory are blocked in the cloud"
     * (https://learn.microsoft.com/graph/api/resources/onpremisessyncbehavior).
     */
    CLOUD_MANAGED,

    /**
     * The tenant blocks cloud object takeover through hard match ({@code blockCloudObjectTakeoverThroughHardMatchEnabled}:
     * "Used to block cloud object takeover via source anchor hard match if enabled",
     * https://learn.microsoft.com/graph/api/resources/onpremisesdirectorysynchronizationfeature). Whether users that
     * Okta's User Sync shows as synced count as cloud objects is not documented; every hard match is predicted blocked
     * (the safer reading).
     */
    TENANT_BLOCKS_HARD_MATCH,

    /**
     * A soft match only: the tenant blocks soft matching ({@code blockSoftMatchEnabled}: "When this feature is enabled,
     * it blocks the Soft Match feature", https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-features,
     * "BlockSoftMatch"; "Use to block soft match for all objects if enabled for the tenant",
     * https://learn.microsoft.com/graph/api/resources/onpremisesdirectorysynchronizationfeature). The runbook's matching
     * window turns it off for the cutover.
     */
    TENANT_BLOCKS_SOFT_MATCH,

    /**
     * A soft match only, found by the userPrincipalName alone while the tenant's SoftMatchOnUpn is off: "When this
     * feature is enabled, soft-match is enabled for UPN in addition to the primary SMTP address, which is always
     * enabled" (how-to-connect-syncservice-features, "UserPrincipalName soft match"). Turning it on cannot be undone
     * ("Once this feature is enabled, it can't be disabled", Set-EntraDirSyncFeature,
     * https://learn.microsoft.com/powershell/module/microsoft.entra/set-entradirsyncfeature); stamping the ImmutableID
     * makes the match a hard one instead.
     */
    SOFT_MATCH_ON_UPN_OFF
}
