package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.graph.testing.FaultPlan;
import dev.oktaentra.graph.testing.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code onPremisesSyncBehavior.isCloudManaged}: "If {@code true}, updates from on-premises Active Directory are blocked
 * in the cloud" (onPremisesSyncBehavior resource), so such a user cannot be taken over. Read per user with an
 * ImmutableID or a sync state, 20 to a {@code $batch}.
 */
class GraphCloudManagedTest {

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private List<CloudUser> readAll(GraphDirectory entra) {
        try (Stream<DirectoryRecord<CloudUser>> records = entra.records()) {
            return records.map(DirectoryRecord::orElseThrow).collect(Collectors.toList());
        }
    }

    /** Users 0..count-1, every third one cloud-managed, all synced once (candidates for a takeover). */
    private static List<CloudUser> synced(int count) {
        List<CloudUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(CloudUser.builder().id("u" + i).userPrincipalName("u" + i + "@contoso.com")
                    .onPremisesSyncEnabled(i % 3 != 0).cloudManaged(i % 3 == 0).build());
        }
        return users;
    }

    private List<RecordedRequest> syncBehaviorReads() {
        return graph.server().requests().stream().filter(r -> r.path().endsWith("/onPremisesSyncBehavior")).toList();
    }

    @Test
    void records_readIsCloudManagedOfEachUserInBatchesOfTwenty() {
        List<CloudUser> seeded = synced(45);
        graph.server().addUsers(seeded);

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).extracting(CloudUser::cloudManaged)
                    .containsExactlyElementsOf(seeded.stream().map(CloudUser::cloudManaged).toList());
            assertThat(entra.unreadFields()).doesNotContain(UserField.CLOUD_MANAGED);
            assertThat(entra.readWarnings()).isEmpty();
        }
        assertThat(syncBehaviorReads()).hasSize(45).allSatisfy(r -> assertThat(r.inBatch()).isTrue());
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/$batch")).hasSize(3);
    }

    @Test
    void records_readThePlainBodyAsWellAsMicrosoftsWrappedOne() {
        List<CloudUser> seeded = synced(6);
        graph.server().addUsers(seeded);
        graph.server().wrapSyncBehavior(false);

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).extracting(CloudUser::cloudManaged)
                    .containsExactlyElementsOf(seeded.stream().map(CloudUser::cloudManaged).toList());
        }
    }

    @Test
    void records_fallBackToBetaWhenV1HasNoSuchSegment() {
        List<CloudUser> seeded = synced(25);
        graph.server().addUsers(seeded);
        graph.server().serveSyncBehaviorOnV1(false);

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).extracting(CloudUser::cloudManaged)
                    .containsExactlyElementsOf(seeded.stream().map(CloudUser::cloudManaged).toList());
            assertThat(entra.readWarnings()).isEmpty();
        }
        // The first batch is refused on v1.0 and sent again to beta; the second goes to beta straight away.
        assertThat(graph.server().requests()).filteredOn(r -> r.path().endsWith("$batch"))
                .extracting(RecordedRequest::path)
                .containsExactly("/$batch", "/beta/$batch", "/beta/$batch");
    }

    @Test
    void records_withoutThePermissionLeaveEveryUserUnknownAfterOneRefusedBatch() {
        graph.server().addUsers(synced(45));
        graph.server().enforcePermissions(true);
        GraphSettings settings = graph.options().credentials(GraphCredentials.accessToken(Secret.of(
                Fixtures.appToken("User.Read.All", "Directory.Read.All", "RoleEligibilitySchedule.Read.Directory"))))
                .build();

        try (GraphDirectory entra = GraphDirectory.connect(settings)) {
            assertThat(readAll(entra)).hasSize(45).allSatisfy(u -> assertThat(u.cloudManaged()).isNull());
            assertThat(entra.unreadFields()).contains(UserField.CLOUD_MANAGED);
            assertThat(entra.readWarnings()).singleElement().asString()
                    .contains("isCloudManaged unknown for 45 of 45 users")
                    .contains("User-OnPremisesSyncBehavior.ReadWrite.All");
        }
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/$batch")).hasSize(1);
    }

    @Test
    void records_askNothingOfUsersNoSyncEngineCanTakeOver() {
        graph.server().addUser(CloudUser.builder().id("cloud").userPrincipalName("cloud@contoso.com").build());

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).singleElement().satisfies(u -> assertThat(u.cloudManaged()).isNull());
            assertThat(entra.unreadFields()).doesNotContain(UserField.CLOUD_MANAGED);
        }
        assertThat(syncBehaviorReads()).isEmpty();
    }

    @Test
    void records_whenSwitchedOffSendNoReadAndNameTheFieldUnread() {
        graph.server().addUsers(synced(3));

        try (GraphDirectory entra = Fixtures.connect(graph.server(), graph.options().readCloudManaged(false)
                .build())) {
            assertThat(readAll(entra)).allSatisfy(u -> assertThat(u.cloudManaged()).isNull());
            assertThat(entra.unreadFields()).contains(UserField.CLOUD_MANAGED);
        }
        assertThat(syncBehaviorReads()).isEmpty();
    }

    @Test
    void records_retryThrottledItemsUntilEveryUserIsRead() {
        List<CloudUser> seeded = synced(200);
        graph.server().addUsers(seeded);
        graph.server().faults(FaultPlan.throttling(0.2, 7).onlyUnder("/users/"));

        try (GraphDirectory entra = Fixtures.connect(graph.server())) {
            assertThat(readAll(entra)).extracting(CloudUser::cloudManaged)
                    .containsExactlyElementsOf(seeded.stream().map(CloudUser::cloudManaged).toList());
            assertThat(entra.readWarnings()).isEmpty();
        }
        assertThat(syncBehaviorReads()).anyMatch(r -> r.status() == 429);
    }
}
