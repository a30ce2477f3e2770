package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.tenant.DirectoryAuditEntry;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code auditLogs/directoryAudits} through the real Graph SDK: the changes one app made in a window, all pages, with
 * the filter Graph documents ({@code activityDateTime} ge/le, {@code initiatedBy/app/displayName} eq).
 */
class GraphDirectoryAuditsTest {

    private static final String OKTA = "Okta Microsoft Graph Client";
    private static final Instant CUTOVER = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private GraphDirectory entra;

    @BeforeEach
    void connect() {
        entra = Fixtures.connect(graph.server());
    }

    @AfterEach
    void disconnect() {
        entra.close();
    }

    private static DirectoryAuditEntry entry(String id, String at, String app, String upn) {
        return new DirectoryAuditEntry(id, Instant.parse(at), "Update user", "UserManagement", "success", app,
                "a1b2c3d4-0000-4000-8000-000000000001", "sp-" + app.length(), List.of("User " + upn));
    }

    @Test
    void byApp_readsThatAppsChangesInTheWindowOverEveryPage() {
        List<DirectoryAuditEntry> seeded = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            seeded.add(entry("okta-" + i, "2026-12-01T10:00:00Z", OKTA, "u" + i + "@contoso.com"));
        }
        seeded.add(entry("before", "2026-12-01T08:59:59Z", OKTA, "early@contoso.com"));
        seeded.add(entry("connect", "2026-12-01T10:00:00Z", "Microsoft Entra AD Synchronization Service",
                "ada@contoso.com"));
        graph.server().addDirectoryAudits(seeded);

        List<DirectoryAuditEntry> read;
        try (Stream<DirectoryAuditEntry> entries = entra.directoryAudits().byApp(OKTA, CUTOVER, NOW)) {
            read = entries.toList();
        }

        assertThat(read).hasSize(520).allSatisfy(e -> {
            assertThat(e.appDisplayName()).isEqualTo(OKTA);
            assertThat(e.activity()).isEqualTo("Update user");
            assertThat(e.result()).isEqualTo("success");
            assertThat(e.targets()).singleElement().asString().startsWith("User u");
        });
        List<RecordedRequest> calls = graph.server().requests().stream()
                .filter(r -> r.path().equals("/auditLogs/directoryAudits")).toList();
        assertThat(calls).hasSizeGreaterThan(1);
        assertThat(calls.get(0).query()).contains("activityDateTime ge 2026-12-01T09:00:00Z")
                .contains("activityDateTime le 2026-12-02T09:00:00Z")
                .contains("initiatedBy/app/displayName eq 'Okta Microsoft Graph Client'");
    }

    @Test
    void byApp_aNameWithAQuote_isEscapedAsODataWants() {
        graph.server().addDirectoryAudits(List.of(entry("x", "2026-12-01T10:00:00Z", "O'Brien Sync", "a@contoso.com")));

        try (Stream<DirectoryAuditEntry> entries = entra.directoryAudits().byApp("O'Brien Sync", CUTOVER, NOW)) {
            assertThat(entries.toList()).singleElement().extracting(DirectoryAuditEntry::id).isEqualTo("x");
        }
    }

    /** The reference allows eq, ge and le on activityDateTime: the fake refuses gt as Graph would not answer it. */
    @Test
    void fake_refusesAFilterTheReferenceDoesNotList() {
        var client = TestClients.client(graph.server());

        assertThatThrownBy(() -> client.auditLogs().directoryAudits().get(rc -> rc.queryParameters.filter =
                "activityDateTime gt 2026-12-01T09:00:00Z")).isInstanceOf(RuntimeException.class);
        assertThat(graph.server().requests()).last().extracting(RecordedRequest::status).isEqualTo(400);
    }

    @Test
    void byApp_aRefusedRead_namesThePermissions() {
        graph.server().respondNext("GET", "/auditLogs/directoryAudits", ScriptedResponse.graphError(403,
                "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

        assertThatThrownBy(() -> {
            try (Stream<DirectoryAuditEntry> entries = entra.directoryAudits().byApp(OKTA, CUTOVER, NOW)) {
                entries.toList();
            }
        }).isInstanceOf(GraphException.class).hasMessageContaining("AuditLog.Read.All");
    }
}
