package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.anchor.MismatchCause;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link EmbeddedEnvironment} was seeded with, trouble by trouble, so that a rehearsal can say what it
 * planted and a test can check that the runbook found and fixed exactly that.
 *
 * @param onPremUserCount how many users were added to the in-memory AD (the servers hold them; a copy here would
 *        double a large rehearsal's memory for a count)
 * @param cloudUserCount how many users were added to the fake Graph
 * @param anchorMismatches the cloud users seeded with a wrong ImmutableID
 * @param softMatchCloudIds cloud users without an ImmutableID whose UPN matches an on-prem user
 * @param adminSoftMatchCloudId the one of them that holds an admin role
 * @param onPremOnlyDns on-prem users without a cloud user
 * @param syncedOrphanIds cloud orphans still marked synced (an earlier sync server's leftovers)
 * @param unsyncedOrphanIds cloud orphans Okta manages
 * @param mailMissingOnPrem on-prem DN to the {@code mail} only the cloud holds
 * @param breakGlassAdminId a cloud-only administrator, outside the sync
 * @param office365AppIds the Office 365 apps in Okta, both provisioning
 * @param otherAppId an app that is not Office 365, which nothing may touch
 * @param planted2026 one user for each prediction of the rules in force in 2026
 */
public record SeededTenant(int onPremUserCount, int cloudUserCount,
        List<PlantedMismatch> anchorMismatches, List<String> softMatchCloudIds, String adminSoftMatchCloudId,
        List<String> onPremOnlyDns, List<String> syncedOrphanIds, List<String> unsyncedOrphanIds,
        Map<String, String> mailMissingOnPrem, String breakGlassAdminId, List<String> office365AppIds,
        String otherAppId, Planted2026 planted2026) {

    /**
     * Freezes the collections.
     *
     * @param onPremUserCount how many users were added to the in-memory AD (the servers hold them; a copy here would
     *        double a large rehearsal's memory for a count)
     * @param cloudUserCount how many users were added to the fake Graph
     * @param anchorMismatches the cloud users seeded with a wrong ImmutableID
     * @param softMatchCloudIds cloud users without an ImmutableID whose UPN matches an on-prem user
     * @param adminSoftMatchCloudId the one of them that holds an admin role
     * @param onPremOnlyDns on-prem users without a cloud user
     * @param syncedOrphanIds cloud orphans still marked synced (an earlier sync server's leftovers)
     * @param unsyncedOrphanIds cloud orphans Okta manages
     * @param mailMissingOnPrem on-prem DN to the {@code mail} only the cloud holds
     * @param breakGlassAdminId a cloud-only administrator, outside the sync
     * @param office365AppIds the Office 365 apps in Okta, both provisioning
     * @param otherAppId an app that is not Office 365, which nothing may touch
     * @param planted2026 one user for each prediction of the rules in force in 2026
     */
    public SeededTenant {
        anchorMismatches = List.copyOf(anchorMismatches);
        softMatchCloudIds = List.copyOf(softMatchCloudIds);
        Objects.requireNonNull(adminSoftMatchCloudId, "adminSoftMatchCloudId");
        onPremOnlyDns = List.copyOf(onPremOnlyDns);
        syncedOrphanIds = List.copyOf(syncedOrphanIds);
        unsyncedOrphanIds = List.copyOf(unsyncedOrphanIds);
        mailMissingOnPrem = Map.copyOf(mailMissingOnPrem);
        Objects.requireNonNull(breakGlassAdminId, "breakGlassAdminId");
        office365AppIds = List.copyOf(office365AppIds);
        Objects.requireNonNull(otherAppId, "otherAppId");
        Objects.requireNonNull(planted2026, "planted2026");
    }

    /**
     * One planted user, by its cloud id and on-prem DN.
     *
     * @param cloudId the cloud user's object id
     * @param distinguishedName the on-prem user's DN
     */
    public record PlantedUser(String cloudId, String distinguishedName) {
    }

    /**
     * One user for each prediction of the rules in force in 2026 (issue 16).
     *
     * @param staleConsistencyGuid a user whose mS-DS-ConsistencyGuid holds another GUID than its objectGUID, while the
     *        cloud holds the objectGUID's ImmutableID as Okta stamped it: ANCHOR_MISMATCH, CONSISTENCY_GUID_DIFFERS
     * @param customRulePair a user renamed on-prem, whose cloud user (without an ImmutableID) only the employee number
     *        finds: CUSTOM_MATCH_ONLY under the rehearsal's employeeID rule
     * @param lostAlias a matched user whose cloud proxyAddresses hold an alias on-prem lacks
     * @param lostAliasValue that alias, as the cloud holds it
     * @param eligibleAdmin a matched user eligible (PIM) for a directory role: HARD_MATCH_BLOCKED
     * @param cloudManaged a matched user whose source of authority is the cloud: HARD_MATCH_BLOCKED
     */
    public record Planted2026(PlantedUser staleConsistencyGuid, PlantedUser customRulePair, PlantedUser lostAlias,
            String lostAliasValue, PlantedUser eligibleAdmin, PlantedUser cloudManaged) {

        /**
         * A builder, for the seeder.
         *
         * @return an empty builder
         */
        static Builder builder() {
            return new Builder();
        }

        /** Collects the planted users as the seeder meets them. */
        static final class Builder {
            private PlantedUser stale;
            private PlantedUser custom;
            private PlantedUser alias;
            private String aliasValue;
            private PlantedUser eligible;
            private PlantedUser cloudManaged;

            void staleConsistencyGuid(String id, String dn) {
                stale = new PlantedUser(id, dn);
            }

            void customRulePair(String id, String dn) {
                custom = new PlantedUser(id, dn);
            }

            void lostAlias(String id, String dn, String value) {
                alias = new PlantedUser(id, dn);
                aliasValue = value;
            }

            void eligibleAdmin(String id, String dn) {
                eligible = new PlantedUser(id, dn);
            }

            void cloudManaged(String id, String dn) {
                cloudManaged = new PlantedUser(id, dn);
            }

            Planted2026 build() {
                return new Planted2026(stale, custom, alias, aliasValue, eligible, cloudManaged);
            }
        }
    }

    /**
     * The planted mismatches per cause, every cause listed, the stale mS-DS-ConsistencyGuid of {@link #planted2026()}
     * included (an ANCHOR_MISMATCH for Connect installed with mS-DS-ConsistencyGuid; objectGUID matches it).
     *
     * @return cause to count
     */
    public Map<MismatchCause, Long> causes() {
        Map<MismatchCause, Long> counts = new EnumMap<>(MismatchCause.class);
        for (MismatchCause cause : MismatchCause.values()) {
            counts.put(cause, 0L);
        }
        anchorMismatches.forEach(m -> counts.merge(m.cause(), 1L, Long::sum));
        // The stale mS-DS-ConsistencyGuid, for Connect installed with mS-DS-ConsistencyGuid as the runbook does.
        counts.merge(MismatchCause.CONSISTENCY_GUID_DIFFERS, 1L, Long::sum);
        return counts;
    }

    /**
     * One cloud user seeded with a wrong ImmutableID.
     *
     * @param cloudId the cloud user's object id
     * @param userPrincipalName its UPN, the same on both sides
     * @param distinguishedName the on-prem user's DN
     * @param cause the conversion mistake that produced the wrong value
     * @param cloudValue the wrong value the cloud holds
     * @param expected the ImmutableID the on-prem objectGUID yields
     */
    public record PlantedMismatch(String cloudId, String userPrincipalName, String distinguishedName,
            MismatchCause cause, String cloudValue, String expected) {
    }
}
