package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a validation could not predict because a source did not provide a field ({@code unreadFields()}): each
 * warning names the source, the field and the prediction it leaves out, so that a report that looks clean for lack of
 * data says so. A field the source does not provide is read as empty, never as a value.
 */
final class Warnings {

    private final List<String> list = new ArrayList<>();

    Warnings(Validation config, String onPrem, Set<UserField> onPremUnread, String cloud, Set<UserField> cloudUnread) {
        if (config.anchor().kind() == SourceAnchor.Kind.CONSISTENCY_GUID
                && onPremUnread.contains(UserField.CONSISTENCY_GUID)) {
            list.add(onPrem + " does not provide mS-DS-ConsistencyGuid, so every user was read as having none and "
                    + "validated by its objectGUID; " + config.targetEngine().engine().title() + " presents "
                    + "mS-DS-ConsistencyGuid where it is set, so a user whose value differs (ADMT, an earlier Connect "
                    + "server, a restored object) would be added a second time. Export the attribute too and validate "
                    + "again.");
        }
        if (config.targetEngine().engine() == TargetEngine.Engine.CONNECT_SYNC) {
            Set<UserField> scope = EnumSet.of(UserField.SAM_ACCOUNT_NAME, UserField.CRITICAL_SYSTEM_OBJECT,
                    UserField.MAIL_NICKNAME, UserField.RECIPIENT_TYPE_DETAILS);
            scope.retainAll(onPremUnread);
            if (!scope.isEmpty()) {
                list.add(onPrem + " does not provide " + names(scope) + ", so Entra Connect's default rules that read "
                        + (scope.size() == 1 ? "it were" : "them were") + " not applied: objects they leave out "
                        + "(krbtgt, the built-in administrator, service accounts, system mailboxes) may be predicted "
                        + "as adds.");
            }
        }
        blocks(cloud, cloudUnread, UserField.ADMIN_ROLES, "a match onto a role holder, which Entra ID blocks");
        blocks(cloud, cloudUnread, UserField.ELIGIBLE_ADMIN_ROLES,
                "a hard match onto a user eligible for a role, which Entra ID blocks since 2026");
        blocks(cloud, cloudUnread, UserField.ON_PREMISES_OBJECT_IDENTIFIER,
                "a hard match onto a user whose onPremisesObjectIdentifier is set, which Entra ID blocks since July "
                        + "2026");
        blocks(cloud, cloudUnread, UserField.CLOUD_MANAGED,
                "a takeover of a cloud-managed user, which Entra ID blocks");
        if (cloudUnread.contains(UserField.ON_PREMISES_SYNC_ENABLED)) {
            list.add(cloud + " does not provide onPremisesSyncEnabled: orphans still marked synced (read-only after "
                    + "the cutover) are not told apart.");
        }
        for (UserField field : List.of(UserField.MAIL, UserField.DISPLAY_NAME, UserField.PROXY_ADDRESSES)) {
            String side = onPremUnread.contains(field) ? onPrem : cloudUnread.contains(field) ? cloud : null;
            if (side != null) {
                list.add(side + " does not provide " + field.attribute() + ": what the takeover does to it is not "
                        + "predicted.");
            }
        }
    }

    private void blocks(String cloud, Set<UserField> unread, UserField field, String missed) {
        if (unread.contains(field)) {
            list.add(cloud + " does not provide " + field.attribute() + ": " + missed + ", is predicted as a match.");
        }
    }

    private static String names(Set<UserField> fields) {
        return fields.stream().map(UserField::attribute).collect(Collectors.joining(", "));
    }

    List<String> list() {
        return List.copyOf(list);
    }
}
