package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import dev.oktaentra.okta.testing.FakeApp;
import dev.oktaentra.okta.testing.FakeOktaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImmutableIdMappingTest {

    private FakeOktaServer fake;
    private OktaProvisioning okta;

    @BeforeEach
    void start() {
        fake = FakeOktaServer.start();
        okta = TestOrgs.connect(fake);
    }

    @AfterEach
    void stop() {
        okta.close();
        fake.close();
    }

    @Test
    void immutableIdMapping_defaultExpressionReadsObjectGuid() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365"));

        ImmutableIdMapping mapping = okta.immutableIdMapping("0oaO365a");

        assertThat(mapping.appId()).isEqualTo("0oaO365a");
        assertThat(mapping.expression()).isEqualTo("hasDirectoryUser()?findDirectoryUser().externalId:null");
        assertThat(mapping.sourceAttribute()).isEqualTo("objectGUID");
        assertThat(mapping.explanation()).contains("default expression");
        assertThat(fake.requests()).extracting(r -> r.path() + "?" + r.query()).containsExactly(
                "/api/v1/mappings?limit=200&targetId=0oaO365a", "/api/v1/mappings/prmU0oaO365a?");
    }

    @Test
    void immutableIdMapping_consistencyGuidExpressionIsRecognised() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365")
                .withImmutableIdExpression("hasDirectoryUser() ? findDirectoryUser().msDSConsistencyGuid : null"));

        ImmutableIdMapping mapping = okta.immutableIdMapping("0oaO365a");

        assertThat(mapping.sourceAttribute()).isEqualTo("mS-DS-ConsistencyGuid");
    }

    @Test
    void immutableIdMapping_pickedFromTheRightAppAmongSeveral() {
        fake.addApps(FakeApp.office365("0oaO365a", "A"),
                FakeApp.office365("0oaO365b", "B").withImmutableIdExpression("user.employeeNumber"));

        assertThat(okta.immutableIdMapping("0oaO365b").sourceAttribute()).isEqualTo("employeeNumber");
        assertThat(okta.immutableIdMapping("0oaO365a").sourceAttribute()).isEqualTo("objectGUID");
    }

    @Test
    void immutableIdMapping_withoutAnImmutableIdPropertyExplainsNoValue() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withImmutableIdExpression(null));

        ImmutableIdMapping mapping = okta.immutableIdMapping("0oaO365a");

        assertThat(mapping.expression()).isNull();
        assertThat(mapping.sourceAttribute()).isNull();
        assertThat(mapping.explanation()).contains("no expression for immutableId");
    }

    @Test
    void immutableIdMapping_withoutAnyMappingGivesNullsAndSaysWhy() {
        fake.addApp(FakeApp.office365("0oaO365a", "Office 365").withoutProfileMapping());

        ImmutableIdMapping mapping = okta.immutableIdMapping("0oaO365a");

        assertThat(mapping.expression()).isNull();
        assertThat(mapping.sourceAttribute()).isNull();
        assertThat(mapping.explanation()).contains("lists no Okta user \u2192 app user profile mapping");
    }
}
