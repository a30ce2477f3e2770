package dev.oktaentra.core.validation.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.MatchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store keeps a canonical object id as 16 bytes and any other id as text; either way it gives back the text. */
class CloudStoreIdTest {

    @Test
    void id_isGivenBackExactlyAsRead() {
        List<String> ids = List.of("3ab39606-c642-489b-84b6-58c038d3ef39", "3AB39606-C642-489B-84B6-58C038D3EF39",
                "3ab39606-c642-489b-84b6-58c038d3ef3g", "3ab39606+c642-489b-84b6-58c038d3ef39",
                "3ab39606-c642-489b-84b6-58c038d3ef3\u00e9", "{3ab39606-c642-489b-84b6-58c038d3ef39}", "u1",
                "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "3ab39606-c642-489b-84b6-58c038d3ef3\u0661");
        CloudStore store = new CloudStore(List.of(MatchRule.softMatchUserPrincipalName()), List.of());
        for (int i = 0; i < ids.size(); i++) {
            store.add(CloudUser.builder().id(ids.get(i)).userPrincipalName("user" + i + "@contoso.com").build());
        }

        assertThat(store.size()).isEqualTo(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(store.id(i)).isEqualTo(ids.get(i));
        }
    }
}
