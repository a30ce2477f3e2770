package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Connect runbook, before the staging analysis: no cloud sync configuration may sync the AD domains Entra Connect is
 * about to sync, such as a paused configuration left from a trial with its {@code AD2AADProvisioning} and
 * {@code AD2AADPasswordHash} jobs. Microsoft's "Microsoft Entra Cloud Sync supported topologies and scenarios"
 * (https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/plan-cloud-sync-topologies, "Piloting Microsoft
 * Entra Cloud Sync in an existing hybrid AD forest"): "An object should be in scope in only one of the tools."
 *
 * <p>A running ({@code Active}) job of such a configuration fails the step outright. Any other job (paused,
 * quarantined, never run) must be handled before the step passes: the configuration deleted in the Entra admin
 * center, or a person confirming the step, after the plan that named the job, to record that it is scoped so that no
 * object is in scope of both. The library never deletes a job itself: Graph's delete "Stop[s] the synchronization
 * job, and permanently delete[s] all the state associated with it. Synchronized accounts are left as-is."
 * (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-delete); it cannot be undone and is the
 * tenant owner's decision, so the step gives it as an instruction.
 */
final class CloudSyncOverlapStep extends BaseMigrationStep {

    static final String ID = "check-cloud-sync-overlap";

    CloudSyncOverlapStep() {
        super(ID, "No cloud sync configuration syncs what Connect will", StepKind.CHECK);
    }

    private CloudSyncOverlap read(MigrationContext ctx) {
        TenantSync tenant = MigrationContext.require(ctx.tenant(), "the tenant controls", id());
        return CloudSyncOverlap.read(ctx, tenant.cloudSyncJobs());
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        return verify(ctx).findings();
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        CloudSyncOverlap overlap = read(ctx);
        List<String> instructions = new ArrayList<>();
        for (Map.Entry<String, List<CloudSyncJob>> config : overlap.byConfiguration().entrySet()) {
            instructions.add(instruction(config.getValue()));
        }
        return plan(ctx, List.of(), instructions);
    }

    private String instruction(List<CloudSyncJob> jobs) {
        CloudSyncJob first = jobs.get(0);
        String name = first.servicePrincipalName() == null ? "(no name)" : first.servicePrincipalName();
        return "A cloud sync configuration exists for " + name + " (service principal " + first.servicePrincipalId()
                + ") with job(s) " + jobs.stream().map(CloudSyncOverlap::describe).collect(Collectors.joining(", "))
                + ": an object must be in scope of only one of cloud sync and Entra Connect. In the Entra admin "
                + "center open Entra ID -> Entra Connect -> Cloud sync, select the configuration for " + name
                + " and delete it (its jobs stop; the users it synchronised are left as they are), then verify " + ID
                + " again. Or scope it so that no object is in scope of both (e.g. a pilot OU Connect does not "
                + "sync) and confirm " + ID + " with a note saying how.";
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        CloudSyncOverlap overlap = read(ctx);
        List<StepFinding> findings = new ArrayList<>();
        String domains = overlap.domains().isEmpty() ? "the AD domains Connect will sync (unknown: no on-prem "
                + "directory, or a user without DC= parts, so every cloud sync job counts)" : String.join(", ",
                overlap.domains());
        if (overlap.overlapping().isEmpty() && overlap.apart().isEmpty()) {
            findings.add(StepFinding.info("The tenant has no cloud sync job: nothing but Connect will sync."));
            return VerifyResult.passed(findings);
        }
        findings.add(StepFinding.info("Connect will sync " + domains + "."));
        for (CloudSyncJob job : overlap.apart()) {
            findings.add(StepFinding.info("Cloud sync job " + CloudSyncOverlap.describe(job) + " syncs "
                    + job.servicePrincipalName() + ", not " + domains + "."));
        }
        if (overlap.overlapping().isEmpty()) {
            findings.add(StepFinding.info("No cloud sync configuration syncs " + domains + "."));
            return VerifyResult.passed(findings);
        }
        List<CloudSyncJob> idle = new ArrayList<>();
        for (CloudSyncJob job : overlap.overlapping()) {
            if (CloudSyncJobRun.isActive(job)) {
                findings.add(StepFinding.error("Cloud sync job " + CloudSyncOverlap.describe(job) + " of "
                        + job.servicePrincipalName() + " runs, and Connect will sync " + domains + ": an object "
                        + "must be in scope of only one of them. Delete the cloud sync configuration in the Entra "
                        + "admin center (Entra Connect -> Cloud sync) before Connect leaves staging mode; a "
                        + "confirmation does not cover a running job."));
            } else {
                idle.add(job);
            }
        }
        if (!idle.isEmpty()) {
            findings.addAll(idleFindings(ctx, idle));
        }
        return findings.stream().anyMatch(f -> f.severity() == StepFinding.Severity.ERROR)
                ? VerifyResult.failed(findings) : VerifyResult.passed(findings);
    }

    /** Paused jobs pass only on a confirmation after the latest plan, and only those that plan named. */
    private List<StepFinding> idleFindings(MigrationContext ctx, List<CloudSyncJob> idle) {
        Optional<Plan> plan = ctx.journal().last(id(), JournalEntry.Type.PLANNED).map(JournalEntry::plan);
        Optional<JournalEntry> confirmed = ctx.journal().confirmedSinceLastPlan(id())
                ? ctx.journal().last(id(), JournalEntry.Type.OPERATOR_CONFIRMED) : Optional.empty();
        String named = plan.map(p -> String.join("\n", p.instructions())).orElse("");
        List<StepFinding> findings = new ArrayList<>();
        for (CloudSyncJob job : idle) {
            String what = "Cloud sync job " + CloudSyncOverlap.describe(job) + " of " + job.servicePrincipalName();
            if (confirmed.isPresent() && named.contains(job.jobId())) {
                findings.add(StepFinding.warning(what + " is kept: " + confirmed.get().operator() + " confirmed it "
                        + "is scoped apart from Connect (\"" + confirmed.get().message() + "\")."));
            } else if (confirmed.isPresent()) {
                findings.add(StepFinding.error(what + " appeared after the plan that was confirmed: plan " + id()
                        + " again and handle it."));
            } else {
                findings.add(StepFinding.error(what + " exists for a domain Connect will sync. "
                        + (plan.isPresent() && named.contains(job.jobId()) ? "Follow the plan's instruction: "
                        : "Plan " + id() + " for the instruction: ") + "delete the configuration in the Entra admin "
                        + "center (Entra Connect -> Cloud sync), or scope it apart and confirm " + id() + "."));
            }
        }
        return findings;
    }
}
