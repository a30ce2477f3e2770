package dev.oktaentra.core.staging;

import static dev.oktaentra.core.OktaEntraException.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a pending delete (or delete-add) is, and says it in words.
 *
 * <p>Rules and their sources:
 * <ul>
 *   <li>Every pending delete is a finding: Microsoft's tutorial "Migrate Okta sync provisioning to Microsoft Entra
 *       Connect synchronization" (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning,
 *       ms.date 12/03/2024), section "Install Microsoft Entra Connect in staging mode": "14. Verify no pending
 *       deletions in the export." and "20. … If all objects match, no matching records appear for Deletes." That
 *       holds for every object type, groups and contacts included, and for a type this library does not know.</li>
 *   <li>Except a user a person has reviewed as a leaver: the same section, "21. Record objects pending deletion and
 *       their on-premises values." The record is the object's last synchronised values, kept in the finding. The
 *       tutorial names no other exception, so only a plain {@code delete} of a {@code user} is accepted: a
 *       delete-add re-creates the object (not a leaver), and a listed user the validation still sees on-prem is
 *       not accepted either (the safer reading of a list that may be wrong: run validate again).</li>
 *   <li>Where deletes come from: a new Connect server does not delete a cloud user that no on-prem object explains.
 *       It stays a disconnector, "a staging object that is not linked to any metaverse object. The attribute values
 *       of a disjoined object aren't processed any further within the metaverse. The attribute values of the
 *       corresponding object in the connected data source aren't updated by sync engine."
 *       ("Microsoft Entra Connect Sync: Understand the architecture",
 *       https://learn.microsoft.com/entra/identity/hybrid/connect/concept-azure-ad-connect-sync-architecture,
 *       "Relationships between staging objects and metaverse objects"). No Microsoft page says a new server exports
 *       deletes for such disconnectors; cleaning them up is a manual tool of ADSyncTools
 *       ({@code Export-ADSyncToolsAadDisconnectors}, {@code Remove-ADSyncToolsAadObject}). So a pending delete
 *       comes from an object the server joined that has since left its scope; Microsoft's accidental-deletes page
 *       lists the usual causes: filtering changes, objects moved or deleted, an OU renamed
 *       (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-feature-prevent-accidental-deletes).</li>
 * </ul>
 */
final class PendingDeletes {

    /** The object type of users in the AAD connector space. */
    static final String USER = "user";
    /** What the finding records of a deleted object, in this order, where the hologram has it. */
    private static final List<String> RECORDED = List.of("displayName", "userPrincipalName", "mail",
            "onPremisesSamAccountName", "onPremisesDistinguishedName");

    private static final String LEFT_SCOPE = "the server joined it to an on-prem object that has since left its "
            + "scope (deleted, moved out of the synced OUs or filtered out)";

    private static final String USER_ACTION = "Find why the object left the sync scope (deleted on-prem, OU or "
            + "attribute filtering, a changed sourceAnchor) and bring it back; if the person has left the "
            + "organisation, record the object and its values and list its sourceAnchor among the reviewed leavers. "
            + "Otherwise do not leave staging mode while this delete is pending.";

    private PendingDeletes() {
    }

    /**
     * The finding for one pending delete.
     *
     * @param export the object
     * @param operation {@code delete} or {@code delete-add}
     * @param match the known user it was tied to (users only), or {@code null}
     * @param leavers the reviewed leavers
     * @return the kind ({@link FindingKind#REVIEWED_DELETE} or {@link FindingKind#UNEXPECTED_DELETE}), the detail
     *         and the action
     */
    static Verdict judge(PendingExport export, DeltaOperation operation, UserMatch match, ReviewedLeavers leavers) {
        boolean user = USER.equalsIgnoreCase(export.objectType());
        boolean listed = leavers.lists(export.sourceAnchor());
        String refused = null;
        if (listed && !user) {
            refused = "only users can be reviewed as leavers.";
        } else if (listed && operation == DeltaOperation.DELETE_ADD) {
            refused = "a delete-add creates it again: not a leaver's delete.";
        } else if (listed && match != null && match.user().presentOnPrem()) {
            refused = "the validation still sees it on-prem as " + quote(match.user().distinguishedName())
                    + ": run validate again if it has left since.";
        }
        String head = "A " + (operation == DeltaOperation.DELETE_ADD ? "delete-add (delete and re-create)" : "delete")
                + " of " + export.objectType() + " " + quote(name(export, user));
        String values = recorded(export);
        if (listed && refused == null) {
            return new Verdict(FindingKind.REVIEWED_DELETE, head + ", reviewed as a leaver in " + leavers.source()
                    + "." + values, "None before leaving staging mode: Entra Connect deletes this user in Entra ID "
                    + "with its first export. Keep this record of its values.");
        }
        String detail = head + (user ? userContext(match) : ". The " + export.objectType() + " left the server's "
                + "scope after the server joined it (deleted on-prem, moved out of the synced OUs or filtered out).")
                + (refused == null ? "" : " It is listed among the reviewed leavers, but " + refused) + values;
        return new Verdict(FindingKind.UNEXPECTED_DELETE, detail, user ? USER_ACTION : otherAction(export));
    }

    private static String otherAction(PendingExport export) {
        return "Find why the " + export.objectType() + " left the sync scope (deleted on-prem, OU or attribute "
                + "filtering) and bring it back before leaving staging mode; only users can be reviewed as leavers, "
                + "so an intended delete of a " + export.objectType() + " needs a person's own sign-off.";
    }

    private static String userContext(UserMatch match) {
        if (match == null) {
            return ", which the validation does not know. A pending delete means " + LEFT_SCOPE + ".";
        }
        KnownUser known = match.user();
        if (known.presentOnPrem()) {
            return ", which still exists on-prem as " + quote(known.distinguishedName()) + " (matched by "
                    + Recommendations.words(match.matchedBy()) + ").";
        }
        if (known.cloudImmutableId() != null) {
            return ", which no on-prem object explains (validation outcome " + known.outcome() + ", cloud "
                    + "ImmutableID " + quote(known.cloudImmutableId().value()) + "). A new Entra Connect server keeps "
                    + "such a cloud user as a disconnector and does not delete it, so this delete means " + LEFT_SCOPE
                    + ".";
        }
        return ", known to the validation as " + quote(known.describe()) + " (outcome " + known.outcome()
                + "). A pending delete means " + LEFT_SCOPE + ".";
    }

    private static String name(PendingExport export, boolean user) {
        List<String> order = user ? List.of("userPrincipalName", "displayName", "mail")
                : List.of("displayName", "mail");
        for (String attribute : order) {
            String value = export.current(attribute);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return export.csDn();
    }

    /** The tutorial's "Record objects pending deletion and their on-premises values". */
    private static String recorded(PendingExport export) {
        List<String> parts = new ArrayList<>();
        for (String attribute : RECORDED) {
            List<String> values = export.valuesBefore(attribute);
            if (!values.isEmpty()) {
                parts.add(attribute + " " + quote(String.join("; ", values)));
            }
        }
        return parts.isEmpty() ? "" : " Last synchronised values: " + String.join(", ", parts) + ".";
    }

    /**
     * What a pending delete is.
     *
     * @param kind reviewed or unexpected
     * @param detail the facts
     * @param action what to do
     */
    record Verdict(FindingKind kind, String detail, String action) {
    }
}
