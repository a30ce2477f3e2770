package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.Topology;
import java.util.List;

/** The two ready runbooks, one per path of the procedure. */
public final class Runbooks {

    private Runbooks() {
    }

    /**
     * Okta to an Entra Connect server installed in staging mode first.
     *
     * @return the runbook: choose-topology, detect-anchor, validate-anchors, remediate-anchors, backfill-attributes,
     *         install-connect-staging, check-cloud-sync-overlap, analyse-staging-export, disable-okta-provisioning,
     *         open-matching-window, release-role-holders, leave-staging-mode, verify-cutover, restore-role-holders, close-matching-window
     */
    public static Runbook connectServer() {
        return new Runbook("connect-server", List.of(
                new ChooseTopologyStep(Topology.CONNECT_SERVER),
                new DetectAnchorStep(),
                new ValidateAnchorsStep(),
                new RemediateAnchorsStep(),
                new BackfillAttributesStep(),
                new InstallConnectStep(),
                new CloudSyncOverlapStep(),
                new AnalyseStagingExportStep(),
                new DisableOktaProvisioningStep(),
                MatchingWindowStep.open(),
                new ReleaseRoleHoldersStep(),
                new LeaveStagingStep(),
                new VerifyCutoverStep("leave-staging-mode", JournalEntry.Type.OPERATOR_CONFIRMED),
                new RestoreRoleHoldersStep(),
                MatchingWindowStep.close()));
    }

    /**
     * Okta to Entra cloud sync.
     *
     * @return the runbook: choose-topology, detect-anchor, validate-anchors, remediate-anchors, backfill-attributes,
     *         disable-okta-provisioning, open-matching-window, release-role-holders, enable-cloud-sync,
     *         restart-cloud-sync, verify-cutover, restore-role-holders, close-matching-window
     */
    public static Runbook cloudSync() {
        return new Runbook("cloud-sync", List.of(
                new ChooseTopologyStep(Topology.CLOUD_SYNC),
                new DetectAnchorStep(),
                new ValidateAnchorsStep(),
                new RemediateAnchorsStep(),
                new BackfillAttributesStep(),
                new DisableOktaProvisioningStep(),
                MatchingWindowStep.open(),
                new ReleaseRoleHoldersStep(),
                new EnableCloudSyncStep(),
                new RestartCloudSyncStep(),
                new VerifyCutoverStep("enable-cloud-sync", JournalEntry.Type.STEP_APPLIED),
                new RestoreRoleHoldersStep(),
                MatchingWindowStep.close()));
    }

    /**
     * A runbook of your own steps, e.g. a ready runbook's steps with one of yours inserted.
     *
     * @param name its name
     * @param steps the steps in order
     * @return the runbook
     */
    public static Runbook of(String name, List<MigrationStep> steps) {
        return new Runbook(name, steps);
    }
}
