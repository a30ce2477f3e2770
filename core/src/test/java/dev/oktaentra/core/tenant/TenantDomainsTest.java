package dev.oktaentra.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantDomainsTest {

    private final TenantDomains domains = TenantDomains.of(List.of(
            new TenantDomain("contoso.onmicrosoft.com", DomainAuthentication.MANAGED, true, true),
            TenantDomain.federated("Contoso.com"),
            TenantDomain.managed("child.contoso.com"),
            TenantDomain.managed("fabrikam.com")));

    @Test
    void aUpn_takesTheAuthenticationOfItsDomain_anyCase() {
        assertThat(domains.authenticationOf("Jane@CONTOSO.com")).isEqualTo(DomainAuthentication.FEDERATED);
        assertThat(domains.authenticationOf("bob@fabrikam.com")).isEqualTo(DomainAuthentication.MANAGED);
    }

    @Test
    void anUnlistedSubdomain_inheritsItsClosestListedParent_aListedOneKeepsItsOwn() {
        assertThat(domains.authenticationOf("amy@sales.contoso.com")).isEqualTo(DomainAuthentication.FEDERATED);
        assertThat(domains.authenticationOf("amy@child.contoso.com")).isEqualTo(DomainAuthentication.MANAGED);
        assertThat(domains.authenticationOf("amy@x.child.contoso.com")).isEqualTo(DomainAuthentication.MANAGED);
    }

    @Test
    void aUpnNoDomainCovers_isUnknown_whichDoesNotAllowADirectImmutableIdChange() {
        assertThat(domains.authenticationOf("eve@elsewhere.example")).isEqualTo(DomainAuthentication.UNKNOWN);
        assertThat(domains.authenticationOf("no-at-sign")).isEqualTo(DomainAuthentication.UNKNOWN);
        assertThat(DomainAuthentication.UNKNOWN.allowsImmutableIdChange()).isFalse();
        assertThat(DomainAuthentication.FEDERATED.allowsImmutableIdChange()).isFalse();
        assertThat(DomainAuthentication.MANAGED.allowsImmutableIdChange()).isTrue();
    }

    @Test
    void theTemporaryUpn_keepsThePrefixInTheManagedInitialDomain() {
        assertThat(domains.inInitialDomain("jane.doe@contoso.com")).contains("jane.doe@contoso.onmicrosoft.com");
        assertThat(TenantDomains.of(List.of(TenantDomain.federated("contoso.com"))).inInitialDomain("j@contoso.com"))
                .isEmpty();
        assertThat(domains.federated()).containsExactly("contoso.com");
    }

    @Test
    void graphsAuthenticationType_isReadInAnyCase_andAnythingElseIsUnknown() {
        assertThat(DomainAuthentication.of("Federated")).isEqualTo(DomainAuthentication.FEDERATED);
        assertThat(DomainAuthentication.of("managed")).isEqualTo(DomainAuthentication.MANAGED);
        assertThat(DomainAuthentication.of("Cloud")).isEqualTo(DomainAuthentication.UNKNOWN);
        assertThat(DomainAuthentication.of(null)).isEqualTo(DomainAuthentication.UNKNOWN);
    }
}
