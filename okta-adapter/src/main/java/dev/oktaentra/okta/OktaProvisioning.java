package dev.oktaentra.okta;

import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.okta.disable.DisablePlan;
import dev.oktaentra.okta.disable.DisableResult;
import dev.oktaentra.okta.disable.RollbackResult;
import dev.oktaentra.okta.disable.Verification;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Okta's Office 365 provisioning over the Okta Management SDK: finds every Office 365 app instance, reads the
 * ImmutableIDs Okta stamped and the mapping that computes them, and switches provisioning off (and on again).
 *
 * <pre>{@code
 * try (OktaProvisioning okta = OktaProvisioning.withApiToken("https://contoso.okta.com", token)) {
 *     DisablePlan plan = okta.planDisable();           // dry run: every Office 365 app and what apply would do
 *     DisableResult result = okta.apply(plan);         // deactivates the connections that are on
 *     Verification check = okta.verify(plan);          // reads every app back
 *     if (!check.passed()) okta.rollback(result);      // re-enables exactly what apply switched off
 * }
 * }</pre>
 *
 * <p>Provisioning of one app is its default provisioning connection ({@code /api/v1/apps/{id}/connections/default}),
 * which the Admin Console shows as "Enable API integration". Where Okta's connection API does not apply to an app,
 * the app is {@link ProvisioningState#MANUAL_ONLY} and its {@link ProvisioningApp#consoleSteps()} say what a person
 * does instead. Only apps whose OIN name is {@code office365} are ever switched.
 *
 * <p>The SDK's client cache is off, so every read is fresh. Rate-limited calls (HTTP 429) are retried by the SDK after
 * the time in {@code X-Rate-Limit-Reset}, at most {@link OktaProvisioningBuilder#maxRetries(int)} times.
 * Credentials never appear in {@link #toString()}, {@link #name()}, log lines or exception messages from this
 * library; keep Apache HttpClient's header and wire loggers ({@code org.apache.hc.client5.http.headers}, {@code org.apache.hc.client5.http.wire})
 * below DEBUG, as they print request headers.
 *
 * <p>Instances are not for concurrent use: use one per thread, or call them in turn.
 */
public final class OktaProvisioning implements ProvisioningSource {

    /** Retries of a rate-limited or unavailable call, as in the SDK's default. */
    public static final int DEFAULT_MAX_RETRIES = 4;

    /** The most retries {@link OktaProvisioningBuilder#maxRetries(int)} accepts. */
    public static final int MAX_RETRIES_LIMIT = 10;

    /** Connect and read timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Apps per page, Okta's maximum. */
    public static final int DEFAULT_APP_PAGE_SIZE = 200;

    /** App users per page, Okta's maximum. */
    public static final int DEFAULT_USER_PAGE_SIZE = 500;

    private final OrgUrl orgUrl;
    private final String scheme;
    private final OktaApi api;
    private final Office365Apps office365Apps;
    private final ProvisioningProbe probe;
    private final ConnectionSwitch connectionSwitch;
    private final AppUsers appUsers;
    private final ImmutableIdMappings mappings;
    private final DisableWorkflow workflow;

    OktaProvisioning(OktaProvisioningBuilder b, OrgUrl url) {
        this.orgUrl = url;
        this.scheme = b.credentials.isApiToken() ? "API token" : "OAuth 2.0 client " + b.credentials.clientId();
        OktaErrors errors = new OktaErrors(url.text(), b.maxRetries);
        this.api = new OktaApi(ClientFactory.build(url, b.credentials, b.maxRetries,
                (int) Math.max(1, b.timeout.toSeconds()), errors), errors);
        this.office365Apps = new Office365Apps(api, b.appPageSize);
        this.probe = new ProvisioningProbe(api);
        this.connectionSwitch = new ConnectionSwitch(api, probe);
        this.appUsers = new AppUsers(api, b.userPageSize);
        this.mappings = new ImmutableIdMappings(api);
        this.workflow = new DisableWorkflow(url.text(), this::apps, probe, connectionSwitch, b.clock);
    }

    /**
     * Connects with an API token (SSWS) and the defaults.
     *
     * @param orgUrl the org, e.g. {@code https://contoso.okta.com}
     * @param apiToken the token; copied, so the caller may wipe it afterwards
     * @return the adapter
     * @throws IllegalArgumentException when the URL or token is not usable
     */
    public static OktaProvisioning withApiToken(String orgUrl, char[] apiToken) {
        return builder().orgUrl(orgUrl).credentials(OktaCredentials.apiToken(apiToken)).build();
    }

    /**
     * Connects as an OAuth 2.0 service app with a private key and {@link OktaCredentials#DEFAULT_SCOPES}; the access
     * token is fetched at once, so bad credentials fail here.
     *
     * @param orgUrl the org, e.g. {@code https://contoso.okta.com}
     * @param clientId the service app's client id
     * @param keyId the key id ({@code kid}), or {@code null}
     * @param privateKey the RSA or EC private key
     * @return the adapter
     * @throws IllegalArgumentException when an argument is not usable
     * @throws OktaException when Okta refuses the sign-in
     */
    public static OktaProvisioning withPrivateKey(String orgUrl, String clientId, String keyId,
            PrivateKey privateKey) {
        return builder().orgUrl(orgUrl)
                .credentials(OktaCredentials.privateKey(clientId, keyId, OktaCredentials.DEFAULT_SCOPES, privateKey))
                .build();
    }

    /**
     * A builder for every setting.
     *
     * @return an empty builder
     */
    public static OktaProvisioningBuilder builder() {
        return new OktaProvisioningBuilder();
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
     * Reads every Office 365 app and plans switching provisioning off. Changes nothing.
     *
     * @return the plan
     * @throws OktaException when Okta cannot be read
     */
    public DisablePlan planDisable() {
        return workflow.plan();
    }

    /**
     * Applies a plan app by app: deactivates the connections that are still on, leaves apps that are off alone,
     * and reports apps the API cannot switch with their console steps. Each app's state is read again first; an app
     * whose state changed since planning is not touched. Idempotent: applying again changes nothing.
     *
     * @param plan a plan from {@link #planDisable()} of this org
     * @return each app's outcome and before-state
     * @throws IllegalArgumentException when the plan is for another org
     */
    public DisableResult apply(DisablePlan plan) {
        return workflow.apply(Objects.requireNonNull(plan, "plan"));
    }

    /**
     * Reads every Office 365 app again and checks that provisioning is off, including apps that appeared after
     * planning.
     *
     * @param plan the plan that was applied
     * @return the checks
     * @throws OktaException when Okta cannot be read
     */
    public Verification verify(DisablePlan plan) {
        return workflow.verify(Objects.requireNonNull(plan, "plan"));
    }

    /**
     * Activates again exactly the connections {@code result} deactivated, and lists how to switch on by hand the
     * apps that were left to a person.
     *
     * @param result what apply did
     * @return each app's outcome
     */
    public RollbackResult rollback(DisableResult result) {
        return workflow.rollback(Objects.requireNonNull(result, "result"));
    }

    /**
     * The org URL.
     *
     * @return e.g. {@code https://contoso.okta.com}
     */
    @Override
    public String name() {
        return orgUrl.text();
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
        return "OktaProvisioning[" + orgUrl.text() + ", " + scheme + "]";
    }

    private static String requireAppId(String appId) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("The app id is missing (null or blank).");
        }
        return appId.strip();
    }
}
