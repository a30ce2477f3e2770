package dev.oktaentra.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.OnPremUser;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SourceAnchorTest {

    private static final byte[] SID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, (byte) 0xa1, (byte) 0xb2, 0x3c, 0x4d,
        0x5e, 0x6f, 0x70, (byte) 0x81, (byte) 0x92, (byte) 0xa3, (byte) 0xb4, (byte) 0xc5, 0x51, 0x04, 0, 0};
    private static final String SID_BASE64 = Base64.getEncoder().encodeToString(SID);

    @Test
    void binaryAttribute_isTheBase64OfRawBytes() {
        OnPremUser user = user(Attributes.builder().add("objectSid", SID).build());

        assertThat(SourceAnchor.binaryAttribute("objectSid").expected(user)).contains(ImmutableId.of(SID_BASE64));
    }

    @Test
    void binaryAttribute_decodesTheTextFormsAnExportWrites() {
        String hex = "0x" + HexFormat.of().formatHex(SID);
        SourceAnchor anchor = SourceAnchor.binaryAttribute("objectSid");

        assertThat(anchor.expected(user(Attributes.builder().add("objectSid", SID_BASE64).build())))
                .contains(ImmutableId.of(SID_BASE64));
        assertThat(anchor.expected(user(Attributes.builder().add("OBJECTSID", hex).build())))
                .contains(ImmutableId.of(SID_BASE64));
        assertThat(anchor.expected(user(Attributes.builder().add("objectSid", "3ab39606-c642-489b-84b6-58c038d3ef39")
                .build()))).contains(ImmutableId.of("BpazOkLGm0iEtljAONPvOQ=="));
    }

    @Test
    void binaryAttribute_isEmptyWithoutTheAttributeAndRefusesText() {
        SourceAnchor anchor = SourceAnchor.binaryAttribute("objectSid");

        assertThat(anchor.expected(user(Attributes.NONE))).isEmpty();
        assertThatThrownBy(() -> anchor.expected(user(Attributes.builder().add("objectSid", "E100").build())))
                .isInstanceOf(InvalidAnchorException.class).hasMessageContaining("E100");
    }

    @Test
    void binaryAttribute_parsesFromAndPrintsAsItsCommandLineForm() {
        SourceAnchor anchor = SourceAnchor.binaryAttribute("objectSid");

        assertThat(anchor.kind()).isEqualTo(SourceAnchor.Kind.BINARY_ATTRIBUTE);
        assertThat(anchor.name()).isEqualTo("binary:objectSid");
        assertThat(SourceAnchor.parse("BINARY:objectSid")).isEqualTo(anchor);
    }

    @Test
    void guid_isTheConsistencyGuidFallingBackToTheObjectGuidAndEmptyForAttributeAnchors() {
        ObjectGuid consistency = ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39");
        OnPremUser without = user(Attributes.NONE);
        OnPremUser with = OnPremUser.builder().distinguishedName("CN=Jane,DC=contoso,DC=com")
                .objectGuid(without.objectGuid()).consistencyGuid(consistency).build();

        assertThat(SourceAnchor.objectGuid().guid(with)).contains(without.objectGuid());
        assertThat(SourceAnchor.consistencyGuid().guid(with)).contains(consistency);
        assertThat(SourceAnchor.consistencyGuid().guid(without)).contains(without.objectGuid());
        assertThat(SourceAnchor.consistencyGuid().expected(with)).contains(consistency.toImmutableId());
        assertThat(SourceAnchor.binaryAttribute("objectSid").guid(with)).isEmpty();
        assertThat(SourceAnchor.stringAttribute("employeeID").guid(with)).isEmpty();
    }

    private static OnPremUser user(Attributes attributes) {
        return OnPremUser.builder().distinguishedName("CN=Jane,DC=contoso,DC=com")
                .objectGuid(ObjectGuid.parse("8c4ac332-975f-4717-ad7b-ba4a4e968fff")).attributes(attributes).build();
    }
}
