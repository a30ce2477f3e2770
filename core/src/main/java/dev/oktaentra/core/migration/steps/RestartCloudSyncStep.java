package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudSyncJobRun;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phase 7 (cloud sync): "Restart the cloud provisioning sync" once the mismatched users' ImmutableIDs are bound
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning, "Enable cloud sync
 * agents", steps 7 and 8), as a planned, journaled restart of every provisioning job (not the password hash job,
 * which matches nothing). The restart resets {@link CloudSyncJobRun#RESET_SCOPE}, never {@code Full}. It passes once
 * the journal shows a restart of every provisioning job since the step's latest plan and each job runs.
 */
final class RestartCloudSyncStep extends BaseMigrationStep {

    static final String ID = "restart-cloud-sync";

    RestartCloudSyncStep() {
        super(ID, "Restart the cloud provisioning sync", StepKind.AUTOMATED);
    }

    private TenantSync tenant(MigrationContext ctx) {
        return MigrationContext.require(ctx.tenant(), "the tenant controls", id());
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        List<Change> changes = new ArrayList<>();
        for (CloudSyncJob job : tenant(ctx).cloudSyncJobs()) {
            if (job.isProvisioning()) {
                changes.add(CloudSyncJobRun.restart(job, "restart the cloud provisioning sync of "
                        + job.servicePrincipalName() + " after the ImmutableID fixes"));
            }
        }
        if (changes.isEmpty()) {
            return plan(ctx, List.of(), List.of("No cloud sync provisioning job exists to restart: run "
                    + "enable-cloud-sync first, then plan this step again."));
        }
        return plan(ctx, changes, List.of());
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        Set<String> restarted = restartedSinceLastPlan(ctx);
        List<StepFinding> findings = new ArrayList<>();
        boolean ok = true;
        boolean any = false;
        for (CloudSyncJob job : tenant(ctx).cloudSyncJobs()) {
            if (!job.isProvisioning()) {
                continue;
            }
            any = true;
            boolean done = restarted.contains(job.jobId());
            boolean active = CloudSyncJobRun.isActive(job);
            ok &= done && active;
            String text = job.servicePrincipalName() + " (" + job.jobId() + "): " + (done ? "restarted" : "not "
                    + "restarted by this step") + ", " + job.status();
            findings.add(done && active ? StepFinding.info(text) : StepFinding.error(text));
        }
        if (!any) {
            findings.add(StepFinding.error("No cloud sync provisioning job exists."));
        }
        return ok && any ? VerifyResult.passed(findings) : VerifyResult.failed(findings);
    }

    /** The jobs the journal shows restarted by this step since its latest plan. */
    private Set<String> restartedSinceLastPlan(MigrationContext ctx) {
        Set<String> jobs = new HashSet<>();
        for (JournalEntry e : ctx.journal().entries()) {
            if (!id().equals(e.step())) {
                continue;
            }
            if (e.type() == JournalEntry.Type.PLANNED) {
                jobs.clear();
            } else if (e.type() == JournalEntry.Type.CHANGE_APPLIED && e.change() != null
                    && CloudSyncJobRun.RESTARTED.equals(e.change().after())) {
                jobs.add(e.change().target());
            }
        }
        return jobs;
    }
}
