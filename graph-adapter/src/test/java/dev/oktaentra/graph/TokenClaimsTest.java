package dev.oktaentra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "eyJhbGciOiJub25lIn0." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void parse_readsAppRoles() {
        TokenClaims claims = TokenClaims.parse("Bearer " + jwt("{\"roles\":[\"User.Read.All\",\"AuditLog.Read.All\"]}"))
                .orElseThrow();

        assertThat(claims.appOnly()).isTrue();
        assertThat(claims.permissions()).containsExactlyInAnyOrder("User.Read.All", "AuditLog.Read.All");
        assertThat(claims.grants("user.read.all")).isTrue();
        assertThat(claims.grants("User.ReadWrite.All")).isFalse();
    }

    @Test
    void parse_readsDelegatedScopes() {
        TokenClaims claims = TokenClaims.parse(jwt("{\"scp\":\" User.ReadWrite.All  Directory.Read.All\"}"))
                .orElseThrow();

        assertThat(claims.appOnly()).isFalse();
        assertThat(claims.grants("User.Read.All")).as("ReadWrite grants Read").isTrue();
        assertThat(claims.grants("Directory.Read.All")).isTrue();
        assertThat(claims.toString()).isEqualTo("TokenClaims[scp=" + claims.permissions() + "]");
    }

    @Test
    void parse_isEmptyForWhatIsNotAJwt() {
        assertThat(TokenClaims.parse(null)).isEmpty();
        assertThat(TokenClaims.parse("Bearer opaque")).isEmpty();
        assertThat(TokenClaims.parse("a.b.c")).isEmpty();
        assertThat(TokenClaims.parse(jwt("[1,2]"))).isEmpty();
        assertThat(TokenClaims.parse(jwt("not json"))).isEmpty();
    }

    @Property
    void parse_neverThrows(@ForAll String header) {
        assertThat(TokenClaims.parse(header)).isNotNull();
        assertThat(TokenClaims.parse("Bearer x." + header + ".y")).isNotNull();
    }
}
