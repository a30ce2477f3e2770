package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.ProxyAddresses;
import dev.oktaentra.core.directory.UserField;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.OnPremBatch;
import dev.oktaentra.core.validation.internal.store.OnPremBatch.Extra;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.ProxyText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the attributes a user would notice the takeover changes ({@link TakeoverChange} says why each is
 * predicted): computed once per paired object while its on-prem values are at hand, as a bit mask, and described for
 * the report from the mask, the cloud store and the on-prem values kept for changed objects only. UPN, mail and proxy
 * addresses compare letter case aside (Entra matches them so); the display name compares exactly.
 */
final class TakeoverChanges {

    static final int UPN_CHANGED = 1;
    static final int MAIL_CHANGED = 2;
    static final int MAIL_REMOVED = 4;
    static final int DISPLAY_NAME_CHANGED = 8;
    static final int DISPLAY_NAME_REMOVED = 16;
    static final int PROXIES_LOST = 32;
    static final int PRIMARY_SMTP_CHANGED = 64;

    /** The attributes in report order, with the bits that name them. */
    static final List<String> ATTRIBUTES = List.of("userPrincipalName", "mail", "displayName", "proxyAddresses");
    private static final int[] BITS = {UPN_CHANGED, MAIL_CHANGED | MAIL_REMOVED,
        DISPLAY_NAME_CHANGED | DISPLAY_NAME_REMOVED, PROXIES_LOST | PRIMARY_SMTP_CHANGED};

    /** What both sides provide: a field either side does not provide predicts nothing. */
    private final boolean mail;
    private final boolean displayName;
    private final boolean proxies;

    TakeoverChanges(Set<UserField> onPremUnread, Set<UserField> cloudUnread) {
        this.mail = provided(UserField.MAIL, onPremUnread, cloudUnread);
        this.displayName = provided(UserField.DISPLAY_NAME, onPremUnread, cloudUnread);
        this.proxies = provided(UserField.PROXY_ADDRESSES, onPremUnread, cloudUnread);
    }

    private static boolean provided(UserField field, Set<UserField> onPrem, Set<UserField> cloud) {
        return !onPrem.contains(field) && !cloud.contains(field);
    }

    /**
     * The changes the takeover of cloud user {@code c} by an object makes.
     *
     * @return a mask of this class's bits
     */
    int compare(OnPremBatch batch, int object, CloudStore cloud, int c) {
        byte[] b = batch.bytes();
        int mask = 0;
        if (batch.hasExtra(object, Extra.UPN_KEY) && !cloud.upnIs(c, b, batch.extraStart(object, Extra.UPN_KEY),
                batch.extraLength(object, Extra.UPN_KEY))) {
            mask |= UPN_CHANGED;
        }
        if (mail && cloud.hasMail(c)) {
            if (!batch.hasExtra(object, Extra.MAIL)) {
                mask |= MAIL_REMOVED;
            } else if (!cloud.mailIs(c, b, batch.extraStart(object, Extra.MAIL),
                    batch.extraLength(object, Extra.MAIL))) {
                mask |= MAIL_CHANGED;
            }
        }
        if (displayName && cloud.hasDisplayName(c)) {
            if (!batch.hasExtra(object, Extra.DISPLAY_NAME)) {
                mask |= DISPLAY_NAME_REMOVED;
            } else if (!cloud.displayNameIs(c, b, batch.extraStart(object, Extra.DISPLAY_NAME),
                    batch.extraLength(object, Extra.DISPLAY_NAME))) {
                mask |= DISPLAY_NAME_CHANGED;
            }
        }
        if (proxies && (cloud.hasPrimarySmtp(c) || cloud.hasOtherProxies(c)) && !primaryOnlyKept(batch, object, cloud,
                c)) {
            mask |= proxyChanges(batch.extraText(object, Extra.PROXIES), cloud, c);
        }
        return mask;
    }

    /**
     * The common case, without making strings: the cloud user's only proxy address is its primary one, and the
     * object's proxy addresses begin with it as their primary.
     */
    private static boolean primaryOnlyKept(OnPremBatch batch, int object, CloudStore cloud, int c) {
        if (cloud.hasOtherProxies(c) || !batch.hasExtra(object, Extra.PROXIES)) {
            return false;
        }
        byte[] b = batch.bytes();
        int from = batch.extraStart(object, Extra.PROXIES);
        int end = from + batch.extraLength(object, Extra.PROXIES);
        if (end - from <= 5 || b[from] != 'S' || b[from + 1] != 'M' || b[from + 2] != 'T' || b[from + 3] != 'P'
                || b[from + 4] != ':') {
            return false;
        }
        int stop = from + 5;
        while (stop < end && b[stop] != CloudStore.SEPARATOR) {
            stop++;
        }
        return cloud.primarySmtpIs(c, b, from + 5, stop - from - 5);
    }

    private static int proxyChanges(String onPremText, CloudStore cloud, int c) {
        List<String> onPrem = onPremText == null ? List.of()
                : Arrays.asList(onPremText.split(String.valueOf(CloudStore.SEPARATOR), -1));
        Set<String> kept = new HashSet<>();
        onPrem.forEach(p -> kept.add(ProxyText.proxyKey(p)));
        int mask = 0;
        for (String proxy : cloudProxies(cloud, c)) {
            if (!kept.contains(ProxyText.proxyKey(proxy))) {
                mask |= PROXIES_LOST;
            }
        }
        String cloudPrimary = cloud.primarySmtp(c);
        String onPremPrimary = ProxyAddresses.primarySmtp(onPrem);
        if (cloudPrimary != null && !cloudPrimary.equalsIgnoreCase(onPremPrimary == null ? "" : onPremPrimary)) {
            mask |= PRIMARY_SMTP_CHANGED;
        }
        return mask;
    }

    /** The cloud user's proxy addresses, the primary one first. */
    private static List<String> cloudProxies(CloudStore cloud, int c) {
        List<String> all = new ArrayList<>();
        if (cloud.hasPrimarySmtp(c)) {
            all.add("SMTP:" + cloud.primarySmtp(c));
        }
        String others = cloud.otherProxies(c);
        if (others != null) {
            all.addAll(Arrays.asList(others.split(String.valueOf(CloudStore.SEPARATOR))));
        }
        return all;
    }

    /**
     * The on-prem values the report needs to describe changes, kept only for objects that have some: mail, display
     * name and proxy addresses, joined by {@link Pairings#FIELD_SEPARATOR}, an empty field for none.
     */
    static String newValues(OnPremBatch batch, int object) {
        return orEmpty(batch.extraText(object, Extra.MAIL)) + Pairings.FIELD_SEPARATOR
                + orEmpty(batch.extraText(object, Extra.DISPLAY_NAME)) + Pairings.FIELD_SEPARATOR
                + orEmpty(batch.extraText(object, Extra.PROXIES));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The changes of a mask, described.
     *
     * @param mask the changes
     * @param cloud the store
     * @param c the cloud user
     * @param onPremUpn the object's UPN
     * @param newValues what {@link #newValues} kept, or {@code null}
     * @return the changes, in {@link #ATTRIBUTES} order
     */
    static List<TakeoverChange> describe(int mask, CloudStore cloud, int c, String onPremUpn, String newValues) {
        if (mask == 0) {
            return List.of();
        }
        String[] values = (newValues == null ? "\u0000\u0000" : newValues)
                .split(String.valueOf(Pairings.FIELD_SEPARATOR), -1);
        List<TakeoverChange> changes = new ArrayList<>();
        if ((mask & UPN_CHANGED) != 0) {
            changes.add(new TakeoverChange("userPrincipalName", cloud.upn(c), onPremUpn, List.of()));
        }
        if ((mask & (MAIL_CHANGED | MAIL_REMOVED)) != 0) {
            changes.add(new TakeoverChange("mail", cloud.mail(c), emptyToNull(values[0]), List.of()));
        }
        if ((mask & (DISPLAY_NAME_CHANGED | DISPLAY_NAME_REMOVED)) != 0) {
            changes.add(new TakeoverChange("displayName", cloud.displayName(c), emptyToNull(values[1]), List.of()));
        }
        if ((mask & (PROXIES_LOST | PRIMARY_SMTP_CHANGED)) != 0) {
            List<String> onPrem = values[2].isEmpty() ? List.of()
                    : Arrays.asList(values[2].split(String.valueOf(CloudStore.SEPARATOR), -1));
            Set<String> kept = new HashSet<>();
            onPrem.forEach(p -> kept.add(ProxyText.proxyKey(p)));
            List<String> lost = cloudProxies(cloud, c).stream().filter(p -> !kept.contains(ProxyText.proxyKey(p)))
                    .toList();
            String onPremPrimary = ProxyAddresses.primarySmtp(onPrem);
            String cloudPrimary = cloud.primarySmtp(c);
            changes.add(new TakeoverChange("proxyAddresses", cloudPrimary == null ? null : "SMTP:" + cloudPrimary,
                    onPremPrimary == null ? null : "SMTP:" + onPremPrimary, lost));
        }
        return changes;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /**
     * Which of {@link #ATTRIBUTES} a mask changes.
     *
     * @param mask the changes
     * @param attribute an index into {@link #ATTRIBUTES}
     * @return true when it changes that attribute
     */
    static boolean changes(int mask, int attribute) {
        return (mask & BITS[attribute]) != 0;
    }
}
