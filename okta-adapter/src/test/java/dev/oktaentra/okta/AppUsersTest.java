package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.provisioning.ProvisionedUser;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeOktaServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppUsersTest {

    private static final String APP = "0oaO365a";

    private FakeOktaServer fake;
    private OktaProvisioning okta;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        fake.addApps(FakeApp.office365(APP, "Office 365"), FakeApp.office365("0oaO365b", "Other tenant"));
        okta = OktaProvisioning.connect(TestOrgs.builder(fake).userPageSize(3).build());
    }

    @AfterEach
    void stop() {
        okta.close();
        fake.close();
    }

    private static ProvisionedUser user(int i, String immutableId) {
        return new ProvisionedUser(APP, "00u" + i, "user" + i + "@contoso.com",
                immutableId == null ? null : ImmutableId.of(immutableId), "ext-" + i, "PROVISIONED");
    }

    @Test
    void users_returnsEveryUserExactlyOnceAcrossPages() {
        List<ProvisionedUser> seeded = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> user(i, "BpazOkLGm0iEtljAONPv" + (char) ('A' + i) + "Q==")).toList();
        seeded.forEach(fake::addAppUser);

        List<ProvisionedUser> read;
        try (Stream<ProvisionedUser> users = okta.users(APP)) {
            read = users.toList();
        }

        assertThat(read).containsExactlyElementsOf(seeded);
        assertThat(fake.requests().stream().filter(r -> r.path().endsWith("/users")))
                .extracting(r -> r.query()).containsExactly("limit=3", "after=00u3&limit=3", "after=00u6&limit=3");
    }

    @Test
    void users_readsImmutableIdExternalIdUserNameAndStatus() {
        fake.addAppUser(new ProvisionedUser(APP, "00uAda", "ada@contoso.com", ImmutableId.of("BpazOkLGm0iEtljAONPvOQ=="),
                "5d6e1a2b-0000-4000-8000-000000000001", "PROVISIONED"));
        fake.addAppUser(new ProvisionedUser(APP, "00uBob", "bob@contoso.com", null, null, "STAGED"));

        List<ProvisionedUser> read = okta.users(APP).toList();

        assertThat(read.get(0)).isEqualTo(new ProvisionedUser(APP, "00uAda", "ada@contoso.com",
                ImmutableId.of("BpazOkLGm0iEtljAONPvOQ=="), "5d6e1a2b-0000-4000-8000-000000000001", "PROVISIONED"));
        assertThat(read.get(1).immutableId()).isNull();
        assertThat(read.get(1).externalId()).isNull();
        assertThat(read.get(1).status()).isEqualTo("STAGED");
    }

    @Test
    void users_fetchesPagesOnlyAsTheStreamIsConsumed() {
        IntStream.rangeClosed(1, 9).forEach(i -> fake.addAppUser(user(i, null)));

        List<ProvisionedUser> firstTwo = okta.users(APP).limit(2).toList();

        assertThat(firstTwo).extracting(ProvisionedUser::userId).containsExactly("00u1", "00u2");
        assertThat(fake.requests().stream().filter(r -> r.path().endsWith("/users"))).hasSize(1);
    }

    @Test
    void users_ofAnAppWithoutUsersIsEmpty() {
        assertThat(okta.users("0oaO365b")).isEmpty();
    }

    @Test
    void users_seededFromCloudUsersCarryTheirImmutableIdsAndObjectIds() {
        List<CloudUser> cloud = List.of(
                CloudUser.builder().id("11111111-aaaa-4000-8000-000000000001").userPrincipalName("ada@contoso.com")
                        .immutableId("BpazOkLGm0iEtljAONPvOQ==").build(),
                CloudUser.builder().id("11111111-aaaa-4000-8000-000000000002").userPrincipalName("bob@contoso.com")
                        .build());
        List<ProvisionedUser> seeded = fake.addAppUsers(APP, cloud);

        assertThat(okta.users(APP).toList()).containsExactlyElementsOf(seeded);
        assertThat(seeded.get(0).immutableId()).isEqualTo(ImmutableId.of("BpazOkLGm0iEtljAONPvOQ=="));
        assertThat(seeded.get(0).externalId()).isEqualTo("11111111-aaaa-4000-8000-000000000001");
    }

    @Test
    void users_ofAnUnknownAppFailsNamingTheApp() {
        Stream<ProvisionedUser> users = okta.users("0oaNope");

        assertThatThrownBy(users::toList).isInstanceOf(OktaException.class)
                .hasMessageContaining("list the users of app 0oaNope").hasMessageContaining("HTTP 404 E0000007");
    }

    @Test
    void users_largeAppStreamsInFullWithDefaultPageSize() {
        List<ProvisionedUser> many = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            many.add(user(i, null));
        }
        many.forEach(fake::addAppUser);
        try (OktaProvisioning defaults = TestOrgs.connect(fake)) {
            assertThat(defaults.users(APP).count()).isEqualTo(1_234);
        }
        assertThat(fake.requests().stream().filter(r -> r.path().endsWith("/users"))).hasSize(3);
    }
}
