package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;


import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.graph.testing.Fault;
import dev.oktaentra.graph.testing.FaultPlan;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way Graph can fail becomes a GraphException with Graph's code and message, never an SDK trap. */
class GraphErrorMappingTest {

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    @BeforeEach
    void seed() {
        graph.server().addUsers(Fixtures.cloudUsers(3));
    }

    private GraphException readUsers(GraphSettings options) {
        try (GraphDirectory entra = Fixtures.connect(graph.server(), options);
                Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            records.forEach(r -> { });
        } catch (GraphException e) {
            return e;
        }
        throw new AssertionError("reading users should have failed");
    }

    private GraphException readUsers() {
        return readUsers(graph.options().markAdminRoles(false).build());
    }

    @Test
    void records_carriesGraphsCodeMessageAndRequestId() {
        graph.server().respondNext("GET", "/users", ScriptedResponse.graphError(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."));

        GraphException e = readUsers();

        assertThat(e).isInstanceOf(DirectoryException.class);
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(e.graphMessage()).isEqualTo("Insufficient privileges to complete the operation.");
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.getMessage()).startsWith("Reading users page 1 from 127.0.0.1:")
                .contains("HTTP 403 Authorization_RequestDenied: Insufficient privileges")
                .contains("admin consent").contains("request-id " + e.requestId());
    }

    @Test
    void records_handlesAnErrorBodyWithoutAnErrorMember() {
        graph.server().respondNext("GET", "/users", ScriptedResponse.raw(400, "application/json", "{\"oops\":true}"));

        GraphException e = readUsers();

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isNull();
        assertThat(e.getMessage()).contains("HTTP 400 with JSON that has no 'error' member");
    }

    @Test
    void records_handlesAnEmptyErrorBody() {
        graph.server().respondNext("GET", "/users", ScriptedResponse.raw(500, null, ""));

        GraphException e = readUsers();

        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).contains("HTTP 500 with an empty body");
    }

    @Test
    void records_handlesANonJsonErrorBody() {
        graph.server().respondNext("GET", "/users",
                ScriptedResponse.raw(502, "text/plain", "Bad Gateway from a proxy"));

        GraphException e = readUsers();

        assertThat(e.getMessage()).contains("not JSON");
    }

    @Test
    void records_handlesAMalformedSuccessBody() {
        graph.server().faults(FaultPlan.of(1.0, 1, Fault.MALFORMED_BODY));

        GraphException e = readUsers();

        assertThat(e.getMessage()).contains("Reading users page 1").contains("not valid JSON");
    }

    @Test
    void records_handlesASuccessBodyWithoutUsers() {
        graph.server().respondNext("GET", "/users", ScriptedResponse.raw(200, "application/json", "{\"items\":[]}"));

        GraphException e = readUsers();

        assertThat(e.getMessage()).contains("no 'value' list of users");
    }

    @Test
    void records_reportsThrottlingThatOutlastsTheRetries() {
        graph.server().faults(FaultPlan.of(1.0, 1, Fault.THROTTLE));

        GraphException e = readUsers(graph.options().markAdminRoles(false)
                .retry(Fixtures.retry(graph.sleeps(), 1)).build());

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.errorCode()).isEqualTo("TooManyRequests");
        assertThat(e.getMessage()).contains("kept throttling");
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/users")).hasSize(2);
    }

    @Test
    void records_reportsAnUnreachableGraph() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GraphSettings options = GraphSettings.builder().baseUrl("http://127.0.0.1:" + port + "/v1.0")
                .allowPlaintextOnLoopback().markAdminRoles(false)
                .credentials(GraphCredentials.accessToken(Secret.of(Fixtures.fullToken()))).build();

        assertThatThrownBy(() -> {
            try (GraphDirectory entra = GraphDirectory.connect(options);
                    Stream<DirectoryRecord<CloudUser>> r = entra.records()) {
                r.forEach(x -> { });
            }
        }).asInstanceOf(type(GraphException.class)).satisfies(e -> {
            assertThat(e.getMessage()).contains("Graph could not be reached").contains("ConnectException");
            assertThat(e.httpStatus()).isZero();
            assertThat(e.getCause()).isInstanceOf(IOException.class);
        });
    }

    @Test
    void records_reportsAMissingTokenAs401() {
        graph.server().respondNext("GET", "/roleManagement", ScriptedResponse.graphError(401,
                "InvalidAuthenticationToken", "Access token has expired or is not yet valid."));

        GraphException e = readUsers(graph.options().build());

        assertThat(e.getMessage()).startsWith("Reading directory role assignments")
                .contains("InvalidAuthenticationToken").contains("token was refused");
    }

    @Test
    void tenantSync_mapsErrorsToo() {
        graph.server().respondNext("GET", "/organization", ScriptedResponse.graphError(404, "Request_ResourceNotFound",
                "Resource not found."));
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThatThrownBy(() -> entra.tenantSync().state()).isInstanceOf(GraphException.class)
                    .hasMessageContaining("Reading the organization").hasMessageContaining("Request_ResourceNotFound");
        }
    }
}
