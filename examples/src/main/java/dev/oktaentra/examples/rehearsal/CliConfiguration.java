package dev.oktaentra.examples.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Topology;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A configuration file for the CLI's runbook commands ({@code status}, {@code plan}, {@code apply}, {@code verify},
 * {@code rollback}…) that points at a running {@link EmbeddedEnvironment}: LDAPS with a copy of the in-memory AD's
 * trust store, the Graph stand-in with an access token, the Okta stand-in with its API token, all on loopback with
 * their explicit plain-http opt-ins. Secrets are not in it: they go to an environment file beside it, readable by its
 * owner only, which a shell loads with {@code set -a; . FILE; set +a}. The servers, and so the file, are of use only
 * while the environment runs.
 *
 * <pre>{@code
 * try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(2_000, Scenario.DEFAULT_SEED))) {
 *     CliConfiguration cli = CliConfiguration.write(env, Topology.CONNECT_SERVER, 2_000, Path.of("report"));
 *     cli.instructions().forEach(System.out::println);   // how to load the secrets, what to run
 *     // ... oktaentra status --config report/oktaentra.json, in another terminal ...
 * }
 * }</pre>
 *
 * @param config the configuration file
 * @param secrets the environment file with the secrets the configuration names
 */
public record CliConfiguration(Path config, Path secrets) {

    /** The configuration's file name, in the report folder. */
    public static final String CONFIG = "oktaentra.json";
    /** The environment file's name, in the report folder. */
    public static final String SECRETS = "rehearsal-secrets.env";
    /** The journal the configuration names, in the report folder; a new one for each environment. */
    public static final String JOURNAL = "oktaentra-cli.journal";
    /** The copy of the in-memory AD's trust store, in the report folder. */
    public static final String TRUST_STORE = "rehearsal-ca.p12";
    /** The environment variables the configuration names, in the order the file sets them. */
    public static final List<String> VARIABLES = List.of("OKTAENTRA_LDAP_PASSWORD", "OKTAENTRA_TRUSTSTORE_PASSWORD",
            "OKTAENTRA_GRAPH_TOKEN", "OKTAENTRA_OKTA_API_TOKEN");

    /** What a shell reads unquoted in {@code NAME=value}. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._~+/=:@%-]+");

    /**
     * Writes the configuration, the environment file and the trust store into a folder, replacing those of an earlier
     * environment (and the journal they named, whose plans were made against other servers).
     *
     * @param env the running environment
     * @param topology which runbook the configuration names
     * @param maxWritesPerStep the configuration's {@code options.maxWritesPerStep}
     * @param dir the folder, created if missing
     * @return where the files are
     * @throws UncheckedIOException when a file cannot be written
     */
    public static CliConfiguration write(EmbeddedEnvironment env, Topology topology, int maxWritesPerStep, Path dir) {
        InMemoryActiveDirectory ad = env.activeDirectory();
        Path config = dir.resolve(CONFIG).toAbsolutePath();
        Path secrets = dir.resolve(SECRETS).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.copy(ad.trustStore(), dir.resolve(TRUST_STORE), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve(JOURNAL));
            writeSecrets(env, secrets);
            Files.writeString(config, json(env, topology, maxWritesPerStep), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CLI configuration into " + dir + ": " + e.getMessage(),
                    e);
        }
        return new CliConfiguration(config, secrets);
    }

    private static String json(EmbeddedEnvironment env, Topology topology, int maxWritesPerStep)
            throws JsonProcessingException {
        InMemoryActiveDirectory ad = env.activeDirectory();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("runbook", topology == Topology.CONNECT_SERVER ? "connect-server" : "cloud-sync");
        root.put("journal", JOURNAL);
        ObjectNode ldap = root.putObject("onPrem").putObject("ldap");
        ldap.put("host", ad.host()).put("port", ad.ldapsPort()).put("security", "ldaps")
                .put("trustStore", TRUST_STORE).put("trustStorePasswordEnv", VARIABLES.get(1))
                .put("bind", ad.bindUpn()).put("passwordEnv", VARIABLES.get(0));
        ad.organizationalUnitDns().forEach(ldap.putArray("searchBases")::add);
        ldap.putArray("backFillAttributes").add("mail");
        root.putObject("cloud").putObject("graph").put("auth", "accessToken").put("accessTokenEnv", VARIABLES.get(2))
                .put("baseUrl", env.graph().baseUrl()).put("allowPlaintext", true);
        root.putObject("okta").put("orgUrl", env.okta().orgUrl()).put("apiTokenEnv", VARIABLES.get(3))
                .put("allowPlainHttpOnLoopback", true);
        ObjectNode options = root.putObject("options").put("anchor", SourceAnchor.OBJECT_GUID)
                .put("maxWritesPerStep", maxWritesPerStep);
        if (topology == Topology.CONNECT_SERVER) {
            options.put("stagingExport", Rehearsal.STAGING_EXPORT);
        }
        options.putObject("topology").put("deviceSyncOrHybridJoin", topology == Topology.CONNECT_SERVER)
                .put("passThroughAuthentication", false).put("writeback", false)
                .put("objectCount", env.scenario().users());
        return "// Written by oktaentra rehearse --keep-running for its embedded tenant on loopback; the servers (and\n"
                + "// their ports) live only while it runs. Secrets: set -a; . " + SECRETS + "; set +a\n"
                + mapper.writeValueAsString(root) + "\n";
    }

    private static void writeSecrets(EmbeddedEnvironment env, Path file) throws IOException {
        Map<String, char[]> values = new LinkedHashMap<>();
        values.put(VARIABLES.get(0), env.activeDirectory().bindPassword().chars());
        values.put(VARIABLES.get(1), env.activeDirectory().trustStorePassword().chars());
        values.put(VARIABLES.get(2), EmbeddedEnvironment.rehearsalToken().toCharArray());
        values.put(VARIABLES.get(3), env.okta().apiToken().chars());
        StringBuilder text = new StringBuilder("# Secrets of the embedded tenant of oktaentra rehearse --keep-running "
                + "(throwaway, loopback only).\n# Load them with: set -a; . " + file.getFileName() + "; set +a\n");
        try {
            values.forEach((name, value) -> text.append(name).append('=').append(shellValue(value)).append('\n'));
        } finally {
            values.values().forEach(v -> Arrays.fill(v, '\0'));
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);  // not a POSIX file system: the folder's own access rules apply
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        text.setLength(0);
    }

    /** The value as a POSIX shell reads it back: as is when plain, else single-quoted. */
    private static String shellValue(char[] value) {
        String text = new String(value);
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * What a person does to use the configuration, one line each: where it is, how to load the secrets (POSIX shell
     * and PowerShell), and the first commands.
     *
     * @return the lines
     */
    public List<String> instructions() {
        List<String> lines = new ArrayList<>();
        lines.add("Configuration for the CLI: " + config);
        lines.add("Its secrets are in " + secrets + " (owner-only); in another terminal, load them:");
        lines.add("  set -a; . " + secrets + "; set +a");
        lines.add("  (PowerShell: Get-Content " + secrets + " | Where-Object { $_ -notmatch '^#' } | ForEach-Object "
                + "{ $n, $v = $_ -split '=', 2; Set-Item \"env:$n\" $v })");
        lines.add("then drive the runbook step by step against the embedded tenant:");
        lines.add("  oktaentra status --config " + config);
        lines.add("  oktaentra verify detect-anchor --config " + config);
        lines.add("  oktaentra plan remediate-anchors --config " + config
                + "   (then apply with the printed --plan-id and --checksum; rollback plans the inverse)");
        return lines;
    }
}
