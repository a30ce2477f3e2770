package dev.oktaentra.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HologramTest {

    @Test
    void of_mergesNamesDifferingInCase_dropsEmptyAttributes_andCopiesLists() {
        Map<String, List<String>> input = new LinkedHashMap<>();
        List<String> mutable = new ArrayList<>(List.of("SMTP:a@contoso.com"));
        input.put("proxyAddresses", mutable);
        input.put("PROXYADDRESSES", List.of("smtp:b@contoso.com"));
        input.put("mail", List.of());

        Hologram hologram = Hologram.of("CN={41}", input);
        mutable.add("changed later");

        assertThat(hologram.values("ProxyAddresses")).containsExactly("SMTP:a@contoso.com", "smtp:b@contoso.com");
        assertThat(hologram.first("proxyaddresses")).isEqualTo("SMTP:a@contoso.com");
        assertThat(hologram.has("mail")).isFalse();
        assertThat(hologram.values("mail")).isEmpty();
        assertThat(hologram.first("mail")).isNull();
        assertThat(hologram.names()).containsExactly("proxyAddresses");
        assertThat(hologram.dn()).isEqualTo("CN={41}");
        assertThatThrownBy(() -> hologram.attributes().put("x", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equals_comparesDnAndAttributesIgnoringNameCase() {
        Hologram a = Hologram.of("x", Map.of("Mail", List.of("a@b")));
        Hologram b = Hologram.of("x", Map.of("mail", List.of("a@b")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Hologram.of("y", Map.of("mail", List.of("a@b"))));
        assertThat(Hologram.of(null, Map.of()).dn()).isEmpty();
        assertThat(Hologram.EMPTY.names()).isEmpty();
        assertThat(a.toString()).contains("a@b");
    }
}
