package dev.oktaentra.core.directory;

import java.util.List;

/**
 * Writes attributes, compare-and-set, for remediation. Implementations check each write's {@code before} against
 * the directory's current value and write only when they still agree (an LDAP assertion control, a read-compare-write
 * with a guard, …). They never delete an object.
 *
 * <p>The migration journal records every result with its before-value, so a write can be rolled back with
 * {@link AttributeWrite#inverse()}. A write whose answer is lost (no answer, or a server error after the retries) is
 * read back before it is reported: one that took effect is {@link WriteStatus#APPLIED}, never FAILED, or the
 * journal would not know it stands and a rollback would leave it.
 */
public interface DirectoryWriter {

    /**
     * Applies writes, in order. A failure of one write does not stop the others; each gets its own result.
     * Implementations may batch (Graph sends up to 20 per request).
     *
     * @param writes the writes
     * @return one result per write, in the same order
     */
    List<WriteResult> write(List<AttributeWrite> writes);

    /**
     * The attributes this writer can write, e.g. {@code mS-DS-ConsistencyGuid} and {@code mail}. A write of any
     * other attribute is {@link WriteStatus#REFUSED}.
     *
     * @return attribute names, case as the directory spells them
     */
    List<String> writableAttributes();

    /**
     * What this writer writes to, for reports. Never contains credentials.
     *
     * @return the description
     */
    String name();
}
