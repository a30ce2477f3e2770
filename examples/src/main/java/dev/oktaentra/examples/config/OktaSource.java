package dev.oktaentra.examples.config;

import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.okta.OktaCredentials;
import dev.oktaentra.okta.OktaProvisioning;
import dev.oktaentra.okta.OktaSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code okta}: the org whose Office 365 apps the runbook switches off, signed in with an API token or a key. */
final class OktaSource {

    private final JsonSettings json;
    private final boolean privateKey;

    private OktaSource(JsonSettings json, boolean privateKey) {
        this.json = json;
        this.privateKey = privateKey;
    }

    static OktaSource from(JsonSettings json) {
        json.allow("orgUrl", "auth", "apiTokenEnv", "clientId", "keyId", "scopes", "privateKeyFile",
                "privateKeyEnv", "allowPlainHttpOnLoopback").checkKeys();
        json.string("orgUrl");
        boolean privateKey = json.optChoice("auth", "apiToken", "privateKey").orElse("apiToken").equals("privateKey");
        if (privateKey) {
            json.string("clientId");
            if (json.has("privateKeyFile") == json.has("privateKeyEnv")) {
                throw json.error("with auth privateKey, give exactly one of privateKeyFile (a PEM file) or "
                        + "privateKeyEnv (an environment variable holding the PEM text)");
            }
            json.optPath("privateKeyFile");
            json.optVariable("privateKeyEnv");
        } else {
            json.variable("apiTokenEnv");
        }
        return new OktaSource(json, privateKey);
    }

    String describe() {
        return "Okta " + json.string("orgUrl") + " (" + (privateKey ? "OAuth 2.0 client " + json.string("clientId")
                : "API token") + ")";
    }

    OktaProvisioning open(Secrets secrets) {
        OktaSettings.Builder builder = OktaSettings.builder().orgUrl(json.string("orgUrl"));
        // The key keeps its documented name; it has always meant plain http to a loopback host only.
        if (json.bool("allowPlainHttpOnLoopback", false)) {
            builder.allowPlaintextOnLoopback();
        }
        Secret secret = privateKey ? pem(secrets)
                : secrets.secret(json.variable("apiTokenEnv"), "the Okta API token");
        OktaSettings settings;
        try {
            if (privateKey) {
                Set<String> scopes = json.has("scopes") ? new LinkedHashSet<>(json.strings("scopes"))
                        : OktaCredentials.DEFAULT_SCOPES;
                builder.credentials(OktaCredentials.privateKeyPem(json.string("clientId"),
                        json.optString("keyId").orElse(null), scopes, secret));
            } else {
                builder.credentials(OktaCredentials.apiToken(secret));
            }
            settings = builder.build();
        } catch (ConfigurationException e) {
            // The adapter's messages describe the credential, never its content.
            throw json.error(e.getMessage());
        }
        return OktaProvisioning.connect(settings);
    }

    private Secret pem(Secrets secrets) {
        if (json.has("privateKeyEnv")) {
            return secrets.secret(json.variable("privateKeyEnv"), "the Okta service app's private key (PEM)");
        }
        Path file = json.path("privateKeyFile");
        try {
            byte[] bytes = Files.readAllBytes(file);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            char[] pem = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            try {
                return Secret.of(pem);
            } finally {
                Arrays.fill(pem, '\0');
                Arrays.fill(bytes, (byte) 0);
                Arrays.fill(chars.array(), '\0');
            }
        } catch (IOException e) {
            throw json.error("privateKeyFile", "cannot be read: " + file);
        }
    }
}
