package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;


import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.graph.testing.FakeGraphServer;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bearer token and client secrets never reach logs, exception text or toString. */
class SecretsTest {

    @Test
    void bearerToken_neverAppearsInLogsExceptionsOrTheRequestLog() {
        String token = Fixtures.fullToken();
        StringBuilder texts = new StringBuilder();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeGraphServer graph = FakeGraphServer.start()) {
            graph.addUsers(Fixtures.cloudUsers(30));
            graph.addUser(CloudUser.builder().id("").userPrincipalName("broken@contoso.com").build());
            GraphSettings settings = GraphSettings.builder().baseUrl(graph.baseUrl()).allowPlaintextOnLoopback()
                    .retry(GraphSettings.DEFAULT_RETRY.toBuilder().sleeper(d -> { }).build())
                    .credentials(GraphCredentials.accessToken(Secret.of(token))).build();
            try (GraphDirectory entra = GraphDirectory.connect(settings)) {
                texts.append(entra).append(entra.name()).append(entra.settings());
                try (Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
                    records.forEach(r -> texts.append(r));
                }
                List<AttributeWrite> writes = new ArrayList<>();
                for (CloudUser u : Fixtures.cloudUsers(3)) {
                    writes.add(new AttributeWrite(u.id(), "onPremisesImmutableId",
                            AttributeValue.ofString(u.immutableId().value()), AttributeValue.ofString("TmV3" + u.id())));
                }
                writes.add(new AttributeWrite("missing", "onPremisesImmutableId", null, AttributeValue.ofString("QQ==")));
                entra.writer().write(writes).stream().map(WriteResult::toString).forEach(texts::append);
                texts.append(entra.tenantSync().missingPermissions());
                texts.append(entra.tenantSync().state());

                graph.respondNext("GET", "/users", ScriptedResponse.graphError(401, "InvalidAuthenticationToken",
                        "Access token validation failure."));
                graph.respondNext("GET", "/organization", ScriptedResponse.raw(500, "text/html", "<html>oops</html>"));
                for (Runnable failing : List.<Runnable>of(
                        () -> entra.records().forEach(r -> { }),
                        () -> entra.tenantSync().state())) {
                    try {
                        failing.run();
                    } catch (RuntimeException e) {
                        StringWriter trace = new StringWriter();
                        e.printStackTrace(new PrintWriter(trace));
                        texts.append(trace);
                    }
                }
            }
            List<RecordedRequest> requests = graph.requests();
            assertThat(requests).isNotEmpty().allSatisfy(r -> {
                // $batch items carry no Authorization of their own; the SDK strips it from each step.
                assertThat(r.header("Authorization")).isEqualTo(r.inBatch() ? null : "Bearer [redacted]");
                assertThat(r.toString()).doesNotContain(Fixtures.TOKEN_SIGNATURE);
            });
        } finally {
            System.setErr(originalErr);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture sees the adapter's debug log").contains("Read users page 1")
                .contains("onPremisesImmutableId on 127.0.0.1");
        assertThat(texts).contains("InvalidAuthenticationToken").contains("not JSON");
        for (String text : List.of(logs, texts.toString())) {
            assertThat(text).doesNotContain(token).doesNotContain(Fixtures.TOKEN_SIGNATURE);
        }
    }

    @Test
    void clientSecret_neverAppearsInToStringOrSignInFailures() {
        String secret = "s3cr3t~Value_that.must.never-print";
        GraphCredentials credentials = GraphCredentials.clientSecret("contoso.onmicrosoft.com",
                "11111111-2222-3333-4444-555555555555", Secret.of(secret.toCharArray()));

        assertThat(credentials.toString()).contains("11111111-2222-3333-4444-555555555555")
                .contains("[redacted]").doesNotContain(secret);
        assertThat(Secret.of(secret).toString()).isEqualTo("[redacted]");
        GraphSettings settings = GraphSettings.builder().credentials(credentials).build();
        assertThat(settings.toString()).contains("client secret [redacted]").doesNotContain(secret);
        try (GraphDirectory entra = GraphDirectory.connect(settings)) {
            assertThat(entra.name()).isEqualTo("graph.microsoft.com (tenant contoso.onmicrosoft.com)");
            assertThat(entra.toString()).doesNotContain(secret);
        }
        assertThat(GraphCredentials.accessToken(Secret.of(Fixtures.fullToken())).toString())
                .isEqualTo("access token [redacted]");
    }

    @Test
    void fakeGraphServer_recordsRequestsWithoutTheToken() {
        try (FakeGraphServer graph = FakeGraphServer.start();
                GraphDirectory entra = Fixtures.connect(graph)) {
            entra.tenantSync().state();
            List<RecordedRequest> requests = graph.requests();
            assertThat(requests).as("the tenant's state is read with a request").isNotEmpty().allSatisfy(r -> {
                assertThat(r.header("Authorization")).as("the token was sent, and recorded redacted")
                        .isEqualTo("Bearer [redacted]");
                assertThat(r.headers().toString()).doesNotContain(Fixtures.TOKEN_SIGNATURE);
            });
        }
    }
}
