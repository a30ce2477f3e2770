package dev.oktaentra.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.validation.ValidationReport;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmployeeIdRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "000123|123", "123|123", "' e-000123 '|E123", "E_0042|E42", "000|0", "AB-12-CD|AB12CD", "'   '|NULL"})
    void canonical_dropsPaddingSeparatorsAndCase(String number, String canonical) {
        assertThat(EmployeeIdRule.canonical(number)).isEqualTo(canonical);
    }

    @Test
    void key_readsEachSidesOwnAttribute() {
        OnPremUser ad = onPrem("ann", "ann@contoso.com", "000109");
        CloudUser entra = cloud("ann", "ann.x@contoso.com", "109");

        assertThat(EmployeeIdRule.standard().key(ad)).isEqualTo("109");
        assertThat(EmployeeIdRule.standard().key(entra)).isEqualTo("109");
        assertThat(EmployeeIdRule.of("badge", "badge").key(ad)).isNull();
    }

    @Test
    void validation_withTheRule_pairsARenamedUserThatEntraConnectsRulesMiss() {
        OnPremDirectory ad = OnPremDirectory.of("ad", List.of(onPrem("ivy", "ivy.cho@contoso.com", "000109")));
        CloudDirectory entra = CloudDirectory.of("entra", List.of(cloud("ivy", "ivy.chong@contoso.com", "109")));
        SourceAnchor anchor = SourceAnchor.objectGuid();
        EmployeeIdRule rule = EmployeeIdRule.standard();

        try (ValidationReport standard = Validation.builder().anchor(anchor).build().run(ad, entra);
                ValidationReport custom = Validation.builder().anchor(anchor)
                        .rules(MatchRule.hardMatch(anchor), MatchRule.softMatchUserPrincipalName(), rule).build()
                        .run(ad, entra);
                Stream<ValidationFinding> findings = custom.findings()) {
            assertThat(standard.counts().get(MatchOutcome.ONPREM_ONLY)).isEqualTo(1);
            ValidationFinding ivy = findings.findFirst().orElseThrow();
            // Entra never matches on the employee number: the rule finds the pair, remediate-anchors stamps it.
            assertThat(ivy.outcome()).isEqualTo(MatchOutcome.CUSTOM_MATCH_ONLY);
            assertThat(ivy.rule()).isEqualTo(rule.name()).isEqualTo("employeeNumber(employeeID,employeeId)");
            assertThat(ivy.cloudUserPrincipalName()).isEqualTo("ivy.chong@contoso.com");
        }
    }

    private static OnPremUser onPrem(String name, String upn, String employeeId) {
        return OnPremUser.builder().distinguishedName("CN=" + name + ",DC=contoso,DC=com").userPrincipalName(upn)
                .samAccountName(name)
                .objectGuid(ObjectGuid.fromUuid(java.util.UUID.nameUUIDFromBytes(name.getBytes())))
                .attributes(Attributes.builder().add("employeeID", employeeId).build()).build();
    }

    private static CloudUser cloud(String name, String upn, String employeeId) {
        return CloudUser.builder().id("id-" + name).userPrincipalName(upn)
                .attributes(Attributes.builder().add("EmployeeId", employeeId).build()).build();
    }
}
