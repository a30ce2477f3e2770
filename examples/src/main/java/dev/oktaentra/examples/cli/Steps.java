package dev.oktaentra.examples.cli;

/**
 * The step ids of the ready runbooks, for the commands' help. Annotations need constants, so they are spelled out;
 * a test checks them against {@code Runbooks}.
 */
final class Steps {

    static final String CONNECT_SERVER = "choose-topology, detect-anchor, validate-anchors, remediate-anchors, "
            + "backfill-attributes, install-connect-staging, check-cloud-sync-overlap, analyse-staging-export, "
            + "disable-okta-provisioning, open-matching-window, release-role-holders, leave-staging-mode, "
            + "verify-cutover, restore-role-holders, close-matching-window";
    static final String CLOUD_SYNC = "choose-topology, detect-anchor, validate-anchors, remediate-anchors, "
            + "backfill-attributes, disable-okta-provisioning, open-matching-window, release-role-holders, "
            + "enable-cloud-sync, restart-cloud-sync, verify-cutover, restore-role-holders, close-matching-window";

    private Steps() {
    }
}
