package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.CloudAttribute;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.UpnSwap;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.graph.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Okta customers federate their Microsoft 365 domains to Okta, and Entra ID does not let a federated user's
 * ImmutableID change. With the users' domain federated in the Graph stand-in (which refuses such a change as the
 * service does): remediate-anchors plans an instruction by default, and with the opt-in the UPN swap, three
 * journaled changes per user that fix the anchors, verify, and roll back to the previous values without ever
 * writing null.
 */
class FederatedDomainEndToEndTest {

    @TempDir
    Path dir;

    private EmbeddedEnvironment env;
    private String domain;
    private Map<String, SeededTenant.PlantedMismatch> planted;
    /**
     * The federated users remediate-anchors fixes: the planted mismatches and the stale mS-DS-ConsistencyGuid's pair,
     * which Connect's default anchor makes a mismatch too (CONSISTENCY_GUID_DIFFERS).
     */
    private int federatedUsers;

    @BeforeEach
    void start() {
        env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 11));
        domain = env.activeDirectory().domainName();
        env.graph().addDomain(TenantDomain.federated(domain));
        planted = env.seeded().anchorMismatches().stream()
                .collect(Collectors.toMap(SeededTenant.PlantedMismatch::cloudId, Function.identity()));
        federatedUsers = planted.size() + 1;
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private Migration open(MigrationOptions options) {
        return Migration.builder().runbook(Runbooks.connectServer())
                .context(env.context(options, ProgressListener.NONE)).journal(dir.resolve("journal.jsonl")).open();
    }

    private static MigrationOptions options() {
        return MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid());
    }

    private CloudUser cloud(String id) {
        return env.graph().user(id).orElseThrow();
    }

    @Test
    void byDefault_federatedUsersGetAnInstructionToConvertTheDomain_andNoWrite() {
        try (Migration migration = open(options())) {
            Plan plan = migration.plan("remediate-anchors");

            assertThat(plan.changes()).extracting(Change::target).doesNotContainAnyElementsOf(planted.keySet());
            assertThat(plan.instructions()).anySatisfy(i -> assertThat(i)
                    .contains(federatedUsers + " cloud users in " + domain)
                    .contains("Convert " + domain + " to managed authentication first")
                    .contains("https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-federation")
                    .contains("federatedUpnSwap"));
            migration.apply(plan);

            VerifyResult verdict = migration.verify("remediate-anchors");
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message())
                    .contains(federatedUsers + " in federated domains"));
        }
        planted.values().forEach(m -> assertThat(cloud(m.cloudId()).immutableId().value()).isEqualTo(m.cloudValue()));
    }

    @Test
    void theValidationReport_marksTheRowsOfUsersInTheFederatedDomain() throws Exception {
        Path json = dir.resolve("validation.json");
        try (Migration migration = open(options())) {
            migration.context().validation().writeJson(json);
        }

        JsonNode findings = new ObjectMapper().readTree(json.toFile()).get("findings");
        for (SeededTenant.PlantedMismatch m : planted.values()) {
            JsonNode row = null;
            for (JsonNode f : findings) {
                if (m.cloudId().equals(f.path("cloudId").asText())) {
                    row = f;
                }
            }
            assertThat(row).as(m.userPrincipalName()).isNotNull();
            assertThat(row.path("cloudUpnDomain").asText()).isEqualTo("FEDERATED");
        }
    }

    @Test
    void optedIn_eachUserSwapsItsUpnAwayAndBackAroundItsImmutableId() {
        String initial = env.graph().initialDomain();
        try (Migration migration = open(options().withFederatedUpnSwap(true))) {
            Plan plan = migration.plan("remediate-anchors");

            for (SeededTenant.PlantedMismatch m : planted.values()) {
                String temporary = m.userPrincipalName().substring(0, m.userPrincipalName().indexOf('@')) + "@"
                        + initial;
                List<Change> own = plan.changes().stream().filter(c -> c.target().equals(m.cloudId())).toList();
                assertThat(own).extracting(Change::kind).containsExactly(UpnSwap.AWAY, CloudAttribute.KIND,
                        UpnSwap.RETURN);
                assertThat(own.stream().map(Change::id).toList()).containsExactly(
                        UpnSwap.away(m.cloudId(), m.userPrincipalName(), temporary, "").id(),
                        CloudAttribute.immutableId(m.cloudId(), m.cloudValue(), m.expected(), "").id(),
                        UpnSwap.back(m.cloudId(), temporary, m.userPrincipalName(), "").id());
            }
            env.graph().clearRequests();

            ApplyResult result = migration.apply(plan);

            assertThat(result.complete()).as("%s", result.failures()).isTrue();
            assertThat(result.applied()).isEqualTo(3 * federatedUsers);
            assertThat(migration.verify("remediate-anchors").passed()).isTrue();
            assertThat(TenantState.userPatches(env)).filteredOn(r -> r.body().contains("userPrincipalName"))
                    .hasSize(2 * federatedUsers);
        }
        planted.values().forEach(m -> {
            assertThat(cloud(m.cloudId()).userPrincipalName()).isEqualTo(m.userPrincipalName());
            assertThat(cloud(m.cloudId()).immutableId().value()).isEqualTo(m.expected());
        });
    }

    @Test
    void optedIn_aRollbackRestoresThePreviousImmutableIds_andNeverWritesNull() {
        // Two planted wrong values hold what Graph never accepts ('_', a trailing space): they cannot be written back.
        java.util.Set<String> unwritable = planted.values().stream().filter(m -> m.cloudValue().contains("_")
                || !m.cloudValue().equals(m.cloudValue().strip())).map(SeededTenant.PlantedMismatch::cloudId)
                .collect(Collectors.toSet());
        try (Migration migration = open(options().withFederatedUpnSwap(true))) {
            migration.apply(migration.plan("remediate-anchors"));
            env.graph().clearRequests();

            Plan undo = migration.rollback("remediate-anchors");
            assertThat(undo.changes()).hasSize(3 * federatedUsers);
            assertThat(undo.instructions()).isEmpty();
            ApplyResult result = migration.apply(undo);

            assertThat(result.failures()).extracting(f -> f.change().target())
                    .containsExactlyInAnyOrderElementsOf(unwritable);
        }
        planted.values().forEach(m -> {
            assertThat(cloud(m.cloudId()).userPrincipalName()).isEqualTo(m.userPrincipalName());
            assertThat(cloud(m.cloudId()).immutableId().value())
                    .isEqualTo(unwritable.contains(m.cloudId()) ? m.expected() : m.cloudValue());
        });
        assertThat(TenantState.userPatches(env)).extracting(RecordedRequest::body)
                .noneMatch(b -> b.replace(" ", "").contains("\"onPremisesImmutableId\":null"))
                .noneMatch(b -> b.replace(" ", "").contains("\"onPremisesImmutableId\":\"\""));
    }

    @Test
    void optedIn_usersStrandedOnTheirTemporaryUpn_failTheVerification_andTheNextPlanMovesThemBack() {
        int moves = federatedUsers;
        // A run that stops right after the moves away, as a crash would: the progress listener throws once the
        // journal holds them.
        ProgressListener crash = (phase, done, total) -> {
            if (done == moves) {
                throw new IllegalStateException("the process died here");
            }
        };
        Path journal = dir.resolve("journal.jsonl");
        MigrationOptions options = options().withFederatedUpnSwap(true);
        try (Migration migration = Migration.builder().runbook(Runbooks.connectServer())
                .context(env.context(options, crash)).journal(journal).open()) {
            Plan plan = migration.plan("remediate-anchors");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> migration.apply(plan))
                    .hasMessageContaining("died");
        }
        planted.values().forEach(m -> assertThat(cloud(m.cloudId()).userPrincipalName())
                .endsWith("@" + env.graph().initialDomain()));
        try (Migration migration = Migration.builder().runbook(Runbooks.connectServer())
                .context(env.context(options, ProgressListener.NONE)).journal(journal).open()) {
            VerifyResult verdict = migration.verify("remediate-anchors");
            assertThat(verdict.passed()).isFalse();
            assertThat(planted.values()).allSatisfy(m -> assertThat(verdict.findings()).anySatisfy(f -> assertThat(
                    f.message()).contains("Cloud user " + m.cloudId() + " still signs in as")
                    .contains("not its own " + m.userPrincipalName())));

            Plan again = migration.plan("remediate-anchors");
            assertThat(again.changes()).extracting(Change::kind).doesNotContain(UpnSwap.AWAY);
            assertThat(migration.apply(again).complete()).isTrue();
            assertThat(migration.verify("remediate-anchors").passed()).isTrue();
        }
        planted.values().forEach(m -> {
            assertThat(cloud(m.cloudId()).userPrincipalName()).isEqualTo(m.userPrincipalName());
            assertThat(cloud(m.cloudId()).immutableId().value()).isEqualTo(m.expected());
        });
    }
}
