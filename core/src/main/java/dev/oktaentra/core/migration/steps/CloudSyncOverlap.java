package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.tenant.CloudSyncJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The tenant's cloud sync jobs that would sync the same AD domains as Entra Connect, read once.
 *
 * <p>The domains Connect will sync are those of the on-prem users in scope (the {@code DC=} parts of their
 * distinguished names). A cloud sync configuration is made per AD domain and its service principal carries the
 * domain's name ({@link CloudSyncJob}); a job whose name is missing counts as overlapping, and so does every job when
 * the domains are unknown (no on-prem directory, no user, a DN without {@code DC=} parts): the safer side.
 *
 * @param domains the AD domains Connect will sync, lower case; empty when unknown
 * @param overlapping the jobs that sync one of them (or whose domain cannot be told apart)
 * @param apart the jobs of other domains
 */
record CloudSyncOverlap(Set<String> domains, List<CloudSyncJob> overlapping, List<CloudSyncJob> apart) {

    static CloudSyncOverlap read(MigrationContext ctx, List<CloudSyncJob> jobs) {
        Set<String> domains = jobs.isEmpty() ? Set.of() : domains(ctx);
        List<CloudSyncJob> overlapping = new ArrayList<>();
        List<CloudSyncJob> apart = new ArrayList<>();
        for (CloudSyncJob job : jobs) {
            String name = job.servicePrincipalName();
            boolean same = domains.isEmpty() || name == null || name.isBlank()
                    || domains.contains(name.strip().toLowerCase(Locale.ROOT));
            (same ? overlapping : apart).add(job);
        }
        return new CloudSyncOverlap(domains, List.copyOf(overlapping), List.copyOf(apart));
    }

    /** The domains of the on-prem users in scope; empty (unknown) when one DN has no {@code DC=} part. */
    private static Set<String> domains(MigrationContext ctx) {
        if (ctx.onPrem().isEmpty()) {
            return Set.of();
        }
        Set<String> domains = new TreeSet<>();
        try (Stream<DirectoryRecord<OnPremUser>> records = ctx.onPrem().get().records()) {
            for (DirectoryRecord<OnPremUser> r : (Iterable<DirectoryRecord<OnPremUser>>) records::iterator) {
                // A rejected record is still in Connect's scope: its domain counts where its identity is a DN.
                String dn = r instanceof DirectoryRecord.Usable<OnPremUser> u ? u.user().distinguishedName()
                        : ((DirectoryRecord.Rejected<OnPremUser>) r).identity();
                if (dn == null) {
                    continue;
                }
                String domain = OnDemandSample.domainOf(dn).toLowerCase(Locale.ROOT);
                if (domain.isEmpty()) {
                    return Set.of();
                }
                domains.add(domain);
            }
        }
        return domains;
    }

    /** The overlapping jobs by configuration (service principal), in the order read. */
    Map<String, List<CloudSyncJob>> byConfiguration() {
        Map<String, List<CloudSyncJob>> by = new LinkedHashMap<>();
        overlapping.forEach(j -> by.computeIfAbsent(j.servicePrincipalId(), k -> new ArrayList<>()).add(j));
        return by;
    }

    /** {@code AD2AADProvisioning.9d3c… (provisioning, Paused)}. */
    static String describe(CloudSyncJob job) {
        return job.jobId() + " (" + (job.isPasswordHashSync() ? "password hash sync" : job.isProvisioning()
                ? "provisioning" : job.templateId()) + ", " + job.status() + ")";
    }
}
