package dev.oktaentra.graph.bench;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.graph.GraphCredentials;
import dev.oktaentra.graph.GraphDirectory;
import dev.oktaentra.graph.GraphSettings;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.graph.testing.FakeGraphServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads 100,000 users from {@link FakeGraphServer} through {@link GraphDirectory} (Graph SDK v6, kiota, OkHttp) and
 * through {@link RawUserLoop} ({@code java.net.http} + Jackson) over the same pages, alternating, and prints the
 * median of each and their ratio. Run: {@code mvn -B -q -pl graph-adapter -am -Pbench-graph verify -DskipTests}.
 */
public final class GraphReadBenchmarkMain {

    private static final int USERS = 100_000;
    private static final int ROUNDS = 5;
    private static final String SELECT = "id,userPrincipalName,onPremisesImmutableId,onPremisesSyncEnabled,mail,"
            + "proxyAddresses,onPremisesLastSyncDateTime";

    private GraphReadBenchmarkMain() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args ignored
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        String token = token();
        try (FakeGraphServer graph = FakeGraphServer.start()) {
            graph.addUsers(users());
            GraphSettings options = GraphSettings.builder().baseUrl(graph.baseUrl()).allowPlaintextOnLoopback()
                    .markAdminRoles(false).credentials(GraphCredentials.accessToken(Secret.of(token))).build();
            RawUserLoop raw = new RawUserLoop(token);
            String firstPage = graph.baseUrl() + "/users?$select=" + SELECT + "&$top=999";
            try (GraphDirectory entra = GraphDirectory.connect(options)) {
                long[] adapterNanos = new long[ROUNDS];
                long[] rawNanos = new long[ROUNDS];
                // One untimed round of each warms up the JIT and both HTTP stacks' connection pools.
                check(adapter(entra), "adapter");
                check(raw.read(firstPage, u -> { }), "raw loop");
                for (int round = 0; round < ROUNDS; round++) {
                    graph.clearRequests();
                    long t0 = System.nanoTime();
                    check(adapter(entra), "adapter");
                    adapterNanos[round] = System.nanoTime() - t0;
                    long t1 = System.nanoTime();
                    check(raw.read(firstPage, u -> { }), "raw loop");
                    rawNanos[round] = System.nanoTime() - t1;
                }
                double adapterMs = median(adapterNanos) / 1e6;
                double rawMs = median(rawNanos) / 1e6;
                System.out.printf(Locale.ROOT, "graph-adapter read benchmark: %,d users in pages of 999, median of %d"
                        + " rounds%n", USERS, ROUNDS);
                System.out.printf(Locale.ROOT, "  GraphDirectory.records() (Graph SDK v6): %8.1f ms  (%,.0f users/s)%n",
                        adapterMs, USERS / (adapterMs / 1000));
                System.out.printf(Locale.ROOT, "  raw java.net.http + Jackson loop:        %8.1f ms  (%,.0f users/s)%n",
                        rawMs, USERS / (rawMs / 1000));
                System.out.printf(Locale.ROOT, "  ratio adapter / raw: %.2fx (target <= 1.5x)%n", adapterMs / rawMs);
            }
        }
    }

    private static long adapter(GraphDirectory entra) {
        try (Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            return records.filter(r -> r instanceof DirectoryRecord.Usable).count();
        }
    }

    private static void check(long count, String what) {
        if (count != USERS) {
            throw new IllegalStateException(what + " read " + count + " users, not " + USERS);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<CloudUser> users() {
        List<CloudUser> users = new ArrayList<>(USERS);
        Instant lastSync = Instant.parse("2025-06-01T08:00:00Z");
        for (int i = 0; i < USERS; i++) {
            UUID guid = UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8));
            boolean synced = i % 3 == 0;
            users.add(CloudUser.builder().id(UUID.nameUUIDFromBytes(("id-" + i).getBytes(StandardCharsets.UTF_8))
                    .toString()).userPrincipalName("user" + i + "@contoso.com").mail("user" + i + "@contoso.com")
                    .proxyAddresses(List.of("SMTP:user" + i + "@contoso.com", "smtp:user" + i
                            + "@contoso.mail.onmicrosoft.com"))
                    .immutableId(ObjectGuid.fromUuid(guid).toImmutableId())
                    .onPremisesSyncEnabled(synced ? Boolean.TRUE : null)
                    .onPremisesLastSyncDateTime(synced ? lastSync : null).build());
        }
        return users;
    }

    private static String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"roles\":[\"User.Read.All\"]}".getBytes(StandardCharsets.UTF_8)) + ".bench";
    }
}
