package dev.oktaentra.core.anchor;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The null contract of the package: a null text or byte array is an unreadable input like any other
 * ({@link InvalidAnchorException}, "(no value)" or "(no bytes)"); a null object argument is a programming error
 * ({@link NullPointerException} naming the parameter).
 */
class AnchorNullsTest {

    private static final ObjectGuid GUID = ObjectGuid.parse("3ab39606-c642-489b-84b6-58c038d3ef39");

    @Test
    void everyMethodTakingATextOrBytes_refusesNullWithInvalidAnchorException() {
        List<ThrowingCallable> calls = List.of(
                () -> Anchors.immutableId(null),
                () -> Anchors.objectGuid(null),
                () -> Anchors.detect(null),
                () -> Anchors.convert(null),
                () -> Anchors.explainMismatch(GUID, null),
                () -> Anchors.explainMismatch(GUID.toImmutableId(), null),
                () -> ObjectGuid.parse(null),
                () -> ObjectGuid.of(null),
                () -> ImmutableId.of(null),
                () -> ImmutableId.ofString(null),
                () -> ImmutableId.ofBytes(null),
                () -> ImmutableId.fromConnectorSpaceDn(null),
                () -> AnchorConversion.ofStringAnchor(null));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(InvalidAnchorException.class).hasMessageMatching(".*: null \\(no (value|bytes)\\)")
                    .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidAnchorException) e).input())
                            .isEqualTo("null"));
        }
    }

    @Test
    void aNullObjectArgument_throwsNullPointerExceptionNamingTheParameter() {
        assertThatNullPointerException().isThrownBy(() -> Anchors.explainMismatch((ObjectGuid) null, "x"))
                .withMessage("expected");
        assertThatNullPointerException().isThrownBy(() -> Anchors.explainMismatch((ImmutableId) null, "x"))
                .withMessage("expected");
        assertThatNullPointerException().isThrownBy(() -> ImmutableId.ofObjectGuid(null)).withMessage("guid");
        assertThatNullPointerException().isThrownBy(() -> ObjectGuid.fromUuid(null)).withMessage("uuid");
        assertThatNullPointerException().isThrownBy(() -> ObjectGuid.random(null)).withMessage("random");
    }
}
