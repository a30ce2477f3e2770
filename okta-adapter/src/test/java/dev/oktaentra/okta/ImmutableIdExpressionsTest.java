package dev.oktaentra.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.provisioning.ImmutableIdMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImmutableIdExpressionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hasDirectoryUser()?findDirectoryUser().externalId:null                                    | objectGUID
            hasDirectoryUser() ? findDirectoryUser().externalId : null                                | objectGUID
            hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")          | objectGUID
            String.len(active_directory.externalId) > 0 ? active_directory.externalId : String.len(active_directory_gfuif63.externalId) > 0 ? active_directory_gfuif63.externalId : null | objectGUID
            hasDirectoryUser()?findDirectoryUser().msDSConsistencyGuid:null                           | mS-DS-ConsistencyGuid
            user.mSDSConsistencyGuid                                                                  | mS-DS-ConsistencyGuid
            user.ms_ds_consistencyguid != null ? user.ms_ds_consistencyguid : findDirectoryUser().externalId | mS-DS-ConsistencyGuid
            user.employeeNumber                                                                       | employeeNumber
            hasDirectoryUser()?findDirectoryUser().employeeID:null                                    | employeeID
            """)
    void classify_namesTheSourceAttribute(String expression, String attribute) {
        ImmutableIdMapping mapping = ImmutableIdExpressions.classify("0oa1", expression, "PUSH");

        assertThat(mapping.sourceAttribute()).isEqualTo(attribute);
        assertThat(mapping.expression()).isEqualTo(expression);
        assertThat(mapping.explanation()).isNotBlank().endsWith("Push status PUSH.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user.firstName + user.lastName", "\"constant\"", "String.toUpperCase(\"x\")"})
    void classify_leavesAmbiguousExpressionsOpenAndQuotesThem(String expression) {
        ImmutableIdMapping mapping = ImmutableIdExpressions.classify("0oa1", expression, null);

        assertThat(mapping.sourceAttribute()).isNull();
        assertThat(mapping.explanation()).contains("cannot be told").contains(expression);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void classify_withoutExpressionSaysSo(String expression) {
        ImmutableIdMapping mapping = ImmutableIdExpressions.classify("0oa1", expression, null);

        assertThat(mapping.expression()).isNull();
        assertThat(mapping.sourceAttribute()).isNull();
        assertThat(mapping.explanation()).contains("no expression for immutableId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty(\"id\")",
            "hasDirectoryUser()?findDirectoryUser().externalId:user.id"})
    void classify_warnsThatUsersWithoutAnAdLinkGetAnOktaId(String expression) {
        assertThat(ImmutableIdExpressions.classify("0oa1", expression, null).explanation())
                .contains("Users without an AD link get an Okta id instead");
    }

    @ParameterizedTest
    @ValueSource(strings = "hasDirectoryUser()?findDirectoryUser().externalId:null")
    void classify_dontPushMeansSetOnCreateOnly(String expression) {
        assertThat(ImmutableIdExpressions.classify("0oa1", expression, "DONT_PUSH").explanation())
                .contains("sets immutableId when it creates a user and never updates it");
    }
}
