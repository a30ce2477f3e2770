package dev.oktaentra.okta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fake's OAuth 2.0 service apps: checks a {@code private_key_jwt} client assertion against the registered public
 * key and issues access tokens with the granted scopes.
 */
final class OAuthClients {

    /** What {@link #exchange} decided: an access token or an OAuth error. */
    record Outcome(int status, String error, String description, String accessToken, Set<String> scopes) {
    }

    private record Registration(PublicKey key, Set<String> grantedScopes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Registration> clients = new HashMap<>();
    private final Map<String, Set<String>> tokens = new HashMap<>();

    void register(String clientId, PublicKey key, Set<String> grantedScopes) {
        clients.put(clientId, new Registration(key, Set.copyOf(grantedScopes)));
    }

    /** The scopes of an issued access token, or {@code null} when it was never issued. */
    Set<String> scopesOf(String accessToken) {
        return tokens.get(accessToken);
    }

    Outcome exchange(Map<String, String> form, String audience) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", "Only client_credentials is supported.");
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return error(401, "invalid_client", "A private_key_jwt client assertion is required.");
        }
        String assertion = form.get("client_assertion");
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            return error(401, "invalid_client", "The client assertion is not a signed JWT.");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return error(401, "invalid_client", "The client assertion cannot be decoded.");
        }
        String clientId = claims.path("iss").asText(null);
        Registration registration = clientId == null ? null : clients.get(clientId);
        if (registration == null || !clientId.equals(claims.path("sub").asText(null))) {
            return error(401, "invalid_client", "The client is not registered.");
        }
        if (!verify(header.path("alg").asText(""), registration.key(), parts)) {
            return error(401, "invalid_client", "The client assertion's signature is invalid.");
        }
        if (!audienceMatches(claims.get("aud"), audience)) {
            return error(401, "invalid_client", "The audience of the client assertion is not " + audience + ".");
        }
        if (claims.path("exp").asLong(0) < Instant.now().getEpochSecond()) {
            return error(401, "invalid_client", "The client assertion has expired.");
        }
        Set<String> asked = new HashSet<>(Arrays.asList(form.getOrDefault("scope", "").trim().split("\\s+")));
        asked.remove("");
        if (asked.isEmpty() || !registration.grantedScopes().containsAll(asked)) {
            return error(400, "invalid_scope", "The following scopes are not granted: " + asked);
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = "fake-access-" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, Set.copyOf(asked));
        return new Outcome(200, null, null, token, Set.copyOf(asked));
    }

    private static boolean audienceMatches(JsonNode aud, String audience) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (audience.equals(a.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.equals(aud.asText());
    }

    private static boolean verify(String alg, PublicKey key, String[] parts) {
        String algorithm = switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "RS384" -> "SHA384withRSA";
            case "RS512" -> "SHA512withRSA";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "ES384" -> "SHA384withECDSAinP1363Format";
            case "ES512" -> "SHA512withECDSAinP1363Format";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Outcome error(int status, String error, String description) {
        return new Outcome(status, error, description, null, Set.of());
    }
}
