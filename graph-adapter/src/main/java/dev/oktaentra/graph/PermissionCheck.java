package dev.oktaentra.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;

/**
 * Finds which permissions the caller's token lacks. The token is obtained the way every request gets it (the
 * client's own authentication provider, asked to sign a request that is never sent) and only its claims are read.
 */
final class PermissionCheck {

    private PermissionCheck() {
    }

    /**
     * The missing permissions, each with the admin-consent hint.
     *
     * @param graph the client
     * @param name the directory's name, for messages
     * @param required the permission names
     * @return one line per missing permission
     * @throws GraphException when no token can be obtained or read
     */
    public static List<String> missing(GraphServiceClient graph, String name, List<String> required) {
        TokenClaims claims = claims(graph, name);
        List<String> missing = new ArrayList<>();
        for (String permission : required) {
            if (!claims.grants(permission) && GraphPermissions.ALSO_GRANTED_BY.getOrDefault(permission, List.of())
                    .stream().noneMatch(claims::grants)) {
                missing.add(permission + ": not granted to this " + (claims.appOnly()
                        ? "app. Add it as an Application permission" : "sign-in. Add it as a Delegated permission")
                        + " under Entra admin center > App registrations > (the app) > API permissions >"
                        + " Add a permission > Microsoft Graph, select 'Grant admin consent', then sign in again"
                        + " for a new token");
            }
        }
        return missing;
    }

    private static TokenClaims claims(GraphServiceClient graph, String name) {
        String action = "Checking the permissions of the token for " + name;
        String authorization = Calls.call(action, () -> {
            RequestInformation probe = graph.organization().toGetRequestInformation();
            Request signed = graph.getRequestAdapter().convertToNativeRequest(probe);
            return signed.header("Authorization");
        });
        if (authorization == null || authorization.isBlank()) {
            throw new GraphException(action + ": the client sends no bearer token to this host. Azure-identity"
                    + " credentials only sign requests to Graph's own hosts; check the base URL and credentials", 0,
                    null, null, null, List.of());
        }
        Optional<TokenClaims> claims = TokenClaims.parse(authorization);
        if (claims.isEmpty()) {
            throw new GraphException(action + ": the access token is not a JWT whose claims can be read, so its"
                    + " permissions are unknown; check them under API permissions in the Entra admin center", 0,
                    null, null, null, List.of());
        }
        return claims.get();
    }
}
