package dev.oktaentra.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownUsersTest {

    private static final KnownUser JANE = KnownUser.builder().userPrincipalName("Jane.Doe@Contoso.com")
            .primarySmtpAddress("Jane@Contoso.com").distinguishedName("CN=Jane,DC=contoso,DC=com")
            .cloudUserId("id-1").cloudImmutableId(ImmutableId.of(Fixtures.ANCHOR_B_WRONG))
            .expectedImmutableId(ImmutableId.of(Fixtures.ANCHOR_B)).onPremises("mail")
            .onPremises("sAMAccountName", "jdoe").outcome("ANCHOR_MISMATCH").build();

    private final KnownUsers users = KnownUsers.of(List.of(JANE));

    @Test
    void bySourceAnchor_findsExpectedAndCloudAnchors_caseSensitively() {
        assertThat(users.bySourceAnchor(ImmutableId.of(Fixtures.ANCHOR_B))).containsExactly(JANE);
        assertThat(users.bySourceAnchor(ImmutableId.of(Fixtures.ANCHOR_B_WRONG))).containsExactly(JANE);
        assertThat(users.bySourceAnchor(ImmutableId.of(Fixtures.ANCHOR_B.toLowerCase()))).isEmpty();
        assertThat(users.bySourceAnchor(null)).isEmpty();
    }

    @Test
    void byUpnAndSmtp_ignoreCase() {
        assertThat(users.byUserPrincipalName("jane.doe@contoso.COM")).containsExactly(JANE);
        assertThat(users.byPrimarySmtpAddress(" JANE@contoso.com")).containsExactly(JANE);
        assertThat(users.byUserPrincipalName("jane@contoso.com")).isEmpty();
        assertThat(KnownUsers.none().byUserPrincipalName("jane.doe@contoso.com")).isEmpty();
    }

    @Test
    void onPremisesValues_tellsNotReadFromReadAndEmpty_andKnowsConnectorNames() {
        assertThat(JANE.onPremisesValues("MAIL")).contains(List.of());
        assertThat(JANE.onPremisesValues("department")).isEmpty();
        assertThat(JANE.onPremisesValues("onPremisesSamAccountName")).contains(List.of("jdoe"));
        assertThat(JANE.presentOnPrem()).isTrue();
        assertThat(JANE.inCloud()).isTrue();
        assertThat(JANE.describe()).isEqualTo("Jane.Doe@Contoso.com");
    }

    @Test
    void knownUser_needsAnIdentity_andFreezesItsAttributes() {
        assertThatThrownBy(() -> KnownUser.builder().outcome("X").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a UPN");
        KnownUser user = new KnownUser(null, null, null, "id-2", null, null, Map.of("mail", List.of("a@b")), null,
                false, false);
        assertThat(user.outcome()).isEmpty();
        assertThat(user.describe()).isEqualTo("id-2");
        assertThatThrownBy(() -> user.onPremises().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
