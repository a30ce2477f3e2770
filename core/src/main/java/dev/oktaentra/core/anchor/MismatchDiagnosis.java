package dev.oktaentra.core.anchor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Tries each known conversion mistake in turn against a cloud value. Only mismatches reach this code, so clarity
 * wins over speed: each check recomputes what it needs.
 */
final class MismatchDiagnosis {

    private MismatchDiagnosis() {
    }

    static MismatchCause explain(ImmutableId expected, String cloud) {
        String want = expected.value();
        if (cloud.equals(want)) {
            return MismatchCause.NONE;
        }
        String stripped = AnchorText.strip(cloud);
        if (!stripped.equals(cloud) && !stripped.isEmpty()) {
            // Whitespace is the lesser fault: report a deeper mistake under it when there is one.
            MismatchCause inner = explain(expected, stripped);
            return inner == MismatchCause.NONE ? MismatchCause.SURROUNDING_WHITESPACE : inner;
        }
        if (cloud.equalsIgnoreCase(want)) {
            return MismatchCause.CASE_CHANGED;
        }
        boolean urlSafe = cloud.indexOf('-') >= 0 || cloud.indexOf('_') >= 0;
        if (urlSafe && toStandardAlphabet(cloud).equals(want)) {
            return MismatchCause.URL_SAFE_BASE64;
        }
        if (urlSafe && padded(toStandardAlphabet(cloud)).equals(want)) {
            return MismatchCause.URL_SAFE_BASE64;
        }
        if (isPaddingDropped(cloud, want)) {
            return MismatchCause.MISSING_PADDING;
        }
        byte[] bytes = expected.decodeBinary().orElse(null);
        if (bytes == null) {
            return MismatchCause.UNRELATED;
        }
        if (bytes.length == ObjectGuid.LENGTH) {
            MismatchCause guidCause = explainGuid(ObjectGuid.of(bytes), cloud);
            if (guidCause != null) {
                return guidCause;
            }
        }
        if (cloud.equalsIgnoreCase(Codec.hex(bytes, false))) {
            return MismatchCause.HEX_INSTEAD_OF_BASE64;
        }
        return MismatchCause.UNRELATED;
    }

    /** The GUID-only mistakes, or {@code null} when none fits. */
    private static MismatchCause explainGuid(ObjectGuid guid, String cloud) {
        String normalised = padded(toStandardAlphabet(cloud));
        if (normalised.equals(Base64.getEncoder().encodeToString(bigEndian(guid)))) {
            return MismatchCause.BYTE_ORDER;
        }
        String text = guid.toString();
        String upper = text.toUpperCase(Locale.ROOT);
        for (String form : new String[] {text, upper, "{" + text + "}", "{" + upper + "}"}) {
            if (normalised.equals(Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)))) {
                return MismatchCause.GUID_TEXT_BASE64;
            }
        }
        String digitsOnly = cloud.replace("-", "");
        if (digitsOnly.equalsIgnoreCase(text.replace("-", "")) || cloud.equalsIgnoreCase("{" + text + "}")) {
            return MismatchCause.HEX_INSTEAD_OF_BASE64;
        }
        return null;
    }

    private static byte[] bigEndian(ObjectGuid guid) {
        return ByteBuffer.allocate(ObjectGuid.LENGTH)
                .putLong(guid.toUuid().getMostSignificantBits())
                .putLong(guid.toUuid().getLeastSignificantBits())
                .array();
    }

    private static String toStandardAlphabet(String value) {
        return value.replace('-', '+').replace('_', '/');
    }

    /** Whether {@code cloud} is {@code want} without one or both of the {@code '='} that end it. */
    private static boolean isPaddingDropped(String cloud, String want) {
        int dropped = want.length() - cloud.length();
        if (dropped < 1 || dropped > 2 || !want.startsWith(cloud)) {
            return false;
        }
        return want.endsWith("=".repeat(dropped));
    }

    private static String padded(String value) {
        int missing = (4 - value.length() % 4) % 4;
        return missing == 3 ? value : value + "==".substring(0, missing);
    }
}
