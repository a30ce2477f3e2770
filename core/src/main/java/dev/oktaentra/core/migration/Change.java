package dev.oktaentra.core.migration;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One planned write: an attribute (or setting) of one target goes from {@code before} to {@code after}, for a reason
 * a person can check. Its {@link ChangeKind} owns how it is written, read back and undone; the values are text, for
 * people (plan files, the journal), e.g. GUID-valued attributes such as {@code mS-DS-ConsistencyGuid} as GUID text.
 * Steps make changes through the kinds' factories, e.g. {@link CloudAttribute#immutableId}.
 *
 * @param id a digest of the other components, so that the same change planned twice has the same id
 * @param kind what kind of change it is, and so how it is written
 * @param target the object: a DN on-prem, an object id in Entra ID, an app id, or {@code tenant}/a job id
 * @param attribute the attribute, e.g. {@code onPremisesImmutableId}, {@code mail}, {@code provisioning}
 * @param before the value the plan saw, {@code null} when empty
 * @param after the value to write, {@code null} to clear
 * @param reason why, e.g. {@code ANCHOR_MISMATCH (BYTE_ORDER): jane@contoso.com}
 */
@JsonSerialize(using = ChangeJson.Writer.class)
@JsonDeserialize(using = ChangeJson.Reader.class)
public record Change(String id, ChangeKind kind, String target, String attribute, String before, String after,
        String reason) {

    /**
     * Checks the required components.
     *
     * @param id a digest of the other components, so that the same change planned twice has the same id
     * @param kind what kind of change it is, and so how it is written
     * @param target the object: a DN on-prem, an object id in Entra ID, an app id, or {@code tenant}/a job id
     * @param attribute the attribute, e.g. {@code onPremisesImmutableId}, {@code mail}, {@code provisioning}
     * @param before the value the plan saw, {@code null} when empty
     * @param after the value to write, {@code null} to clear
     * @param reason why, e.g. {@code ANCHOR_MISMATCH (BYTE_ORDER): jane@contoso.com}
     */
    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(attribute, "attribute");
        if (Objects.equals(before, after)) {
            throw new IllegalArgumentException("A change of " + attribute + " on " + target + " must change it");
        }
        reason = reason == null ? "" : reason;
    }

    /**
     * A change with its id computed from its content. The kinds' own factories (e.g.
     * {@link OnPremAttribute#change}) are shorter.
     *
     * @param kind the kind, which writes it
     * @param target the object
     * @param attribute the attribute
     * @param before the value the plan saw, or {@code null}
     * @param after the value to write, or {@code null}
     * @param reason why
     * @return the change
     */
    public static Change of(ChangeKind kind, String target, String attribute, String before, String after,
            String reason) {
        Objects.requireNonNull(kind, "kind");
        if (kind.system() == null) {
            throw new IllegalArgumentException("The change kind " + kind.name() + " names no system it writes to");
        }
        return new Change(digest(kind, target, attribute, before, after), kind, target, attribute, before, after,
                reason);
    }

    /**
     * Where it is written: its kind's system.
     *
     * @return the system
     */
    public TargetSystem system() {
        return kind.system();
    }

    /** Whether two changes touch the same attribute of the same object, through the same kind. */
    boolean sameSlot(Change other) {
        return kind.name().equals(other.kind.name()) && target.equals(other.target)
                && attribute.equalsIgnoreCase(other.attribute);
    }

    /**
     * The digest covers the system, target, attribute and values, and the kind's name unless the kind follows from
     * the system and attribute ({@link LegacyChanges}): so a built-in change keeps the id it had before kinds were
     * named, and a plan recorded then is found again, change by change, by a fresh plan.
     */
    private static String digest(ChangeKind kind, String target, String attribute, String before, String after) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String named = LegacyChanges.implied(kind, attribute) ? null : kind.name();
            for (String part : new String[] {kind.system().name(), target, attribute, before, after}) {
                sha.update(part == null ? new byte[] {0} : ("\u0001" + part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            if (named != null) {
                sha.update(("\u0002" + named).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
