package dev.oktaentra.okta;

import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import dev.oktaentra.core.provisioning.ProvisionedObjects;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Okta's Office 365 provisioning over the Okta Management SDK, as core's {@link ProvisioningSource}: finds every
 * Office 365 app instance, reads the ImmutableIDs Okta stamped and the mapping that computes them, and switches one
 * app's provisioning off (and on again).
 *
 * <pre>{@code
 * OktaSettings settings = OktaSettings.builder()
 *         .orgUrl("https://contoso.okta.com")
 *         .credentials(OktaCredentials.apiToken(Secret.fromEnvironment("OKTAENTRA_OKTA_API_TOKEN")))
 *         .build();
 * try (OktaProvisioning okta = OktaProvisioning.connect(settings)) {
 *     okta.apps().forEach(app -> System.out.println(app.label() + ": " + app.provisioning()));
 * }
 * }</pre>
 *
 * <p>This class is a thin source, not a workflow: switching Okta off for the migration is core's journaled
 * {@code disable-okta-provisioning} step (plan, apply, verify, roll back), which calls {@link #disable(String)} and
 * {@link #enable(String)} app by app and records each switch with its before-state.
 *
 * <p>Provisioning of one app is its default provisioning connection ({@code /api/v1/apps/{id}/connections/default}),
 * which the Admin Console shows as "Enable API integration". Where Okta's connection API does not apply to an app,
 * the app is {@link ProvisioningState#MANUAL_ONLY} and its {@link ProvisioningApp#consoleSteps()} say what a person
 * does instead. Only apps whose OIN name is {@code office365} are ever switched.
 *
 * <p>The SDK's client cache is off, so every read is fresh. Rate-limited calls (HTTP 429) are retried after the time
 * in {@code X-Rate-Limit-Reset}, and 503 and 504 after a back-off, as {@link OktaSettings#retry()} allows.
 * Credentials never appear in {@link #toString()}, {@link #name()}, log lines or exception messages from this
 * library; keep Apache HttpClient's header and wire loggers ({@code org.apache.hc.client5.http.headers},
 * {@code org.apache.hc.client5.http.wire}) below DEBUG, as they print request headers.
 *
 * <p>Instances are not for concurrent use: use one per thread, or call them in turn.
 */
public final class OktaProvisioning implements ProvisioningSource {

    private final OktaSettings settings;
    private final String scheme;
    private final OktaApi api;
    private final Office365Apps office365Apps;
    private final ProvisioningProbe probe;
    private final ConnectionSwitch connectionSwitch;
    private final AppUsers appUsers;
    private final ImmutableIdMappings mappings;
    private final DeprovisioningProbe deprovisioning;
    private final GroupPushes groupPushes;

    private OktaProvisioning(OktaSettings settings) {
        this.settings = settings;
        OktaCredentials credentials = settings.credentials();
        this.scheme = credentials.isApiToken() ? "API token" : "OAuth 2.0 client " + credentials.clientId();
        OktaErrors errors = new OktaErrors(settings.orgUrl(), settings.retry().maxRetries());
        this.api = new OktaApi(ClientFactory.build(settings, errors), errors, settings.retry());
        this.office365Apps = new Office365Apps(api, settings.appPageSize());
        this.probe = new ProvisioningProbe(api);
        this.connectionSwitch = new ConnectionSwitch(api, probe);
        this.appUsers = new AppUsers(api, settings.userPageSize());
        this.mappings = new ImmutableIdMappings(api);
        this.deprovisioning = new DeprovisioningProbe(api);
        this.groupPushes = new GroupPushes(api);
    }

    /**
     * Builds the SDK client for the settings' org. With an API token nothing is sent until the first call; with OAuth
     * 2.0 credentials the access token is fetched at once, so bad credentials fail here.
     *
     * @param settings the org, credentials, retry policy, timeouts and page sizes
     * @return the adapter; close it
     * @throws OktaException when Okta refuses the OAuth 2.0 sign-in
     */
    public static OktaProvisioning connect(OktaSettings settings) {
        return new OktaProvisioning(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Every Office 365 app instance of the org, all pages, each with its provisioning state; the detail names the
     * default provisioning connection's status and auth scheme and the USER_PROVISIONING feature's state.
     *
     * @return the apps in Okta's order
     * @throws OktaException when Okta cannot be read
     */
    @Override
    public List<ProvisioningApp> apps() {
        return office365Apps.list().stream().map(probe::describe).toList();
    }

    /**
     * The app's users with the {@code profile.immutableId} Okta stamped, their externalId, user name and status,
     * fetched page by page as the stream is consumed.
     *
     * @param appId the app
     * @return a lazy stream; errors surface as {@link OktaException} while it is consumed
     */
    @Override
    public Stream<ProvisionedUser> users(String appId) {
        return appUsers.stream(requireAppId(appId));
    }

    /**
     * Which expression feeds the app's {@code immutableId}, read from Okta's profile mappings, and the on-prem
     * attribute it reads: {@code objectGUID} for Okta's default, {@code mS-DS-ConsistencyGuid}, another attribute's
     * name, or {@code null} with an explanation.
     *
     * @param appId the app
     * @return the mapping; expression and attribute are {@code null} when the API does not expose them
     */
    @Override
    public ImmutableIdMapping immutableIdMapping(String appId) {
        return mappings.read(requireAppId(appId));
    }

    /**
     * Whether unassigning users from the app, or deactivating them in Okta, deprovisions them in Microsoft 365:
     * {@code ENABLED} when the USER_PROVISIONING feature's {@code lifecycleDeactivate} is on or the app lists
     * {@code PUSH_USER_DEACTIVATION}, {@code DISABLED} when a witness says it is off and none says on,
     * {@code UNKNOWN} otherwise. Okta's API does not say what the deprovisioning does (block sign-in, remove
     * licences, delete the user).
     *
     * @param appId the app
     * @return the reading, with what Okta reported as evidence
     * @throws OktaException when Okta cannot be read
     */
    @Override
    public Deprovisioning deprovisioning(String appId) {
        return deprovisioning.read(requireAppId(appId));
    }

    /**
     * The groups the app pushes into Entra ID: the app feature {@code GROUP_PUSH} and its group push mappings.
     * Okta's API does not show whether the app uses Universal Sync (groups, contacts, distribution lists and resource
     * mailboxes too); the evidence says so.
     *
     * @param appId the app
     * @return the reading
     * @throws OktaException when Okta cannot be read
     */
    @Override
    public ProvisionedObjects beyondUsers(String appId) {
        return groupPushes.read(requireAppId(appId));
    }

    /**
     * Deactivates the app's default provisioning connection when it is on; an app that is off, or that the API
     * cannot switch, is left alone.
     *
     * @param appId an Office 365 app
     * @return the state read back: {@code DISABLED}, {@code MANUAL_ONLY}, or {@code ENABLED} if it did not switch
     * @throws IllegalArgumentException when the app is not an Office 365 app
     * @throws OktaException when Okta refuses or fails
     */
    @Override
    public ProvisioningState disable(String appId) {
        return connectionSwitch.disable(requireAppId(appId)).after().state();
    }

    /**
     * Activates the app's default provisioning connection when it is off, to roll back {@link #disable(String)}.
     *
     * @param appId an Office 365 app
     * @return the state read back
     * @throws IllegalArgumentException when the app is not an Office 365 app
     * @throws OktaException when Okta refuses or fails
     */
    @Override
    public ProvisioningState enable(String appId) {
        return connectionSwitch.enable(requireAppId(appId)).after().state();
    }

    /**
     * The org URL.
     *
     * @return e.g. {@code https://contoso.okta.com}
     */
    @Override
    public String name() {
        return settings.orgUrl();
    }

    /**
     * The settings in force.
     *
     * @return the settings
     */
    public OktaSettings settings() {
        return settings;
    }

    /** Closes the SDK's HTTP connections. */
    @Override
    public void close() {
        api.close();
    }

    /**
     * The org and the kind of credentials; never a secret.
     *
     * @return e.g. {@code OktaProvisioning[https://contoso.okta.com, API token]}
     */
    @Override
    public String toString() {
        return "OktaProvisioning[" + settings.orgUrl() + ", " + scheme + "]";
    }

    private static String requireAppId(String appId) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("The app id is missing (null or blank).");
        }
        return appId.strip();
    }
}
