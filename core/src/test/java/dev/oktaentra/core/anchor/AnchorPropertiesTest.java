package dev.oktaentra.core.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties every anchor form must keep, over generated values. */
class AnchorPropertiesTest {

    @Property(tries = 2000)
    void sixteenBytes_roundTripThroughEveryForm(@ForAll @Size(16) byte[] bytes) {
        ObjectGuid guid = ObjectGuid.of(bytes);

        assertThat(guid.bytes()).containsExactly(bytes);
        assertThat(ObjectGuid.parse(guid.toString())).isEqualTo(guid);
        assertThat(ObjectGuid.parse(guid.toString().toUpperCase(Locale.ROOT))).isEqualTo(guid);
        assertThat(ObjectGuid.parse("{" + guid + "}")).isEqualTo(guid);
        assertThat(ObjectGuid.parse(guid.toString().replace("-", ""))).isEqualTo(guid);
        assertThat(ObjectGuid.parse("urn:uuid:" + guid)).isEqualTo(guid);
        assertThat(ObjectGuid.fromUuid(guid.toUuid())).isEqualTo(guid);
        assertThat(guid.toImmutableId().toObjectGuid()).hasValue(guid);
        assertThat(ImmutableId.fromConnectorSpaceDn(guid.toImmutableId().toConnectorSpaceDn()))
                .isEqualTo(guid.toImmutableId());
        assertThat(Anchors.objectGuid(guid.toImmutableId().value())).isEqualTo(guid);
        assertThat(Anchors.objectGuid("0x" + guid.toHex())).isEqualTo(guid);
        assertThat(Anchors.objectGuid(guid.toLdapFilterValue())).isEqualTo(guid);
        assertThat(Anchors.objectGuid(guid.toImmutableId().toConnectorSpaceDn())).isEqualTo(guid);
    }

    @Property(tries = 2000)
    void immutableId_equalsAnIndependentLittleEndianComputation(@ForAll("uuids") UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        ByteBuffer wire = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        wire.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        wire.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        String independent = Base64.getEncoder().encodeToString(wire.array());

        assertThat(Anchors.immutableId(uuid.toString())).isEqualTo(independent);
        assertThat(ObjectGuid.fromUuid(uuid).toImmutableId().value()).isEqualTo(independent);
    }

    @Property(tries = 1000)
    void anyBytes_roundTripThroughBase64AndConvert(@ForAll @Size(min = 1, max = 64) byte[] bytes) {
        ImmutableId id = ImmutableId.ofBytes(bytes);

        assertThat(id.value()).isEqualTo(Base64.getEncoder().encodeToString(bytes));
        assertThat(id.decodeBinary()).hasValueSatisfying(decoded -> assertThat(decoded).containsExactly(bytes));
        assertThat(ImmutableId.fromConnectorSpaceDn(id.toConnectorSpaceDn())).isEqualTo(id);
    }

    @Property(tries = 3000)
    void arbitraryText_parsesOrThrowsInvalidAnchorException(@ForAll("hostileText") String text) {
        for (Function<String, ?> parser : java.util.List.<Function<String, ?>>of(
                ObjectGuid::parse, ImmutableId::of, ImmutableId::fromConnectorSpaceDn,
                Anchors::detect, Anchors::convert, Anchors::immutableId, Anchors::objectGuid)) {
            Throwable thrown = catchThrowable(() -> parser.apply(text));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(InvalidAnchorException.class);
                assertThat(thrown.getMessage()).hasSizeLessThan(400);
            }
        }
    }

    @Property(tries = 2000)
    void convert_isConsistentWithDetect(@ForAll("hostileText") String text) {
        Throwable thrown = catchThrowable(() -> Anchors.detect(text));
        if (thrown == null) {
            AnchorForms forms = Anchors.convert(text);
            assertThat(forms.format()).isEqualTo(Anchors.detect(text));
            assertThat(forms.immutableId()).isNotNull();
            assertThat(forms.objectGuid() == null || forms.objectGuid().toImmutableId().equals(forms.immutableId()))
                    .isTrue();
        }
    }

    @Property(tries = 2000)
    void explainMismatch_isNoneExactlyWhenEqual(@ForAll @Size(16) byte[] bytes, @ForAll("hostileText") String cloud) {
        ObjectGuid guid = ObjectGuid.of(bytes);

        assertThat(Anchors.explainMismatch(guid, cloud) == MismatchCause.NONE)
                .isEqualTo(cloud.equals(guid.toImmutableId().value()));
        assertThat(Anchors.explainMismatch(guid, guid.toImmutableId().value())).isEqualTo(MismatchCause.NONE);
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    }

    /** Mostly near-misses of real forms, so the parsers' edge cases are reached, plus pure noise. */
    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> anchorish = Arbitraries.strings()
                .withChars("0123456789abcdefABCDEF-{}()\\xX:= +/_CNn".toCharArray())
                .ofMaxLength(50);
        Arbitrary<String> mutatedGuid = Arbitraries.longs().tuple2()
                .map(t -> new UUID(t.get1(), t.get2()).toString())
                .flatMap(s -> Arbitraries.integers().between(0, s.length() - 1)
                        .flatMap(i -> Arbitraries.chars().all().map(c -> s.substring(0, i) + c + s.substring(i + 1))));
        Arbitrary<String> mutatedId = Arbitraries.bytes().array(byte[].class).ofSize(16)
                .map(b -> Base64.getEncoder().encodeToString(b))
                .flatMap(s -> Arbitraries.integers().between(0, s.length())
                        .map(i -> s.substring(0, i)));
        Arbitrary<String> mutatedDn = anchorish.map(s -> "CN={" + s + "}");
        return Arbitraries.oneOf(noise, anchorish, mutatedGuid, mutatedId, mutatedDn);
    }
}
