package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.tenant.DomainAuthentication;
import dev.oktaentra.core.tenant.TenantDomain;
import dev.oktaentra.core.tenant.TenantDomains;
import dev.oktaentra.graph.testing.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Federated domains through the SDK and the fake: the domains' authentication type is read from {@code /domains},
 * an ImmutableID change of a user in a federated domain is refused, and the UPN swap (away to the initial domain,
 * the ImmutableID, back) goes through, each write compare-and-set.
 */
class FederatedDomainsTest {

    private static final String NEW_ID = "TmV3QW5jaG9yMDAwMQAAAA==";

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private CloudUser jane;

    @BeforeEach
    void seed() {
        graph.server().addDomain(TenantDomain.federated("contoso.com"));
        jane = Fixtures.cloudUser(1).toBuilder().userPrincipalName("jane@contoso.com").build();
        graph.server().addUser(jane)
                .addUser(Fixtures.cloudUser(2).toBuilder().userPrincipalName("bob@fabrikam.com").build())
                .addUser(Fixtures.cloudUser(3).toBuilder().userPrincipalName("amy@sales.contoso.com").build());
    }

    private static AttributeWrite write(String target, String attribute, String before, String after) {
        return new AttributeWrite(target, attribute, before == null ? null : AttributeValue.ofString(before),
                after == null ? null : AttributeValue.ofString(after));
    }

    private List<WriteResult> write(AttributeWrite... writes) {
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            return GraphUserWriter.of(entra).write(List.of(writes));
        }
    }

    @Test
    void domains_areReadWithTheirAuthenticationType_subdomainsInheritingTheirRoots() {
        TenantDomains domains;
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            domains = entra.tenantSync().domains().orElseThrow();
        }

        assertThat(domains.authenticationOf("jane@contoso.com")).isEqualTo(DomainAuthentication.FEDERATED);
        assertThat(domains.authenticationOf("amy@sales.contoso.com")).isEqualTo(DomainAuthentication.FEDERATED);
        assertThat(domains.authenticationOf("bob@fabrikam.com")).isEqualTo(DomainAuthentication.MANAGED);
        assertThat(domains.authenticationOf("x@unknown.example")).isEqualTo(DomainAuthentication.UNKNOWN);
        assertThat(domains.inInitialDomain("jane@contoso.com")).contains("jane@" + graph.server().initialDomain());
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/domains")).singleElement()
                .extracting(RecordedRequest::query).asString().contains("$select=id,authenticationType,isInitial");
    }

    @Test
    void anImmutableIdChange_ofAUserInAFederatedDomain_isRefused() {
        WriteResult result = write(write(jane.id(), "onPremisesImmutableId", jane.immutableId().value(), NEW_ID))
                .get(0);

        assertThat(result.status()).isEqualTo(WriteStatus.FAILED);
        assertThat(result.message()).contains("400").contains("FederatedUser.SourceAnchor");
        assertThat(graph.server().user(jane.id()).orElseThrow().immutableId()).isEqualTo(jane.immutableId());
    }

    @Test
    void theUpnSwap_movesTheUserAwayChangesTheImmutableIdAndMovesItBack() {
        String temporary = "jane@" + graph.server().initialDomain();

        List<WriteResult> results = write(
                write(jane.id(), "userPrincipalName", "jane@contoso.com", temporary),
                write(jane.id(), "onPremisesImmutableId", jane.immutableId().value(), NEW_ID),
                write(jane.id(), "userPrincipalName", temporary, "jane@contoso.com"));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.APPLIED, WriteStatus.APPLIED,
                WriteStatus.APPLIED);
        CloudUser now = graph.server().user(jane.id()).orElseThrow();
        assertThat(now.userPrincipalName()).isEqualTo("jane@contoso.com");
        assertThat(now.immutableId().value()).isEqualTo(NEW_ID);
    }

    @Test
    void aUpnWrite_isCompareAndSet_andReportsGraphsRefusals() {
        List<WriteResult> results = write(
                write(jane.id(), "userPrincipalName", "someone@contoso.com", "jane@" + graph.server().initialDomain()),
                write(jane.id(), "userPrincipalName", "jane@contoso.com", "jane@contoso.com.invalid"),
                write(jane.id(), "userPrincipalName", "jane@contoso.com", "bob@fabrikam.com"),
                write(jane.id(), "userPrincipalName", "jane@" + graph.server().initialDomain(), "jane@contoso.com"));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.CONFLICT, WriteStatus.FAILED,
                WriteStatus.FAILED, WriteStatus.ALREADY_APPLIED);
        assertThat(results.get(1).message()).contains("verified domain names");
        assertThat(results.get(2).message()).contains("same value for property userPrincipalName");
        assertThat(graph.server().user(jane.id()).orElseThrow().userPrincipalName()).isEqualTo("jane@contoso.com");
    }

    @Test
    void aSyncedUsersUpn_isRefusedWithoutAWrite() {
        graph.server().replaceUser(jane.toBuilder().onPremisesSyncEnabled(Boolean.TRUE).build());
        graph.server().clearRequests();

        WriteResult result = write(write(jane.id(), "userPrincipalName", "jane@contoso.com",
                "jane@" + graph.server().initialDomain())).get(0);

        assertThat(result.status()).isEqualTo(WriteStatus.REFUSED);
        assertThat(graph.server().requests()).noneMatch(r -> r.method().equals("PATCH"));
    }

    @Test
    void thefake_refusesAv1PatchOfTheImmutableIdToNull() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(graph.server().baseUrl() + "/users/" + jane.id())).header("Authorization", "Bearer x")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"onPremisesImmutableId\":null}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(graph.server().user(jane.id()).orElseThrow().immutableId()).isEqualTo(jane.immutableId());
    }
}
