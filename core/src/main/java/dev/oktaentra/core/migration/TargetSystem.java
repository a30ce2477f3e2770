package dev.oktaentra.core.migration;

/** Where a {@link ChangeKind} writes its changes: for people, and for what a configuration must provide. */
public enum TargetSystem {
    /** Active Directory, through the context's on-prem {@link dev.oktaentra.core.directory.DirectoryWriter}. */
    ON_PREM,
    /** Entra ID users, through the context's cloud {@link dev.oktaentra.core.directory.DirectoryWriter}. */
    CLOUD,
    /** The identity provider's apps (Okta), through the context's provisioning source. */
    PROVISIONING,
    /** Entra tenant settings, cloud sync jobs and on-demand provisionings, through the context's tenant port. */
    TENANT
}
