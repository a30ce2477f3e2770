package dev.oktaentra.okta.disable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisablePlanTest {

    private static PlannedApp app(String id) {
        return new PlannedApp(new ProvisioningApp(id, "Office 365 " + id, "ACTIVE", "WS_FEDERATION",
                ProvisioningState.ENABLED, "", "Provisioning > To App > off"), Action.DEACTIVATE);
    }

    @Test
    void describe_countsTheAppsInTheRightNumber() {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");

        assertThat(new DisablePlan("https://contoso.okta.com", at, List.of(app("0oa1"))).describe())
                .startsWith("Disable Okta Office 365 provisioning in https://contoso.okta.com (1 app, read "
                        + "2026-03-01T08:00:00Z)");
        assertThat(new DisablePlan("https://contoso.okta.com", at, List.of(app("0oa1"), app("0oa2"))).describe())
                .startsWith("Disable Okta Office 365 provisioning in https://contoso.okta.com (2 apps, read ");
    }
}
