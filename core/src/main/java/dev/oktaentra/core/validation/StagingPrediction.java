package dev.oktaentra.core.validation;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the sync server's pending export will hold once it runs in staging mode, predicted from a validation: compare
 * it with the real export before leaving staging.
 *
 * <p>A match Entra ID refuses ({@code HARD_MATCH_BLOCKED}, a blocked {@code SOFT_MATCH_ONLY}) is a conflicting add, not
 * an update: the export stops with an error or adds an object beside the cloud user, whose UPN or primary SMTP address
 * collides with it, until what blocks the match is cleared for the matching window. So is a pair only a custom rule
 * finds ({@code CUSTOM_MATCH_ONLY}), which Entra never matches, and a pair only the undocumented {@code mail} fallback
 * finds.
 *
 * <p>A cloud user with an ImmutableID that no on-prem object explains is left behind, not deleted: a new sync server
 * never joined it (it is a disconnector, whose "attribute values ... aren't processed any further",
 * https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-architecture), and no
 * Microsoft page says a new server exports a delete for it; ADSyncTools' {@code Remove-ADSyncToolsAadObject} removes
 * such objects by hand. One still marked synced becomes read-only in the cloud and is never updated again. The staging
 * analysis of the real export says the same of them.
 *
 * @param adds on-prem users without a cloud counterpart, which the sync would create ({@code ONPREM_ONLY}) and whose
 *        UPN and SMTP addresses no cloud user holds and no other on-prem object the sync exports carries
 * @param conflictingAdds on-prem users the sync would also export as adds although a cloud user already stands for
 *        them or holds their UPN or an address, colliding with it: {@code ANCHOR_MISMATCH},
 *        {@code HARD_MATCH_BLOCKED}, {@code CUSTOM_MATCH_ONLY}, blocked soft matches, the unconfirmed {@code mail}
 *        fallback, and {@code ONPREM_ONLY} users whose UPN or address is taken, by a cloud user or by another on-prem
 *        object (one of the two has it quarantined, which one depends on the sync order); none takes the cloud user
 *        over until fixed
 * @param updates users the sync would take over and update: unblocked hard and soft matches
 * @param deletes always 0: a new server exports deletes only for objects it joined that then leave its scope, which
 *        no validation can see (the staging analysis reads them from the real export); orphans are counted in
 *        {@code orphansLeftBehind}
 * @param attributeDeletions taken-over users whose takeover would delete a mapped attribute, in total; a match that is
 *        blocked is counted too, because it is taken over (and the value deleted) once the match is unblocked
 * @param attributeDeletionsByAttribute the same, per cloud field (e.g. {@code mail})
 * @param orphansLeftBehind cloud users with an ImmutableID no on-prem object explains ({@code CLOUD_ONLY}): left as
 *        they are, neither updated nor deleted
 * @param orphansStillSynced those of them still marked synced ({@code onPremisesSyncEnabled}), which can no longer be
 *        edited in the cloud
 * @param attributeChanges taken-over users (blocked ones included, as for {@code attributeDeletions}) for whom the
 *        takeover changes something they would notice: UPN, mail, display name, or proxy addresses lost
 * @param attributeChangesByAttribute the same per attribute: {@code userPrincipalName}, {@code mail},
 *        {@code displayName}, {@code proxyAddresses}
 */
public record StagingPrediction(
        long adds,
        long conflictingAdds,
        long updates,
        long deletes,
        long attributeDeletions,
        Map<String, Long> attributeDeletionsByAttribute,
        long orphansLeftBehind,
        long orphansStillSynced,
        long attributeChanges,
        Map<String, Long> attributeChangesByAttribute) {

    /**
     * Freezes the maps, sorted by attribute name.
     *
     * @param adds on-prem users without a cloud counterpart whose UPN and SMTP addresses no cloud user or other
     *        on-prem object holds
     * @param conflictingAdds on-prem users the sync would also export as adds although a cloud user already stands for
     *        them or holds their UPN or an address, or another on-prem object carries one
     * @param updates users the sync would take over and update: unblocked hard and soft matches
     * @param deletes always 0 (see the type's description)
     * @param attributeDeletions taken-over users whose takeover would delete a mapped attribute, in total
     * @param attributeDeletionsByAttribute the same, per cloud field (e.g. {@code mail})
     * @param orphansLeftBehind cloud users with an ImmutableID no on-prem object explains, left as they are
     * @param orphansStillSynced those of them still marked synced
     * @param attributeChanges taken-over users for whom the takeover changes something they would notice
     * @param attributeChangesByAttribute the same per attribute
     */
    public StagingPrediction {
        // Sorted by name, not Map.copyOf: its iteration order changes from one JVM to the next, and the reports that
        // print these maps should read the same for the same run.
        attributeDeletionsByAttribute = Collections.unmodifiableMap(new TreeMap<>(attributeDeletionsByAttribute));
        attributeChangesByAttribute = Collections.unmodifiableMap(new TreeMap<>(attributeChangesByAttribute));
    }
}
