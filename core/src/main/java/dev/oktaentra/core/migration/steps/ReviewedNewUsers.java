package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.internal.ListFile;
import dev.oktaentra.core.migration.MigrationException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The users created while the matching window was open that a person has checked are new people, not duplicates of
 * existing cloud users ({@code MigrationOptions.reviewedNewUsers}): one UPN or object id a line, UTF-8 or UTF-16 with
 * a byte-order mark ({@link ListFile}); blank lines and lines starting with {@code #} are ignored, surrounding
 * whitespace dropped.
 */
final class ReviewedNewUsers {

    private final Set<String> keys;

    private ReviewedNewUsers(Set<String> keys) {
        this.keys = keys;
    }

    static ReviewedNewUsers none() {
        return new ReviewedNewUsers(Set.of());
    }

    /**
     * Reads the file.
     *
     * @throws MigrationException naming the file, and the line for a line that is not one UPN or id
     */
    static ReviewedNewUsers read(Path file) {
        Set<String> keys = new LinkedHashSet<>();
        try {
            for (ListFile.Entry entry : ListFile.read(file)) {
                String text = entry.text();
                if (text.chars().anyMatch(Character::isWhitespace) || text.indexOf(',') >= 0) {
                    throw new MigrationException("The reviewed new users file " + file + ", line " + entry.line()
                            + ", holds '" + text + "': give one UPN or object id a line");
                }
                keys.add(text.toLowerCase(Locale.ROOT));
            }
        } catch (ListFile.Unreadable e) {
            throw new MigrationException("Cannot read the reviewed new users file " + file
                    + (e.line() > 0 ? ", line " + e.line() : "") + ": " + e.getMessage(), e);
        }
        return new ReviewedNewUsers(keys);
    }

    /** Whether a person reviewed this user, by UPN or object id, any case. */
    boolean contains(String id, String userPrincipalName) {
        return id != null && keys.contains(id.toLowerCase(Locale.ROOT))
                || userPrincipalName != null && keys.contains(userPrincipalName.toLowerCase(Locale.ROOT));
    }
}
