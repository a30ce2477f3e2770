package dev.oktaentra.core.validation;

import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.OnPremBatch;
import dev.oktaentra.core.validation.internal.store.OnPremBatch.Extra;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.ProxyText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Entra ID's uniqueness check for an object the sync may add or take over: "Microsoft Entra schema doesn't allow two or
 * more objects to have the same value of the following attributes. This list isn't exhaustive: proxyAddresses,
 * userPrincipalName, onPremisesSecurityIdentifier, objectId, immutableId"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors). An add whose UPN or one of
 * whose SMTP addresses a cloud user already holds fails with AttributeValueMustBeUnique or, with duplicate attribute
 * resiliency, has the value quarantined (a placeholder UPN)
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency,
 * which covers "only UPN and SMTP ProxyAddress values"). Only cloud users are read: a group or contact holding the
 * address is not seen; another on-prem object of the same run is, by {@link OnPremDuplicates}. An object without
 * proxy addresses is checked by its {@code mail}, the address it would be created with if Entra falls back to it
 * (undocumented; the check is the safer side).
 *
 * <p>A takeover by hard match is checked too: it writes the on-prem UPN and proxy addresses onto the cloud user, and
 * the check applies to an update as to an add ("Instead of completely failing to provision or update an object with a
 * duplicate attribute, Microsoft Entra ID 'quarantines' the duplicate attribute", duplicate-attribute-resiliency page,
 * "Behavior with Duplicate Attribute Resiliency"): a matched user whose UPN or address another cloud user holds loses
 * it to quarantine, so the match is no clean one. The taken-over user's own values are no conflict.
 */
final class Uniqueness {

    private final CloudStore cloud;
    private final int[] found = new int[2];
    /** The current object's SMTP addresses ({@link #readAddresses}): as read, and as keys in UTF-8. */
    private String[] read = new String[8];
    private byte[][] keys = new byte[8][];
    private int addresses;

    Uniqueness(CloudStore cloud) {
        this.cloud = cloud;
    }

    /**
     * Reads an object's SMTP addresses, once for the look-ups of {@link #holders} and the comparison with the other
     * on-prem objects ({@link OnPremDuplicates}): its {@code SMTP:} and {@code smtp:} proxy addresses, or its
     * {@code mail} when it has no proxy address at all.
     */
    void readAddresses(OnPremBatch batch, int object) {
        addresses = 0;
        String proxies = batch.extraText(object, Extra.PROXIES);
        if (proxies == null) {
            if (batch.hasExtra(object, Extra.MAIL)) {
                keep("smtp:" + batch.extraText(object, Extra.MAIL));
            }
            return;
        }
        for (String proxy : proxies.split(String.valueOf(CloudStore.SEPARATOR))) {
            keep(proxy);
        }
    }

    private void keep(String proxy) {
        String address = ProxyText.smtpAddress(proxy);
        if (address == null) {
            return;
        }
        if (addresses == read.length) {
            read = Arrays.copyOf(read, addresses * 2);
            keys = Arrays.copyOf(keys, addresses * 2);
        }
        read[addresses] = proxy.substring(5).strip();
        keys[addresses++] = address.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * How many SMTP addresses {@link #readAddresses} found.
     *
     * @return the count
     */
    int addressCount() {
        return addresses;
    }

    /** An address as read, without its {@code smtp:} prefix. */
    String address(int a) {
        return read[a];
    }

    /** An address as a key (stripped, lower-cased), in UTF-8. */
    byte[] addressKey(int a) {
        return keys[a];
    }

    /**
     * Whether a cloud user other than the one taken over holds the object's UPN or one of the SMTP addresses
     * {@link #readAddresses} read: the takeover would write a value Entra quarantines. Asked for every hard match, so
     * it allocates nothing; {@link #holders} then says who, for the few where someone does. Every value is looked up,
     * also one the candidate holds: Entra keeps them unique in a tenant, but an export is a file, and two users with
     * one UPN in it are a conflict to report, not a case to assume away.
     *
     * @param candidate the cloud user taken over
     * @return true when another cloud user holds one of the values
     */
    boolean takeoverConflicts(OnPremBatch batch, int object, int candidate) {
        if (batch.hasExtra(object, Extra.UPN_KEY) && heldByAnother(cloud.findUpn(batch.bytes(),
                batch.extraStart(object, Extra.UPN_KEY), batch.extraLength(object, Extra.UPN_KEY), found,
                found.length), candidate)) {
            return true;
        }
        for (int a = 0; a < addresses; a++) {
            if (heldByAnother(cloud.findSmtp(keys[a], found, found.length), candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a look-up that wrote its first holders into {@link #found} found anyone but the candidate. */
    private boolean heldByAnother(int holders, int candidate) {
        return holders > 1 || holders == 1 && found[0] != candidate;
    }

    /**
     * The cloud users holding an object's UPN or SMTP addresses, the first two of each: of the first address anyone
     * holds, and of the first one someone other than the candidate holds. The addresses are those
     * {@link #readAddresses} read for the object.
     *
     * @param candidate the cloud user the object is paired with, or -1
     * @return the holders, or {@code null} when nobody holds any
     */
    Pairings.Holders holders(OnPremBatch batch, int object, int candidate) {
        int[] upnHolders = null;
        if (batch.hasExtra(object, Extra.UPN_KEY)) {
            int n = cloud.findUpn(batch.bytes(), batch.extraStart(object, Extra.UPN_KEY),
                    batch.extraLength(object, Extra.UPN_KEY), found, found.length);
            upnHolders = n == 0 ? null : Arrays.copyOf(found, Math.min(n, found.length));
        }
        String first = null;
        int[] firstHolders = null;
        for (int a = 0; a < addresses; a++) {
            int n = cloud.findSmtp(keys[a], found, found.length);
            if (n == 0) {
                continue;
            }
            int[] holders = Arrays.copyOf(found, Math.min(n, found.length));
            if (first == null) {
                first = read[a];
                firstHolders = holders;
            }
            // A takeover's own candidate holding the address is no conflict: look on for another holder.
            if (n > 1 || holders[0] != candidate) {
                return new Pairings.Holders(upnHolders, first, firstHolders, read[a], holders);
            }
        }
        return upnHolders == null && first == null ? null
                : new Pairings.Holders(upnHolders, first, firstHolders, null, null);
    }
}
