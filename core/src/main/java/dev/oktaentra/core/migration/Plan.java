package dev.oktaentra.core.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a step would do: the changes it would write and the instructions a person must follow. Planning writes
 * nothing to any directory; a plan is recorded in the journal, reviewed, and applied only by its id and checksum.
 *
 * @param id a unique id
 * @param stepId the step that planned it
 * @param createdAt when
 * @param rollback whether it undoes earlier changes of the step
 * @param changes the writes, in order
 * @param instructions steps a person must take (a manual step, or an app the API cannot switch), possibly none
 * @param checksum SHA-256 of the step id, the rollback flag and every change (its kind included), as hex; what
 *        {@code apply} checks
 */
public record Plan(String id, String stepId, Instant createdAt, boolean rollback, List<Change> changes,
        List<String> instructions, String checksum) {

    /**
     * Checks the components and freezes the lists.
     *
     * @param id a unique id
     * @param stepId the step that planned it
     * @param createdAt when
     * @param rollback whether it undoes earlier changes of the step
     * @param changes the writes, in order
     * @param instructions steps a person must take (a manual step, or an app the API cannot switch), possibly none
     * @param checksum SHA-256 of the step id, the rollback flag and every change (its kind included), as hex; what
     *        {@code apply} checks
     */
    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(createdAt, "createdAt");
        changes = List.copyOf(changes);
        instructions = List.copyOf(instructions);
        Objects.requireNonNull(checksum, "checksum");
    }

    /**
     * A new plan with a fresh id and its checksum.
     *
     * @param stepId the step
     * @param createdAt when
     * @param rollback whether it undoes earlier changes
     * @param changes the writes
     * @param instructions steps for a person
     * @return the plan
     */
    public static Plan of(String stepId, Instant createdAt, boolean rollback, List<Change> changes,
            List<String> instructions) {
        return new Plan(UUID.randomUUID().toString(), stepId, createdAt, rollback, changes, instructions,
                checksumOf(stepId, rollback, changes));
    }

    /**
     * Whether the checksum still matches the content: a plan edited in the journal no longer does.
     *
     * @return true when intact
     */
    public boolean intact() {
        return checksum.equals(checksumOf(stepId, rollback, changes));
    }

    /**
     * Whether there is anything to write.
     *
     * @return true when the plan has no changes
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    static String checksumOf(String stepId, boolean rollback, List<Change> changes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((stepId + "\n" + rollback + "\n").getBytes(StandardCharsets.UTF_8));
            for (Change change : changes) {
                // The kind's name is covered unless the system and attribute imply it, as in plans recorded before
                // kinds were named: those still check out, and no kind can be swapped for another unnoticed.
                String kind = LegacyChanges.implied(change.kind(), change.attribute()) ? ""
                        : "|" + change.kind().name();
                sha.update((change.id() + "|" + change.system() + "|" + change.target() + "|" + change.attribute()
                        + "|" + change.before() + "|" + change.after() + kind + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
