package dev.oktaentra.examples.config;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.tenant.DirectoryAuditLog;
import dev.oktaentra.core.tenant.TenantSync;
import dev.oktaentra.graph.GraphCloud;
import dev.oktaentra.graph.GraphCredentials;
import dev.oktaentra.graph.GraphDirectory;
import dev.oktaentra.graph.GraphUserWriter;
import dev.oktaentra.core.settings.ConfigurationException;
import dev.oktaentra.core.settings.RetryPolicy;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.graph.GraphSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code cloud}: Entra ID through Microsoft Graph ({@code graph}), or a read-only {@code Get-MgUser | Export-Csv}
 * file ({@code csv}).
 */
final class CloudSource {

    /** How {@code graph.auth} signs in. */
    private enum Auth { CLIENT_SECRET, CERTIFICATE, DEVICE_CODE, ACCESS_TOKEN }

    private final JsonSettings graph;
    private final Auth auth;
    private final GraphSettings settings;
    private final Path csv;

    private CloudSource(JsonSettings graph, Auth auth, GraphSettings settings, Path csv) {
        this.graph = graph;
        this.auth = auth;
        this.settings = settings;
        this.csv = csv;
    }

    static CloudSource from(JsonSettings json) {
        json.allow("graph", "csv").checkKeys();
        if (json.has("graph") == json.has("csv")) {
            throw json.error("give exactly one of graph (Entra ID) or csv (a Get-MgUser export)");
        }
        if (json.has("csv")) {
            return new CloudSource(null, null, null, json.path("csv"));
        }
        JsonSettings graph = json.object("graph");
        graph.allow("auth", "tenantId", "clientId", "clientSecretEnv", "certificate", "certificatePasswordEnv",
                "accessTokenEnv", "cloud", "baseUrl", "authorityHost", "allowPlaintext", "extraUserFields",
                "markAdminRoles", "maxRetries").checkKeys();
        Auth auth = Auth.valueOf(graph.optChoice("auth", "clientSecret", "certificate", "deviceCode", "accessToken")
                .orElseThrow(() -> graph.error("auth", "is required: clientSecret, certificate, deviceCode or "
                        + "accessToken"))
                .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        switch (auth) {
            case CLIENT_SECRET -> {
                graph.string("tenantId");
                graph.string("clientId");
                graph.variable("clientSecretEnv");
            }
            case CERTIFICATE -> {
                graph.string("tenantId");
                graph.string("clientId");
                Path certificate = graph.path("certificate");
                if (pfx(certificate)) {
                    graph.variable("certificatePasswordEnv");
                }
            }
            case DEVICE_CODE -> {
                graph.string("tenantId");
                graph.string("clientId");
            }
            case ACCESS_TOKEN -> graph.variable("accessTokenEnv");
            default -> throw new IllegalStateException(auth.name());
        }
        return new CloudSource(graph, auth, settings(graph), null);
    }

    private static boolean pfx(Path certificate) {
        String name = certificate.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pfx") || name.endsWith(".p12");
    }

    /** Every setting but the credentials, whose secrets are read only when the directory is opened. */
    private static GraphSettings settings(JsonSettings graph) {
        try {
            GraphSettings.Builder b = GraphSettings.builder();
            graph.optChoice("cloud", Arrays.stream(GraphCloud.values()).map(Enum::name).toArray(String[]::new))
                    .ifPresent(c -> b.cloud(GraphCloud.valueOf(c)));
            graph.optString("baseUrl").ifPresent(b::baseUrl);
            graph.optString("authorityHost").ifPresent(b::authorityHost);
            if (graph.bool("allowPlaintext", false)) {
                b.allowPlaintextOnLoopback();
            }
            graph.strings("extraUserFields").forEach(b::extraUserField);
            b.markAdminRoles(graph.bool("markAdminRoles", true));
            graph.optLong("maxRetries", 0, RetryPolicy.MAX_RETRIES).ifPresent(n -> b.retry(
                    GraphSettings.DEFAULT_RETRY.toBuilder().maxRetries(n.intValue()).build()));
            return b.build();
        } catch (ConfigurationException e) {
            throw graph.error(e.getMessage());
        }
    }

    String describe() {
        return csv != null ? "CSV " + csv + " (read-only)"
                : "Microsoft Graph " + settings.baseUrl() + (graph.has("tenantId") ? " tenant "
                        + graph.string("tenantId") : "") + " (" + graph.string("auth") + ")";
    }

    /** Opens the directory and, for Graph, its writer (ImmutableIDs and the UPN swap) and the tenant controls. */
    Opened open(Secrets secrets, Consumer<String> notices) {
        if (csv != null) {
            return new Opened(CloudCsvExport.open(csv), null, null, null);
        }
        GraphDirectory directory = GraphDirectory.connect(settings.toBuilder()
                .credentials(credentials(secrets, notices)).build());
        return new Opened(directory, GraphUserWriter.of(directory), directory.tenantSync(),
                directory.directoryAudits());
    }

    private GraphCredentials credentials(Secrets secrets, Consumer<String> notices) {
        return switch (auth) {
            case CLIENT_SECRET -> GraphCredentials.clientSecret(graph.string("tenantId"), graph.string("clientId"),
                    secret(secrets, "clientSecretEnv", "the client secret of app " + graph.string("clientId")));
            case CERTIFICATE -> {
                Path certificate = graph.path("certificate");
                yield pfx(certificate)
                        ? GraphCredentials.pfxCertificate(graph.string("tenantId"), graph.string("clientId"),
                                certificate, secret(secrets, "certificatePasswordEnv", "the password of "
                                        + certificate.getFileName()))
                        : GraphCredentials.pemCertificate(graph.string("tenantId"), graph.string("clientId"),
                                certificate);
            }
            case DEVICE_CODE -> GraphCredentials.deviceCode(graph.string("tenantId"), graph.string("clientId"),
                    notices);
            case ACCESS_TOKEN -> GraphCredentials.accessToken(secret(secrets, "accessTokenEnv",
                    "the Graph access token"));
        };
    }

    private Secret secret(Secrets secrets, String key, String what) {
        return secrets.secret(graph.variable(key), what);
    }

    /** An open directory, its writer and the tenant controls ({@code null} for an export). */
    record Opened(CloudDirectory directory, DirectoryWriter writer, TenantSync tenant, DirectoryAuditLog audits) {
    }
}
