package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.anchor.Anchors;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.anchor.ObjectGuid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The wrong ImmutableIDs scripts and tools really produce, one per {@link MismatchCause}, to seed a rehearsal with.
 * Each value is checked against core's own diagnosis, so a seeded mismatch always shows under its cause.
 */
final class WrongAnchors {

    private WrongAnchors() {
    }

    /** Whether {@link #of} can plant this cause on a user with this objectGUID. */
    static boolean plantable(MismatchCause cause, ObjectGuid guid) {
        if (cause == MismatchCause.URL_SAFE_BASE64) {
            String right = guid.toImmutableId().value();
            return right.indexOf('+') >= 0 || right.indexOf('/') >= 0;
        }
        // CONSISTENCY_GUID_DIFFERS is no conversion mistake: it needs an mS-DS-ConsistencyGuid, not a wrong value.
        return cause != MismatchCause.NONE && cause != MismatchCause.UNRELATED
                && cause != MismatchCause.CONSISTENCY_GUID_DIFFERS;
    }

    /**
     * The value a tool with this mistake computes from the objectGUID.
     *
     * @throws IllegalArgumentException when the cause cannot be planted on this GUID
     * @throws IllegalStateException when core diagnoses the value differently (a bug here or there)
     */
    static String of(MismatchCause cause, ObjectGuid guid) {
        if (!plantable(cause, guid)) {
            throw new IllegalArgumentException("Cannot plant " + cause + " on " + guid);
        }
        String right = guid.toImmutableId().value();
        String wrong = switch (cause) {
            case BYTE_ORDER -> Base64.getEncoder().encodeToString(ByteBuffer.allocate(ObjectGuid.LENGTH)
                    .putLong(guid.toUuid().getMostSignificantBits())
                    .putLong(guid.toUuid().getLeastSignificantBits()).array());
            case GUID_TEXT_BASE64 -> Base64.getEncoder().encodeToString(
                    guid.toString().getBytes(StandardCharsets.US_ASCII));
            case URL_SAFE_BASE64 -> right.replace('+', '-').replace('/', '_');
            case MISSING_PADDING -> right.replace("=", "");
            case HEX_INSTEAD_OF_BASE64 -> HexFormat.of().formatHex(guid.bytes());
            case CASE_CHANGED -> swapCase(right);
            case SURROUNDING_WHITESPACE -> right + " ";
            default -> throw new IllegalArgumentException(cause.name());
        };
        MismatchCause diagnosed = Anchors.explainMismatch(guid, wrong);
        if (diagnosed != cause) {
            throw new IllegalStateException("Planted " + cause + " as '" + wrong + "' for " + guid + ", but core "
                    + "diagnoses " + diagnosed);
        }
        return wrong;
    }

    private static String swapCase(String value) {
        StringBuilder swapped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
