package dev.oktaentra.core.validation.internal.store;

import java.util.Arrays;
import java.util.BitSet;

/**
 * For each {@link Pairings} entry that shares its UPN or one of its SMTP addresses with another on-prem entry of the
 * run, the first such entry per attribute, the address, and the other entry's names once read back from the spill.
 * Nothing is allocated until two entries share a value; then some 20 bytes an entry, in parallel arrays, and the texts
 * in a {@link TextArena}.
 */
public final class Twins {

    /** A stored text's limit: a name, not a key, so that a cut one still says whose it is. */
    private static final int MAX_TEXT = 0xffff;

    /** Per entry: the other entry holding its UPN, and one holding one of its addresses, each plus one; 0 for none. */
    private int[] upnTwins;
    private int[] addressTwins;
    /** Per entry: the address it shares, as read, or {@link TextArena#NONE}. */
    private int[] addresses;
    /** Per entry named as another's twin: its UPN and DN, or {@link TextArena#NONE}. */
    private int[] upns;
    private int[] dns;
    private final TextArena texts = new TextArena();
    /** One past the highest entry recorded. */
    private int size;

    /**
     * Records that another entry holds one of an entry's values; the first other holder is kept per attribute.
     *
     * @param entry the entry
     * @param address the SMTP address the two share as read, or {@code null} when they share the UPN
     * @param other the other entry
     */
    public void add(int entry, String address, int other) {
        ensure(Math.max(entry, other) + 1);
        if (address == null) {
            if (upnTwins[entry] == 0) {
                upnTwins[entry] = other + 1;
            }
        } else if (addressTwins[entry] == 0) {
            addressTwins[entry] = other + 1;
            addresses[entry] = texts.add(limited(address));
        }
    }

    private void ensure(int entries) {
        size = Math.max(size, entries);
        int old = upnTwins == null ? 0 : upnTwins.length;
        if (entries <= old) {
            return;
        }
        int capacity = Math.max(1024, Math.max(entries, old * 2));
        upnTwins = upnTwins == null ? new int[capacity] : Arrays.copyOf(upnTwins, capacity);
        addressTwins = addressTwins == null ? new int[capacity] : Arrays.copyOf(addressTwins, capacity);
        addresses = grown(addresses, old, capacity);
        upns = grown(upns, old, capacity);
        dns = grown(dns, old, capacity);
    }

    private static int[] grown(int[] handles, int old, int capacity) {
        int[] out = handles == null ? new int[capacity] : Arrays.copyOf(handles, capacity);
        Arrays.fill(out, old, capacity, TextArena.NONE);
        return out;
    }

    /**
     * Whether another entry holds an entry's UPN or one of its SMTP addresses.
     *
     * @param entry the entry
     * @return true when {@link #add} recorded one
     */
    public boolean any(int entry) {
        return entry < size && (upnTwins[entry] != 0 || addressTwins[entry] != 0);
    }

    /**
     * The other entry holding an entry's UPN.
     *
     * @param entry the entry
     * @return the other entry, or -1
     */
    public int upnTwin(int entry) {
        return entry < size ? upnTwins[entry] - 1 : -1;
    }

    /**
     * The other entry holding one of an entry's SMTP addresses.
     *
     * @param entry the entry
     * @return the other entry, or -1
     */
    public int addressTwin(int entry) {
        return entry < size ? addressTwins[entry] - 1 : -1;
    }

    /**
     * The SMTP address an entry shares with its {@link #addressTwin}.
     *
     * @param entry the entry
     * @return the address as read, or {@code null}
     */
    public String address(int entry) {
        return entry < size ? texts.text(addresses[entry]) : null;
    }

    /**
     * The entries named as another's twin, whose names {@link #name} is to be told.
     *
     * @return the entries, ascending; empty when no entries share a value
     */
    public int[] toName() {
        BitSet named = new BitSet();
        for (int e = 0; e < size; e++) {
            if (upnTwins[e] != 0) {
                named.set(upnTwins[e] - 1);
            }
            if (addressTwins[e] != 0) {
                named.set(addressTwins[e] - 1);
            }
        }
        return named.stream().toArray();
    }

    /**
     * Keeps the names of an entry named as a twin.
     *
     * @param entry the entry
     * @param upn its UPN, or {@code null}
     * @param dn its distinguished name, or {@code null}
     */
    public void name(int entry, String upn, String dn) {
        upns[entry] = upn == null ? TextArena.NONE : texts.add(limited(upn));
        dns[entry] = dn == null ? TextArena.NONE : texts.add(limited(dn));
    }

    /**
     * The UPN of an entry named as a twin.
     *
     * @param entry the entry
     * @return the UPN, or {@code null}
     */
    public String upn(int entry) {
        return entry < size ? texts.text(upns[entry]) : null;
    }

    /**
     * The distinguished name of an entry named as a twin.
     *
     * @param entry the entry
     * @return the DN, or {@code null}
     */
    public String dn(int entry) {
        return entry < size ? texts.text(dns[entry]) : null;
    }

    private static byte[] limited(String text) {
        byte[] utf8 = TextArena.bytes(text);
        return utf8.length <= MAX_TEXT ? utf8 : TextArena.bytes(text.substring(0, MAX_TEXT / 4) + "\u2026");
    }
}
