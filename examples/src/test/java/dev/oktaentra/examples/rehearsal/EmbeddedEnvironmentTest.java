package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The embedded tenant: the same for the same scenario, holding exactly the planted trouble, reachable only while open. */
class EmbeddedEnvironmentTest {

    @Test
    void start_withTheSameScenario_seedsTheSameTenant() {
        Scenario scenario = Scenario.forUsers(Scenario.MIN_USERS, 99);
        SeededTenant first;
        List<OnPremUser> firstOnPrem;
        List<CloudUser> firstCloud;
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
            first = env.seeded();
            firstOnPrem = onPrem(env);
            firstCloud = cloud(env);
        }
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
            assertThat(env.seeded()).isEqualTo(first);
            assertThat(onPrem(env)).isEqualTo(firstOnPrem);
            assertThat(cloud(env)).isEqualTo(firstCloud);
        }
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 100))) {
            assertThat(onPrem(env)).isNotEqualTo(firstOnPrem);
            assertThat(env.seeded()).isNotEqualTo(first);
        }
    }

    /** The tenant keeps counts of its users, not copies of them: the servers hold the users. */
    @Test
    void seeded_countsTheUsersTheServersHold() {
        Scenario scenario = Scenario.forUsers(Scenario.MIN_USERS, 98);
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
            SeededTenant seeded = env.seeded();

            assertThat(seeded.onPremUserCount()).isEqualTo(scenario.users()).isEqualTo(onPrem(env).size());
            assertThat(seeded.cloudUserCount()).isEqualTo(scenario.users() - scenario.onPremOnly()
                    + scenario.cloudOrphans() + 1).isEqualTo(cloud(env).size());
            assertThat(env.describe().get(0)).contains(String.format("%,d users", scenario.users()));
        }
    }

    private static List<OnPremUser> onPrem(EmbeddedEnvironment env) {
        try (Stream<OnPremUser> users = env.onPrem().users()) {
            return users.toList();
        }
    }

    private static List<CloudUser> cloud(EmbeddedEnvironment env) {
        try (Stream<CloudUser> users = env.cloud().users()) {
            return users.toList();
        }
    }

    @Test
    void adapters_findExactlyThePlantedTroubleOverLdapsGraphAndOkta() {
        Scenario scenario = Scenario.forUsers(1_000, 4);
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start(scenario)) {
            SeededTenant seeded = env.seeded();
            assertThat(env.onPrem().toString()).contains("ldaps://localhost:" + env.activeDirectory().ldapsPort());
            try (ValidationReport report = Validation.builder().anchor(SourceAnchor.objectGuid()).build()
                    .run(env.onPrem(), env.cloud())) {
                Map<MatchOutcome, Long> counts = report.counts();
                assertThat(counts.get(MatchOutcome.ANCHOR_MISMATCH)).isEqualTo(scenario.anchorMismatches());
                assertThat(counts.get(MatchOutcome.SOFT_MATCH_ONLY)).isEqualTo(scenario.softMatchOnly());
                // Without the employee-number rule the renamed user is a new one, and its cloud user left alone
                // (besides the break-glass admin); with objectGUID the stale mS-DS-ConsistencyGuid does not count.
                assertThat(counts.get(MatchOutcome.ONPREM_ONLY)).isEqualTo(scenario.onPremOnly() + 1);
                assertThat(counts.get(MatchOutcome.CLOUD_ONLY)).isEqualTo(scenario.cloudOrphans());
                assertThat(counts.get(MatchOutcome.OUT_OF_SCOPE)).isEqualTo(2);
                // The eligible admin and the cloud-managed user: the Graph reader reads roleEligibilitySchedules and
                // onPremisesSyncBehavior, so both are blocked hard matches, not matches (- 2).
                assertThat(counts.get(MatchOutcome.HARD_MATCH_BLOCKED)).isEqualTo(2);
                assertThat(counts.get(MatchOutcome.MATCHED)).isEqualTo(scenario.users() - scenario.anchorMismatches()
                        - scenario.softMatchOnly() - scenario.onPremOnly() - 1 - 2);
                assertThat(report.causes()).containsAllEntriesOf(seeded.causes().entrySet().stream()
                        .filter(e -> e.getKey() != MismatchCause.NONE
                                && e.getKey() != MismatchCause.CONSISTENCY_GUID_DIFFERS)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
                assertThat(seeded.causes().get(MismatchCause.BYTE_ORDER)).isGreaterThan(scenario.anchorMismatches() / 2);
                assertThat(report.summary().adminRoleSoftMatches()).isEqualTo(1);
                assertThat(report.prediction().deletes()).isZero();
                assertThat(report.prediction().orphansStillSynced()).isEqualTo(scenario.syncedOrphans());
                assertThat(report.prediction().attributeDeletionsByAttribute())
                        .containsEntry("mail", (long) scenario.mailMissingOnPrem());
            }
            assertThat(env.provisioning().apps()).extracting(ProvisioningApp::id)
                    .containsExactlyElementsOf(seeded.office365AppIds());
            assertThat(env.provisioning().apps()).extracting(ProvisioningApp::provisioning)
                    .containsOnly(ProvisioningState.ENABLED);
            long stamped = seeded.office365AppIds().stream()
                    .mapToLong(id -> env.provisioning().users(id).filter(u -> u.immutableId() != null).count()).sum();
            // The renamed user's cloud user has no ImmutableID: Okta never stamped it.
            assertThat(stamped).isEqualTo(scenario.users() - scenario.softMatchOnly() - scenario.onPremOnly() - 1
                    + seeded.unsyncedOrphanIds().size());
        }
    }

    @Test
    void close_stopsEveryServer() {
        EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 1));
        String graph = env.graph().baseUrl() + "/users";
        String okta = env.okta().orgUrl() + "/api/v1/apps";

        env.close();

        HttpClient http = HttpClient.newHttpClient();
        for (String url : new String[] {graph, okta}) {
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding())).as(url).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> env.activeDirectory().connection()).isInstanceOf(IllegalStateException.class);
    }
}
