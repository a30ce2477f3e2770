package dev.oktaentra.graph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which permissions Graph accepts for the reads behind the 2026 matching rules, as each reference page's Permissions
 * table lists them (the least privileged first), and the {@code 403} Graph answers a token that holds none of them.
 * Only when {@link FakeGraphServer#enforcePermissions(boolean)} is on; routes not listed here are not checked.
 * <ul>
 *   <li>users, list and get: User.Read.All, User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All
 *       (https://learn.microsoft.com/graph/api/user-list);</li>
 *   <li>{@code /users/{id}/onPremisesSyncBehavior}: User-OnPremisesSyncBehavior.ReadWrite.All only
 *       (https://learn.microsoft.com/graph/api/onpremisessyncbehavior-get);</li>
 *   <li>{@code roleAssignments}: RoleManagement.Read.Directory, Directory.Read.All, RoleManagement.ReadWrite.Directory,
 *       Directory.ReadWrite.All (https://learn.microsoft.com/graph/api/rbacapplication-list-roleassignments);</li>
 *   <li>{@code roleEligibilitySchedules}: RoleEligibilitySchedule.Read.Directory, RoleManagement.Read.Directory,
 *       RoleManagement.Read.All, RoleEligibilitySchedule.ReadWrite.Directory, RoleManagement.ReadWrite.Directory
 *       (https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules);</li>
 *   <li>{@code directory/onPremisesSynchronization}: OnPremDirectorySynchronization.Read.All or .ReadWrite.All
 *       (https://learn.microsoft.com/graph/api/onpremisesdirectorysynchronization-get).</li>
 * </ul>
 * The answer is Graph's usual one for a missing permission: {@code 403 Authorization_RequestDenied} "Insufficient
 * privileges to complete the operation." (https://learn.microsoft.com/graph/errors).
 */
final class Permissions {

    private static final List<String> USERS = List.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    private static final List<String> SYNC_BEHAVIOR = List.of("User-OnPremisesSyncBehavior.ReadWrite.All");
    private static final List<String> ROLE_ASSIGNMENTS = List.of("RoleManagement.Read.Directory",
            "Directory.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.ReadWrite.All",
            "RoleManagement.Read.All");
    private static final List<String> ELIGIBILITY = List.of("RoleEligibilitySchedule.Read.Directory",
            "RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleEligibilitySchedule.ReadWrite.Directory",
            "RoleManagement.ReadWrite.Directory");
    private static final List<String> SYNCHRONIZATION = List.of("OnPremDirectorySynchronization.Read.All",
            "OnPremDirectorySynchronization.ReadWrite.All");

    private Permissions() {
    }

    /**
     * The refusal for a request whose token holds none of the permissions its route accepts.
     *
     * @param req the request
     * @param path its path without {@code /v1.0} or {@code /beta}
     * @param authorization the {@code Authorization} header that carried it (the {@code $batch}'s for an item)
     * @return the {@code 403}, or {@code null} when the request may go on
     */
    static Reply refusal(FakeRequest req, String path, String authorization) {
        List<String> accepted = accepted(req.method(), path.substring(1).split("/", -1));
        if (accepted.isEmpty()) {
            return null;
        }
        Set<String> granted = granted(authorization);
        for (String permission : accepted) {
            if (granted.contains(permission.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return Reply.error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    private static List<String> accepted(String method, String[] p) {
        if (!method.equals("GET")) {
            return List.of();
        }
        if (p[0].equals("users")) {
            return p.length == 3 && p[2].equals("onPremisesSyncBehavior") ? SYNC_BEHAVIOR
                    : p.length <= 2 ? USERS : List.of();
        }
        if (p.length == 3 && p[0].equals("roleManagement") && p[1].equals("directory")) {
            return p[2].equals("roleAssignments") ? ROLE_ASSIGNMENTS
                    : p[2].equals("roleEligibilitySchedules") ? ELIGIBILITY : List.of();
        }
        if (p.length >= 2 && p[0].equals("directory") && p[1].equals("onPremisesSynchronization")) {
            return SYNCHRONIZATION;
        }
        return List.of();
    }

    /** The {@code roles} (app-only) or {@code scp} (delegated) of an unsigned JWT, lower-cased; empty otherwise. */
    private static Set<String> granted(String authorization) {
        Set<String> granted = new HashSet<>();
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return granted;
        }
        String[] parts = authorization.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return granted;
        }
        JsonNode claims;
        try {
            claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            return granted;
        }
        if (claims == null) {
            return granted;
        }
        claims.path("roles").forEach(r -> granted.add(r.asText().toLowerCase(Locale.ROOT)));
        for (String scope : claims.path("scp").asText("").split(" ")) {
            if (!scope.isBlank()) {
                granted.add(scope.toLowerCase(Locale.ROOT));
            }
        }
        return granted;
    }
}
