package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.tenant.DirectoryAuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /auditLogs/directoryAudits} as the Graph reference documents it: "$filter (eq, ge, le, startswith),
 * $top, $orderby, and skiptoken" (List directoryAudits); {@code activityDateTime} "Supports $filter (eq, ge, le)",
 * {@code initiatedBy} "Supports $filter (eq) for user/id, user/displayName, user/userPrincipalName, app/appId,
 * app/displayName" (directoryAudit resource). Other clauses are refused with 400, newest entries come first, and each
 * entry has the reference's shape ({@code initiatedBy.app} an appIdentity, {@code targetResources[]}).
 */
final class AuditRoutes {

    private static final Pattern CLAUSE = Pattern.compile("\\s*(?:activityDateTime\\s+(eq|ge|le)\\s+(\\S+)"
            + "|initiatedBy/app/(displayName|appId)\\s+eq\\s+'((?:[^']|'')*)')\\s*", Pattern.CASE_INSENSITIVE);

    private final String baseUrl;
    private final List<DirectoryAuditEntry> audits = new ArrayList<>();

    AuditRoutes(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void add(List<DirectoryAuditEntry> entries) {
        audits.addAll(entries);
    }

    Reply list(FakeRequest req) {
        Predicate<DirectoryAuditEntry> keep = e -> true;
        String filter = req.param("$filter");
        if (filter != null) {
            for (String clause : filter.split("(?i)\\s+and\\s+")) {
                Matcher m = CLAUSE.matcher(clause);
                if (!m.matches()) {
                    return Reply.error(400, "BadRequest", "Invalid filter clause '" + clause + "' for "
                            + "directoryAudits.");
                }
                keep = keep.and(m.group(1) != null ? window(m.group(1), m.group(2)) : app(m.group(3),
                        m.group(4).replace("''", "'")));
            }
        }
        List<ObjectNode> items = new ArrayList<>();
        audits.stream().filter(keep)
                .sorted(Comparator.comparing(DirectoryAuditEntry::activityDateTime,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(e -> items.add(json(e)));
        return Reply.ok(Paging.page(baseUrl, req, items, 50, 1000));
    }

    private static Predicate<DirectoryAuditEntry> window(String op, String value) {
        Predicate<Instant> at = Paging.dateTime(op, value);
        return e -> at.test(e.activityDateTime());
    }

    private static Predicate<DirectoryAuditEntry> app(String property, String value) {
        return property.equalsIgnoreCase("appId") ? e -> value.equals(e.appId())
                : e -> value.equals(e.appDisplayName());
    }

    private static ObjectNode json(DirectoryAuditEntry e) {
        ObjectNode item = Json.object()
                .put("id", e.id())
                .put("category", e.category())
                .put("correlationId", "c0ffee00-0000-4000-8000-" + String.format("%012d", Math.abs(e.id().hashCode())))
                .put("result", e.result())
                .put("resultReason", "")
                .put("activityDisplayName", e.activity())
                .put("activityDateTime", e.activityDateTime() == null ? null : e.activityDateTime().toString())
                .put("loggedByService", "Core Directory")
                .put("operationType", "Update");
        ObjectNode initiatedBy = item.putObject("initiatedBy");
        initiatedBy.putNull("user");
        if (e.appDisplayName() == null && e.appId() == null) {
            initiatedBy.putNull("app");
        } else {
            initiatedBy.putObject("app").put("appId", e.appId()).put("displayName", e.appDisplayName())
                    .put("servicePrincipalId", e.servicePrincipalId()).put("servicePrincipalName", e.appDisplayName());
        }
        ArrayNode targets = item.putArray("targetResources");
        for (String target : e.targets()) {
            int space = target.indexOf(' ');
            String type = space < 0 ? "Other" : target.substring(0, space);
            String name = space < 0 ? target : target.substring(space + 1);
            ObjectNode t = targets.addObject().put("id", "id-" + name).put("displayName", (String) null)
                    .put("type", type);
            if (type.equals("User")) {
                t.put("userPrincipalName", name);
            } else {
                t.put("displayName", name);
            }
            t.putArray("modifiedProperties");
        }
        item.putArray("additionalDetails");
        return item;
    }
}
