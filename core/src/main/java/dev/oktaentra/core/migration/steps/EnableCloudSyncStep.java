package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudSyncJobRun;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phase 7 (cloud sync): start every job the cloud sync configuration needs, {@code AD2AADProvisioning} and, where
 * password hash sync is configured, {@code AD2AADPasswordHash} (both are jobs of the configuration's service
 * principal, https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-inbound-synch-ms-graph); it passes
 * only when every one runs.
 *
 * <p>Before the jobs start, the plan provisions a sample of users on demand ({@link OnDemandSample}), each a
 * journaled change ahead of the starts: on-demand provisioning really provisions the user, it is not a dry run, so
 * the sample is drawn from the users the validation predicts to hard-match. A sampled user that was created instead of
 * matched (or whose answer says anything else) stops the apply before any job starts, names the user and says what
 * to do; the step then plans nothing and fails its verification until a person confirms it.
 */
final class EnableCloudSyncStep extends BaseMigrationStep {

    EnableCloudSyncStep() {
        super("enable-cloud-sync", "Start Entra cloud sync", StepKind.AUTOMATED);
    }

    private TenantSync tenant(MigrationContext ctx) {
        return MigrationContext.require(ctx.tenant(), "the tenant controls", id());
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        List<CloudSyncJob> jobs = tenant(ctx).cloudSyncJobs();
        if (jobs.isEmpty()) {
            return plan(ctx, List.of(), List.of("No cloud sync configuration exists: in the Entra admin center open "
                    + "Entra Connect -> Cloud sync, add a configuration for each AD domain (scoped to the OUs Okta "
                    + "provisioned from) without enabling it, then plan this step again."));
        }
        Optional<String> stop = OnDemandSample.openStop(ctx.journal().entries(), id());
        if (stop.isPresent()) {
            return plan(ctx, List.of(), List.of(stop.get()));
        }
        List<String> instructions = new ArrayList<>();
        List<Change> changes = new ArrayList<>(OnDemandSample.draw(ctx, jobs, id(), instructions));
        for (CloudSyncJob job : jobs) {
            if (!CloudSyncJobRun.isActive(job)) {
                changes.add(CloudSyncJobRun.start(job, (job.isPasswordHashSync() ? "password hash sync for "
                        : "cloud sync for ") + job.servicePrincipalName()));
            }
        }
        return plan(ctx, changes, instructions);
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        List<StepFinding> findings = new ArrayList<>();
        List<CloudSyncJob> jobs = tenant(ctx).cloudSyncJobs();
        boolean ok = !jobs.isEmpty();
        Optional<String> stop = OnDemandSample.openStop(ctx.journal().entries(), id());
        if (stop.isPresent()) {
            ok = false;
            findings.add(StepFinding.error(stop.get()));
        }
        if (jobs.isEmpty()) {
            findings.add(StepFinding.error("No cloud sync job exists."));
        }
        for (CloudSyncJob job : jobs) {
            boolean active = CloudSyncJobRun.isActive(job);
            ok &= active;
            findings.add(active ? StepFinding.info(job.servicePrincipalName() + ": " + job.status())
                    : StepFinding.error(job.servicePrincipalName() + ": " + job.status() + ", not Active"));
        }
        return ok ? VerifyResult.passed(findings) : VerifyResult.failed(findings);
    }
}
