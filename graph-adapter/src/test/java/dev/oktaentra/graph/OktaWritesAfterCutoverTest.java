package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.tenant.DirectoryAuditEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-cutover} reads Entra's directory audit log through the real Graph SDK and fails while Okta's app
 * still writes after the cutover, naming the change.
 */
class OktaWritesAfterCutoverTest {

    private static final Instant CUTOVER = Instant.parse("2026-12-01T09:00:00Z");
    private static final String STEP = "verify-cutover";

    @TempDir
    Path dir;

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private GraphDirectory entra;
    private final MovableClock clock = new MovableClock(CUTOVER);

    @BeforeEach
    void connect() {
        entra = Fixtures.connect(graph.server());
        CloudUser ada = Fixtures.cloudUser(1).toBuilder().onPremisesSyncEnabled(true)
                .onPremisesLastSyncDateTime(CUTOVER.plusSeconds(600)).build();
        graph.server().addUser(ada).setOrganization(true, CUTOVER.plusSeconds(600));
    }

    @AfterEach
    void disconnect() {
        entra.close();
    }

    private VerifyResult verifyAfterCutover() {
        CloudUser ada = Fixtures.cloudUser(1);
        OnPremDirectory ad = OnPremDirectory.of("AD", List.of(OnPremUser.builder()
                .distinguishedName("CN=user1,OU=Staff,DC=contoso,DC=com").userPrincipalName(ada.userPrincipalName())
                .objectGuid(ada.immutableId().toObjectGuid().orElseThrow()).mail(ada.mail())
                .proxyAddresses(List.of("SMTP:" + ada.mail())).origin("contoso.com").build()));
        MigrationContext context = MigrationContext.builder().onPrem(ad).cloud(entra).tenant(entra.tenantSync())
                .directoryAudits(entra.directoryAudits()).clock(clock).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.connectServer()).context(context)
                .journal(dir.resolve("journal.jsonl")).open()) {
            migration.plan("leave-staging-mode");
            migration.confirm("leave-staging-mode", "ops", "staging mode left");
            clock.set(CUTOVER.plus(java.time.Duration.ofDays(1)));
            return migration.verify(STEP);
        }
    }

    @Test
    void verify_aWriteByOktasAppAfterTheCutover_failsNamingIt() {
        graph.server().addDirectoryAudits(List.of(new DirectoryAuditEntry("a1", CUTOVER.plusSeconds(3600),
                "Update user", "UserManagement", "success", "Okta Microsoft Graph Client", "okta-app-id", "okta-sp",
                List.of("User user1@contoso.com"))));

        VerifyResult result = verifyAfterCutover();

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.ERROR);
            assertThat(f.message()).contains("1 change").contains("Okta Microsoft Graph Client")
                    .contains("Update user").contains("user1@contoso.com");
        });
    }

    @Test
    void verify_oktaWritesOnlyBeforeTheCutoverAndOthersAfter_passes() {
        graph.server().addDirectoryAudits(List.of(
                new DirectoryAuditEntry("a0", CUTOVER.minusSeconds(60), "Update user", "UserManagement", "success",
                        "Okta Microsoft Graph Client", "okta-app-id", "okta-sp", List.of("User user1@contoso.com")),
                new DirectoryAuditEntry("a2", CUTOVER.plusSeconds(60), "Update user", "UserManagement", "success",
                        "Microsoft Entra AD Synchronization Service", "sync-id", "sync-sp",
                        List.of("User user1@contoso.com"))));

        VerifyResult result = verifyAfterCutover();

        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .startsWith("No change initiated by Okta's app"));
        assertThat(result.passed()).as(result.findings().toString()).isTrue();
    }
}
