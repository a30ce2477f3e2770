package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.tenant.OnDemandOutcome;
import dev.oktaentra.core.tenant.OnDemandProvisioning;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.Optional;

/**
 * One AD user provisioned on demand through a cloud sync job before the jobs start, as a sample of what the first
 * cycle will do ({@link TenantSync#provisionOnDemand}). The target is the user's distinguished name, {@code before}
 * empty, {@code after} the job's id. It is a real write, not a dry run: the service matches the user to an existing
 * Entra user or creates one (https://learn.microsoft.com/graph/api/synchronization-synchronizationjob-provisionondemand,
 * "Select a user and provision the account on-demand").
 *
 * <p>An answer that matched an existing user ({@link OnDemandOutcome#matchedExistingUser()}) is {@code APPLIED}. Any
 * other answer, or one that cannot be read, is a {@code CONFLICT}: the apply stops there, so no further user is
 * provisioned and no job is started; the journal keeps the outcome and what to do. Nothing can be undone through the
 * API: a user the service created stays until a person removes it.
 */
public final class OnDemandProvisioningKind extends OneByOneKind<TenantSync> {

    /** The kind. */
    public static final OnDemandProvisioningKind KIND = new OnDemandProvisioningKind();

    /** The attribute every change of this kind names. */
    public static final String ATTRIBUTE = "provisionOnDemand";

    private OnDemandProvisioningKind() {
        super("onDemandProvisioning", TargetSystem.TENANT, NamedKind::tenant);
    }

    /**
     * A user to provision on demand through a job, expected to match an existing Entra user.
     *
     * @param job the {@code AD2AADProvisioning} job
     * @param distinguishedName the AD user's distinguished name
     * @param reason the match the validation predicts, for people
     * @return the change
     */
    public static Change sample(CloudSyncJob job, String distinguishedName, String reason) {
        return Change.of(KIND, distinguishedName, ATTRIBUTE, null, job.jobId(), reason);
    }

    @Override
    ChangeResult apply(TenantSync tenant, Change change) {
        Optional<CloudSyncJob> job = tenant.cloudSyncJobs().stream().filter(j -> j.jobId().equals(change.after()))
                .findFirst();
        if (job.isEmpty()) {
            return ChangeResult.conflict(change, null, "Cloud sync job " + change.after() + " no longer exists; "
                    + change.target() + " was not provisioned");
        }
        OnDemandProvisioning answer;
        try {
            answer = tenant.provisionOnDemand(job.get(), change.target());
        } catch (RuntimeException e) {
            // Whether the service matched or created the user is unknown: stop, as for a create.
            return ChangeResult.conflict(change, null, "The on-demand provisioning of " + change.target()
                    + " through job " + change.after() + " gave no readable answer (" + e.getMessage() + "); whether "
                    + "it matched or created a user is unknown. Check the job's provisioning log for this user before "
                    + "enabling cloud sync, then plan this step again");
        }
        OnDemandOutcome outcome = OnDemandOutcome.of(answer);
        String said = OnDemandOutcome.describe(answer);
        if (outcome.matchedExistingUser()) {
            return new ChangeResult(change, WriteStatus.APPLIED, null, said);
        }
        return ChangeResult.conflict(change, outcome.name(), said + ". " + advice(outcome, answer));
    }

    /** What a person does about a sampled user that did not match. */
    static String advice(OnDemandOutcome outcome, OnDemandProvisioning answer) {
        if (outcome == OnDemandOutcome.CREATED) {
            return "The service created " + answer.who() + " as a new Entra user" + (answer.targetId() == null ? ""
                    : " (object id " + answer.targetId() + ")") + ": it now exists next to the cloud user Okta "
                    + "provisioned, a duplicate. Before enabling cloud sync, remove the new user (take the AD user out "
                    + "of the configuration's scope so the service deletes it, or delete it in Entra ID), bind the "
                    + "original cloud user's ImmutableID to this AD user (remediate-anchors), confirm this step and "
                    + "plan it again";
        }
        return "Nothing shows that " + answer.who() + " matched an existing Entra user; it may have been created or "
                + "left unprovisioned. Check the user in Entra ID and the job's provisioning log, fix the cause, "
                + "confirm this step and plan it again";
    }

    /** Unreadable: an on-demand provisioning leaves no value to read back. */
    @Override
    ReadBack read(TenantSync tenant, Change change) {
        return ReadBack.unreadable();
    }

    /** Never: the service's match or create cannot be undone through the API. */
    @Override
    public boolean reversible(Change change) {
        return false;
    }

    @Override
    public String undoByHand(Change change) {
        return change.target() + " was provisioned on demand through job " + change.after() + "; that cannot be "
                + "undone through the API. If it created a new Entra user, remove that user by hand";
    }
}
