package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.graph.testing.FaultPlan;
import dev.oktaentra.graph.testing.RecordedRequest;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImmutableIdWriterTest {

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private List<WriteResult> write(GraphSettings options, List<AttributeWrite> writes) {
        try (GraphDirectory entra = Fixtures.connect(graph.server(), options)) {
            return entra.writer().write(writes);
        }
    }

    private List<WriteResult> write(List<AttributeWrite> writes) {
        return write(graph.options().build(), writes);
    }

    private static AttributeWrite write(String target, String before, String after) {
        return new AttributeWrite(target, "onPremisesImmutableId", before == null ? null : AttributeValue.ofString(before),
                after == null ? null : AttributeValue.ofString(after));
    }

    private static String newAnchor(int n) {
        return "TmV3QW5jaG9y" + String.format("%04d", n) + "AA==";
    }

    private String current(String id) {
        ImmutableId value = graph.server().user(id).orElseThrow().immutableId();
        return value == null ? null : value.value();
    }

    /** Sizes of the PATCH batches, in order. */
    private List<Integer> patchBatchSizes() {
        Map<Long, Integer> sizes = new TreeMap<>();
        graph.server().requests().stream().filter(r -> r.inBatch() && r.method().equals("PATCH"))
                .forEach(r -> sizes.merge(r.batch(), 1, Integer::sum));
        return new ArrayList<>(sizes.values());
    }

    @Test
    void write_sends45WritesAsThreePatchBatches() {
        List<CloudUser> users = Fixtures.cloudUsers(45);
        graph.server().addUsers(users);
        List<AttributeWrite> writes = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            writes.add(write(users.get(i).id(), users.get(i).immutableId().value(), newAnchor(i)));
        }

        List<WriteResult> results = write(writes);

        assertThat(results).hasSize(45).allSatisfy(r -> assertThat(r.status()).isEqualTo(WriteStatus.APPLIED));
        assertThat(results.get(7).observed()).isEqualTo(AttributeValue.ofString(users.get(7).immutableId().value()));
        for (int i = 0; i < users.size(); i++) {
            assertThat(current(users.get(i).id())).isEqualTo(newAnchor(i));
        }
        assertThat(patchBatchSizes()).containsExactly(20, 20, 5);
        assertThat(graph.server().requests().stream().filter(r -> !r.inBatch())).extracting(RecordedRequest::path)
                .containsOnly("/$batch").hasSize(6);
        RecordedRequest patch = graph.server().requests().stream().filter(r -> r.method().equals("PATCH")).findFirst()
                .orElseThrow();
        assertThat(patch.body()).contains("\"onPremisesImmutableId\":\"" + newAnchor(0) + "\"");
    }

    @Test
    void write_reportsConflictWhenTheValueChangedSincePlanning() {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);

        List<WriteResult> results = write(List.of(write(user.id(), "U3RhbGVWYWx1ZQ==", newAnchor(1))));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.CONFLICT);
        assertThat(results.get(0).observed()).isEqualTo(AttributeValue.ofString(user.immutableId().value()));
        assertThat(results.get(0).message()).contains(user.userPrincipalName()).contains("U3RhbGVWYWx1ZQ==")
                .contains("changed since planning");
        assertThat(current(user.id())).isEqualTo(user.immutableId().value());
        assertThat(patchBatchSizes()).isEmpty();
    }

    @Test
    void write_setsAValueOnAUserThatHadNone() {
        graph.server().addUser(CloudUser.builder().id("n1").userPrincipalName("new@contoso.com").build());

        List<WriteResult> results = write(List.of(write("n1", null, newAnchor(9))));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(results.get(0).observed()).isNull();
        assertThat(current("n1")).isEqualTo(newAnchor(9));
    }

    @Test
    void write_treatsAnEmptyValueAsNone() {
        graph.server().addUser(CloudUser.builder().id("n1").userPrincipalName("new@contoso.com").build());

        List<WriteResult> results = write(List.of(write("n1", "", newAnchor(9)), write("n1", newAnchor(9), "")));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.APPLIED, WriteStatus.REFUSED);
        assertThat(current("n1")).isEqualTo(newAnchor(9));
    }

    @Test
    void write_isAlreadyAppliedWhenTheUserHoldsTheNewValue() {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);

        List<WriteResult> results = write(List.of(write(user.id(), "T2xkVmFsdWU=", user.immutableId().value())));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.ALREADY_APPLIED);
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(patchBatchSizes()).isEmpty();
    }

    @Test
    void write_refusesSyncedUsersAndPointsToTheOnPremisesAnchor() {
        graph.server().addUser(CloudUser.builder().id("s1").userPrincipalName("synced@contoso.com")
                .immutableId("T2xkVmFsdWU=").onPremisesSyncEnabled(true).build());

        List<WriteResult> results = write(List.of(write("s1", "T2xkVmFsdWU=", newAnchor(1))));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.REFUSED);
        assertThat(results.get(0).message()).contains("synced@contoso.com").contains("onPremisesSyncEnabled=true")
                .contains("mS-DS-ConsistencyGuid");
        assertThat(current("s1")).isEqualTo("T2xkVmFsdWU=");
        assertThat(patchBatchSizes()).isEmpty();
    }

    @Test
    void write_refusesWhatGraphCannotDoWithoutSendingAnything() {
        graph.server().addUser(Fixtures.cloudUser(1));
        String id = Fixtures.cloudUser(1).id();
        String before = Fixtures.cloudUser(1).immutableId().value();

        List<WriteResult> results = write(List.of(
                write(id, before, null),
                new AttributeWrite(id, "mail", null, AttributeValue.ofString("x@contoso.com")),
                write(id, before, "has$dollar"),
                write(id, before, "has_underscore"),
                new AttributeWrite(id, "onPremisesImmutableId", null, AttributeValue.ofBytes(new byte[] {1, 2}))));

        assertThat(results).extracting(WriteResult::status).containsOnly(WriteStatus.REFUSED);
        assertThat(results.get(0).message()).contains("Clearing onPremisesImmutableId");
        assertThat(results.get(1).message()).contains("only onPremisesImmutableId").contains("'mail'");
        assertThat(results.get(2).message()).contains("'$'");
        assertThat(results.get(3).message()).contains("has_underscore");
        assertThat(results.get(4).message()).contains("not raw bytes");
        assertThat(graph.server().requests()).isEmpty();
    }

    @Test
    void write_failsADuplicateImmutableIdNamingItsHolder() {
        CloudUser holder = Fixtures.cloudUser(1);
        CloudUser other = Fixtures.cloudUser(2);
        graph.server().addUsers(List.of(holder, other));

        List<WriteResult> results = write(List.of(write(other.id(), other.immutableId().value(),
                holder.immutableId().value())));

        WriteResult result = results.get(0);
        assertThat(result.status()).isEqualTo(WriteStatus.FAILED);
        assertThat(result.message()).contains("user " + holder.id()).contains("Request_BadRequest")
                .contains("ObjectConflict").contains("already exists");
        assertThat(current(other.id())).isEqualTo(other.immutableId().value());
    }

    @Test
    void write_failsAnUnknownUserWithGraphsCode() {
        List<WriteResult> results = write(List.of(write("no-such-user", null, newAnchor(1))));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.FAILED);
        assertThat(results.get(0).message()).contains("HTTP 404").contains("Request_ResourceNotFound")
                .contains("no-such-user");
    }

    @Test
    void write_retriesThrottledItemsHonouringRetryAfter() {
        List<CloudUser> users = Fixtures.cloudUsers(40);
        graph.server().addUsers(users);
        graph.server().faults(FaultPlan.throttling(0.3, 7).onlyUnder("/users"));
        List<AttributeWrite> writes = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            writes.add(write(users.get(i).id(), users.get(i).immutableId().value(), newAnchor(i)));
        }

        List<WriteResult> results = write(writes);

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(WriteStatus.APPLIED));
        assertThat(graph.server().requests().stream().filter(r -> r.inBatch() && r.status() == 429)).isNotEmpty();
        assertThat(graph.sleeps()).isNotEmpty().allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
        for (int i = 0; i < users.size(); i++) {
            assertThat(current(users.get(i).id())).isEqualTo(newAnchor(i));
        }
    }

    @Test
    void write_givesUpOnAnItemThrottledBeyondTheRetries() {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        graph.server().faults(FaultPlan.throttling(1.0, 1).onlyUnder("/users"));

        List<WriteResult> results = write(graph.options().retry(Fixtures.retry(graph.sleeps(), 2)).build(),
                List.of(write(user.id(), user.immutableId().value(), newAnchor(1))));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.FAILED);
        assertThat(results.get(0).message()).contains("HTTP 429").contains("TooManyRequests")
                .contains("after 2 retries");
        assertThat(graph.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void write_retriesAThrottledBatchRequestItself() {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        graph.server().respondNext("POST", "/$batch", new ScriptedResponse(429, "application/json",
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}", Map.of("Retry-After", "2")));

        List<WriteResult> results = write(List.of(write(user.id(), user.immutableId().value(), newAnchor(1))));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.APPLIED);
        assertThat(graph.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void write_failsEveryRemainingWriteWhenABatchRequestFails() {
        List<CloudUser> users = Fixtures.cloudUsers(25);
        graph.server().addUsers(users);
        graph.server().respondNext("POST", "/$batch", ScriptedResponse.graphError(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."));
        List<AttributeWrite> writes = users.stream()
                .map(u -> write(u.id(), u.immutableId().value(), newAnchor(3))).collect(Collectors.toList());

        List<WriteResult> results = write(writes);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(WriteStatus.FAILED);
            assertThat(r.message()).contains("Authorization_RequestDenied").contains("admin consent");
        });
        assertThat(graph.server().requests()).hasSize(1);
    }

    @Test
    void write_putsASecondWriteOfTheSameUserIntoALaterRound() {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        String first = newAnchor(1);
        String second = newAnchor(2);

        List<WriteResult> results = write(List.of(write(user.id(), user.immutableId().value(), first),
                write(user.id(), first, second)));

        assertThat(results).extracting(WriteResult::status).containsExactly(WriteStatus.APPLIED, WriteStatus.APPLIED);
        assertThat(current(user.id())).isEqualTo(second);
        assertThat(patchBatchSizes()).containsExactly(1, 1);
    }

    @Test
    void writer_describesItself() {
        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(entra.writer().writableAttributes()).containsExactly("onPremisesImmutableId");
            assertThat(entra.writer().name()).startsWith("onPremisesImmutableId on 127.0.0.1:");
        }
    }
}
