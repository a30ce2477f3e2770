package dev.oktaentra.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The permissions an access token grants, read from its claims without verifying it: {@code roles} for app-only
 * tokens, {@code scp} for delegated ones. Only the payload is decoded; the token itself is never kept or shown.
 *
 * @param permissions granted permission names, e.g. {@code User.Read.All}
 * @param appOnly whether the token is app-only ({@code roles}) rather than delegated ({@code scp})
 */
record TokenClaims(Set<String> permissions, boolean appOnly) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Freezes the set. */
    public TokenClaims {
        permissions = Set.copyOf(permissions);
    }

    /**
     * Reads the claims of a bearer token.
     *
     * @param authorization the {@code Authorization} header value or the bare token
     * @return the claims, or empty when the token is not a JWT whose payload can be read
     */
    public static Optional<TokenClaims> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : authorization.trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(Base64.getUrlDecoder().decode(stripPadding(parts[1])));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        Set<String> granted = new LinkedHashSet<>();
        JsonNode roles = payload.get("roles");
        if (roles != null && roles.isArray()) {
            roles.forEach(r -> granted.add(r.asText()));
        }
        JsonNode scp = payload.get("scp");
        if (scp != null && scp.isTextual()) {
            for (String s : scp.asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    granted.add(s);
                }
            }
        }
        return Optional.of(new TokenClaims(granted, scp == null));
    }

    /**
     * Whether a permission is granted, directly or by its {@code ReadWrite} form ({@code User.ReadWrite.All} grants
     * {@code User.Read.All}). Case-insensitive.
     *
     * @param permission e.g. {@code User.Read.All}
     * @return true when granted
     */
    public boolean grants(String permission) {
        String readWrite = permission.replaceFirst("(?i)\\.Read\\.", ".ReadWrite.");
        for (String p : permissions) {
            if (p.equalsIgnoreCase(permission) || p.equalsIgnoreCase(readWrite)) {
                return true;
            }
        }
        return false;
    }

    private static String stripPadding(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }

    /** Lists the permissions only; a token is never part of this record. */
    @Override
    public String toString() {
        return "TokenClaims[" + (appOnly ? "roles=" : "scp=") + permissions + "]";
    }
}
