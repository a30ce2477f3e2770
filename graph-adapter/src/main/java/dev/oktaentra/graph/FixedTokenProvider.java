package dev.oktaentra.graph;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import dev.oktaentra.core.settings.Secret;
import java.net.URI;
import java.util.Map;

/** Hands the SDK one access token obtained elsewhere, and only for the configured Graph host. */
final class FixedTokenProvider implements AccessTokenProvider {

    private final Secret token;
    private final AllowedHostsValidator hosts;

    /**
     * A provider of one token for one host.
     *
     * @param token the access token
     * @param host the only host that may receive it
     */
    public FixedTokenProvider(Secret token, String host) {
        this.token = token;
        this.hosts = new AllowedHostsValidator(host);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        return hosts.isUrlHostValid(uri) ? token.reveal() : "";
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return hosts;
    }

    @Override
    public String toString() {
        return "FixedTokenProvider[[redacted] for " + hosts.getAllowedHosts() + "]";
    }
}
