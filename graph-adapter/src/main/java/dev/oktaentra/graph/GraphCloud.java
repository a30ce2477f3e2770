package dev.oktaentra.graph;

import java.net.URI;

/**
 * The Microsoft Graph clouds: where Graph answers and where its tokens come from. Pick the one the tenant lives in;
 * a token from one cloud is refused by the others.
 */
public enum GraphCloud {

    /** The global service: {@code graph.microsoft.com}. */
    GLOBAL("https://graph.microsoft.com", "https://login.microsoftonline.com/"),

    /** US Government L4 (GCC High): {@code graph.microsoft.us}. */
    US_GOVERNMENT("https://graph.microsoft.us", "https://login.microsoftonline.us/"),

    /** US Government L5 (DoD): {@code dod-graph.microsoft.us}. */
    US_GOVERNMENT_DOD("https://dod-graph.microsoft.us", "https://login.microsoftonline.us/"),

    /** Microsoft Azure operated by 21Vianet (China): {@code microsoftgraph.chinacloudapi.cn}. */
    CHINA("https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn/");

    private final String endpoint;
    private final String authorityHost;

    GraphCloud(String endpoint, String authorityHost) {
        this.endpoint = endpoint;
        this.authorityHost = authorityHost;
    }

    /**
     * The v1.0 API root, e.g. {@code https://graph.microsoft.com/v1.0}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return URI.create(endpoint + "/v1.0");
    }

    /**
     * The app-only scope for this cloud, e.g. {@code https://graph.microsoft.com/.default}.
     *
     * @return the scope
     */
    public String defaultScope() {
        return endpoint + "/.default";
    }

    /**
     * Where Entra ID issues tokens for this cloud, e.g. {@code https://login.microsoftonline.com/}.
     *
     * @return the authority host
     */
    public String authorityHost() {
        return authorityHost;
    }
}
