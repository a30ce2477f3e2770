package dev.oktaentra.okta;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.okta.sdk.resource.api.ApplicationConnectionsApi;
import com.okta.sdk.resource.api.ApplicationFeaturesApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.ProfileMappingApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.Pair;
import com.okta.sdk.resource.model.AppUser;
import com.okta.sdk.resource.model.ApplicationFeature;
import com.okta.sdk.resource.model.ApplicationFeatureType;
import com.okta.sdk.resource.model.ListProfileMappings;
import com.okta.sdk.resource.model.ProfileMapping;
import com.okta.sdk.resource.model.ProvisioningConnectionResponse;
import dev.oktaentra.core.settings.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Okta Management API calls the adapter makes, through the SDK, each turning a failure into an
 * {@link OktaException} that names the operation, after the retries the settings' {@link RetryPolicy} allows
 * ({@link RetryWaits} says which failures and how long). One instance per client; not for concurrent paging.
 */
final class OktaApi implements AutoCloseable {

    private static final String[] AUTH_NAMES = {"apiToken", "oauth2"};
    private static final TypeReference<List<JsonNode>> JSON_LIST = new TypeReference<>() { };
    private static final TypeReference<JsonNode> JSON_NODE = new TypeReference<>() { };

    private static final Logger LOG = LoggerFactory.getLogger(OktaApi.class);

    private final ApiClient client;
    private final OktaErrors errors;
    private final RetryPolicy retry;
    private final ApplicationConnectionsApi connections;
    private final ApplicationFeaturesApi features;
    private final ApplicationUsersApi users;
    private final ProfileMappingApi mappings;

    /**
     * The calls of one client.
     *
     * @param client a client built with the cache disabled
     * @param errors the translator for failures
     * @param retry how failed calls are retried
     */
    public OktaApi(ApiClient client, OktaErrors errors, RetryPolicy retry) {
        this.client = client;
        this.errors = errors;
        this.retry = retry;
        this.connections = new ApplicationConnectionsApi(client);
        this.features = new ApplicationFeaturesApi(client);
        this.users = new ApplicationUsersApi(client);
        this.mappings = new ProfileMappingApi(client);
    }

    /**
     * One page of {@code GET /api/v1/apps} as raw JSON: the SDK's typed {@code Application} model is polymorphic on
     * {@code signOnMode} and loses the app's {@code name} (a WS-Federation Office 365 app reads back as
     * {@code unknown_default_open_api}), so the adapter reads the JSON itself.
     *
     * @param filter the {@code filter} expression
     * @param after the cursor, or {@code null} for the first page
     * @param limit the page size
     * @return the page
     */
    public Page<JsonNode> apps(String filter, String after, int limit) {
        return read("list the apps with filter " + filter, () -> {
            List<Pair> query = new ArrayList<>(client.parameterToPair("filter", filter));
            query.addAll(client.parameterToPair("after", after));
            query.addAll(client.parameterToPair("limit", limit));
            List<JsonNode> page = client.invokeAPI("/api/v1/apps", "GET", query, new ArrayList<>(), "", null,
                    new HashMap<>(), new HashMap<>(), new HashMap<>(), "application/json", "application/json",
                    AUTH_NAMES, JSON_LIST);
            return page(page);
        });
    }

    /**
     * {@code GET /api/v1/apps/{appId}} as raw JSON, for the same reason as {@link #apps(String, String, int)}.
     *
     * @param appId the app
     * @return the app's JSON
     */
    public JsonNode app(String appId) {
        return read("read app " + appId, () -> client.invokeAPI("/api/v1/apps/" + client.escapeString(appId),
                "GET", new ArrayList<>(), new ArrayList<>(), "", null, new HashMap<>(), new HashMap<>(),
                new HashMap<>(), "application/json", "application/json", AUTH_NAMES, JSON_NODE));
    }

    /**
     * One page of {@code GET /api/v1/apps/{appId}/group-push/mappings} as raw JSON (Okta Management API, Group Push
     * Mappings, "List all group push mappings"; the SDK in use has no typed call for it).
     *
     * @param appId the app
     * @param after the cursor, or {@code null} for the first page
     * @param limit the page size
     * @return the page
     */
    public Page<JsonNode> groupPushMappings(String appId, String after, int limit) {
        return read("list the group push mappings of app " + appId, () -> {
            List<Pair> query = new ArrayList<>(client.parameterToPair("after", after));
            query.addAll(client.parameterToPair("limit", limit));
            List<JsonNode> page = client.invokeAPI("/api/v1/apps/" + client.escapeString(appId)
                            + "/group-push/mappings", "GET", query, new ArrayList<>(), "", null, new HashMap<>(),
                    new HashMap<>(), new HashMap<>(), "application/json", "application/json", AUTH_NAMES, JSON_LIST);
            return page(page);
        });
    }

    /**
     * {@code GET /api/v1/apps/{appId}/connections/default}.
     *
     * @param appId the app
     * @return the default provisioning connection
     */
    public ProvisioningConnectionResponse connection(String appId) {
        return read("read the default provisioning connection of app " + appId,
                () -> connections.getDefaultProvisioningConnectionForApplication(appId));
    }

    /**
     * {@code POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate}.
     *
     * @param appId the app
     */
    public void deactivate(String appId) {
        call("deactivate the default provisioning connection of app " + appId, false, () -> {
            connections.deactivateDefaultProvisioningConnectionForApplication(appId);
            return null;
        });
    }

    /**
     * {@code POST /api/v1/apps/{appId}/connections/default/lifecycle/activate}.
     *
     * @param appId the app
     */
    public void activate(String appId) {
        call("activate the default provisioning connection of app " + appId, false, () -> {
            connections.activateDefaultProvisioningConnectionForApplication(appId);
            return null;
        });
    }

    /**
     * {@code GET /api/v1/apps/{appId}/features/USER_PROVISIONING}.
     *
     * @param appId the app
     * @return the feature
     */
    public ApplicationFeature userProvisioningFeature(String appId) {
        return read("read the USER_PROVISIONING feature of app " + appId,
                () -> features.getFeatureForApplication(appId, ApplicationFeatureType.USER_PROVISIONING));
    }

    /**
     * One page of {@code GET /api/v1/apps/{appId}/users}.
     *
     * @param appId the app
     * @param after the cursor, or {@code null}
     * @param limit the page size
     * @return the page
     */
    public Page<AppUser> appUsers(String appId, String after, int limit) {
        return read("list the users of app " + appId,
                () -> page(users.listApplicationUsers(appId, after, limit, null, null)));
    }

    /**
     * One page of {@code GET /api/v1/mappings?targetId=}.
     *
     * @param targetId the mapping target, e.g. an app id
     * @param after the cursor, or {@code null}
     * @param limit the page size
     * @return the page; items carry no properties
     */
    public Page<ListProfileMappings> mappingsTo(String targetId, String after, int limit) {
        return read("list the profile mappings to " + targetId,
                () -> page(mappings.listProfileMappings(after, limit, null, targetId)));
    }

    /**
     * {@code GET /api/v1/mappings/{mappingId}}.
     *
     * @param mappingId the mapping
     * @return the mapping with its properties
     */
    public ProfileMapping mapping(String mappingId) {
        return read("read profile mapping " + mappingId, () -> mappings.getProfileMapping(mappingId));
    }

    /**
     * The translator, for callers that raise their own errors.
     *
     * @return the translator
     */
    public OktaErrors errors() {
        return errors;
    }

    private static <T> Page<T> page(List<T> items) {
        return new Page<>(items == null ? List.of() : items, LinkPaging.nextCursor(items));
    }

    private <T> T read(String operation, Supplier<T> call) {
        return call(operation, true, call);
    }

    private <T> T call(String operation, boolean read, Supplier<T> call) {
        for (int retries = 0; ; retries++) {
            try {
                return call.get();
            } catch (OktaException e) {
                throw e;
            } catch (RuntimeException e) {
                Duration wait = RetryWaits.wait(e, read, retries, retry);
                if (wait == null) {
                    throw errors.translate(operation, e);
                }
                LOG.info("Okta at {}: could not {} ({}); retrying in {} ms (retry {} of {})", errors.org(),
                        operation, RetryWaits.describe(e), wait.toMillis(), retries + 1,
                        retry.maxRetries());
                pause(operation, wait);
            }
        }
    }

    private void pause(String operation, Duration wait) {
        try {
            retry.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OktaException("Okta at " + errors.org() + ": interrupted while waiting to retry: " + operation,
                    OktaException.NO_HTTP_STATUS, null, e);
        }
    }

    /** Closes the SDK's HTTP connection pool. */
    @Override
    public void close() {
        try {
            client.getHttpClient().close();
        } catch (IOException e) {
            throw errors.translate("close the HTTP client", e);
        }
    }
}
