package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.Collection;
import java.util.List;

/**
 * The users the validation report knows, for joining pending exports to them. The validation engine provides an
 * implementation; {@link #of(Collection)} builds one in memory.
 *
 * <p>Look-ups return every user that matches, in the order given, because a validation can hold an on-prem-only
 * and a cloud-only row for the same person; the join picks the one that explains the export.
 */
public interface KnownUsers {

    /**
     * Users whose expected or cloud ImmutableID equals the anchor (exact, case-sensitive).
     *
     * @param sourceAnchor the export's sourceAnchor
     * @return the users, possibly empty
     */
    List<KnownUser> bySourceAnchor(ImmutableId sourceAnchor);

    /**
     * Users with this UPN, compared case-insensitively as Entra does.
     *
     * @param userPrincipalName the UPN
     * @return the users, possibly empty
     */
    List<KnownUser> byUserPrincipalName(String userPrincipalName);

    /**
     * Users with this primary SMTP address, compared case-insensitively.
     *
     * @param address the address, without {@code SMTP:}
     * @return the users, possibly empty
     */
    List<KnownUser> byPrimarySmtpAddress(String address);

    /**
     * An in-memory index over the given users.
     *
     * @param users the users; copied
     * @return the index
     */
    static KnownUsers of(Collection<KnownUser> users) {
        return new InMemoryKnownUsers(users);
    }

    /**
     * No known users: the report then has counts and attribute changes but no join findings.
     *
     * @return an empty index
     */
    static KnownUsers none() {
        return InMemoryKnownUsers.EMPTY;
    }
}
