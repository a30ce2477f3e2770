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
 */
public record SeededTenant(int onPremUserCount, int cloudUserCount,
        List<PlantedMismatch> anchorMismatches, List<String> softMatchCloudIds, String adminSoftMatchCloudId,
        List<String> onPremOnlyDns, List<String> syncedOrphanIds, List<String> unsyncedOrphanIds,
        Map<String, String> mailMissingOnPrem, String breakGlassAdminId, List<String> office365AppIds,
        String otherAppId) {

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
    }

    /**
     * The planted mismatches per cause, every cause listed.
     *
     * @return cause to count
     */
    public Map<MismatchCause, Long> causes() {
        Map<MismatchCause, Long> counts = new EnumMap<>(MismatchCause.class);
        for (MismatchCause cause : MismatchCause.values()) {
            counts.put(cause, 0L);
        }
        anchorMismatches.forEach(m -> counts.merge(m.cause(), 1L, Long::sum));
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
