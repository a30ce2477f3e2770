package dev.oktaentra.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.validation.AttributeMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationConfigTest {

    @TempDir
    Path dir;

    private Path store;

    @BeforeEach
    void trustStore() throws IOException {
        store = Files.write(dir.resolve("ca.p12"), new byte[] {1, 2, 3});
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("oktaentra.json"), json);
    }

    private static final String LDAP = """
            "onPrem": { "ldap": { "host": "dc1.contoso.com", "bind": "svc-sync@contoso.com",
              "passwordEnv": "OKTAENTRA_LDAP_PASSWORD", "trustStore": "ca.p12",
              "trustStorePasswordEnv": "OKTAENTRA_TRUSTSTORE_PASSWORD",
              "searchBases": ["OU=Staff,DC=contoso,DC=com", "OU=Sales,DC=contoso,DC=com"] } },
            """;
    private static final String GRAPH = """
            "cloud": { "graph": { "auth": "clientSecret", "tenantId": "contoso.onmicrosoft.com",
              "clientId": "7c0e1b7a-1d3c-4b8e-9d7e-2f1a3b4c5d6e", "clientSecretEnv": "OKTAENTRA_GRAPH_SECRET",
              "cloud": "us_government" } },
            """;

    private MigrationConfig read(String body) throws IOException {
        return MigrationConfig.read(write("{ " + body + " }"));
    }

    private void refused(String body, String message) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(ConfigFileException.class).hasMessageContaining(message);
    }

    @Test
    void read_fullFile_givesTheRunbookJournalOptionsAndWhatItConnectsTo() throws IOException {
        MigrationConfig config = read("""
                // comments are allowed
                "runbook": "Cloud-Sync", "journal": "journals/migration.journal",
                """ + LDAP + GRAPH + """
                "okta": { "orgUrl": "https://contoso.okta.com", "apiTokenEnv": "OKTAENTRA_OKTA_API_TOKEN" },
                "options": { "anchor": "mS-DS-ConsistencyGuid", "maxWritesPerStep": 2000, "minAnchorCoverage": 0.9,
                  "stagingExport": "export.xml",
                  "topology": { "deviceSyncOrHybridJoin": true, "objectCount": 12000 },
                  "attributeMappings": [ { "onPrem": "mail", "cloud": "mail" },
                                         { "onPrem": "mailNickname", "cloud": "alias" } ] }
                """);

        assertThat(config.runbookName()).isEqualTo("cloud-sync");
        assertThat(config.runbook().name()).isEqualTo("cloud-sync");
        assertThat(config.journal()).isEqualTo(dir.resolve("journals/migration.journal"));
        MigrationOptions options = config.options();
        assertThat(options.anchor()).isEqualTo(SourceAnchor.consistencyGuid());
        assertThat(options.maxWritesPerStep()).isEqualTo(2000);
        assertThat(options.minAnchorCoverage()).isEqualTo(0.9);
        assertThat(options.stagingExport()).isEqualTo(dir.resolve("export.xml"));
        assertThat(options.topology()).isEqualTo(new TopologyNeeds(true, false, false, 12_000));
        assertThat(options.attributeMappings()).containsExactly(AttributeMapping.of("mail", "mail"),
                AttributeMapping.of("mailNickname", "alias"));
        assertThat(config.describe()).containsExactly("runbook: cloud-sync",
                "journal: " + dir.resolve("journals/migration.journal"),
                "on-prem: LDAP dc1.contoso.com:636 (LDAPS)",
                "cloud: Microsoft Graph https://graph.microsoft.us/v1.0 tenant contoso.onmicrosoft.com (clientSecret)",
                "okta: Okta https://contoso.okta.com (API token)");
    }

    @Test
    void read_topologyDetails_giveDomainCountsGroupSizeWritebacksAndAgentServers() throws IOException {
        MigrationConfig config = read("""
                "runbook": "cloud-sync", "journal": "j",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" },
                "options": { "topology": { "objectCount": 260000,
                  "objectsPerDomain": { "emea.contoso.com": 130000, "amer.contoso.com": 130000 },
                  "largestGroupMembers": 12000, "writebacks": [ "password", "GROUP" ],
                  "oktaAgentServers": [ "okta1" ], "cloudSyncAgentServers": [ "sync1", "sync2" ] } }
                """);

        assertThat(config.options().topology()).isEqualTo(new TopologyNeeds(false, false, false, 260_000)
                .withObjectsPerDomain(Map.of("emea.contoso.com", 130_000L, "amer.contoso.com", 130_000L))
                .withLargestGroupMembers(12_000)
                .withWritebacks(Set.of(TopologyNeeds.Writeback.PASSWORD, TopologyNeeds.Writeback.GROUP))
                .withAgentServers(Set.of("okta1"), Set.of("sync1", "sync2")));
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"topology\": { \"objectCount\": 1, "
                + "\"writebacks\": [ \"password\", \"devices\" ] } }",
                "options.topology.writebacks[1]: must be one of [PASSWORD, GROUP, DEVICE, EXCHANGE_HYBRID]");
    }

    @Test
    void read_stagingOptions_giveTheServersDeletionThresholdAndTheReviewedLeavers() throws IOException {
        MigrationConfig config = read("""
                "runbook": "connect-server", "journal": "j",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" },
                "options": { "stagingExport": "export.xml", "deletionThreshold": 1000,
                             "reviewedLeavers": "reviewed-leavers.txt" }
                """);

        assertThat(config.options().deletionThreshold()).isEqualTo(1000);
        assertThat(config.options().reviewedLeavers()).isEqualTo(dir.resolve("reviewed-leavers.txt"));
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"deletionThreshold\": 0 }",
                "options.deletionThreshold: must be a whole number from 1 to");
    }

    /** Issue 17: removing and restoring the role holders' roles is an opt-in of the file too, off when left out. */
    @Test
    void read_removeRoleHolders_isAnOptInOffByDefault_andOnlyABoolean() throws IOException {
        String head = """
                "runbook": "connect-server", "journal": "j",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" },
                """;
        assertThat(read(head + "\"options\": { \"removeRoleHolders\": true }").options().removeRoleHolders())
                .isTrue();
        assertThat(read(head + "\"options\": { \"anchor\": \"objectGUID\" }").options().removeRoleHolders())
                .isFalse();
        refused(head + "\"options\": { \"removeRoleHolders\": \"yes\" }", "options.removeRoleHolders");
    }

    /** Issue 17: the on-demand sample of enable-cloud-sync, 5 when left out, 0 an explicit opt-out. */
    @Test
    void read_onDemandSample_defaultsToOneRateLimitWindow_andTakesZeroAsAnOptOut() throws IOException {
        String head = """
                "runbook": "cloud-sync", "journal": "j",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" },
                """;
        assertThat(read(head + "\"options\": { \"anchor\": \"objectGUID\" }").options().onDemandSample())
                .isEqualTo(5);
        assertThat(read(head + "\"options\": { \"onDemandSample\": 0 }").options().onDemandSample()).isZero();
        assertThat(read(head + "\"options\": { \"onDemandSample\": 12 }").options().onDemandSample())
                .isEqualTo(12);
        refused(head + "\"options\": { \"onDemandSample\": -1 }", "options.onDemandSample");
        refused(head + "\"options\": { \"onDemandSample\": \"few\" }", "options.onDemandSample");
    }

    /** Issue 16: one setting for the anchor the target engine computes, and the tenant's features from a file. */
    @Test
    void read_targetEngineAndSyncFeatures_areOneSettingEachForTheValidation() throws IOException {
        MigrationConfig connect = read("""
                "runbook": "connect-server", "journal": "j",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" },
                "options": { "connectSourceAnchor": "objectGUID", "syncFeatures": { "softMatchOnUpnEnabled": true } }
                """);
        MigrationConfig cloudSync = read("""
                "runbook": "cloud-sync", "journal": "j",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" }
                """);

        assertThat(connect.options().targetEngine()).isEqualTo(TargetEngine.connectSync(SourceAnchor.objectGuid()));
        assertThat(connect.options().syncFeatures()).isEqualTo(new SyncFeatures(false, false, true, false));
        assertThat(cloudSync.options().targetEngine()).isEqualTo(TargetEngine.cloudSync());
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"connectSourceAnchor\": \"objectGUID\" }",
                "connectSourceAnchor is for the connect-server runbook");
        refused("\"runbook\": \"connect-server\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"syncFeatures\": { \"softMatch\": true } }",
                "softMatch");
    }

    @Test
    void read_exportsInsteadOfDirectories_isReadOnlyAndKeepsTheDefaults() throws IOException {
        MigrationConfig config = read("""
                "runbook": "connect-server", "journal": "/var/lib/oktaentra/m.journal",
                "onPrem": { "csv": "adusers.csv" }, "cloud": { "csv": "entrausers.csv" }
                """);

        assertThat(config.journal()).isEqualTo(Path.of("/var/lib/oktaentra/m.journal"));
        assertThat(config.options()).isEqualTo(MigrationOptions.defaults());
        assertThat(config.describe()).contains("on-prem: CSV " + dir.resolve("adusers.csv") + " (read-only)",
                "okta: not configured");
    }

    /** Two objects in one file (a paste appended, a merge gone wrong): the second must not be silently ignored. */
    @Test
    void read_textAfterTheObject_isRefusedWithItsLine() throws IOException {
        Path file = write("{ \"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" } }\n{ \"journal\": \"other\" }\n");

        assertThatThrownBy(() -> MigrationConfig.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(file + ": line 2, column ").hasMessageContaining("not valid JSON");
    }

    /**
     * Windows PowerShell 5.1 writes a file with a byte-order mark: UTF-8 with {@code Set-Content -Encoding UTF8} (and
     * older Notepad), UTF-16 with {@code >} or {@code Out-File}.
     */
    @Test
    void read_aFileWithAByteOrderMark_inUtf8OrUtf16() throws IOException {
        String json = "\ufeff{ \"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" } }\r\n";
        for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.UTF_8,
                java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE)) {
            Path file = Files.write(dir.resolve("oktaentra.json"), json.getBytes(charset));

            assertThat(MigrationConfig.read(file).journal()).as(charset.name()).isEqualTo(dir.resolve("j"));
        }
    }

    @Test
    void read_bytesThatAreNotUtf8_areRefusedSayingSo() throws IOException {
        Path file = Files.write(dir.resolve("oktaentra.json"), "{ \"runbook\": \"cloud-sync\", \"journal\": \"j\u00e9\" }"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> MigrationConfig.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(file + ": line 1, column ").hasMessageContaining("Invalid UTF-8");
    }

    @Test
    void read_secretInTheFile_isRefusedWithoutRepeatingIt() {
        String body = """
                "runbook": "connect-server", "journal": "j",
                "onPrem": { "ldap": { "host": "dc1", "bind": "svc@contoso.com", "password": "Hunter2-in-the-file",
                  "searchBases": ["DC=contoso,DC=com"] } },
                """ + GRAPH.replaceAll(",\\s*$", "");
        assertThatThrownBy(() -> read(body)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("oktaentra.json: onPrem.ldap.password: secrets are never read from the "
                        + "configuration file")
                .hasMessageContaining("name it with 'passwordEnv'")
                .hasMessageNotContaining("Hunter2");
        refused("\"runbook\": \"connect-server\", \"journal\": \"j\", " + LDAP + """
                "cloud": { "graph": { "auth": "clientSecret", "tenantId": "t.onmicrosoft.com", "clientId": "c",
                  "clientSecret": "s3cr3t" } }""", "cloud.graph.clientSecret: secrets are never read");
        assertThatThrownBy(() -> read("\"runbook\": \"connect-server\", \"journal\": \"j\", " + GRAPH + """
                "onPrem": { "ldap": { "host": "dc1", "bind": "svc@contoso.com",
                  "passwordEnv": "Hunter2-pasted!", "searchBases": ["DC=contoso,DC=com"] } }"""))
                .hasMessageContaining("onPrem.ldap.passwordEnv: must name an environment variable")
                .hasMessageNotContaining("Hunter2");
    }

    @Test
    void read_mistakes_nameTheFileTheSettingAndWhatIsWrong() {
        refused("\"journal\": \"j\", " + LDAP + GRAPH.replaceAll(",\\s*$", ""),
                "runbook: is required: connect-server or cloud-sync");
        refused("\"runbook\": \"staging\", \"journal\": \"j\", " + LDAP + GRAPH.replaceAll(",\\s*$", ""),
                "runbook: must be one of connect-server, cloud-sync, not 'staging'");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"Options\": {}, " + LDAP
                + GRAPH.replaceAll(",\\s*$", ""), "Options: unknown setting (did you mean 'options'?)");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", " + LDAP.replace("\"host\": \"dc1.contoso.com\"",
                "\"host\": \"ldaps://dc1\"") + GRAPH.replaceAll(",\\s*$", ""),
                "onPrem.ldap: host 'ldaps://dc1' contains a URL scheme");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", " + LDAP.replace("ca.p12", "missing.p12")
                + GRAPH.replaceAll(",\\s*$", ""), "is not a readable file");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\", "
                + "\"ldif\": \"b.ldf\" }, " + GRAPH.replaceAll(",\\s*$", ""), "onPrem: give exactly one of ldap");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"graph\": { \"auth\": \"password\" } }",
                "cloud.graph.auth: must be one of clientSecret, certificate, deviceCode, accessToken");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"maxWritesPerStep\": 0 }",
                "options.maxWritesPerStep: must be a whole number from 1 to");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"anchor\": \"objectGUD\" }",
                "options.anchor: ");
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + "\"cloud\": { \"csv\": \"b.csv\" }, \"options\": { \"topology\": { \"writeback\": true } }",
                "options.topology.objectCount: is required");
    }

    @Test
    void read_notJson_namesLineAndColumnWithoutQuotingTheText() throws IOException {
        Path file = write("{\n  \"runbook\": \"connect-server\",\n  \"journal\": Hunter2secret\n}");

        assertThatThrownBy(() -> MigrationConfig.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("oktaentra.json: line 3, column")
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("Hunter2");
        assertThatThrownBy(() -> MigrationConfig.read(dir.resolve("absent.json")))
                .hasMessageStartingWith("No configuration file " + dir.resolve("absent.json"));
    }

    @Test
    void describe_okta_withAPrivateKey_namesTheClientNotTheKey() throws IOException {
        Files.writeString(dir.resolve("okta.pem"), "-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n");
        MigrationConfig config = read("""
                "runbook": "connect-server", "journal": "j",
                "onPrem": { "ldif": "users.ldf" }, "cloud": { "csv": "entrausers.csv" },
                "okta": { "orgUrl": "https://contoso.okta.com", "auth": "privateKey", "clientId": "0oa9service",
                  "privateKeyFile": "okta.pem" }
                """);

        assertThat(config.describe()).contains("okta: Okta https://contoso.okta.com (OAuth 2.0 client 0oa9service)");
        assertThat(String.join("\n", config.describe())).doesNotContain("not-a-real-key");
        assertThat(List.of(store)).isNotEmpty();
    }

    @Test
    void plaintextOptIns_keepTheirKeys_andAreHonouredForLoopbackHostsOnly() throws IOException {
        String exports = "\"runbook\": \"cloud-sync\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, ";
        refused(exports + """
                "cloud": { "graph": { "auth": "accessToken", "accessTokenEnv": "T",
                  "baseUrl": "http://graph.example.net/v1.0", "allowPlaintext": true } }""",
                "cloud.graph: allowPlaintextOnLoopback: 'http://graph.example.net/v1.0' is not on a loopback host");
        assertThat(read(exports + """
                "cloud": { "graph": { "auth": "accessToken", "accessTokenEnv": "T",
                  "baseUrl": "http://127.0.0.1:8080/v1.0", "allowPlaintext": true } }""").describe())
                .contains("cloud: Microsoft Graph http://127.0.0.1:8080/v1.0 (accessToken)");
        String cloud = "\"cloud\": { \"csv\": \"b.csv\" }";
        refused("\"runbook\": \"cloud-sync\", \"journal\": \"j\", " + LDAP.replace("\"host\"",
                "\"security\": \"plaintext\", \"host\"") + cloud, "onPrem.ldap: allowPlaintextOnLoopback: "
                + "'ldap://dc1.contoso.com:389' is not on a loopback host");
        assertThat(read("\"runbook\": \"cloud-sync\", \"journal\": \"j\", " + LDAP.replace(
                "\"host\": \"dc1.contoso.com\"", "\"security\": \"plaintext\", \"host\": \"127.0.0.1\"") + cloud)
                .describe()).contains("on-prem: LDAP 127.0.0.1:389 (PLAINTEXT)");

        Files.copy(Path.of("jshell/adusers.csv"), dir.resolve("a.csv"));
        Files.copy(Path.of("jshell/entrausers.csv"), dir.resolve("b.csv"));
        Secrets token = Secrets.of(Map.of("OKTAENTRA_OKTA_API_TOKEN", "00token")::get, null);
        String okta = "\"runbook\": \"connect-server\", \"journal\": \"j\", \"onPrem\": { \"csv\": \"a.csv\" }, "
                + cloud + ", \"okta\": { \"orgUrl\": \"%s\", \"apiTokenEnv\": \"OKTAENTRA_OKTA_API_TOKEN\", "
                + "\"allowPlainHttpOnLoopback\": true }";
        MigrationConfig remote = read(okta.formatted("http://contoso.okta.example"));
        assertThatThrownBy(() -> remote.connect(token, notice -> { }).close()).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("okta: The Okta org URL 'http://contoso.okta.example' is plain http to a host"
                        + " that is not loopback");
        try (MigrationPorts ports = read(okta.formatted("http://127.0.0.1:1")).connect(token, notice -> { })) {
            assertThat(ports.provisioning()).hasValueSatisfying(p -> assertThat(p.name())
                    .isEqualTo("http://127.0.0.1:1"));
        }
    }
}
