package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.OnDemandProvisioningKind;
import dev.oktaentra.core.tenant.CloudSyncJob;
import dev.oktaentra.core.validation.ValidationFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sample {@code enable-cloud-sync} provisions on demand before it starts the jobs (issue 17: "Before enabling,
 * provision a sample of users on demand ... a sample that would create a user instead of matching stops the step").
 * On-demand provisioning is a real provisioning, not a dry run, so the sample is drawn only from users the validation
 * predicts to hard-match an existing cloud user ({@link MatchOutcome#MATCHED}), in the order the validation read them,
 * skipping users an earlier plan of the step already sampled; its size is
 * {@link dev.oktaentra.core.migration.MigrationOptions#onDemandSample()}, 0 being an opt-out the plan records.
 *
 * <p>A sampled user that did not match leaves a failed change in the journal; until a person confirms the step after
 * it, the step plans nothing else and does not pass: the user may now exist twice.
 */
final class OnDemandSample {

    private OnDemandSample() {
    }

    /**
     * The sample's changes, or the instruction that records why there are none.
     *
     * @param ctx the context
     * @param jobs the configuration's jobs
     * @param stepId the step, whose journal tells which users were sampled before
     * @param instructions where an opt-out or an empty sample is recorded
     * @return the changes, one per user, before any job is started
     */
    static List<Change> draw(MigrationContext ctx, List<CloudSyncJob> jobs, String stepId,
            List<String> instructions) {
        List<CloudSyncJob> idle = jobs.stream().filter(CloudSyncJob::isProvisioning)
                .filter(j -> !"Active".equalsIgnoreCase(j.status())).toList();
        if (idle.isEmpty()) {
            return List.of();   // every provisioning job runs already: a sample would show nothing new
        }
        int size = ctx.options().onDemandSample();
        if (size == 0) {
            instructions.add("The on-demand sample is switched off (onDemandSample 0): no user is provisioned on "
                    + "demand before the cloud sync jobs start, so nothing shows beforehand whether the first cycle "
                    + "matches the cloud users or creates new ones. Read the first cycle's provisioning log before "
                    + "the cutover goes on (verify-cutover reads it).");
            return List.of();
        }
        Set<String> before = sampled(ctx.journal().entries(), stepId);
        List<Change> changes = new ArrayList<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            for (ValidationFinding f : (Iterable<ValidationFinding>) findings::iterator) {
                if (changes.size() >= size) {
                    break;
                }
                if (f.outcome() != MatchOutcome.MATCHED || f.distinguishedName() == null
                        || before.contains(f.distinguishedName())) {
                    continue;
                }
                Optional<CloudSyncJob> job = jobFor(f.distinguishedName(), idle);
                job.ifPresent(j -> changes.add(OnDemandProvisioningKind.sample(j, f.distinguishedName(),
                        "on-demand sample (a real provisioning, not a dry run): expected to hard-match cloud user "
                                + f.cloudUserPrincipalName() + " (" + f.cloudId() + ") through "
                                + j.servicePrincipalName())));
            }
        }
        if (changes.isEmpty()) {
            instructions.add("No user could be sampled on demand: the validation predicts no hard match (not "
                    + "sampled before) for a domain whose cloud sync job is idle. Read the first cycle's "
                    + "provisioning log before the cutover goes on (verify-cutover reads it).");
        }
        return changes;
    }

    /**
     * The journal's latest sampled user that did not match and that no person has confirmed since.
     *
     * @param entries the journal
     * @param stepId the step
     * @return what stops the step, as an instruction, or empty
     */
    static Optional<String> openStop(List<JournalEntry> entries, String stepId) {
        String stop = null;
        for (JournalEntry e : entries) {
            if (!stepId.equals(e.step())) {
                continue;
            }
            if (e.type() == JournalEntry.Type.OPERATOR_CONFIRMED) {
                stop = null;
            } else if (e.type() == JournalEntry.Type.CHANGE_FAILED && isSample(e.change())) {
                stop = "The on-demand sample provisioned " + e.change().target() + " and it did not match an "
                        + "existing Entra user" + (e.observed() == null ? "" : " (" + e.observed() + ")") + ": "
                        + e.message() + " Confirm this step once that is done (the next plan samples other users).";
            }
        }
        return Optional.ofNullable(stop);
    }

    /** The users the journal shows sampled by the step, matched or not. */
    private static Set<String> sampled(List<JournalEntry> entries, String stepId) {
        Set<String> dns = new HashSet<>();
        for (JournalEntry e : entries) {
            if (stepId.equals(e.step()) && (e.type() == JournalEntry.Type.CHANGE_APPLIED
                    || e.type() == JournalEntry.Type.CHANGE_FAILED) && isSample(e.change())) {
                dns.add(e.change().target());
            }
        }
        return dns;
    }

    private static boolean isSample(Change change) {
        return change != null && change.kind().equals(OnDemandProvisioningKind.KIND);
    }

    /**
     * The job that provisions a DN: the only idle one, or the one whose service principal is named after the DN's
     * domain (a configuration per AD domain, named after it; see {@link CloudSyncJob}).
     */
    private static Optional<CloudSyncJob> jobFor(String dn, List<CloudSyncJob> idle) {
        if (idle.size() == 1) {
            return Optional.of(idle.get(0));
        }
        String domain = domainOf(dn);
        return idle.stream().filter(j -> j.servicePrincipalName() != null
                && j.servicePrincipalName().equalsIgnoreCase(domain)).findFirst();
    }

    /** The DNS name of a DN's {@code DC=} parts, e.g. {@code corp.contoso.com}. */
    static String domainOf(String dn) {
        List<String> parts = new ArrayList<>();
        for (String rdn : dn.split("(?<!\\\\),")) {
            String t = rdn.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("dc=")) {
                parts.add(t.substring(3));
            }
        }
        return String.join(".", parts);
    }
}
