package dev.oktaentra.core.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One planned write: an attribute of one object goes from {@code before} to {@code after}, for a reason a person
 * can check. Values are text: GUID-valued attributes such as {@code mS-DS-ConsistencyGuid} as GUID text.
 *
 * @param id a digest of the other components, so that the same change planned twice has the same id
 * @param system where it is written
 * @param target the object: a DN on-prem, an object id in Entra ID, an app id, or {@code tenant}/a job id
 * @param attribute the attribute, e.g. {@code onPremisesImmutableId}, {@code mail}, {@code provisioning}
 * @param before the value the plan saw, {@code null} when empty
 * @param after the value to write, {@code null} to clear
 * @param reason why, e.g. {@code ANCHOR_MISMATCH (BYTE_ORDER): jane@contoso.com}
 */
public record Change(String id, TargetSystem system, String target, String attribute, String before, String after,
        String reason) {

    /** Checks the required components. */
    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(attribute, "attribute");
        if (Objects.equals(before, after)) {
            throw new IllegalArgumentException("A change of " + attribute + " on " + target + " must change it");
        }
        reason = reason == null ? "" : reason;
    }

    /**
     * A change with its id computed from its content.
     *
     * @param system where it is written
     * @param target the object
     * @param attribute the attribute
     * @param before the value the plan saw, or {@code null}
     * @param after the value to write, or {@code null}
     * @param reason why
     * @return the change
     */
    public static Change of(TargetSystem system, String target, String attribute, String before, String after,
            String reason) {
        return new Change(digest(system, target, attribute, before, after), system, target, attribute, before, after,
                reason);
    }

    /**
     * The change that undoes this one.
     *
     * @param reason why
     * @return the inverse, with its own id
     */
    public Change inverse(String reason) {
        return of(system, target, attribute, after, before, reason);
    }

    /** Whether two changes touch the same attribute of the same object. */
    boolean sameSlot(Change other) {
        return system == other.system && target.equals(other.target) && attribute.equalsIgnoreCase(other.attribute);
    }

    private static String digest(TargetSystem system, String target, String attribute, String before, String after) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {system.name(), target, attribute, before, after}) {
                sha.update(part == null ? new byte[] {0} : ("\u0001" + part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
