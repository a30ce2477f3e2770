package dev.oktaentra.core.staging;

import static dev.oktaentra.core.OktaEntraException.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The proxy addresses an update takes out of a user while it puts others in, which {@link AttributeDelta#isDeletion()}
 * does not see: a {@code proxyAddresses} delta with {@code operation="update"} and both {@code <value
 * operation="delete">} and {@code <value operation="add">}, or with {@code operation="replace"} and a set that drops
 * values the cloud holds (csexport format: domain.md §2.2). Mail to an SMTP address lost this way bounces after the
 * cutover.
 *
 * <p>Rule and source: once Connect takes a cloud user over, "all attributes in Microsoft Entra ID with a value in
 * on-premises AD are overwritten with the respective on-premises value ... if you only manage the email address in
 * Microsoft 365 and haven't kept it updated in on-premises Active Directory Domain Services (AD DS), then you lose
 * any values in Microsoft Entra ID / Microsoft 365 that aren't present in AD DS"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, warning in
 * "Sync with existing users in Microsoft Entra ID"). {@code SMTP:} marks the primary address and {@code smtp:} a
 * secondary one (Graph user resource, {@code proxyAddresses}); a value whose address stays, with another case or
 * prefix case (a primary demoted to an alias), is not lost. Every other prefix ({@code X500:}, {@code SIP:}) is lost
 * just the same and listed beside the addresses.
 */
final class LostProxyAddresses {

    private static final String SMTP = "smtp:";

    private LostProxyAddresses() {
    }

    /**
     * The values an update of {@code proxyAddresses} takes out and keeps nowhere.
     *
     * @param delta the attribute's change
     * @param before the values Entra ID holds now
     * @param after the values after the export
     * @return the lost values, in the order found (explicit deletes first); empty when none
     */
    static List<String> of(AttributeDelta delta, List<String> before, List<String> after) {
        Set<String> kept = new HashSet<>();
        after.forEach(v -> kept.add(key(v)));
        Set<String> seen = new HashSet<>();
        List<String> lost = new ArrayList<>(0);
        LinkedHashSet<String> candidates = new LinkedHashSet<>(delta.removedValues());
        candidates.addAll(before);
        for (String value : candidates) {
            String key = key(value);
            if (!value.isBlank() && !kept.contains(key) && seen.add(key)) {
                lost.add(value);
            }
        }
        return lost;
    }

    /**
     * The lost values the on-prem user does not hold: what a back-fill has to copy on-prem.
     *
     * @param lost the lost values
     * @param onPrem the on-prem {@code proxyAddresses}, read
     * @return the values on-prem lacks
     */
    static List<String> missingOnPrem(List<String> lost, List<String> onPrem) {
        Set<String> held = new HashSet<>();
        onPrem.forEach(v -> held.add(key(v)));
        return lost.stream().filter(v -> !held.contains(key(v))).toList();
    }

    static String detail(KnownUser user, List<String> lost, List<String> onPrem) {
        String head = "The export removes from proxyAddresses " + describe(lost) + " while it keeps or adds others";
        if (user == null) {
            return head + "; no known user matches the object";
        }
        if (onPrem == null) {
            return head + "; the on-prem proxyAddresses of " + quote(user.describe()) + " were not read";
        }
        List<String> missing = missingOnPrem(lost, onPrem);
        if (missing.isEmpty()) {
            return head + " although on-prem " + quote(user.describe()) + " holds them";
        }
        return head + "; on-prem " + quote(user.describe()) + " lacks " + quote(String.join("; ", missing));
    }

    static String action(KnownUser user, List<String> lost, List<String> onPrem) {
        if (user != null && onPrem != null) {
            List<String> missing = missingOnPrem(lost, onPrem);
            if (!missing.isEmpty()) {
                return "Before leaving staging mode, add " + quote(String.join("; ", missing)) + " to the on-prem "
                        + "proxyAddresses of " + quote(user.describe()) + " (as secondary smtp: addresses unless one "
                        + "is to stay primary), or Entra Connect removes them in Entra ID and mail to them bounces.";
            }
            return "Check the sync rules and attribute flow for proxyAddresses: on-prem holds these values, yet "
                    + "Entra Connect would remove them.";
        }
        return "Confirm that removing " + quote(String.join("; ", lost)) + " is intended; if mail to these addresses "
                + "must still arrive, add them to the on-prem proxyAddresses before leaving staging mode.";
    }

    /** SMTP addresses first (they make mail bounce), then the other values. */
    private static String describe(List<String> lost) {
        List<String> smtp = lost.stream().filter(LostProxyAddresses::isSmtp).toList();
        List<String> other = lost.stream().filter(v -> !isSmtp(v)).toList();
        StringBuilder out = new StringBuilder();
        if (!smtp.isEmpty()) {
            out.append("the SMTP address").append(smtp.size() > 1 ? "es " : " ").append(quote(String.join("; ", smtp)))
                    .append(" (mail to ").append(smtp.size() > 1 ? "them" : "it").append(" bounces after the cutover)");
        }
        if (!other.isEmpty()) {
            out.append(smtp.isEmpty() ? "" : " and ").append(other.size() > 1 ? "the values " : "the value ")
                    .append(quote(String.join("; ", other)));
        }
        return out.toString();
    }

    private static boolean isSmtp(String value) {
        return value.regionMatches(true, 0, SMTP, 0, SMTP.length());
    }

    /** Prefix and address compared without case: {@code SMTP:a@b} demoted to {@code smtp:a@b} is kept. */
    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
