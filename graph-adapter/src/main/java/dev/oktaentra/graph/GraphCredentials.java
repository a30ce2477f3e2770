package dev.oktaentra.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link GraphDirectory} signs in to Graph: an app registration's client secret or certificate (app-only), a
 * person through the device code flow (delegated), an access token obtained elsewhere, or any azure-identity
 * {@link TokenCredential}. Secrets are held in core's {@link Secret}s; {@link #toString()} never shows them.
 * Give them to {@link GraphSettings.Builder#credentials(GraphCredentials)}.
 */
public final class GraphCredentials {

    enum Kind { CLIENT_SECRET, PEM_CERTIFICATE, PFX_CERTIFICATE, DEVICE_CODE, ACCESS_TOKEN, TOKEN_CREDENTIAL }

    private final Kind kind;
    private final String tenantId;
    private final String clientId;
    private final Secret secret;
    private final Path certificate;
    private final Consumer<String> prompt;
    private final TokenCredential tokenCredential;

    private GraphCredentials(Kind kind, String tenantId, String clientId, Secret secret, Path certificate,
            Consumer<String> prompt, TokenCredential tokenCredential) {
        this.kind = kind;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.secret = secret;
        this.certificate = certificate;
        this.prompt = prompt;
        this.tokenCredential = tokenCredential;
    }

    /**
     * App-only sign-in with a client secret.
     *
     * @param tenantId the tenant id (GUID) or a verified domain, e.g. {@code contoso.onmicrosoft.com}
     * @param clientId the app registration's application (client) id
     * @param clientSecret the client secret
     * @return the credentials
     */
    public static GraphCredentials clientSecret(String tenantId, String clientId, Secret clientSecret) {
        return new GraphCredentials(Kind.CLIENT_SECRET, checkTenant(tenantId), checkClient(clientId),
                required("clientSecret", clientSecret), null, null, null);
    }

    /**
     * App-only sign-in with a certificate in a PEM file holding the private key and the certificate.
     *
     * @param tenantId the tenant id or a verified domain
     * @param clientId the application (client) id
     * @param pemFile the PEM file
     * @return the credentials
     * @throws ConfigurationException when the file cannot be read
     */
    public static GraphCredentials pemCertificate(String tenantId, String clientId, Path pemFile) {
        return new GraphCredentials(Kind.PEM_CERTIFICATE, checkTenant(tenantId), checkClient(clientId), null,
                checkReadable(pemFile), null, null);
    }

    /**
     * App-only sign-in with a certificate in a PKCS#12 ({@code .pfx}) file.
     *
     * @param tenantId the tenant id or a verified domain
     * @param clientId the application (client) id
     * @param pfxFile the PFX file
     * @param password the file's password
     * @return the credentials
     * @throws ConfigurationException when the file cannot be read
     */
    public static GraphCredentials pfxCertificate(String tenantId, String clientId, Path pfxFile, Secret password) {
        return new GraphCredentials(Kind.PFX_CERTIFICATE, checkTenant(tenantId), checkClient(clientId),
                required("password", password), checkReadable(pfxFile), null, null);
    }

    /**
     * Delegated sign-in by a person through the device code flow: {@code prompt} receives Entra's instruction
     * ("To sign in, use a web browser to open … and enter the code …") to show to that person. The library never
     * prints it itself.
     *
     * @param tenantId the tenant id or a verified domain
     * @param clientId a public client app registration that allows the device code flow
     * @param prompt receives the sign-in instruction
     * @return the credentials
     */
    public static GraphCredentials deviceCode(String tenantId, String clientId, Consumer<String> prompt) {
        return new GraphCredentials(Kind.DEVICE_CODE, checkTenant(tenantId), checkClient(clientId), null, null,
                required("prompt", prompt), null);
    }

    /**
     * A bearer token obtained elsewhere (e.g. {@code az account get-access-token --resource-type ms-graph}). It is
     * sent as it is until it expires; nothing refreshes it.
     *
     * @param accessToken the token
     * @return the credentials
     */
    public static GraphCredentials accessToken(Secret accessToken) {
        return new GraphCredentials(Kind.ACCESS_TOKEN, null, null, required("accessToken", accessToken),
                null, null, null);
    }

    /**
     * Any azure-identity credential, e.g. a managed identity or the Azure CLI's.
     *
     * @param credential the credential
     * @param tenantId the tenant, for {@link GraphDirectory#name()}; {@code null} when unknown
     * @return the credentials
     */
    public static GraphCredentials tokenCredential(TokenCredential credential, String tenantId) {
        return new GraphCredentials(Kind.TOKEN_CREDENTIAL, tenantId, null,
                null, null, null, required("credential", credential));
    }

    /**
     * The tenant these credentials sign in to.
     *
     * @return the tenant id or domain, or {@code null} when unknown (access tokens)
     */
    public String tenantId() {
        return tenantId;
    }

    Kind kind() {
        return kind;
    }

    Secret secret() {
        return secret;
    }

    /**
     * The azure-identity credential for every kind but an access token. Its HTTP logging is off whatever
     * {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says: at the body levels azure-core's {@code HttpLoggingPolicy} would log
     * the token request's form, which carries the {@code client_secret} or the signed {@code client_assertion}
     * ({@code BODY}: "all the request and response body",
     * https://learn.microsoft.com/java/api/com.azure.core.http.policy.httplogdetaillevel).
     */
    TokenCredential toTokenCredential(GraphSettings settings) {
        switch (kind) {
            case CLIENT_SECRET:
                return signIn(new ClientSecretCredentialBuilder(), settings).clientSecret(secret.reveal()).build();
            case PEM_CERTIFICATE:
                return signIn(new ClientCertificateCredentialBuilder(), settings)
                        .pemCertificate(certificate.toString()).build();
            case PFX_CERTIFICATE:
                return signIn(new ClientCertificateCredentialBuilder(), settings)
                        .pfxCertificate(certificate.toString()).clientCertificatePassword(secret.reveal()).build();
            case DEVICE_CODE:
                return signIn(new DeviceCodeCredentialBuilder(), settings)
                        .challengeConsumer(info -> prompt.accept(info.getMessage())).build();
            case TOKEN_CREDENTIAL:
                return tokenCredential;
            default:
                throw new IllegalStateException("An access token is not an azure-identity credential");
        }
    }

    private <T extends AadCredentialBuilderBase<T>> T signIn(T builder, GraphSettings settings) {
        builder.authorityHost(settings.authorityHost().toString()).tenantId(tenantId).clientId(clientId)
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE));
        return settings.customAuthorityHost() ? builder.disableInstanceDiscovery() : builder;
    }

    /** Says what signs in, never with what. */
    @Override
    public String toString() {
        switch (kind) {
            case CLIENT_SECRET:
                return "client secret [redacted] of app " + clientId + " in tenant " + tenantId;
            case PEM_CERTIFICATE:
            case PFX_CERTIFICATE:
                return "certificate " + certificate + " of app " + clientId + " in tenant " + tenantId;
            case DEVICE_CODE:
                return "device code sign-in with app " + clientId + " in tenant " + tenantId;
            case ACCESS_TOKEN:
                return "access token [redacted]";
            default:
                return "azure-identity credential " + tokenCredential.getClass().getSimpleName()
                        + (tenantId == null ? "" : " in tenant " + tenantId);
        }
    }

    private static String checkTenant(String tenantId) {
        return checkId(tenantId, "tenantId", "a tenant id (GUID) or verified domain");
    }

    private static String checkClient(String clientId) {
        return checkId(clientId, "clientId", "an application (client) id");
    }

    private static String checkId(String value, String name, String what) {
        required(name, value);
        if (value.isBlank() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '?')) {
            throw new ConfigurationException(name, name + " " + OktaEntraException.quote(value) + " is not " + what);
        }
        return value;
    }

    private static Path checkReadable(Path file) {
        required("certificate", file);
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ConfigurationException("certificate", "Certificate file " + file
                    + " does not exist or cannot be read");
        }
        return file;
    }

    private static <T> T required(String setting, T value) {
        if (value == null) {
            throw new ConfigurationException(setting, setting + " is missing (null)");
        }
        return value;
    }
}
