package dev.oktaentra.core.directory;

import java.util.Objects;

/**
 * One object read from a directory or an export: either a usable user or a rejected record that says where it was
 * and why it could not be used. Readers never skip a record silently; a validation turns each rejected record into
 * an INVALID finding and carries on.
 *
 * @param <U> the user type, {@link OnPremUser} or {@link CloudUser}
 */
public sealed interface DirectoryRecord<U> {

    /**
     * The user, or an exception naming the rejected record.
     *
     * @return the user
     * @throws RejectedRecordException for a {@link Rejected} record
     */
    U orElseThrow();

    /**
     * A usable user.
     *
     * @param user the user
     * @param line the line the record starts on in a text export such as a CSV file, counting from 1, so that a
     *        problem found later (e.g. an anchor attribute that does not parse) can name it; 0 when the source has
     *        no lines (LDAP, Graph) and the user's DN or id locates it
     * @param <U> the user type
     */
    record Usable<U>(U user, long line) implements DirectoryRecord<U> {

        /**
         * Checks the user is present and the line is not negative.
         *
         * @param user the user
         * @param line the line the record starts on in a text export such as a CSV file, counting from 1, so that a
         *        problem found later (e.g. an anchor attribute that does not parse) can name it; 0 when the source has
         *        no lines (LDAP, Graph) and the user's DN or id locates it
         */
        public Usable {
            Objects.requireNonNull(user, "user");
            if (line < 0) {
                throw new IllegalArgumentException("A line number counts from 1 (0 for none), got " + line);
            }
        }

        /**
         * A usable user from a source without lines.
         *
         * @param user the user
         */
        public Usable(U user) {
            this(user, 0);
        }

        @Override
        public U orElseThrow() {
            return user;
        }
    }

    /**
     * A record that could not be used.
     *
     * @param source the file or directory it came from, e.g. {@code users.csv} or {@code ldaps://dc1:636}
     * @param location where in the source: {@code line 17}, or the object's DN
     * @param identity the best identity the record still shows (UPN, DN, sAMAccountName, id), or {@code null}
     * @param reason what is wrong, for a person: e.g. {@code objectGUID 'xyz' has 3 hex digits, a GUID has 32}
     * @param <U> the user type the record would have been
     */
    record Rejected<U>(String source, String location, String identity, String reason) implements DirectoryRecord<U> {

        /**
         * Checks the required components.
         *
         * @param source the file or directory it came from, e.g. {@code users.csv} or {@code ldaps://dc1:636}
         * @param location where in the source: {@code line 17}, or the object's DN
         * @param identity the best identity the record still shows (UPN, DN, sAMAccountName, id), or {@code null}
         * @param reason what is wrong, for a person: e.g. {@code objectGUID 'xyz' has 3 hex digits, a GUID has 32}
         */
        public Rejected {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public U orElseThrow() {
            throw new RejectedRecordException(this);
        }

        @Override
        public String toString() {
            return source + ", " + location + (identity == null ? "" : " (" + identity + ")") + ": " + reason;
        }
    }
}
