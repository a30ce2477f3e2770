package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.AttributeValue;
import dev.oktaentra.core.directory.AttributeWrite;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.WriteResult;
import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.graph.testing.LostAnswer;
import dev.oktaentra.graph.testing.ScriptedResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graph carried out the PATCH but its answer was lost: a reset connection, or a 503 or 504 after the write
 * committed, past every retry. The writer reads the users back before reporting a failure; a write that landed is
 * APPLIED, so the journal records it and a rollback undoes it.
 */
class ImmutableIdWriterLostAnswerTest {

    private static final int RETRIES = 2;

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private List<WriteResult> write(List<AttributeWrite> writes) {
        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options()
                .retry(Fixtures.retry(graph.sleeps(), RETRIES)).build())) {
            return entra.writer().write(writes);
        }
    }

    private static AttributeWrite write(CloudUser user, String after) {
        return new AttributeWrite(user.id(), "onPremisesImmutableId",
                AttributeValue.ofString(user.immutableId().value()), AttributeValue.ofString(after));
    }

    private static String newAnchor(int n) {
        return "TmV3QW5jaG9y" + String.format("%04d", n) + "AA==";
    }

    private String current(CloudUser user) {
        return graph.server().user(user.id()).orElseThrow().immutableId().value();
    }

    private boolean readBack() {
        return graph.server().requests().stream().filter(r -> r.inBatch() && r.method().equals("GET")).count() > 1;
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class)
    void write_whoseAnswerIsLostAfterGraphWroteIt_isApplied(LostAnswer how) {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        graph.server().loseAnswers("PATCH", "/users/", how, 10);   // every attempt, retries included

        List<WriteResult> results = write(List.of(write(user, newAnchor(1))));

        assertThat(current(user)).isEqualTo(newAnchor(1));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(WriteStatus.APPLIED);
            assertThat(r.observed()).isEqualTo(AttributeValue.ofString(user.immutableId().value()));
            assertThat(r.message()).contains("read back").contains(newAnchor(1));
        });
        assertThat(readBack()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT"})
    void write_retriedAfterA5xxThatCommitted_isAppliedWithoutAReadBack(LostAnswer how) {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        graph.server().loseAnswers("PATCH", "/users/", how, 1);   // the retry's answer arrives

        List<WriteResult> results = write(List.of(write(user, newAnchor(1))));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(WriteStatus.APPLIED));
        assertThat(current(user)).isEqualTo(newAnchor(1));
        assertThat(graph.sleeps()).hasSize(1);
        assertThat(readBack()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"BATCH_SERVICE_UNAVAILABLE", "BATCH_GATEWAY_TIMEOUT"})
    void batch_answered5xxAfterCommitting_isRetriedAndApplied(LostAnswer how) {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        graph.server().loseAnswers("PATCH", "/users/", how, 1);

        List<WriteResult> results = write(List.of(write(user, newAnchor(1))));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(WriteStatus.APPLIED));
        assertThat(current(user)).isEqualTo(newAnchor(1));
        assertThat(graph.sleeps()).hasSize(1);
    }

    @Test
    void write_answered503WithoutBeingWritten_isFailedAfterTheReadBackSaysSo() {
        CloudUser user = Fixtures.cloudUser(1);
        graph.server().addUser(user);
        for (int i = 0; i <= RETRIES; i++) {
            graph.server().respondNext("PATCH", "/users/", ScriptedResponse.graphError(503, "serviceNotAvailable",
                    "The service is temporarily unavailable."));
        }

        List<WriteResult> results = write(List.of(write(user, newAnchor(1))));

        assertThat(current(user)).isEqualTo(user.immutableId().value());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(WriteStatus.FAILED);
            assertThat(r.message()).contains("HTTP 503").contains("serviceNotAvailable")
                    .contains("read back: not written");
        });
        assertThat(readBack()).isTrue();
    }

    @Test
    void write_refusedWith4xx_isFailedWithoutAReadBack() {
        CloudUser holder = Fixtures.cloudUser(1);
        CloudUser other = Fixtures.cloudUser(2);
        graph.server().addUsers(List.of(holder, other));

        List<WriteResult> results = write(List.of(write(other, holder.immutableId().value())));

        assertThat(results.get(0).status()).isEqualTo(WriteStatus.FAILED);
        assertThat(readBack()).isFalse();
    }

    @Test
    void lostBatch_readsTheRoundBackAndLeavesLaterRoundsUnwritten() {
        List<CloudUser> users = Fixtures.cloudUsers(25);
        graph.server().addUsers(users);
        graph.server().loseAnswers("PATCH", "/users/", LostAnswer.CONNECTION_RESET, 20 * 5);
        List<AttributeWrite> writes = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            writes.add(write(users.get(i), newAnchor(i)));
        }

        List<WriteResult> results = write(writes);

        assertThat(results.subList(0, 20)).allSatisfy(r -> assertThat(r.status()).isEqualTo(WriteStatus.APPLIED));
        assertThat(results.subList(20, 25)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(WriteStatus.FAILED);
            assertThat(r.message()).startsWith("Not written:");
        });
        for (int i = 0; i < users.size(); i++) {
            assertThat(current(users.get(i))).isEqualTo(i < 20 ? newAnchor(i) : users.get(i).immutableId().value());
        }
    }
}
