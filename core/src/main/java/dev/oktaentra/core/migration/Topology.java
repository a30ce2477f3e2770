package dev.oktaentra.core.migration;

/** The two ways to synchronise AD with Entra ID after Okta. */
public enum Topology {
    /** An Entra Connect Sync server, installed in staging mode first. */
    CONNECT_SERVER,
    /** Entra cloud sync with lightweight provisioning agents. */
    CLOUD_SYNC
}
