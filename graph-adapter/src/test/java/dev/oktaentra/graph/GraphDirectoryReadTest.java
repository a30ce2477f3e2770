package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.graph.testing.FakeGraphServer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GraphDirectoryReadTest {

    @Test
    void users_smoke() {
        try (FakeGraphServer graph = FakeGraphServer.start()) {
            graph.addUsers(Fixtures.cloudUsers(2500));
            try (GraphDirectory entra = Fixtures.connect(graph);
                    Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
                List<DirectoryRecord<CloudUser>> all = records.collect(Collectors.toList());
                assertThat(all).hasSize(2500);
                assertThat(all.get(0).orElseThrow()).isEqualTo(graph.users().get(0));
            }
            graph.requests().forEach(r -> System.out.println(r.method() + " " + r.path() + "?" + r.query() + " " + r.status()));
        }
    }
}
