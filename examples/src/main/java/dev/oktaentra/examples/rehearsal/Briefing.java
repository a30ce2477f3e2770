package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Topology;
import java.util.Locale;

/** What the rehearsal starts from: the trouble planted in the tenant, and what the operator states up front. */
final class Briefing {

    private Briefing() {
    }

    static void print(Narration say, SeededTenant seeded, String federatedDomain, boolean cloudSyncConfigured,
            Topology topology,
            int maxWritesPerStep, boolean limitGiven) {
        say.heading("Planted trouble");
        StringBuilder causes = new StringBuilder();
        seeded.causes().forEach((cause, n) -> {
            if (n > 0) {
                causes.append(causes.length() == 0 ? "" : ", ").append(cause).append(' ').append(n);
            }
        });
        row(say, "anchor mismatches", seeded.anchorMismatches().size(), causes.toString());
        row(say, "soft matches only", seeded.softMatchCloudIds().size(),
                "cloud users without an ImmutableID; one holds an admin role");
        row(say, "on-prem only", seeded.onPremOnlyDns().size(), "new hires Okta never provisioned");
        row(say, "cloud orphans", seeded.syncedOrphanIds().size() + seeded.unsyncedOrphanIds().size(),
                seeded.syncedOrphanIds().size() + " still marked synced by an earlier sync server");
        row(say, "mail only in the cloud", seeded.mailMissingOnPrem().size(),
                "Okta stamped it in the cloud; AD has none");
        row(say, "stale mS-DS-ConsistencyGuid", 1, "set by ADMT to another GUID: Connect presents it, not the "
                + "objectGUID Okta stamped");
        row(say, "custom-rule pair", 1, "renamed on-prem; only the employee number finds its cloud user");
        row(say, "eligible admin", 1, "eligible (PIM) for a directory role: Entra ID blocks the hard match");
        row(say, "cloud-managed user", 1, "source of authority in the cloud: Entra ID blocks the takeover");
        row(say, "alias only in the cloud", 1, seeded.planted2026().lostAliasValue() + ", which the takeover "
                + "would remove");
        row(say, "federated domain", 1, federatedDomain + ", federated to Okta: Entra ID changes no ImmutableID of "
                + "its users until it is managed");
        if (cloudSyncConfigured) {
            row(say, "password hash job", 1, "AD2AADPasswordHash beside AD2AADProvisioning, both paused: "
                    + "enable-cloud-sync must start both");
        } else {
            // The AD domain is the one federated to Okta: the same name.
            row(say, "password hash job", 1, "AD2AADPasswordHash beside AD2AADProvisioning, both paused, of a cloud "
                    + "sync configuration a trial left for " + federatedDomain + ": an object must be in scope of "
                    + "only one of cloud sync and Connect, so check-cloud-sync-overlap stops until it is deleted");
        }
        row(say, "Office 365 apps", seeded.office365AppIds().size(),
                "both with provisioning on; Salesforce beside them");

        say.heading("Stated by the operator");
        boolean server = topology == Topology.CONNECT_SERVER;
        say.line("needs: " + (server ? "hybrid-joined devices, so an Entra Connect server (--cloud-sync rehearses "
                + "the other path)" : "no device sync, pass-through authentication or writeback, so cloud sync"));
        say.line("source anchor: objectGUID, Okta's default (detect-anchor checks it)");
        int usual = MigrationOptions.DEFAULT_MAX_WRITES;
        say.line(limitGiven ? String.format(Locale.ROOT, "write limit: %,d changes per step, as given",
                maxWritesPerStep) : String.format(Locale.ROOT, "write limit: %,d changes per step, raised from %,d for "
                + "the rehearsal: it plants what its plans fix, so they are reviewed by construction (a migration "
                + "keeps %,d until a person raises it after reviewing a plan)", maxWritesPerStep, usual, usual));
    }

    private static void row(Narration say, String label, int count, String detail) {
        say.line(String.format(Locale.ROOT, "%-22s %,6d  (%s)", label, count, detail));
    }
}
