package dev.oktaentra.okta;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.client.ClientBuilder;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.client.ApiClient;
import dev.oktaentra.core.settings.ConfigurationException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Builds the SDK's {@link ApiClient}: cache off, the SDK's own retries off (the adapter retries with the settings'
 * {@link dev.oktaentra.core.settings.RetryPolicy}, whose waits a test can record instead of sleeping), every setting
 * that matters given explicitly so a developer's {@code ~/.okta/okta.yaml} or {@code OKTA_CLIENT_*} variables cannot
 * redirect or re-authorise it.
 */
final class ClientFactory {

    /** The SDK's switch for plain-http org URLs; read once, in the {@code ClientBuilder} constructor. */
    static final String DISABLE_HTTPS_CHECK = "okta.testing.disableHttpsCheck";

    private static final Object HTTPS_CHECK_LOCK = new Object();

    private ClientFactory() {
    }

    static ApiClient build(OktaSettings settings, OktaErrors errors) {
        OrgUrl url = settings.parsedOrgUrl();
        OktaCredentials credentials = settings.credentials();
        int timeoutSeconds = (int) Math.max(1, settings.timeout().toSeconds());
        ClientBuilder builder = newBuilder(url.plainHttp())
                .setOrgUrl(url.text())
                // The SDK caches every single-object GET for five minutes by default, so a state read back after
                // deactivate would be the stale one. Nothing is cached.
                .setCacheManager(Caches.newDisabledCacheManager())
                // The SDK would retry 429, 503 and 504 itself and sleep on its own; OktaApi retries instead.
                .setRetryMaxAttempts(0)
                .setConnectionTimeout(timeoutSeconds);
        char[] secret = credentials.secretCopy();
        try {
            if (credentials.isApiToken()) {
                builder.setAuthorizationMode(AuthorizationMode.SSWS)
                        .setClientCredentials(new TokenClientCredentials(new String(secret)));
            } else {
                builder.setAuthorizationMode(AuthorizationMode.PRIVATE_KEY)
                        .setClientId(credentials.clientId())
                        .setScopes(credentials.scopes());
                if (credentials.keyId() != null) {
                    builder.setKid(credentials.keyId());
                }
                builder.setPrivateKey(credentials.privateKeyObject() != null
                        ? pkcs8Pem(credentials.privateKeyObject()) : new String(secret));
            }
            // In private-key mode this fetches the access token at once.
            return builder.build();
        } catch (RuntimeException e) {
            throw errors.translate(credentials.isApiToken() ? "set up the API client"
                    : "sign in as OAuth 2.0 client " + credentials.clientId(), e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /**
     * The key as PKCS#8 PEM. The SDK's own {@code setPrivateKey(PrivateKey)} wraps an EC key's PKCS#8 bytes in an
     * {@code EC PRIVATE KEY} (SEC1) header, which its PEM reader then fails on; PKCS#8 text works for RSA and EC.
     */
    private static String pkcs8Pem(PrivateKey key) {
        String algorithm = key.getAlgorithm();
        if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
            throw new ConfigurationException("privateKey", "The private key is " + algorithm
                    + "; Okta accepts RSA or EC keys.");
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            throw new ConfigurationException("privateKey", "The " + algorithm + " private key cannot be exported as"
                    + " PKCS#8 (format " + key.getFormat() + "), e.g. because it lives in a hardware token.");
        }
        try {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(encoded)
                    + "\n-----END PRIVATE KEY-----\n";
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * A builder that accepts a plain-http org URL when asked. The SDK only takes that from configuration, read in
     * the builder's constructor, so the system property is set around the constructor alone and restored at once,
     * under a lock so two builds here never race. Plain http reaches this point only for loopback URLs.
     */
    private static ClientBuilder newBuilder(boolean plainHttp) {
        if (!plainHttp) {
            return Clients.builder();
        }
        synchronized (HTTPS_CHECK_LOCK) {
            String previous = System.getProperty(DISABLE_HTTPS_CHECK);
            System.setProperty(DISABLE_HTTPS_CHECK, "true");
            try {
                return Clients.builder();
            } finally {
                if (previous == null) {
                    System.clearProperty(DISABLE_HTTPS_CHECK);
                } else {
                    System.setProperty(DISABLE_HTTPS_CHECK, previous);
                }
            }
        }
    }
}
