package dev.oktaentra.core.validation.internal.store;

import dev.oktaentra.core.anchor.MismatchCause;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * What the matching found for each on-prem object, one entry per object in the order read (an entry's number is its
 * position in the {@link Spill}), in parallel arrays of about 15 bytes an entry. The store holds the values; what they
 * mean is the validation's: a kind is a code the matching gives and reads back, a note is its text for the few
 * entries that need words (conflicts, and why a rule failed).
 */
public final class Pairings {

    private static final MismatchCause[] CAUSES = MismatchCause.values();

    private int size;
    private byte[] kinds = new byte[1024];
    private int[] candidates = new int[1024];
    /** Set when another on-prem object yields the same anchor. */
    private boolean[] duplicates = new boolean[1024];
    private byte[] causes = new byte[1024];
    private byte[] rules = new byte[1024];
    private int[] deletions = new int[1024];
    private int[] changes = new int[1024];
    /** Per entry: the takeover's new values joined by {@link #FIELD_SEPARATOR}, for entries with changes only. */
    private int[] after = new int[1024];
    private final TextArena afterTexts = new TextArena();
    private final Map<Integer, String> notes = new HashMap<>();
    private final Map<Integer, Holders> holders = new HashMap<>();
    /** The entries {@link #holders} has: asked for every entry, it is a bit test rather than a boxed look-up. */
    private final BitSet withHolders = new BitSet();

    /** The other on-prem entries holding an entry's UPN or SMTP addresses. */
    private final Twins twins = new Twins();

    /** Separates the new values of one entry's takeover. */
    public static final char FIELD_SEPARATOR = '\u0000';

    /**
     * The cloud users that already hold an object's UPN or one of its SMTP addresses, as Entra's uniqueness check
     * finds them: the first two of each, so that one other than a given user is always among them.
     *
     * @param upnHolders users holding the UPN
     * @param address the first of the object's SMTP addresses a cloud user holds, or {@code null}
     * @param addressHolders users holding it
     * @param otherAddress the first of the object's SMTP addresses held by a cloud user other than the object's
     *        candidate (the user a takeover would overwrite, whose own addresses are no conflict), or {@code null}
     * @param otherHolders users holding it
     */
    public record Holders(int[] upnHolders, String address, int[] addressHolders, String otherAddress,
            int[] otherHolders) {
    }

    /**
     * Records an entry.
     *
     * @param kind the matching's code for how the object was paired
     * @param candidate the cloud user's entry in the {@link CloudStore}, or -1
     * @param cause why the anchors differ, or {@code null}
     * @param rule the index of the rule that decided, or -1
     * @param deletionMask the attribute mappings whose cloud value the takeover would delete, as a bit mask
     * @return the entry's number
     */
    public int add(byte kind, int candidate, MismatchCause cause, int rule, int deletionMask) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            candidates = Arrays.copyOf(candidates, capacity);
            duplicates = Arrays.copyOf(duplicates, capacity);
            causes = Arrays.copyOf(causes, capacity);
            rules = Arrays.copyOf(rules, capacity);
            deletions = Arrays.copyOf(deletions, capacity);
            changes = Arrays.copyOf(changes, capacity);
            after = Arrays.copyOf(after, capacity);
        }
        after[size] = TextArena.NONE;
        kinds[size] = kind;
        candidates[size] = candidate;
        causes[size] = (byte) (cause == null ? -1 : cause.ordinal());
        rules[size] = (byte) rule;
        deletions[size] = deletionMask;
        return size++;
    }

    /**
     * How many entries there are.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Notes an entry; a {@code null} note is no note.
     *
     * @param entry the entry
     * @param note the text
     */
    public void note(int entry, String note) {
        if (note != null) {
            notes.put(entry, note);
        }
    }

    /**
     * An entry's note.
     *
     * @param entry the entry
     * @return the note, or {@code null}
     */
    public String note(int entry) {
        return notes.get(entry);
    }

    /**
     * How an entry was paired.
     *
     * @param entry the entry
     * @return the code it was recorded with
     */
    public byte kind(int entry) {
        return kinds[entry];
    }

    /**
     * An entry's candidate.
     *
     * @param entry the entry
     * @return its cloud user, or -1
     */
    public int candidate(int entry) {
        return candidates[entry];
    }

    /**
     * Marks an entry as sharing its anchor with another on-prem object.
     *
     * @param entry the entry
     */
    public void markDuplicate(int entry) {
        duplicates[entry] = true;
    }

    /**
     * Whether an entry shares its anchor.
     *
     * @param entry the entry
     * @return whether another on-prem object yields the same anchor
     */
    public boolean duplicate(int entry) {
        return duplicates[entry];
    }

    /**
     * The rule that decided an entry.
     *
     * @param entry the entry
     * @return the rule's index, or -1
     */
    public int rule(int entry) {
        return rules[entry];
    }

    /**
     * An entry's predicted attribute deletions.
     *
     * @param entry the entry
     * @return the mappings whose cloud value the takeover would delete, as a bit mask
     */
    public int deletions(int entry) {
        return deletions[entry];
    }

    /**
     * Records the takeover's changes of an entry.
     *
     * @param entry the entry
     * @param mask the matching's code for what changes
     * @param newValues the new values, joined by {@link #FIELD_SEPARATOR}, or {@code null}
     */
    public void changes(int entry, int mask, String newValues) {
        changes[entry] = mask;
        if (newValues != null) {
            after[entry] = afterTexts.add(TextArena.bytes(newValues));
        }
    }

    /**
     * An entry's takeover changes.
     *
     * @param entry the entry
     * @return the code {@link #changes(int, int, String)} was given, 0 when none
     */
    public int changes(int entry) {
        return changes[entry];
    }

    /**
     * An entry's new values.
     *
     * @param entry the entry
     * @return the joined values, or {@code null}
     */
    public String newValues(int entry) {
        return afterTexts.text(after[entry]);
    }

    /**
     * Records who holds an entry's UPN or addresses.
     *
     * @param entry the entry
     * @param found the holders; nothing is recorded when they are {@code null}
     */
    public void holders(int entry, Holders found) {
        if (found != null) {
            holders.put(entry, found);
            withHolders.set(entry);
        }
    }

    /**
     * Who holds an entry's UPN or addresses.
     *
     * @param entry the entry
     * @return the holders, or {@code null} when nobody does (or they were not looked up)
     */
    public Holders holders(int entry) {
        return withHolders.get(entry) ? holders.get(entry) : null;
    }

    /**
     * Why an entry's anchors differ.
     *
     * @param entry the entry
     * @return the cause, or {@code null}
     */
    public MismatchCause cause(int entry) {
        return causes[entry] < 0 ? null : CAUSES[causes[entry]];
    }

    /**
     * The other on-prem entries holding an entry's UPN or one of its SMTP addresses.
     *
     * @return the store, empty until two entries share a value
     */
    public Twins twins() {
        return twins;
    }
}
