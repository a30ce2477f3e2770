package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.tenant.OnPremisesProvisioningError;
import dev.oktaentra.core.tenant.TenantObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a failed match leaves, read through the SDK: a synced add that collides with an existing user is created by
 * the fake as Entra ID's duplicate attribute resiliency does (placeholder UPN, quarantined address, both in
 * {@code onPremisesProvisioningErrors}), and the adapter reads it back with its creation time, beside groups and
 * contacts with errors of their own.
 */
class TenantObjectsTest {

    private static final Instant CUTOVER = Instant.parse("2026-11-20T10:00:00Z");

    @RegisterExtension
    final FakeGraph graph = new FakeGraph();

    private CloudUser jane;

    @BeforeEach
    void seed() {
        jane = Fixtures.cloudUser(1).toBuilder().userPrincipalName("jane@contoso.com")
                .proxyAddresses(List.of("SMTP:jane@contoso.com")).build();
        graph.server().addUser(jane);
    }

    private List<TenantObject> read() {
        try (GraphDirectory entra = Fixtures.connect(graph.server());
                Stream<TenantObject> objects = entra.tenantSync().tenantObjects()) {
            return objects.toList();
        }
    }

    @Test
    void aSyncedAddThatCollides_isReadWithItsPlaceholderUpnAndProvisioningErrors() {
        CloudUser duplicate = graph.server().syncAdd(CloudUser.builder().id("dup-1")
                .userPrincipalName("jane@contoso.com")
                .proxyAddresses(List.of("SMTP:jane@contoso.com")).immutableId(ImmutableId.of("QUFBQUFBQUFBQUFBQUFBQQ=="))
                .build(), CUTOVER);

        List<TenantObject> objects = read();

        assertThat(duplicate.userPrincipalName()).matches("jane\\+\\d{4}@contoso\\.onmicrosoft\\.com");
        TenantObject read = objects.stream().filter(o -> o.id().equals("dup-1")).findFirst().orElseThrow();
        assertThat(read.type()).isEqualTo(TenantObject.Type.USER);
        assertThat(read.userPrincipalName()).isEqualTo(duplicate.userPrincipalName());
        assertThat(read.synced()).isTrue();
        assertThat(read.createdDateTime()).isEqualTo(CUTOVER);
        assertThat(read.provisioningErrors()).extracting(OnPremisesProvisioningError::propertyCausingError,
                OnPremisesProvisioningError::value, OnPremisesProvisioningError::category).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UserPrincipalName", "jane@contoso.com", "PropertyConflict"),
                        org.assertj.core.groups.Tuple.tuple("ProxyAddress", "SMTP:jane@contoso.com", "PropertyConflict"));
        assertThat(read.provisioningErrors().get(1).quarantinedAddress()).isTrue();
        TenantObject original = objects.stream().filter(o -> o.id().equals(jane.id())).findFirst().orElseThrow();
        assertThat(original.provisioningErrors()).isEmpty();
        assertThat(original.createdDateTime()).isBefore(CUTOVER);
    }

    @Test
    void groupsAndContacts_areReadWithTheirProvisioningErrors() {
        OnPremisesProvisioningError conflict = new OnPremisesProvisioningError("PropertyConflict", "ProxyAddress",
                "smtp:sales@contoso.com", CUTOVER);
        graph.server().addObject(new TenantObject(TenantObject.Type.GROUP, "g-1", "Sales", null, "sales@contoso.com",
                Boolean.TRUE, CUTOVER, List.of(conflict)));
        graph.server().addObject(new TenantObject(TenantObject.Type.CONTACT, "k-1", "Vendor", null, "v@vendor.example",
                Boolean.TRUE, null, List.of(conflict)));

        List<TenantObject> objects = read();

        assertThat(objects).extracting(TenantObject::type).containsExactly(TenantObject.Type.USER,
                TenantObject.Type.GROUP, TenantObject.Type.CONTACT);
        assertThat(objects.get(1).provisioningErrors()).containsExactly(conflict);
        assertThat(objects.get(1).createdDateTime()).isEqualTo(CUTOVER);
        assertThat(objects.get(2).provisioningErrors()).containsExactly(conflict);
        assertThat(graph.server().requests()).filteredOn(r -> r.path().equals("/users")).singleElement()
                .satisfies(r -> assertThat(r.query()).contains("onPremisesProvisioningErrors"));
    }
}
