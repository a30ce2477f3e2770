package dev.oktaentra.okta;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Loopback;
import dev.oktaentra.core.settings.RetryPolicy;
import java.time.Duration;

/**
 * How {@link OktaProvisioning} reaches one Okta org: the org URL, the credentials, the retry policy for rate limits,
 * timeouts and page sizes. Immutable; build with {@link #builder()}, which checks every value as it is given and the
 * URL and credentials in {@link Builder#build()}.
 *
 * <pre>{@code
 * OktaSettings settings = OktaSettings.builder()
 *         .orgUrl("https://contoso.okta.com")
 *         .credentials(OktaCredentials.apiToken(Secret.fromEnvironment("OKTAENTRA_OKTA_API_TOKEN")))
 *         .build();
 * try (OktaProvisioning okta = OktaProvisioning.connect(settings)) { ... }
 * }</pre>
 *
 * <p>Every builder method throws a {@link ConfigurationException} naming the setting and the value, never a secret;
 * {@link #toString()} never shows one.
 */
public final class OktaSettings {

    /**
     * The retry policy unless one is set: 4 retries (the Okta SDK's own default), back-off from one second, waiting
     * for {@code X-Rate-Limit-Reset} after a 429.
     */
    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder().maxRetries(4)
            .backOff(Duration.ofSeconds(1)).build();

    /** Connect and read timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Apps per page, Okta's maximum. */
    public static final int DEFAULT_APP_PAGE_SIZE = 200;

    /** App users per page, Okta's maximum. */
    public static final int DEFAULT_USER_PAGE_SIZE = 500;

    private final OrgUrl orgUrl;
    private final OktaCredentials credentials;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final int appPageSize;
    private final int userPageSize;

    private OktaSettings(Builder b, OrgUrl orgUrl) {
        this.orgUrl = orgUrl;
        this.credentials = b.credentials;
        this.retry = b.retry;
        this.timeout = b.timeout;
        this.appPageSize = b.appPageSize;
        this.userPageSize = b.userPageSize;
    }

    /**
     * A builder with the defaults; the org URL and the credentials are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The org.
     *
     * @return e.g. {@code https://contoso.okta.com}, normalised
     */
    public String orgUrl() {
        return orgUrl.text();
    }

    /** The parsed org URL, for {@link ClientFactory}. */
    OrgUrl parsedOrgUrl() {
        return orgUrl;
    }

    /**
     * How the adapter signs in.
     *
     * @return the credentials
     */
    public OktaCredentials credentials() {
        return credentials;
    }

    /**
     * How calls answered 429, 503 or 504 are retried.
     *
     * @return the retry policy
     */
    public RetryPolicy retry() {
        return retry;
    }

    /**
     * Connect and read timeout.
     *
     * @return the timeout, whole seconds
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Apps per page when listing.
     *
     * @return 1 to 200
     */
    public int appPageSize() {
        return appPageSize;
    }

    /**
     * App users per page when streaming.
     *
     * @return 1 to 500
     */
    public int userPageSize() {
        return userPageSize;
    }

    /**
     * Whether plain {@code http} was allowed (to a loopback host).
     *
     * @return true for a plain-http org URL after {@link Builder#allowPlaintextOnLoopback()}
     */
    public boolean plaintextAllowed() {
        return orgUrl.plainHttp();
    }

    /**
     * Every setting; the credentials as their redacted description.
     *
     * @return e.g. {@code OktaSettings[https://contoso.okta.com, OktaCredentials[API token (SSWS), redacted], …]}
     */
    @Override
    public String toString() {
        return "OktaSettings[" + orgUrl.text() + ", " + credentials + ", retry=" + retry + ", timeout=" + timeout
                + ", appPageSize=" + appPageSize + ", userPageSize=" + userPageSize + "]";
    }

    /** Collects settings; every method checks its value and names it when it is wrong. */
    public static final class Builder {
        private String orgUrl;
        private OktaCredentials credentials;
        private RetryPolicy retry = DEFAULT_RETRY;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int appPageSize = DEFAULT_APP_PAGE_SIZE;
        private int userPageSize = DEFAULT_USER_PAGE_SIZE;
        private boolean plaintextAllowed;

        private Builder() {
        }

        /**
         * The org URL; checked in {@link #build()}.
         *
         * @param value e.g. {@code https://contoso.okta.com}; https only, see {@link #allowPlaintextOnLoopback()}
         * @return this builder
         */
        public Builder orgUrl(String value) {
            this.orgUrl = value;
            return this;
        }

        /**
         * How to sign in.
         *
         * @param value an API token or OAuth 2.0 private-key credentials
         * @return this builder
         */
        public Builder credentials(OktaCredentials value) {
            if (value == null) {
                throw new ConfigurationException("credentials", "credentials is missing (null)");
            }
            this.credentials = value;
            return this;
        }

        /**
         * How calls answered 429 (after {@code X-Rate-Limit-Reset}), 503 or 504 are retried; the adapter waits
         * through the policy's sleeper, and a network failure of a read is retried too. Writes are retried on those
         * statuses as well, as the Okta SDK does; a switch whose answer was lost is read back, never repeated blind.
         *
         * @param value the policy; default {@link OktaSettings#DEFAULT_RETRY}
         * @return this builder
         */
        public Builder retry(RetryPolicy value) {
            if (value == null) {
                throw new ConfigurationException("retry", "retry is missing (null)");
            }
            this.retry = value;
            return this;
        }

        /**
         * Connect and read timeout, whole seconds.
         *
         * @param value at least one second; default {@link OktaSettings#DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration value) {
            if (value == null || value.toSeconds() < 1) {
                throw new ConfigurationException("timeout", "timeout must be at least one second, not " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * Apps per page when listing.
         *
         * @param value 1 to 200; default {@value OktaSettings#DEFAULT_APP_PAGE_SIZE}
         * @return this builder
         */
        public Builder appPageSize(int value) {
            this.appPageSize = checkPageSize("appPageSize", value, 200);
            return this;
        }

        /**
         * App users per page when streaming.
         *
         * @param value 1 to 500; default {@value OktaSettings#DEFAULT_USER_PAGE_SIZE}
         * @return this builder
         */
        public Builder userPageSize(int value) {
            this.userPageSize = checkPageSize("userPageSize", value, 500);
            return this;
        }

        /**
         * Accepts a plain {@code http://} org URL when its host is loopback ({@code localhost}, {@code 127.0.0.0/8},
         * {@code ::1}; see {@link Loopback}), for tests and rehearsals against a local fake server: the token then
         * travels in clear text, but never leaves the machine. Real Okta orgs are https only, and a plain-http URL to
         * any other host is still refused by {@link #build()}.
         *
         * <p>The Okta SDK has no setter for this: it reads the system property {@code okta.testing.disableHttpsCheck}
         * in its builder's constructor. The property is set for that constructor call only, under a lock, and
         * restored (or cleared) right after; other code building Okta clients in the same instant could observe it.
         *
         * @return this builder
         */
        public Builder allowPlaintextOnLoopback() {
            this.plaintextAllowed = true;
            return this;
        }

        /**
         * Checks the org URL and the credentials and builds the settings; nothing is sent yet.
         *
         * @return the settings
         * @throws ConfigurationException when the URL or credentials are missing or not usable
         */
        public OktaSettings build() {
            OrgUrl url = OrgUrl.parse(orgUrl, plaintextAllowed);
            if (credentials == null) {
                throw new ConfigurationException("credentials", "Okta credentials are missing for " + url.text()
                        + ": call credentials(OktaCredentials.apiToken(...)) or credentials(OktaCredentials"
                        + ".privateKey(...)).");
            }
            return new OktaSettings(this, url);
        }

        private static int checkPageSize(String name, int value, int max) {
            if (value < 1 || value > max) {
                throw new ConfigurationException(name, name + " must be 1 to " + max + ", not " + value);
            }
            return value;
        }

        /**
         * The settings so far, never a secret.
         *
         * @return e.g. {@code OktaSettings.Builder[OktaCredentials[API token (SSWS), redacted]]}; not the org URL,
         *         which is unchecked until {@link #build()} and could hold user info
         */
        @Override
        public String toString() {
            return "OktaSettings.Builder[" + credentials + "]";
        }
    }
}
