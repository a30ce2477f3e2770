package dev.oktaentra.graph;

import dev.oktaentra.core.OktaEntraException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link GraphDirectory} reads and writes: cloud and base URL, which users and fields to read, page size, and
 * the retry policy for throttling. Immutable; build with {@link #builder()}, start from {@link #defaults()}.
 */
public final class GraphOptions {

    /** Largest page Graph serves for users. */
    public static final int MAX_PAGE_SIZE = 999;
    /** Retries of a throttled or unavailable request unless configured. */
    public static final int DEFAULT_MAX_RETRIES = 5;
    /** The SDK's upper bound for retries. */
    public static final int MAX_RETRIES = 10;
    /** Back-off base when Graph sends no {@code Retry-After}. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(3);
    /** The SDK's upper bound for one wait. */
    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(180);

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final GraphOptions DEFAULTS = builder().build();

    private final GraphCloud cloud;
    private final URI baseUrl;
    private final URI explicitBaseUrl;
    private final URI authorityHost;
    private final boolean plaintextAllowed;
    private final List<String> extraUserFields;
    private final boolean syncedUsersOnly;
    private final boolean markAdminRoles;
    private final int pageSize;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Sleeper sleeper;
    private final Clock clock;

    private GraphOptions(Builder b) {
        this.cloud = b.cloud;
        this.plaintextAllowed = b.plaintextAllowed;
        this.explicitBaseUrl = b.baseUrl;
        this.baseUrl = checkBaseUrl(b.baseUrl == null ? b.cloud.baseUrl() : b.baseUrl, b.plaintextAllowed);
        this.authorityHost = b.authorityHost;
        this.extraUserFields = List.copyOf(b.extraUserFields);
        this.syncedUsersOnly = b.syncedUsersOnly;
        this.markAdminRoles = b.markAdminRoles;
        this.pageSize = b.pageSize;
        this.maxRetries = b.maxRetries;
        this.retryDelay = b.retryDelay;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /**
     * The defaults: global cloud, every user, admin roles marked, pages of 999, 5 retries.
     *
     * @return the default options
     */
    public static GraphOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to change some.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cloud = cloud;
        b.baseUrl = explicitBaseUrl;
        b.authorityHost = authorityHost;
        b.plaintextAllowed = plaintextAllowed;
        b.extraUserFields.addAll(extraUserFields);
        b.syncedUsersOnly = syncedUsersOnly;
        b.markAdminRoles = markAdminRoles;
        b.pageSize = pageSize;
        b.maxRetries = maxRetries;
        b.retryDelay = retryDelay;
        b.sleeper = sleeper;
        b.clock = clock;
        return b;
    }

    /** @return the cloud whose tokens are requested */
    public GraphCloud cloud() {
        return cloud;
    }

    /** @return the API root requests go to, e.g. {@code https://graph.microsoft.com/v1.0} */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Where app-only and device code sign-ins get their tokens: the cloud's Microsoft Entra authority unless
     * {@link Builder#authorityHost(URI)} chose another.
     *
     * @return the authority host, e.g. {@code https://login.microsoftonline.com/}
     */
    public URI authorityHost() {
        return authorityHost == null ? URI.create(cloud.authorityHost()) : authorityHost;
    }

    /** @return whether {@link #authorityHost()} is one the caller chose rather than the cloud's */
    boolean customAuthorityHost() {
        return authorityHost != null;
    }

    /** @return whether a plain {@code http} base URL was explicitly allowed */
    public boolean plaintextAllowed() {
        return plaintextAllowed;
    }

    /** @return further user fields read into {@code CloudUser.attributes()}, e.g. {@code employeeId} */
    public List<String> extraUserFields() {
        return extraUserFields;
    }

    /** @return whether only users with {@code onPremisesSyncEnabled eq true} are read */
    public boolean syncedUsersOnly() {
        return syncedUsersOnly;
    }

    /** @return whether users holding a directory role are looked up and marked */
    public boolean markAdminRoles() {
        return markAdminRoles;
    }

    /** @return users per page ({@code $top}) */
    public int pageSize() {
        return pageSize;
    }

    /** @return retries of a request answered 429, 503 or 504 */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the back-off base when Graph sends no {@code Retry-After} */
    public Duration retryDelay() {
        return retryDelay;
    }

    /** @return what waits between retries of {@code $batch} items */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** @return the clock for {@code Retry-After} dates */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "GraphOptions[cloud=" + cloud + ", baseUrl=" + baseUrl + ", authorityHost=" + authorityHost()
                + ", extraUserFields=" + extraUserFields
                + ", syncedUsersOnly=" + syncedUsersOnly + ", markAdminRoles=" + markAdminRoles + ", pageSize="
                + pageSize + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay + "]";
    }

    private static URI checkBaseUrl(URI url, boolean plaintextAllowed) {
        String scheme = url.getScheme();
        if (url.getHost() == null || scheme == null) {
            throw new IllegalArgumentException("Graph base URL " + OktaEntraException.quote(url.toString())
                    + " is not an absolute URL such as https://graph.microsoft.com/v1.0");
        }
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && plaintextAllowed)) {
            throw new IllegalArgumentException("Graph base URL " + OktaEntraException.quote(url.toString())
                    + " is not https; plain http needs allowPlaintext(true) (for loopback test servers only)");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    /** Collects options; every setter checks its value and names it when it is wrong. */
    public static final class Builder {
        private GraphCloud cloud = GraphCloud.GLOBAL;
        private URI baseUrl;
        private URI authorityHost;
        private boolean plaintextAllowed;
        private final List<String> extraUserFields = new ArrayList<>();
        private boolean syncedUsersOnly;
        private boolean markAdminRoles = true;
        private int pageSize = MAX_PAGE_SIZE;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The national cloud; also sets the base URL to that cloud's unless {@link #baseUrl} overrides it.
         *
         * @param value the cloud
         * @return this builder
         */
        public Builder cloud(GraphCloud value) {
            this.cloud = Objects.requireNonNull(value, "cloud");
            return this;
        }

        /**
         * A base URL other than the cloud's, e.g. a proxy or a loopback test server.
         *
         * @param value the API root including the version, e.g. {@code https://graph.example.net/v1.0}
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /**
         * A base URL other than the cloud's.
         *
         * @param value the API root including the version
         * @return this builder
         */
        public Builder baseUrl(String value) {
            return baseUrl(URI.create(Objects.requireNonNull(value, "baseUrl")));
        }

        /**
         * A Microsoft Entra authority host other than the cloud's, e.g. a private cloud's or a loopback test
         * server's. Microsoft's instance discovery, which only knows the public clouds' hosts, is then skipped, as
         * azure-identity's {@code disableInstanceDiscovery()} documents for private clouds
         * (https://learn.microsoft.com/java/api/com.azure.identity.clientsecretcredentialbuilder). It must be
         * {@code https}: MSAL refuses any other authority.
         *
         * @param value the authority host, e.g. {@code https://login.contoso.example/}
         * @return this builder
         * @throws IllegalArgumentException when it is not an absolute {@code https} URL without path, query or user
         */
        public Builder authorityHost(URI value) {
            Objects.requireNonNull(value, "authorityHost");
            String path = value.getRawPath();
            if (!"https".equalsIgnoreCase(value.getScheme()) || value.getHost() == null
                    || value.getRawUserInfo() != null || value.getRawQuery() != null || value.getRawFragment() != null
                    || path != null && !path.isEmpty() && !path.equals("/")) {
                throw new IllegalArgumentException("Authority host " + OktaEntraException.quote(value.toString())
                        + " is not an https URL of a host alone, such as https://login.microsoftonline.com/");
            }
            String text = value.toString();
            this.authorityHost = URI.create(text.endsWith("/") ? text : text + "/");
            return this;
        }

        /**
         * A Microsoft Entra authority host other than the cloud's.
         *
         * @param value the authority host
         * @return this builder
         * @throws IllegalArgumentException when it is not an https URL of a host alone
         */
        public Builder authorityHost(String value) {
            Objects.requireNonNull(value, "authorityHost");
            try {
                return authorityHost(new URI(value));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Authority host " + OktaEntraException.quote(value)
                        + " is not a URL", e);
            }
        }

        /**
         * Allows a plain {@code http} base URL. Only for loopback test servers: tokens travel in clear text.
         *
         * @param value true to allow
         * @return this builder
         */
        public Builder allowPlaintext(boolean value) {
            this.plaintextAllowed = value;
            return this;
        }

        /**
         * Reads a further user field into {@code CloudUser.attributes()}, e.g. {@code employeeId} for a custom
         * match rule.
         *
         * @param name the Graph property name
         * @return this builder
         */
        public Builder extraUserField(String name) {
            Objects.requireNonNull(name, "name");
            if (!FIELD.matcher(name).matches()) {
                throw new IllegalArgumentException("User field " + OktaEntraException.quote(name)
                        + " is not a Graph property name (letters, digits, underscores)");
            }
            extraUserFields.add(name);
            return this;
        }

        /**
         * Reads only users synced from on-premises ({@code onPremisesSyncEnabled eq true}, an advanced query).
         *
         * @param value true for synced users only
         * @return this builder
         */
        public Builder syncedUsersOnly(boolean value) {
            this.syncedUsersOnly = value;
            return this;
        }

        /**
         * Whether to look up directory role holders and mark them ({@code CloudUser.holdsAdminRole()}). Needs
         * {@code RoleManagement.Read.Directory} or {@code Directory.Read.All}.
         *
         * @param value false to skip the lookup
         * @return this builder
         */
        public Builder markAdminRoles(boolean value) {
            this.markAdminRoles = value;
            return this;
        }

        /**
         * Users per page.
         *
         * @param value 1 to {@value GraphOptions#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int value) {
            if (value < 1 || value > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize " + value + " is outside 1.." + MAX_PAGE_SIZE);
            }
            this.pageSize = value;
            return this;
        }

        /**
         * Retries of a request answered 429, 503 or 504, honouring {@code Retry-After}.
         *
         * @param value 0 to {@value GraphOptions#MAX_RETRIES}
         * @return this builder
         */
        public Builder maxRetries(int value) {
            if (value < 0 || value > MAX_RETRIES) {
                throw new IllegalArgumentException("maxRetries " + value + " is outside 0.." + MAX_RETRIES);
            }
            this.maxRetries = value;
            return this;
        }

        /**
         * The back-off base when Graph sends no {@code Retry-After}; it doubles with each retry.
         *
         * @param value whole seconds from 1 s to 180 s
         * @return this builder
         */
        public Builder retryDelay(Duration value) {
            Objects.requireNonNull(value, "retryDelay");
            if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(MAX_RETRY_DELAY) > 0
                    || value.getNano() != 0) {
                throw new IllegalArgumentException("retryDelay " + value + " is not whole seconds within 1 s..180 s");
            }
            this.retryDelay = value;
            return this;
        }

        /**
         * What waits between retries of throttled {@code $batch} items.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * The clock for {@code Retry-After} values given as dates.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when the base URL is not https and plaintext was not allowed
         */
        public GraphOptions build() {
            return new GraphOptions(this);
        }
    }
}
