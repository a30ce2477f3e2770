package dev.oktaentra.core.validation.internal.store;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.anchor.ObjectGuid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Up to {@link #CAPACITY} on-prem objects as the matching needs them, keyed on the reading thread while the cloud
 * side is still loading: each object's expected ImmutableID and every rule's key as UTF-8 bytes in one array, the
 * anchor's GUID as two {@code long}s when it is one, and which mapped attributes the object lacks. About a hundred
 * bytes an object, against several hundred for the {@code OnPremUser} itself, so the reader can run far ahead.
 *
 * <p>Key 0 of an object is its expected ImmutableID; key {@code r + 1} is rule {@code r}'s; after the rules come the
 * {@link Extra} texts that Entra's uniqueness check and the takeover comparison read. A rule that threw has its message
 * kept instead, because the failure only counts if the matching reaches that rule. An object Entra Connect's default
 * rules leave out of the sync is kept with the rule's number and no keys.
 */
public final class OnPremBatch {

    /** At most this many objects a batch. */
    public static final int CAPACITY = 1024;

    private static final int ABSENT = -1;
    private static final int FAILED = -2;

    /** An object's flag: its SMTP key is its {@code mail}, because it has no proxy addresses. */
    public static final byte MAIL_FALLBACK = 1;
    /** An object's flag: its anchor is an mS-DS-ConsistencyGuid set to another GUID than its objectGUID. */
    public static final byte CONSISTENCY_GUID_DIFFERS = 2;

    /** The texts kept for every object after its rule keys. */
    public enum Extra {
        /** The UPN as a key (stripped, lower-cased). */
        UPN_KEY,
        /** The {@code mail}, as read. */
        MAIL,
        /** The proxy addresses, as read, joined by {@link CloudStore#SEPARATOR}. */
        PROXIES,
        /** The {@code displayName}, as read. */
        DISPLAY_NAME
    }

    private static final int EXTRAS = Extra.values().length;

    private final int rules;
    private final int keysPerObject;
    private int size;
    private final boolean[] usable = new boolean[CAPACITY];
    private final byte[] flags = new byte[CAPACITY];
    /** The default scope rule that leaves an object out, as its ordinal, or -1. */
    private final byte[] outOfScope = new byte[CAPACITY];
    private final boolean[] guidAnchor = new boolean[CAPACITY];
    private final long[] guidHi = new long[CAPACITY];
    private final long[] guidLo = new long[CAPACITY];
    private final int[] lacks = new int[CAPACITY];
    private final int[] keyStart;
    private final int[] keyLength;
    private byte[] bytes = new byte[CAPACITY * 64];
    private int used;
    /** The texts stored for the object being keyed, by slot, to find a repeated one by {@code String.equals}. */
    private final String[] objectTexts;
    private int textsOf = -1;
    private Map<Integer, String> failures;

    /**
     * An empty batch.
     *
     * @param rules how many match rules key each object
     */
    public OnPremBatch(int rules) {
        this.rules = rules;
        this.keysPerObject = rules + 1 + EXTRAS;
        this.keyStart = new int[CAPACITY * keysPerObject];
        this.keyLength = new int[CAPACITY * keysPerObject];
        this.objectTexts = new String[keysPerObject];
    }

    /**
     * How many objects the batch holds.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Whether the batch is full.
     *
     * @return true at {@link #CAPACITY} objects
     */
    public boolean full() {
        return size == CAPACITY;
    }

    /** Adds an object that could not be read; its reason is in the spill. */
    public void addUnreadable() {
        outOfScope[size] = -1;
        usable[size++] = false;
    }

    /**
     * Adds an object the default rules leave out of the sync; it has no keys.
     *
     * @param rule the ordinal of the rule that leaves it out
     */
    public void addOutOfScope(int rule) {
        outOfScope[size] = (byte) rule;
        usable[size++] = false;
    }

    /**
     * The default scope rule that leaves an object out.
     *
     * @param object the object's index in this batch
     * @return the rule's ordinal, or -1 when the object is in scope (or unreadable)
     */
    public int outOfScope(int object) {
        return outOfScope[object];
    }

    /**
     * Adds a readable object with its expected anchor; its rule keys follow with {@link #key} or {@link #failed}.
     *
     * @param expected the ImmutableID the object yields
     * @param anchorGuid the GUID whose Base64 {@code expected} is, when the caller knows it; else it is decoded
     * @param lacksMask the attribute mappings the object has no value for, a bit each
     * @param objectFlags {@link #MAIL_FALLBACK} and {@link #CONSISTENCY_GUID_DIFFERS}, as they apply
     * @return the object's index in this batch
     */
    public int add(ImmutableId expected, ObjectGuid anchorGuid, int lacksMask, byte objectFlags) {
        int object = size++;
        usable[object] = true;
        outOfScope[object] = -1;
        flags[object] = objectFlags;
        lacks[object] = lacksMask;
        ObjectGuid guid = anchorGuid != null ? anchorGuid : expected.toObjectGuid().orElse(null);
        guidAnchor[object] = guid != null;
        if (guid != null) {
            byte[] b = guid.bytes();
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | (b[i] & 0xff);
                lo = lo << 8 | (b[i + 8] & 0xff);
            }
            guidHi[object] = hi;
            guidLo[object] = lo;
        }
        store(object, 0, expected.value());
        return object;
    }

    /**
     * Sets a rule's key of an object.
     *
     * @param object the object's index in this batch
     * @param rule the rule's index
     * @param key the key, {@code null} when the object has none
     */
    public void key(int object, int rule, String key) {
        store(object, rule + 1, key);
    }

    /**
     * Sets one of the texts kept after the rule keys.
     *
     * @param object the object's index in this batch
     * @param extra which text
     * @param text the text, {@code null} when the object has none
     */
    public void extra(int object, Extra extra, String text) {
        store(object, rules + 1 + extra.ordinal(), text);
    }

    /**
     * Whether an object has one of the texts kept after the rule keys.
     *
     * @param object the object's index in this batch
     * @param extra which text
     * @return true when it has
     */
    public boolean hasExtra(int object, Extra extra) {
        return keyLength[object * keysPerObject + rules + 1 + extra.ordinal()] >= 0;
    }

    /**
     * Where one of the texts kept after the rule keys starts in {@link #bytes()}.
     *
     * @param object the object's index in this batch
     * @param extra which text
     * @return the offset
     */
    public int extraStart(int object, Extra extra) {
        return keyStart[object * keysPerObject + rules + 1 + extra.ordinal()];
    }

    /**
     * How many bytes one of the texts kept after the rule keys has.
     *
     * @param object the object's index in this batch
     * @param extra which text
     * @return the length; negative when the object has none
     */
    public int extraLength(int object, Extra extra) {
        return keyLength[object * keysPerObject + rules + 1 + extra.ordinal()];
    }

    /**
     * One of the texts kept after the rule keys.
     *
     * @param object the object's index in this batch
     * @param extra which text
     * @return the text, or {@code null}
     */
    public String extraText(int object, Extra extra) {
        int length = extraLength(object, extra);
        return length < 0 ? null : new String(bytes, extraStart(object, extra), length, StandardCharsets.UTF_8);
    }

    /**
     * Whether an object has a flag.
     *
     * @param object the object's index in this batch
     * @param flag {@link #MAIL_FALLBACK} or {@link #CONSISTENCY_GUID_DIFFERS}
     * @return true when it has
     */
    public boolean flag(int object, byte flag) {
        return (flags[object] & flag) != 0;
    }

    /**
     * Records that a rule threw on an object.
     *
     * @param object the object's index in this batch
     * @param rule the rule's index
     * @param reason what to tell the operator
     */
    public void failed(int object, int rule, String reason) {
        int k = object * keysPerObject + rule + 1;
        keyLength[k] = FAILED;
        if (failures == null) {
            failures = new HashMap<>();
        }
        failures.put(k, reason);
    }

    private void store(int object, int slot, String text) {
        int k = object * keysPerObject + slot;
        if (object != textsOf) {
            Arrays.fill(objectTexts, null);
            textsOf = object;
        }
        if (text == null) {
            keyLength[k] = ABSENT;
            return;
        }
        // A rule's key is often the anchor or an earlier rule's key (often the very same string): store each text of
        // an object once.
        for (int earlier = 0; earlier < slot; earlier++) {
            String stored = objectTexts[earlier];
            if (stored != null && (stored == text || stored.equals(text))) {
                keyStart[k] = keyStart[k - slot + earlier];
                keyLength[k] = keyLength[k - slot + earlier];
                objectTexts[slot] = stored;
                return;
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (used + utf8.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + utf8.length));
        }
        System.arraycopy(utf8, 0, bytes, used, utf8.length);
        keyStart[k] = used;
        keyLength[k] = utf8.length;
        used += utf8.length;
        objectTexts[slot] = text;
    }

    /**
     * Whether an object could be read.
     *
     * @param object the object's index in this batch
     * @return true when it was
     */
    public boolean usable(int object) {
        return usable[object];
    }

    /**
     * Whether an object's anchor is the Base64 of a GUID.
     *
     * @param object the object's index in this batch
     * @return true when {@link #guidHi} and {@link #guidLo} hold it
     */
    public boolean guidAnchor(int object) {
        return guidAnchor[object];
    }

    /**
     * The first eight bytes of an object's anchor GUID, in AD's byte order, big-endian.
     *
     * @param object the object's index in this batch
     * @return the bytes
     */
    public long guidHi(int object) {
        return guidHi[object];
    }

    /**
     * The last eight bytes of an object's anchor GUID, as {@link #guidHi}.
     *
     * @param object the object's index in this batch
     * @return the bytes
     */
    public long guidLo(int object) {
        return guidLo[object];
    }

    /**
     * The attribute mappings an object has no value for.
     *
     * @param object the object's index in this batch
     * @return a bit per mapping
     */
    public int lacks(int object) {
        return lacks[object];
    }

    /**
     * The bytes the keys are ranges of.
     *
     * @return the array; valid until the next object is added
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * Whether a rule has a key for an object (it may still have failed: see {@link #failure}).
     *
     * @param object the object's index in this batch
     * @param rule the rule's index
     * @return true when it has
     */
    public boolean hasKey(int object, int rule) {
        return keyLength[object * keysPerObject + rule + 1] >= 0;
    }

    /**
     * Where a rule's key of an object starts in {@link #bytes()}.
     *
     * @param object the object's index in this batch
     * @param rule the rule's index
     * @return the offset
     */
    public int keyStart(int object, int rule) {
        return keyStart[object * keysPerObject + rule + 1];
    }

    /**
     * How many bytes a rule's key of an object has.
     *
     * @param object the object's index in this batch
     * @param rule the rule's index
     * @return the length; negative when there is no key
     */
    public int keyLength(int object, int rule) {
        return keyLength[object * keysPerObject + rule + 1];
    }

    /**
     * Why a rule failed on an object.
     *
     * @param object the object's index in this batch
     * @param rule the rule's index
     * @return the reason, or {@code null} when it did not fail
     */
    public String failure(int object, int rule) {
        int k = object * keysPerObject + rule + 1;
        return keyLength[k] == FAILED ? failures.get(k) : null;
    }

    /**
     * Where an object's expected ImmutableID starts in {@link #bytes()}.
     *
     * @param object the object's index in this batch
     * @return the offset
     */
    public int anchorStart(int object) {
        return keyStart[object * keysPerObject];
    }

    /**
     * How many bytes an object's expected ImmutableID has.
     *
     * @param object the object's index in this batch
     * @return the length
     */
    public int anchorLength(int object) {
        return keyLength[object * keysPerObject];
    }

    /**
     * An object's expected ImmutableID as the text it was.
     *
     * @param object the object's index in this batch
     * @return the text
     */
    public String anchor(int object) {
        return new String(bytes, anchorStart(object), anchorLength(object), StandardCharsets.UTF_8);
    }
}
