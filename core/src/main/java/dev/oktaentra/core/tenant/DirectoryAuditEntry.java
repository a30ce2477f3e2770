package dev.oktaentra.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of Entra ID's directory audit log ({@code GET /auditLogs/directoryAudits}, Graph resource
 * {@code directoryAudit}): a change made in the directory and who made it.
 *
 * @param id the entry's id
 * @param activityDateTime when, or {@code null} when Graph sent none
 * @param activity the activity's name, e.g. {@code Update user}
 * @param category e.g. {@code UserManagement}, {@code GroupManagement}
 * @param result {@code success}, {@code failure}, {@code timeout}, or {@code null}
 * @param appDisplayName the initiating app's name ({@code initiatedBy.app.displayName}), or {@code null}
 * @param appId the initiating app's application id, or {@code null}
 * @param servicePrincipalId the initiating app's service principal, or {@code null}
 * @param targets what was changed, one line each, e.g. {@code User ada@contoso.com}
 */
public record DirectoryAuditEntry(String id, Instant activityDateTime, String activity, String category,
        String result, String appDisplayName, String appId, String servicePrincipalId, List<String> targets) {

    /**
     * Checks the id and freezes the list.
     *
     * @param id the entry's id
     * @param activityDateTime when, or {@code null}
     * @param activity the activity's name
     * @param category the category
     * @param result the result, or {@code null}
     * @param appDisplayName the initiating app's name, or {@code null}
     * @param appId the initiating app's application id, or {@code null}
     * @param servicePrincipalId the initiating app's service principal, or {@code null}
     * @param targets what was changed, one line each
     */
    public DirectoryAuditEntry {
        Objects.requireNonNull(id, "id");
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * One line for a person: when, what, on what, with what result.
     *
     * @return e.g. {@code 2026-12-02T10:00:00Z Update user User ada@contoso.com (success)}
     */
    public String describe() {
        return activityDateTime + " " + activity + " " + (targets.isEmpty() ? "" : String.join(", ", targets) + " ")
                + "(" + result + ")";
    }
}
