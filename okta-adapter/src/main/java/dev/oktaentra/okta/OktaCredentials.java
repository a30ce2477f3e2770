package dev.oktaentra.okta;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * How oktaentra signs in to the Okta Management API: an API token (SSWS) or an OAuth 2.0 service app with a private
 * key ({@code private_key_jwt}).
 *
 * <p>The token or PEM text is held in core's {@link Secret}; {@link #toString()} never shows it. Give the credentials
 * to {@link OktaSettings.Builder#credentials(OktaCredentials)}. The Okta SDK keeps the secret as a {@link String} for
 * the life of the client; that is outside this library's reach.
 *
 * <p>Scopes for OAuth 2.0: reading apps, app users and the provisioning connection needs {@code okta.apps.read};
 * switching the connection needs {@code okta.apps.manage}; reading the immutableId mapping needs
 * {@code okta.profileMappings.read}. {@link #DEFAULT_SCOPES} asks for all three. An API token acts with its
 * creator's admin role instead.
 */
public final class OktaCredentials {

    /**
     * The scopes the adapter needs: {@code okta.apps.read}, {@code okta.apps.manage},
     * {@code okta.profileMappings.read}.
     */
    public static final Set<String> DEFAULT_SCOPES =
            Set.of("okta.apps.read", "okta.apps.manage", "okta.profileMappings.read");

    private final Secret secret;
    private final PrivateKey privateKey;
    private final String clientId;
    private final String keyId;
    private final Set<String> scopes;

    private OktaCredentials(Secret secret, PrivateKey privateKey, String clientId, String keyId, Set<String> scopes) {
        this.secret = secret;
        this.privateKey = privateKey;
        this.clientId = clientId;
        this.keyId = keyId;
        this.scopes = scopes;
    }

    /**
     * An Okta API token, sent as {@code Authorization: SSWS <token>}.
     *
     * @param token the token
     * @return the credentials
     * @throws ConfigurationException when the token is missing or contains whitespace
     */
    public static OktaCredentials apiToken(Secret token) {
        if (token == null) {
            throw new ConfigurationException("apiToken", "The Okta API token is missing (null).");
        }
        char[] chars = token.chars();
        try {
            for (char c : chars) {
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    throw new ConfigurationException("apiToken", "The Okta API token contains whitespace or a control"
                            + " character; copy it again without them.");
                }
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
        return new OktaCredentials(token, null, null, null, null);
    }

    /**
     * An OAuth 2.0 service app that signs a client assertion with its private key; the SDK fetches an access token
     * from {@code {orgUrl}/oauth2/v1/token} when the client is built.
     *
     * @param clientId the service app's client id
     * @param keyId the key's id ({@code kid}) as registered in Okta, or {@code null} when the app has one key
     * @param scopes the scopes to ask for, e.g. {@link #DEFAULT_SCOPES}
     * @param privateKey an RSA or EC private key
     * @return the credentials
     * @throws ConfigurationException when a required argument is missing
     */
    public static OktaCredentials privateKey(String clientId, String keyId, Set<String> scopes, PrivateKey privateKey) {
        if (privateKey == null) {
            throw new ConfigurationException("privateKey", "The private key is missing (null).");
        }
        return new OktaCredentials(null, privateKey, checkClientId(clientId), blankToNull(keyId), checkScopes(scopes));
    }

    /**
     * Like {@link #privateKey(String, String, Set, PrivateKey)}, with the key as PEM text
     * ({@code -----BEGIN PRIVATE KEY-----} or {@code -----BEGIN RSA PRIVATE KEY-----}).
     *
     * @param clientId the service app's client id
     * @param keyId the key's id ({@code kid}), or {@code null}
     * @param scopes the scopes to ask for
     * @param pem the PEM text
     * @return the credentials
     * @throws ConfigurationException when a required argument is missing or the text is not PEM
     */
    public static OktaCredentials privateKeyPem(String clientId, String keyId, Set<String> scopes, Secret pem) {
        if (pem == null) {
            throw new ConfigurationException("privateKey", "The private key PEM text is missing (null).");
        }
        char[] chars = pem.chars();
        try {
            if (!contains(chars, "-----BEGIN ")) {
                throw new ConfigurationException("privateKey",
                        "The private key is not PEM text: it has no '-----BEGIN ' line (contents not shown).");
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
        return new OktaCredentials(pem, null, checkClientId(clientId), blankToNull(keyId), checkScopes(scopes));
    }

    private static boolean contains(char[] text, String part) {
        outer:
        for (int i = 0; i + part.length() <= text.length; i++) {
            for (int j = 0; j < part.length(); j++) {
                if (text[i + j] != part.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String checkClientId(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new ConfigurationException("clientId", "The OAuth 2.0 client id is missing (null or blank).");
        }
        return clientId.strip();
    }

    private static Set<String> checkScopes(Set<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new ConfigurationException("scopes",
                    "At least one OAuth 2.0 scope is required, e.g. OktaCredentials.DEFAULT_SCOPES.");
        }
        for (String scope : scopes) {
            if (scope == null || scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException("scopes", "Not an OAuth 2.0 scope: " + OktaException.quote(scope));
            }
        }
        return Set.copyOf(new TreeSet<>(scopes));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Whether these are API-token credentials (SSWS) rather than OAuth 2.0 private-key credentials.
     *
     * @return true for an API token
     */
    public boolean isApiToken() {
        return clientId == null;
    }

    /**
     * The OAuth 2.0 client id.
     *
     * @return the client id, or {@code null} for an API token
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The private key's id ({@code kid}).
     *
     * @return the key id, or {@code null}
     */
    public String keyId() {
        return keyId;
    }

    /**
     * The OAuth 2.0 scopes asked for.
     *
     * @return the scopes, empty for an API token
     */
    public Set<String> scopes() {
        return scopes == null ? Set.of() : scopes;
    }

    /** For {@link ClientFactory}: the token or PEM text; the caller wipes the copy. */
    char[] secretCopy() {
        if (secret != null && secret.isCleared()) {
            throw new IllegalStateException("These Okta credentials were cleared; create them again to build a"
                    + " client.");
        }
        return secret == null ? null : secret.chars();
    }

    /** For {@link ClientFactory}. */
    PrivateKey privateKeyObject() {
        return privateKey;
    }

    /**
     * Clears the held token or PEM text ({@link Secret#clear()}). The client already built keeps working; building
     * another from these credentials fails afterwards.
     */
    public void clear() {
        if (secret != null) {
            secret.clear();
        }
    }

    /**
     * Names the kind of credentials and the client id; never the secret.
     *
     * @return e.g. {@code OktaCredentials[API token (SSWS), redacted]}
     */
    @Override
    public String toString() {
        if (isApiToken()) {
            return "OktaCredentials[API token (SSWS), redacted]";
        }
        return "OktaCredentials[OAuth 2.0 private key, clientId=" + clientId
                + (keyId == null ? "" : ", kid=" + keyId) + ", scopes=" + new TreeSet<>(scopes) + ", key redacted]";
    }
}
