package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;


import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.tenant.MatchBlocks;
import dev.oktaentra.core.tenant.ProvisioningLogSummary;
import dev.oktaentra.graph.testing.FakeGraphServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's graph-adapter snippet, compiled and run against the fake. Keep the two in step. */
class ReadmeExampleTest {

    static List<String> readmeSnippet(GraphSettings settings, String userId, String current) {
        List<String> out = new ArrayList<>();
        // --- README snippet starts
        try (GraphDirectory entra = GraphDirectory.connect(settings)) {
            GraphTenantSync tenant = entra.tenantSync();
            out.addAll(tenant.missingPermissions(GraphPermissions.RUNBOOK));     // before any step runs

            try (Stream<DirectoryRecord<CloudUser>> users = entra.records()) {   // page by page, $top=999
                users.forEach(record -> out.add(record.toString()));
            }

            MatchBlocks planned = tenant.state().matchBlocks();
            tenant.setMatchBlocks(planned, MatchBlocks.OPEN);                     // compare-and-set

            List<WriteResult> results = entra.writer().write(List.of(new AttributeWrite(userId,
                    "onPremisesImmutableId", AttributeValue.ofString(current),
                    AttributeValue.ofString("BpazOkLGm0iEtljAONPvOQ=="))));        // APPLIED, CONFLICT, REFUSED…
            results.forEach(r -> out.add(r.status() + " " + r.message()));

            ProvisioningLogSummary log = tenant.provisioningSummary(
                    Instant.now().minus(Duration.ofHours(1)), Instant.now(), null);
            out.add(log.failuresByErrorCode() + " " + log.blockingCount());   // blocking: see ProvisioningFailure
        }
        // --- README snippet ends
        return out;
    }

    @Test
    void readmeSnippet_runsAgainstTheFake() {
        try (FakeGraphServer graph = FakeGraphServer.start()) {
            CloudUser user = Fixtures.cloudUser(1);
            graph.addUser(user).setMatchBlocks(MatchBlocks.CLOSED);
            GraphCredentials app = GraphCredentials.accessToken(Secret.of(Fixtures.fullToken()));

            List<String> out = readmeSnippet(GraphSettings.builder().credentials(app).baseUrl(graph.baseUrl())
                    .allowPlaintextOnLoopback().extraUserField("employeeId").build(), user.id(),
                    user.immutableId().value());

            assertThat(out).hasSize(3).element(1).asString().startsWith("APPLIED");
            assertThat(graph.matchBlocks()).isEqualTo(MatchBlocks.OPEN);
        }
    }
}
