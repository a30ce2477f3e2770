package dev.oktaentra.graph;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Loopback;
import dev.oktaentra.core.settings.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How {@link GraphDirectory} signs in, reads and writes: credentials, cloud and base URL, which users and fields to
 * read, page size, and the retry policy for throttling. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * GraphSettings settings = GraphSettings.builder()
 *         .credentials(GraphCredentials.clientSecret(tenantId, clientId, Secret.fromEnvironment("GRAPH_SECRET")))
 *         .extraUserField("employeeId")
 *         .build();
 * try (GraphDirectory entra = GraphDirectory.connect(settings)) { ... }
 * }</pre>
 *
 * <p>Every builder method checks its value and throws a {@link ConfigurationException} naming the setting and the
 * value; {@link #toString()} never shows a secret.
 */
public final class GraphSettings {

    /** Largest page Graph serves for users. */
    public static final int MAX_PAGE_SIZE = 999;

    /** The retry policy unless one is set: 5 retries, back-off from 3 seconds, honouring {@code Retry-After}. */
    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder().build();

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final GraphSettings DEFAULTS = builder().build();

    private final GraphCredentials credentials;
    private final GraphCloud cloud;
    private final URI baseUrl;
    private final URI explicitBaseUrl;
    private final URI authorityHost;
    private final boolean plaintextAllowed;
    private final List<String> extraUserFields;
    private final boolean syncedUsersOnly;
    private final boolean markAdminRoles;
    private final boolean readOnPremisesObjectIdentifier;
    private final boolean readCloudManaged;
    private final int pageSize;
    private final RetryPolicy retry;

    private GraphSettings(Builder b) {
        this.credentials = b.credentials;
        this.cloud = b.cloud;
        this.plaintextAllowed = b.plaintextAllowed;
        this.explicitBaseUrl = b.baseUrl;
        this.baseUrl = checkBaseUrl(b.baseUrl == null ? b.cloud.baseUrl() : b.baseUrl, b.plaintextAllowed);
        this.authorityHost = b.authorityHost;
        this.extraUserFields = List.copyOf(b.extraUserFields);
        this.syncedUsersOnly = b.syncedUsersOnly;
        this.markAdminRoles = b.markAdminRoles;
        this.readOnPremisesObjectIdentifier = b.readOnPremisesObjectIdentifier;
        this.readCloudManaged = b.readCloudManaged;
        this.pageSize = b.pageSize;
        this.retry = b.retry;
    }

    /**
     * The defaults, without credentials: global cloud, every user, active and eligible admin roles marked,
     * {@code onPremisesObjectIdentifier} and {@code isCloudManaged} read, pages of 999, {@link #DEFAULT_RETRY}. For {@link GraphDirectory#of}, which wraps a client that signs in by itself.
     *
     * @return the default settings
     */
    public static GraphSettings defaults() {
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
     * A builder holding these settings, to change some.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.credentials = credentials;
        b.cloud = cloud;
        b.baseUrl = explicitBaseUrl;
        b.authorityHost = authorityHost;
        b.plaintextAllowed = plaintextAllowed;
        b.extraUserFields.addAll(extraUserFields);
        b.syncedUsersOnly = syncedUsersOnly;
        b.markAdminRoles = markAdminRoles;
        b.readOnPremisesObjectIdentifier = readOnPremisesObjectIdentifier;
        b.readCloudManaged = readCloudManaged;
        b.pageSize = pageSize;
        b.retry = retry;
        return b;
    }

    /**
     * How {@link GraphDirectory#connect(GraphSettings)} signs in.
     *
     * @return the credentials, or empty when none were set
     */
    public Optional<GraphCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * The national cloud.
     *
     * @return the cloud whose tokens are requested
     */
    public GraphCloud cloud() {
        return cloud;
    }

    /**
     * Where requests go.
     *
     * @return the API root, e.g. {@code https://graph.microsoft.com/v1.0}
     */
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

    /** Whether {@link #authorityHost()} is one the caller chose rather than the cloud's. */
    boolean customAuthorityHost() {
        return authorityHost != null;
    }

    /**
     * Whether a plain {@code http} base URL on a loopback host was allowed.
     *
     * @return true after {@link Builder#allowPlaintextOnLoopback()}
     */
    public boolean plaintextAllowed() {
        return plaintextAllowed;
    }

    /**
     * Further user fields read.
     *
     * @return the Graph property names read into {@code CloudUser.attributes()}, e.g. {@code employeeId}
     */
    public List<String> extraUserFields() {
        return extraUserFields;
    }

    /**
     * Whether only synced users are read.
     *
     * @return true to read only users with {@code onPremisesSyncEnabled eq true}
     */
    public boolean syncedUsersOnly() {
        return syncedUsersOnly;
    }

    /**
     * Whether directory role holders, active and PIM-eligible, are marked.
     *
     * @return true to look up and mark users holding or eligible for a directory role
     */
    public boolean markAdminRoles() {
        return markAdminRoles;
    }

    /**
     * Whether {@code onPremisesObjectIdentifier} is read, from Graph beta, the only version that has it.
     *
     * @return true to read it (one extra paged listing of the users on {@code /beta})
     */
    public boolean readOnPremisesObjectIdentifier() {
        return readOnPremisesObjectIdentifier;
    }

    /**
     * Whether {@code onPremisesSyncBehavior.isCloudManaged} is read for the users a sync engine could take over.
     *
     * @return true to read it (a {@code $batch} request per 20 such users)
     */
    public boolean readCloudManaged() {
        return readCloudManaged;
    }

    /**
     * Users per page.
     *
     * @return the {@code $top} of user pages
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * How requests answered 429, 503 or 504 are retried.
     *
     * @return the retry policy
     */
    public RetryPolicy retry() {
        return retry;
    }

    /**
     * Every setting; credentials as their redacted description.
     *
     * @return e.g. {@code GraphSettings[credentials=access token [redacted], cloud=GLOBAL, …]}
     */
    @Override
    public String toString() {
        return "GraphSettings[credentials=" + (credentials == null ? "(none)" : credentials) + ", cloud=" + cloud
                + ", baseUrl=" + baseUrl + ", authorityHost=" + authorityHost() + ", extraUserFields="
                + extraUserFields + ", syncedUsersOnly=" + syncedUsersOnly + ", markAdminRoles=" + markAdminRoles
                + ", readOnPremisesObjectIdentifier=" + readOnPremisesObjectIdentifier + ", readCloudManaged="
                + readCloudManaged + ", pageSize=" + pageSize + ", retry=" + retry + "]";
    }

    private static URI checkBaseUrl(URI url, boolean plaintextAllowed) {
        String scheme = url.getScheme();
        if (url.getHost() == null || scheme == null) {
            throw new ConfigurationException("baseUrl", "Graph base URL " + OktaEntraException.quote(url.toString())
                    + " is not an absolute URL such as https://graph.microsoft.com/v1.0");
        }
        if (url.getRawUserInfo() != null) {
            throw new ConfigurationException("baseUrl", "Graph base URL for host " + OktaEntraException.quote(
                    url.getHost()) + " contains user info (user:password@); remove it");
        }
        boolean http = "http".equalsIgnoreCase(scheme);
        if (!"https".equalsIgnoreCase(scheme) && !(http && plaintextAllowed)) {
            throw new ConfigurationException("baseUrl", "Graph base URL " + OktaEntraException.quote(url.toString())
                    + " is not https; plain http needs allowPlaintextOnLoopback() (for loopback test servers only)");
        }
        if (http) {
            Loopback.require("allowPlaintextOnLoopback", url.toString(), url.getHost());
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    /** Collects settings; every setter checks its value and names it when it is wrong. */
    public static final class Builder {
        private GraphCredentials credentials;
        private GraphCloud cloud = GraphCloud.GLOBAL;
        private URI baseUrl;
        private URI authorityHost;
        private boolean plaintextAllowed;
        private final List<String> extraUserFields = new ArrayList<>();
        private boolean syncedUsersOnly;
        private boolean markAdminRoles = true;
        private boolean readOnPremisesObjectIdentifier = true;
        private boolean readCloudManaged = true;
        private int pageSize = MAX_PAGE_SIZE;
        private RetryPolicy retry = DEFAULT_RETRY;

        private Builder() {
        }

        /**
         * How to sign in; required by {@link GraphDirectory#connect(GraphSettings)}.
         *
         * @param value a client secret, certificate, device code, access token or azure-identity credential
         * @return this builder
         */
        public Builder credentials(GraphCredentials value) {
            this.credentials = required("credentials", value);
            return this;
        }

        /**
         * The national cloud; also sets the base URL to that cloud's unless {@link #baseUrl} overrides it.
         *
         * @param value the cloud
         * @return this builder
         */
        public Builder cloud(GraphCloud value) {
            this.cloud = required("cloud", value);
            return this;
        }

        /**
         * A base URL other than the cloud's, e.g. a proxy or a loopback test server.
         *
         * @param value the API root including the version, e.g. {@code https://graph.example.net/v1.0}
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            this.baseUrl = required("baseUrl", value);
            return this;
        }

        /**
         * A base URL other than the cloud's.
         *
         * @param value the API root including the version
         * @return this builder
         * @throws ConfigurationException when it is not a URL
         */
        public Builder baseUrl(String value) {
            return baseUrl(uri("baseUrl", "Graph base URL", value));
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
         * @throws ConfigurationException when it is not an absolute {@code https} URL without path, query or user
         */
        public Builder authorityHost(URI value) {
            required("authorityHost", value);
            String path = value.getRawPath();
            if (!"https".equalsIgnoreCase(value.getScheme()) || value.getHost() == null
                    || value.getRawUserInfo() != null || value.getRawQuery() != null || value.getRawFragment() != null
                    || path != null && !path.isEmpty() && !path.equals("/")) {
                throw new ConfigurationException("authorityHost", "Authority host "
                        + OktaEntraException.quote(value.toString())
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
         * @throws ConfigurationException when it is not an https URL of a host alone
         */
        public Builder authorityHost(String value) {
            return authorityHost(uri("authorityHost", "Authority host", value));
        }

        /**
         * Allows a plain {@code http} base URL whose host is loopback ({@code localhost}, {@code 127.0.0.0/8},
         * {@code ::1}; see {@link Loopback}), for tests and rehearsals against a local fake server: the token then
         * travels in clear text, but never leaves the machine. A plain {@code http} URL to any other host is refused
         * by {@link #build()} even after this call.
         *
         * @return this builder
         */
        public Builder allowPlaintextOnLoopback() {
            this.plaintextAllowed = true;
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
            if (name == null || !FIELD.matcher(name).matches()) {
                throw new ConfigurationException("extraUserField", "User field " + OktaEntraException.quote(name)
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
         * Whether to look up directory role holders and mark them: active assignments
         * ({@code CloudUser.holdsAdminRole()}, needs {@code RoleManagement.Read.Directory} or
         * {@code Directory.Read.All}) and PIM eligibility ({@code CloudUser.eligibleForAdminRole()}, needs
         * {@code RoleEligibilitySchedule.Read.Directory} or {@code RoleManagement.Read.Directory}). Off, neither is
         * read and the directory says so in {@code unreadFields()}.
         *
         * @param value false to skip the lookups
         * @return this builder
         */
        public Builder markAdminRoles(boolean value) {
            this.markAdminRoles = value;
            return this;
        }

        /**
         * Whether to read {@code onPremisesObjectIdentifier}, which only Graph <b>beta</b> has: one paged listing
         * of the users on the {@code /beta} root beside the base URL's {@code /v1.0}. A beta that refuses or cannot be
         * reached leaves it unknown, as switching it off does; {@code unreadFields()} then names it.
         *
         * @param value false to skip the beta read
         * @return this builder
         */
        public Builder readOnPremisesObjectIdentifier(boolean value) {
            this.readOnPremisesObjectIdentifier = value;
            return this;
        }

        /**
         * Whether to read {@code onPremisesSyncBehavior.isCloudManaged} for each user with an
         * {@code onPremisesImmutableId} or an {@code onPremisesSyncEnabled} state: a {@code GET} per user, 20 to a
         * {@code $batch}, so about 50,000 requests for a million such users. Off, {@code CloudUser.cloudManaged()}
         * stays {@code null} ("not read") and {@code unreadFields()} names it. Needs
         * {@code User-OnPremisesSyncBehavior.ReadWrite.All}, the only permission Graph offers for the read.
         *
         * @param value false to skip the reads
         * @return this builder
         */
        public Builder readCloudManaged(boolean value) {
            this.readCloudManaged = value;
            return this;
        }

        /**
         * Users per page.
         *
         * @param value 1 to {@value GraphSettings#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int value) {
            if (value < 1 || value > MAX_PAGE_SIZE) {
                throw new ConfigurationException("pageSize", "pageSize " + value + " is outside 1.." + MAX_PAGE_SIZE);
            }
            this.pageSize = value;
            return this;
        }

        /**
         * How requests answered 429, 503 or 504 are retried, honouring {@code Retry-After}. Single requests are
         * retried by the Graph SDK's retry handler with the policy's retries and back-off, and it waits by itself;
         * the items of a {@code $batch} are retried here and wait through the policy's sleeper.
         *
         * @param value the policy; default {@link GraphSettings#DEFAULT_RETRY}
         * @return this builder
         */
        public Builder retry(RetryPolicy value) {
            this.retry = required("retry", value);
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws ConfigurationException when the base URL is not https and plaintext was not allowed, or is plain
         *         http to a host that is not loopback
         */
        public GraphSettings build() {
            return new GraphSettings(this);
        }

        private static <T> T required(String setting, T value) {
            if (value == null) {
                throw new ConfigurationException(setting, setting + " is missing (null)");
            }
            return value;
        }

        private static URI uri(String setting, String what, String value) {
            required(setting, value);
            try {
                return new URI(value.strip());
            } catch (URISyntaxException e) {
                throw new ConfigurationException(setting, what + " " + OktaEntraException.quote(value)
                        + " is not a URL", e);
            }
        }

        /**
         * The settings so far, never a secret.
         *
         * @return e.g. {@code GraphSettings.Builder[credentials=…, baseUrl=…]}
         */
        @Override
        public String toString() {
            return "GraphSettings.Builder[credentials=" + (credentials == null ? "(none)" : credentials)
                    + ", cloud=" + cloud + ", baseUrl=" + baseUrl + "]";
        }
    }
}
