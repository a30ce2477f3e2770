package dev.oktaentra.core.staging;

import static dev.oktaentra.core.OktaEntraException.quote;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.InvalidAnchorException;
import dev.oktaentra.core.internal.ListFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users whose pending delete a person has reviewed: they left the organisation, and their cloud user may go.
 * Microsoft's tutorial asks for this review before leaving staging mode ("Migrate Okta sync provisioning to Microsoft
 * Entra Connect synchronization", https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning,
 * section "Install Microsoft Entra Connect in staging mode": "14. Verify no pending deletions in the export." and
 * "21. Record objects pending deletion and their on-premises values."). The review itself is the person's: the
 * staging report lists a listed user's delete as {@link StagingFindingKind#REVIEWED_DELETE}, never hides it.
 *
 * <p>A file of reviewed leavers holds one object a line, as the staging report shows it: its sourceAnchor (the
 * ImmutableID, e.g. {@code QF5HMK7n80qvdYsUPIHa9Q==}) or its connector-space DN ({@code CN={…}}, the {@code csDn}
 * column). Blank lines and lines starting with {@code #} are ignored; surrounding whitespace and a byte-order mark
 * are dropped. An on-prem DN ({@code CN=Jane,OU=…}) is refused: the deleted object is no longer on-prem to be found
 * by it.
 */
public final class ReviewedLeavers {

    private static final ReviewedLeavers NONE = new ReviewedLeavers(Set.of(), "(no reviewed leavers)");
    private static final Pattern ON_PREM_DN = Pattern.compile("(?i)^(CN|OU|DC|UID)=[^,]*,\\s*\\w+=.*");

    private final Set<ImmutableId> anchors;
    private final String source;

    private ReviewedLeavers(Set<ImmutableId> anchors, String source) {
        this.anchors = anchors;
        this.source = source;
    }

    /**
     * No reviewed leavers: every pending delete is a finding.
     *
     * @return the empty list
     */
    public static ReviewedLeavers none() {
        return NONE;
    }

    /**
     * Reviewed leavers given by their sourceAnchors.
     *
     * @param anchors the anchors; copied
     * @return the list, named "the reviewed leavers given" in findings
     */
    public static ReviewedLeavers of(Collection<ImmutableId> anchors) {
        return new ReviewedLeavers(Collections.unmodifiableSet(new LinkedHashSet<>(anchors)),
                "the reviewed leavers given");
    }

    /**
     * Reads a file of reviewed leavers, one sourceAnchor or connector-space DN a line: UTF-8, or UTF-16 with a
     * byte-order mark (what Windows PowerShell 5.1's {@code >} writes); blank lines and {@code #} comments left out.
     *
     * @param file the file
     * @return the list, named by the file in findings
     * @throws ReviewedLeaversException naming the file and line when it cannot be read or a line is not an anchor
     */
    public static ReviewedLeavers read(Path file) {
        String source = file.toString();
        Set<ImmutableId> anchors = new LinkedHashSet<>();
        try {
            for (ListFile.Entry entry : ListFile.read(file)) {
                anchors.add(anchor(entry.text(), source, entry.line()));
            }
        } catch (ListFile.Unreadable e) {
            throw new ReviewedLeaversException(source, e.line(), e.getMessage(), e);
        }
        return new ReviewedLeavers(Collections.unmodifiableSet(anchors), source);
    }

    private static ImmutableId anchor(String text, String source, long line) {
        try {
            if (text.regionMatches(true, 0, "CN={", 0, 4)) {
                return ImmutableId.fromConnectorSpaceDn(text);
            }
            if (ON_PREM_DN.matcher(text).matches()) {
                throw new ReviewedLeaversException(source, line, quote(text) + " is an on-prem DN; list the "
                        + "sourceAnchor or the connector-space DN (CN={…}) the staging report shows for the delete",
                        null);
            }
            return ImmutableId.of(text);
        } catch (InvalidAnchorException e) {
            throw new ReviewedLeaversException(source, line, quote(text) + " is neither a sourceAnchor nor a "
                    + "connector-space DN: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a pending export's object is listed.
     *
     * @param sourceAnchor the object's sourceAnchor, or {@code null}
     * @return true when the anchor is listed
     */
    public boolean lists(ImmutableId sourceAnchor) {
        return sourceAnchor != null && anchors.contains(sourceAnchor);
    }

    /**
     * The listed anchors.
     *
     * @return the anchors, in the order given
     */
    public Set<ImmutableId> anchors() {
        return anchors;
    }

    /**
     * Where the list came from, as findings name it.
     *
     * @return the file name, or "the reviewed leavers given"
     */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ReviewedLeavers[" + anchors.size() + " from " + source + "]";
    }
}
