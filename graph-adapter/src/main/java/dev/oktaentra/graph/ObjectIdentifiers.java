package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code onPremisesObjectIdentifier}, the objectGUID of the on-premises object a sync engine mapped a user to.
 * Entra ID's 2026 protections block a hard match onto a user that already has it (how-to-connect-install-existing-
 * tenant, "Hard match security protections": "The cloud account already has {@code onPremisesObjectIdentifier}
 * set."; enforced from July 1, 2026 by message center MC1263280).
 *
 * <p>The property exists in Graph <b>beta</b> only: the v1.0 {@code user} has none (Graph Java SDK 6.70, generated
 * from v1.0's metadata, has no getter for it), and every Microsoft sample reads or clears it on
 * {@code https://graph.microsoft.com/beta/users/{id}}. So it is read on the beta root beside the client's
 * {@code …/v1.0} base URL, with one paged listing rather than a request per user:
 * {@code GET /beta/users?$select=id,onPremisesObjectIdentifier&$top=…} (selected explicitly, as Graph returns the
 * {@code onPremises…} properties only on {@code $select}). Only users that have one are kept, so memory follows the
 * mapped users, not the tenant.
 *
 * <p>Beta "is subject to change" and its use "in production applications is not supported" (Microsoft's note on
 * every beta page): when it refuses, cannot be reached, or the base URL has no {@code /v1.0} to swap, the value is
 * unknown, never "none", and the result says why. Values read before a failure stand (they are facts); the rest are
 * unknown.
 */
final class ObjectIdentifiers {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectIdentifiers.class);
    private static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS = new HashMap<>();

    static {
        ERRORS.put("XXX", ODataError::createFromDiscriminatorValue);
    }

    /**
     * What the read found.
     *
     * @param byUserId the identifier of each user that has one
     * @param unknown why the others are unknown, or {@code null} when every user was read
     */
    record Result(Map<String, String> byUserId, String unknown) {
    }

    private record Page(String nextLink) {
    }

    private ObjectIdentifiers() {
    }

    /**
     * The beta root beside a v1.0 base URL.
     *
     * @param baseUrl e.g. {@code https://graph.microsoft.com/v1.0}
     * @return e.g. {@code https://graph.microsoft.com/beta}, or empty when the URL does not end in {@code /v1.0}
     */
    static Optional<String> betaRoot(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base.endsWith("/v1.0") ? Optional.of(base.substring(0, base.length() - "/v1.0".length()) + "/beta")
                : Optional.empty();
    }

    /**
     * Reads the identifiers.
     *
     * @param graph the client
     * @param settings page size, retry policy, synced filter
     * @return the identifiers, and why some are unknown when the read failed
     */
    static Result read(GraphServiceClient graph, GraphSettings settings) {
        String base = graph.getRequestAdapter().getBaseUrl();
        Optional<String> beta = betaRoot(base);
        if (beta.isEmpty()) {
            return new Result(Map.of(), "the Graph base URL " + base + " does not end in /v1.0, so the beta root"
                    + " beside it, where alone onPremisesObjectIdentifier exists, is unknown");
        }
        boolean synced = settings.syncedUsersOnly();
        String link = beta.get() + "/users?$select=id,onPremisesObjectIdentifier&$top=" + settings.pageSize()
                + (synced ? "&$count=true&$filter=" + URLEncoder.encode("onPremisesSyncEnabled eq true",
                        StandardCharsets.UTF_8).replace("+", "%20") : "");
        Map<String, String> found = new HashMap<>();
        int page = 0;
        try {
            while (link != null) {
                page++;
                String current = link;
                String action = "Reading onPremisesObjectIdentifier from Graph beta, users page " + page;
                Page read = Calls.call(action, () -> {
                    RequestInformation request = graph.users().withUrl(current).toGetRequestInformation(rc -> {
                        if (synced) {
                            Calls.advancedQuery(rc);
                        }
                        Calls.retry(rc, settings);
                    });
                    try (InputStream body = graph.getRequestAdapter().sendPrimitive(request, ERRORS,
                            InputStream.class)) {
                        return parse(body, found, action);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (read.nextLink() != null && read.nextLink().equals(current)) {
                    throw new GraphException(action + ": Graph sent the same @odata.nextLink twice", 0, null, null,
                            null, List.of());
                }
                link = read.nextLink();
            }
        } catch (GraphException e) {
            LOG.warn("onPremisesObjectIdentifier (Graph beta) could not be read: {}", e.getMessage());
            return new Result(found, "Graph beta, where alone onPremisesObjectIdentifier exists, could not be read ("
                    + e.getMessage() + ")");
        }
        LOG.debug("{} users have an onPremisesObjectIdentifier ({} beta pages)", found.size(), page);
        return new Result(found, null);
    }

    private static Page parse(InputStream body, Map<String, String> found, String action) throws IOException {
        return new Page(UserPageStream.read(body, action, user -> {
            JsonNode id = user.get("id");
            JsonNode identifier = user.get("onPremisesObjectIdentifier");
            if (id != null && id.isTextual() && identifier != null && identifier.isTextual()
                    && !identifier.asText().isEmpty()) {
                found.put(id.asText(), identifier.asText());
            }
        }));
    }
}
