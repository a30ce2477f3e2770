package dev.oktaentra.okta;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings for {@link OktaProvisioning}; the org URL and credentials are required. Obtain one from
 * {@link OktaProvisioning#builder()}.
 */
public final class OktaProvisioningBuilder {
    String orgUrl;
    OktaCredentials credentials;
    int maxRetries = OktaProvisioning.DEFAULT_MAX_RETRIES;
    Duration timeout = OktaProvisioning.DEFAULT_TIMEOUT;
    int appPageSize = OktaProvisioning.DEFAULT_APP_PAGE_SIZE;
    int userPageSize = OktaProvisioning.DEFAULT_USER_PAGE_SIZE;
    boolean allowPlainHttpOnLoopback;
    Clock clock = Clock.systemUTC();

    OktaProvisioningBuilder() {
    }

    /**
     * The org URL.
     *
     * @param value e.g. {@code https://contoso.okta.com}; https only, see {@link #allowPlainHttpOnLoopback()}
     * @return this builder
     */
    public OktaProvisioningBuilder orgUrl(String value) {
        this.orgUrl = value;
        return this;
    }

    /**
     * How to sign in.
     *
     * @param value an API token or OAuth 2.0 private-key credentials
     * @return this builder
     */
    public OktaProvisioningBuilder credentials(OktaCredentials value) {
        this.credentials = value;
        return this;
    }

    /**
     * Shorthand for {@code credentials(OktaCredentials.apiToken(token))}.
     *
     * @param token the API token; copied
     * @return this builder
     */
    public OktaProvisioningBuilder apiToken(char[] token) {
        return credentials(OktaCredentials.apiToken(token));
    }

    /**
     * How often the SDK retries a call answered 429 (after {@code X-Rate-Limit-Reset}), 503 or 504.
     *
     * @param value 0 to {@value OktaProvisioning#MAX_RETRIES_LIMIT};
     *        default {@value OktaProvisioning#DEFAULT_MAX_RETRIES}
     * @return this builder
     */
    public OktaProvisioningBuilder maxRetries(int value) {
        if (value < 0 || value > OktaProvisioning.MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxRetries must be 0 to " + OktaProvisioning.MAX_RETRIES_LIMIT + ", not " + value);
        }
        this.maxRetries = value;
        return this;
    }

    /**
     * Connect and read timeout, whole seconds.
     *
     * @param value at least one second; default {@link OktaProvisioning#DEFAULT_TIMEOUT}
     * @return this builder
     */
    public OktaProvisioningBuilder timeout(Duration value) {
        if (value == null || value.toSeconds() < 1) {
            throw new IllegalArgumentException("timeout must be at least one second, not " + value);
        }
        this.timeout = value;
        return this;
    }

    /**
     * Apps per page when listing.
     *
     * @param value 1 to 200; default {@value OktaProvisioning#DEFAULT_APP_PAGE_SIZE}
     * @return this builder
     */
    public OktaProvisioningBuilder appPageSize(int value) {
        this.appPageSize = checkPageSize("appPageSize", value, 200);
        return this;
    }

    /**
     * App users per page when streaming.
     *
     * @param value 1 to 500; default {@value OktaProvisioning#DEFAULT_USER_PAGE_SIZE}
     * @return this builder
     */
    public OktaProvisioningBuilder userPageSize(int value) {
        this.userPageSize = checkPageSize("userPageSize", value, 500);
        return this;
    }

    /**
     * Accepts a plain {@code http://} org URL when its host is loopback ({@code localhost}, {@code 127.0.0.0/8},
     * {@code ::1}), for tests and rehearsals against a local fake server. Real Okta orgs are https only, and any
     * other plain-http URL is still refused.
     *
     * <p>The Okta SDK has no setter for this: it reads the system property {@code okta.testing.disableHttpsCheck}
     * in its builder's constructor. The property is set for that constructor call only, under a lock, and
     * restored (or cleared) right after; other code building Okta clients in the same instant could observe it.
     *
     * @return this builder
     */
    public OktaProvisioningBuilder allowPlainHttpOnLoopback() {
        this.allowPlainHttpOnLoopback = true;
        return this;
    }

    /**
     * The clock that stamps plans and results.
     *
     * @param value the clock; default UTC system clock
     * @return this builder
     */
    public OktaProvisioningBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Builds the adapter; with OAuth 2.0 credentials this signs in at once.
     *
     * @return the adapter
     * @throws IllegalArgumentException when the URL or credentials are missing or not usable
     * @throws OktaException when Okta refuses the OAuth 2.0 sign-in
     */
    public OktaProvisioning build() {
        OrgUrl url = OrgUrl.parse(orgUrl, allowPlainHttpOnLoopback);
        if (credentials == null) {
            throw new IllegalArgumentException("Okta credentials are missing for " + url.text()
                    + ": call credentials(OktaCredentials.apiToken(...)) or credentials(OktaCredentials"
                    + ".privateKey(...)).");
        }
        return new OktaProvisioning(this, url);
    }

    private static int checkPageSize(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + ", not " + value);
        }
        return value;
    }
}
