package dev.oktaentra.core.staging;

import static dev.oktaentra.core.OktaEntraException.quote;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.report.Counts;
import java.util.List;

/** The facts and the recommended action of each finding, in words for the person who leaves staging mode. */
final class Recommendations {

    private Recommendations() {
    }

    static String unexpectedAddDetail(KnownUser cloud, MatchedBy by, ImmutableId anchor) {
        String holds = cloud.cloudImmutableId() == null
                ? "holds no ImmutableID" + (cloud.holdsAdminRole() ? " but an admin role, so Entra ID will not "
                        + "soft-match it," : "")
                : "holds ImmutableID " + quote(cloud.cloudImmutableId().value());
        return "The add matches existing cloud user " + quote(cloud.describe()) + " (id " + cloud.cloudUserId()
                + ") by " + words(by) + "; that user " + holds + " while the add presents sourceAnchor "
                + (anchor == null ? "(unknown)" : quote(anchor.value()))
                + ", so Entra ID would create a second user (or fail on the duplicate)";
    }

    static String unexpectedAddAction(KnownUser cloud, ImmutableId anchor) {
        return "Before leaving staging mode, set the ImmutableID of cloud user " + quote(cloud.describe()) + " to "
                + (anchor == null ? "the anchor Entra Connect presents" : quote(anchor.value()))
                + " so that Entra Connect hard-matches it instead of creating a duplicate.";
    }

    static String releasedDetail(KnownUser cloud) {
        return "Entra ID blocks the hard match of cloud user '" + cloud.describe() + "' while it holds "
                + cloud.blockReasons() + "; release-role-holders removes those roles before the cutover "
                + "(options.removeRoleHolders), so this add hard-matches then.";
    }

    static String releasedAction() {
        return "Nothing to do here: release-role-holders removes the roles inside the matching window and "
                + "restore-role-holders assigns them again after the cutover.";
    }

    /** Source: MC1262584 and how-to-connect-install-existing-tenant, "Hard match scenarios and recovery paths". */
    static String blockedDetail(KnownUser cloud, ImmutableId anchor) {
        String why = !cloud.blockReasons().isEmpty() ? "the validation found it blocked by " + cloud.blockReasons()
                : cloud.holdsAdminRole() ? "it holds a directory role (MC1262584)"
                : "the validation's outcome is " + cloud.outcome();
        return "The add presents sourceAnchor " + quote(anchor.value()) + ", the ImmutableID of cloud user "
                + quote(cloud.describe()) + " (id " + cloud.cloudUserId() + "), but Entra ID refuses that hard match: "
                + why + ". The export fails (InvalidHardMatch) or creates a second user";
    }

    static String blockedAction(KnownUser cloud) {
        return "Before leaving staging mode, lift the block on cloud user " + quote(cloud.describe())
                + " (temporarily remove its directory roles and eligibilities, clear its onPremisesObjectIdentifier"
                + " or its cloud management, as the validation's advice says), then review the export again.";
    }

    static String mailDetail(KnownUser cloud, String mail, ImmutableId anchor) {
        return "The add has no proxyAddresses and its mail " + quote(mail) + " is the primary SMTP address of cloud "
                + "user " + quote(cloud.describe()) + " (id " + cloud.cloudUserId() + "), which holds no ImmutableID; "
                + "only a third-party article says Entra ID soft-matches on mail, so the add may create a second user "
                + "beside it while presenting sourceAnchor " + (anchor == null ? "(unknown)" : quote(anchor.value()));
    }

    static String conflictDetail(UserMatch taken, UserMatch other, String value) {
        KnownUser a = taken.user();
        KnownUser b = other.user();
        return "The add's " + words(taken.matchedBy()) + " finds cloud user " + quote(a.describe()) + " (id "
                + a.cloudUserId() + "), but its " + value + " is held by another cloud user " + quote(b.describe())
                + " (id " + b.cloudUserId() + "): Entra ID takes over at most one of them and refuses the other's "
                + "value as a duplicate (AttributeValueMustBeUnique, quarantined), or creates a second user";
    }

    static String conflictAction(KnownUser taken, KnownUser other, ImmutableId anchor) {
        return "Before leaving staging mode, decide whether this object is cloud user " + quote(taken.describe())
                + " or " + quote(other.describe()) + "; stamp that user's ImmutableID with "
                + (anchor == null ? "the anchor Entra Connect presents" : quote(anchor.value()))
                + " and change the UPN or address of the other, so that the export neither creates a second user "
                + "nor quarantines the value.";
    }

    /** Source: see {@link DeletionThreshold}; the quotes are the page's event 116 and e-mail. */
    static String thresholdDetail(PendingExportSummary s) {
        DeletionThreshold t = s.deletionThreshold();
        return "The export holds " + Counts.of(t.deletes(), "delete", "deletes")
                + (s.deleteAdds() > 0 ? " (delete-adds included)" : "") + ", more than the deletion threshold of "
                + t.limit() + ": Entra Connect stops such an export before deleting any object (\"Deletions will be "
                + "suppressed for this sync cycle\"; \"no objects were exported\"), so none of its "
                + Counts.of(s.adds(), "add", "adds") + " and " + Counts.of(s.updates(), "update", "updates")
                + " would reach Entra ID either.";
    }

    static String thresholdAction(PendingExportSummary s) {
        long deletes = s.deletionThreshold().deletes();
        return "Explain every pending delete first (each is listed). If they are all intended, raise the server's "
                + "threshold to at least " + deletes + " (Enable-ADSyncExportDeletionThreshold -DeletionThreshold "
                + deletes + ") and review the export again with that threshold, or let this one export through as "
                + "Microsoft describes (Disable-ADSyncExportDeletionThreshold, run the export, then "
                + "Enable-ADSyncExportDeletionThreshold -DeletionThreshold " + DeletionThreshold.DEFAULT_LIMIT + ").";
    }

    static String backfillDetail(String attribute, KnownUser user, List<String> cloudValues) {
        return "The export clears " + attribute + " (cloud value " + values(cloudValues) + ") because on-prem "
                + quote(user.describe()) + " has no " + attribute;
    }

    static String backfillAction(String attribute, KnownUser user, List<String> cloudValues) {
        return "Before leaving staging mode, back-fill on-prem " + attribute + " of " + quote(user.describe())
                + " with the cloud value " + values(cloudValues) + ", or Entra Connect clears it in Entra ID.";
    }

    static String deletionDetail(String attribute, List<String> cloudValues, KnownUser user, List<String> onPrem) {
        String head = "The export clears " + attribute + " (cloud value " + values(cloudValues) + ")";
        if (user == null) {
            return head + "; no known user matches the object";
        }
        if (onPrem == null) {
            return head + "; the on-prem value of " + quote(user.describe()) + " was not read";
        }
        return head + " although on-prem " + quote(user.describe()) + " holds " + values(onPrem);
    }

    static String deletionAction(String attribute, List<String> onPrem) {
        if (onPrem != null && !onPrem.isEmpty()) {
            return "Check the sync rules and attribute flow for " + attribute
                    + ": on-prem holds a value, yet Entra Connect would clear it.";
        }
        return "Confirm that clearing " + attribute + " is intended; if the cloud value must stay, back-fill it"
                + " on-prem before leaving staging mode.";
    }

    static String exportErrorAction() {
        return "Resolve the export error in Synchronization Service Manager (Connectors, the AAD connector, Search"
                + " Connector Space) before leaving staging mode.";
    }

    static String unreadableAction(DirectoryRecord.Rejected<?> rejected) {
        return "Inspect the object at " + rejected.location() + " of " + rejected.source()
                + " in Synchronization Service Manager; it was left out of the counts.";
    }

    static String words(MatchedBy by) {
        return switch (by) {
            case SOURCE_ANCHOR -> "sourceAnchor";
            case USER_PRINCIPAL_NAME -> "UPN";
            case PRIMARY_SMTP_ADDRESS -> "primary SMTP address";
        };
    }

    private static String values(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "(none)";
        }
        return values.size() == 1 ? quote(values.get(0)) : quote(String.join("; ", values));
    }
}
