package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what a pending {@code add} of a user meets in Entra ID: a new user, a hard match, a soft match, a match
 * released by {@code release-role-holders}, or a duplicate in the making.
 *
 * <p>Rules and their sources:
 * <ul>
 *   <li>Entra matches a new incoming object on its sourceAnchor first (hard match), then on userPrincipalName or the
 *       primary SMTP proxy address (soft match); with no match "it provisions a new object"
 *       (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 *       vs soft match", ms.date 07/01/2026). The soft match tries the primary SMTP address before the UPN: "UPN
 *       matching can be run only when SMTP matching fails"
 *       (https://learn.microsoft.com/troubleshoot/entra/entra-id/user-prov-sync/use-upn-matching-identity-sync). So
 *       the look-ups run sourceAnchor, primary SMTP address, UPN, and the first cloud user found is the one Entra
 *       would take over.</li>
 *   <li>A cloud user that holds an ImmutableID is never soft-matched (InvalidSoftMatch), and a soft match on an SMTP
 *       address onto an object with another anchor fails with AttributeValueMustBeUnique
 *       (https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors).</li>
 *   <li>A hard match onto a user holding a directory role is blocked: message center MC1262584 ("Microsoft Entra ID
 *       will block hard‑match attempts that target cloud‑managed users who hold Microsoft Entra roles", from June
 *       2026) and how-to-connect-install-existing-tenant, "Hard match security protections". The analysis applies it
 *       from {@link KnownUser#holdsAdminRole()} itself, not only through the validation's block reasons, so a known
 *       user built without them is not a clean hard match either. A soft match onto an admin was refused already
 *       ("Microsoft Entra ID won't match on-premises users with cloud users that have an admin role", same page).</li>
 *   <li>Entra ID never lets two objects share a UPN or a proxy address; with duplicate attribute resiliency the value
 *       is quarantined instead of failing the object
 *       (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency).
 *       An add whose look-ups lead to two different cloud users therefore takes over at most one of them and loses
 *       the value the other holds: a blocking finding, even when the first would be a clean match.</li>
 *   <li>An object without proxyAddresses is said to be soft-matched on {@code mail} only by a third-party article
 *       about KB2641663, not by Microsoft (entra-2026.md, checked 2026-12-04). The add's {@code mail} is therefore
 *       looked up as a primary SMTP address after the UPN (without proxyAddresses there is no SMTP address for Entra
 *       to try first), and a cloud user found only that way is an uncertain pair: a blocking finding (the safer
 *       reading), never a soft match.</li>
 * </ul>
 *
 * <p>Known limit: Entra's uniqueness check covers every proxy address, secondary {@code smtp:} ones included
 * (AttributeValueMustBeUnique, https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors),
 * but a {@link KnownUser} carries only each cloud user's primary SMTP address. An add whose primary SMTP address is
 * another cloud user's secondary address is therefore not seen here; the validation's uniqueness conflicts are where
 * such a clash shows.
 */
final class PendingAdds {

    /** The validation's outcomes for pairs Entra ID will not match (see the validation's MatchOutcome). */
    private static final Set<String> REFUSED = Set.of("HARD_MATCH_BLOCKED", "CUSTOM_MATCH_ONLY");

    /** The connector attribute whose value stands in for the primary SMTP address when there are no proxyAddresses. */
    private static final String MAIL = "mail";

    private PendingAdds() {
    }

    /** What an add meets. */
    enum Kind {
        /** No cloud user: a new user in Entra ID. */
        NEW,
        /** A clean hard match. */
        HARD_MATCH,
        /** A clean soft match. */
        SOFT_MATCH,
        /** A hard match only roles block, which release-role-holders removes before the cutover. */
        RELEASED,
        /** A second user, a refused match or a quarantined value: blocking. */
        DUPLICATE
    }

    /**
     * What one add meets.
     *
     * @param kind the case
     * @param match the known user the add was tied to, or {@code null}
     * @param detail the facts, for a finding; {@code null} for a clean case
     * @param action what to do, for a finding; {@code null} for a clean case
     */
    record Verdict(Kind kind, UserMatch match, String detail, String action) {
    }

    /**
     * Joins one add of a user to the known users in Entra's order and judges it.
     *
     * @param export the object
     * @param anchor its sourceAnchor, or {@code null}
     * @param upn its UPN, or {@code null}
     * @param known the validation's users
     * @param checks whether release-role-holders removes role holders' roles
     * @return the verdict
     */
    static Verdict judge(PendingExport export, ImmutableId anchor, String upn, KnownUsers known,
            StagingChecks checks) {
        String smtp = export.primarySmtpAddress();
        String mail = null;
        if (smtp == null && export.valuesAfter(PendingExport.PROXY_ADDRESSES).isEmpty()
                && export.valuesBefore(PendingExport.PROXY_ADDRESSES).isEmpty()) {
            String value = export.current(MAIL);
            mail = value == null || value.isBlank() ? null : value.strip();
        }
        String address = smtp != null ? smtp : mail;
        List<KnownUser> byAnchor = anchor == null ? List.of() : holdersFirst(known.bySourceAnchor(anchor), anchor);
        List<KnownUser> byAddress = address == null ? List.of() : known.byPrimarySmtpAddress(address);
        List<KnownUser> byUpn = upn == null ? List.of() : known.byUserPrincipalName(upn);
        // Without proxyAddresses Entra has no SMTP address to try and goes on to the UPN; mail comes last.
        List<List<KnownUser>> found = mail == null ? List.of(byAnchor, byAddress, byUpn)
                : List.of(byAnchor, byUpn, byAddress);
        List<MatchedBy> order = mail == null
                ? List.of(MatchedBy.SOURCE_ANCHOR, MatchedBy.PRIMARY_SMTP_ADDRESS, MatchedBy.USER_PRINCIPAL_NAME)
                : List.of(MatchedBy.SOURCE_ANCHOR, MatchedBy.USER_PRINCIPAL_NAME, MatchedBy.PRIMARY_SMTP_ADDRESS);
        UserMatch first = null;
        UserMatch cloudMatch = null;
        UserMatch other = null;
        for (int i = 0; i < order.size(); i++) {
            for (KnownUser user : found.get(i)) {
                if (first == null) {
                    first = new UserMatch(user, order.get(i));
                }
                if (!user.inCloud()) {
                    continue;
                }
                if (cloudMatch == null) {
                    cloudMatch = new UserMatch(user, order.get(i));
                } else if (other == null && !Objects.equals(user.cloudUserId(), cloudMatch.user().cloudUserId())) {
                    other = new UserMatch(user, order.get(i));
                }
            }
        }
        if (cloudMatch == null) {
            return new Verdict(Kind.NEW, first, null, null);
        }
        KnownUser cloud = cloudMatch.user();
        boolean anchorHeld = anchor != null && anchor.equals(cloud.cloudImmutableId());
        if (other == null && anchorHeld && checks.roleHoldersReleased() && cloud.blockedOnlyByRoles()) {
            return new Verdict(Kind.RELEASED, cloudMatch, Recommendations.releasedDetail(cloud),
                    Recommendations.releasedAction());
        }
        // What the validation found Entra ID will refuse (a blocked hard or soft match, a pair only a custom rule
        // finds) is a duplicate in the making, whatever the join finds here; so is a role holder (MC1262584).
        boolean refused = cloud.matchBlocked() || REFUSED.contains(cloud.outcome()) || cloud.holdsAdminRole();
        boolean viaMail = mail != null && cloudMatch.matchedBy() == MatchedBy.PRIMARY_SMTP_ADDRESS;
        boolean hardMatch = anchorHeld && !refused;
        boolean softMatch = cloud.cloudImmutableId() == null && !refused && !viaMail
                && cloudMatch.matchedBy() != MatchedBy.SOURCE_ANCHOR;
        if (other != null && (hardMatch || softMatch)) {
            return new Verdict(Kind.DUPLICATE, cloudMatch, Recommendations.conflictDetail(cloudMatch, other,
                    value(other.matchedBy(), address, upn, mail)), Recommendations.conflictAction(cloud, other.user(),
                    anchor));
        }
        if (hardMatch) {
            return new Verdict(Kind.HARD_MATCH, cloudMatch, null, null);
        }
        if (softMatch) {
            return new Verdict(Kind.SOFT_MATCH, cloudMatch, null, null);
        }
        if (anchorHeld) {
            return new Verdict(Kind.DUPLICATE, cloudMatch, Recommendations.blockedDetail(cloud, anchor),
                    Recommendations.blockedAction(cloud));
        }
        if (viaMail && cloud.cloudImmutableId() == null) {
            return new Verdict(Kind.DUPLICATE, cloudMatch, Recommendations.mailDetail(cloud, mail, anchor),
                    Recommendations.unexpectedAddAction(cloud, anchor));
        }
        return new Verdict(Kind.DUPLICATE, cloudMatch, Recommendations.unexpectedAddDetail(cloud,
                cloudMatch.matchedBy(), anchor), Recommendations.unexpectedAddAction(cloud, anchor));
    }

    /** The user holding the anchor as its cloud ImmutableID is the one Entra hard-matches: it comes first. */
    private static List<KnownUser> holdersFirst(List<KnownUser> users, ImmutableId anchor) {
        if (users.size() < 2) {
            return users;
        }
        List<KnownUser> sorted = new java.util.ArrayList<>(users);
        sorted.sort(java.util.Comparator.comparing(u -> !anchor.equals(u.cloudImmutableId())));
        return sorted;
    }

    private static String value(MatchedBy by, String address, String upn, String mail) {
        return switch (by) {
            case PRIMARY_SMTP_ADDRESS -> mail != null ? "mail " + address : "primary SMTP address " + address;
            case USER_PRINCIPAL_NAME -> "UPN " + upn;
            case SOURCE_ANCHOR -> "sourceAnchor";
        };
    }
}
