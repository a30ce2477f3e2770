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
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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

    /** Longest message a refusal may have: the quoted input is capped, the reasons are short. */
    private static final int SANE_MESSAGE = 400;

    private static final ObjectGuid SOME_GUID = ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39");

    @Property(tries = 3000)
    void arbitraryText_parsesOrThrowsInvalidAnchorException(@ForAll("hostileTextOrNull") String text) {
        for (Function<String, ?> parser : java.util.List.<Function<String, ?>>of(
                ObjectGuid::parse, ImmutableId::of, ImmutableId::ofString, ImmutableId::fromConnectorSpaceDn,
                AnchorConversion::ofStringAnchor, Anchors::detect, Anchors::convert, Anchors::immutableId,
                Anchors::objectGuid, t -> Anchors.explainMismatch(SOME_GUID, t),
                t -> Anchors.explainMismatch(ImmutableId.ofString("E100234"), t))) {
            Throwable thrown = catchThrowable(() -> parser.apply(text));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(InvalidAnchorException.class);
                assertThat(thrown.getMessage()).hasSizeLessThanOrEqualTo(SANE_MESSAGE);
            }
        }
    }

    /** Whatever convert accepts gives a DN and an LDAP filter value that hold the text itself, never a {@code ?}. */
    @Property(tries = 2000)
    void convert_givesAConnectorSpaceDnThatReadsBack(@ForAll("hostileText") String text) {
        Throwable thrown = catchThrowable(() -> Anchors.convert(text));
        if (thrown == null) {
            AnchorConversion forms = Anchors.convert(text);
            assertThat(ImmutableId.fromConnectorSpaceDn(forms.connectorSpaceDn())).isEqualTo(forms.immutableId());
        }
    }

    /** A text in the 8-4-4-4-12 shape with a character that is not a hex digit is a mistyped GUID, never a string. */
    @Property(tries = 2000)
    void guidShapeWithANonHexCharacter_isRefusedNamingIt(@ForAll("guidShapes") String body,
            @ForAll("guidWrappers") String wrapper) {
        Assume.that(body.chars().filter(c -> c != '-').anyMatch(c -> Character.digit(c, 16) < 0 || c >= 128));
        String text = wrapper.equals("{}") ? "{" + body + "}" : wrapper.equals("()") ? "(" + body + ")"
                : wrapper + body;
        // Whitespace at an end is reported first, as another test checks.
        Assume.that(!AnchorText.isWhitespace(text.charAt(0))
                && !AnchorText.isWhitespace(text.charAt(text.length() - 1)));

        assertThat(catchThrowable(() -> Anchors.detect(text))).isInstanceOf(InvalidAnchorException.class)
                .hasMessageStartingWith("Not a GUID: ").hasMessageContaining(" at position ")
                .hasMessageContaining("AnchorConversion.ofStringAnchor");
    }

    @Property(tries = 1000)
    void whitespaceAroundAnyValue_isRefusedSayingSo(@ForAll("validValues") String value,
            @ForAll("whitespace") String before, @ForAll("whitespace") String after) {
        Assume.that(!before.isEmpty() || !after.isEmpty());
        String text = before + value + after;

        for (Function<String, ?> parser : java.util.List.<Function<String, ?>>of(Anchors::detect, Anchors::convert,
                ObjectGuid::parse)) {
            assertThat(catchThrowable(() -> parser.apply(text))).isInstanceOf(InvalidAnchorException.class)
                    .hasMessageContaining("has whitespace around it (");
        }
        assertThat(Anchors.explainMismatch(SOME_GUID, before + SOME_GUID.toImmutableId().value() + after))
                .isEqualTo(MismatchCause.SURROUNDING_WHITESPACE);
    }

    @Property(tries = 2000)
    void convert_isConsistentWithDetect(@ForAll("hostileText") String text) {
        Throwable thrown = catchThrowable(() -> Anchors.detect(text));
        if (thrown == null) {
            AnchorConversion forms = Anchors.convert(text);
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

    @Provide
    Arbitrary<String> hostileTextOrNull() {
        return hostileText().injectNull(0.02);
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
        Arbitrary<String> wrappedShape = Combinators.combine(guidShapes(), guidWrappers())
                .as((body, wrapper) -> wrapper.equals("{}") ? "{" + body + "}"
                        : wrapper.equals("()") ? "(" + body + ")" : wrapper + body);
        Arbitrary<String> paddedValue = Combinators.combine(whitespace(), validValues(), whitespace())
                .as((before, value, after) -> before + value + after);
        Arbitrary<String> nonAsciiInside = Combinators.combine(validValues(), unusualChars(),
                Arbitraries.integers().between(0, 100))
                .as((value, c, at) -> value.substring(0, at % (value.length() + 1)) + c
                        + value.substring(at % (value.length() + 1)));
        return Arbitraries.oneOf(noise, anchorish, mutatedGuid, mutatedId, mutatedDn, wrappedShape, paddedValue,
                nonAsciiInside);
    }

    /** The 8-4-4-4-12 shape, mostly hex digits, now and then any character at all (surrogates included). */
    @Provide
    Arbitrary<String> guidShapes() {
        Arbitrary<Character> digit = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("0123456789abcdefABCDEF".chars().mapToObj(c -> (char) c)
                        .toArray(Character[]::new))),
                Tuple.of(1, Arbitraries.of('O', 'o', 'l', 'I', 'g', 'G', 'z', '-', ' ', '\uff10', '\u0660')),
                Tuple.of(1, Arbitraries.chars().all()));
        Arbitrary<String> group8 = digit.list().ofSize(8).map(AnchorPropertiesTest::join);
        Arbitrary<String> group4 = digit.list().ofSize(4).map(AnchorPropertiesTest::join);
        Arbitrary<String> group12 = digit.list().ofSize(12).map(AnchorPropertiesTest::join);
        return Combinators.combine(group8, group4, group4, group4, group12)
                .as((a, b, c, d, e) -> a + "-" + b + "-" + c + "-" + d + "-" + e);
    }

    /** How a GUID is wrapped: not at all, braces, parentheses, or a {@code urn:uuid:} prefix in either case. */
    @Provide
    Arbitrary<String> guidWrappers() {
        return Arbitraries.of("", "{}", "()", "urn:uuid:", "URN:UUID:");
    }

    /** Every form a GUID anchor is written in, and a string anchor. */
    @Provide
    Arbitrary<String> validValues() {
        return uuids().map(ObjectGuid::fromUuid).flatMap(guid -> Arbitraries.of(guid.toString(), "{" + guid + "}",
                "(" + guid + ")", "urn:uuid:" + guid, guid.toString().replace("-", ""), guid.toImmutableId().value(),
                "0x" + guid.toHex(), guid.toLdapFilterValue(), guid.toImmutableId().toConnectorSpaceDn(), "E100234"));
    }

    /** Nothing, or whitespace as pastes carry it: spaces, tabs, line breaks, Unicode spaces, a byte-order mark. */
    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.of("", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\ufeff", "\u2003", "\u3000", "\u2028",
                "\u202f", "\u000b");
    }

    /** Non-ASCII characters, lone surrogates and whole pairs, look-alike digits and invisible format characters. */
    Arbitrary<String> unusualChars() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0080', '\uffff').map(String::valueOf),
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf),
                Arbitraries.of("\ud83d\ude00", "\u200b", "\u202e", "\u0130", "\u0131", "\uff10", "\u00e9"));
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(out::append);
        return out.toString();
    }
}
