package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.CloudSyncJobRun;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.TenantSyncState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 7 (Connect server): take the server out of staging mode so it starts exporting.
 *
 * <p>Its check fails while a cloud sync job runs for an AD domain Connect syncs, even after
 * {@code check-cloud-sync-overlap} passed (someone may have started a trial's configuration since): "An object should
 * be in scope in only one of the tools" (Microsoft Entra Cloud Sync supported topologies and scenarios,
 * https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/plan-cloud-sync-topologies, "Piloting Microsoft Entra
 * Cloud Sync in an existing hybrid AD forest").
 */
final class LeaveStagingStep extends ManualStep {

    LeaveStagingStep() {
        super("leave-staging-mode", "Leave staging mode");
    }

    @Override
    List<String> instructions(MigrationContext ctx) {
        return List.of(
                "Check the pending export once more (analyse-staging-export): no unexpected add or delete.",
                "Check Okta provisioning is off for every Office 365 app (disable-okta-provisioning).",
                "On the Connect server run the wizard: Configure -> Configure staging mode -> clear 'Enable staging "
                        + "mode' -> Next -> tick 'Start the synchronization process' -> Configure.",
                "Watch the first export in Synchronization Service Manager; then confirm this step.");
    }

    @Override
    List<StepFinding> checks(MigrationContext ctx) {
        List<StepFinding> findings = new ArrayList<>();
        if (ctx.tenant().isEmpty()) {
            return findings;
        }
        List<CloudSyncJob> jobs = ctx.tenant().get().cloudSyncJobs();
        for (CloudSyncJob job : CloudSyncOverlap.read(ctx, jobs).overlapping()) {
            if (CloudSyncJobRun.isActive(job)) {
                findings.add(StepFinding.error("Cloud sync job " + CloudSyncOverlap.describe(job) + " of "
                        + job.servicePrincipalName() + " runs for a domain Connect syncs: an object should be in "
                        + "scope in only one of the tools. Delete that cloud sync configuration in the Entra admin "
                        + "center (Entra Connect -> Cloud sync), or scope it apart, before Connect exports."));
            }
        }
        TenantSyncState state = ctx.tenant().get().state();
        Instant confirmed = ctx.journal().last(id(), dev.oktaentra.core.migration.JournalEntry.Type.OPERATOR_CONFIRMED)
                .map(e -> e.at()).orElse(Instant.EPOCH);
        if (!Boolean.TRUE.equals(state.onPremisesSyncEnabled())) {
            findings.add(StepFinding.error("The tenant does not show directory sync as enabled yet."));
        } else if (state.onPremisesLastSyncDateTime() == null
                || state.onPremisesLastSyncDateTime().isBefore(confirmed.minusSeconds(3600))) {
            findings.add(StepFinding.warning("No export seen since staging mode was left (last sync "
                    + state.onPremisesLastSyncDateTime() + ")."));
        } else {
            findings.add(StepFinding.info("The tenant saw a sync at " + state.onPremisesLastSyncDateTime() + "."));
        }
        return findings;
    }
}
