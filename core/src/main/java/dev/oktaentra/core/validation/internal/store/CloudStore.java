package dev.oktaentra.core.validation.internal.store;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.MatchRule;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The cloud side, held compactly while the on-prem side streams past it. Texts (UPNs, ImmutableIDs, rule keys,
 * mapped values) live as UTF-8 bytes in one {@link TextArena}, named by {@code int} handles in parallel arrays, so a
 * million users cost a few large arrays rather than millions of strings for the garbage collector to copy; a text
 * that equals another of the same user (a lower-case UPN is its own key, the mail is often the UPN) is stored once.
 * Each rule has an {@link ArenaIndex} over its keys. Once {@link #sealed() sealed}, the store also counts the claims
 * the matching lays on each user (hard and soft); what a claim means is the validation's, not the store's.
 */
public final class CloudStore {

    static final byte SYNCED = 1;
    static final byte ADMIN = 2;
    /** Another cloud user holds the same ImmutableID. */
    static final byte DUPLICATE = 4;

    private final List<MatchRule> rules;
    private final List<Function<CloudUser, String>> mappedValues;
    private final TextArena arena = new TextArena();
    private int size;
    /** Ids that are not lower-case GUID text; {@code null} where {@link #idMsb}/{@link #idLsb} hold the id. */
    private String[] ids = new String[1024];
    private long[] idMsb = new long[1024];
    private long[] idLsb = new long[1024];
    private int[] upns = new int[1024];
    private int[] smtps = new int[1024];
    private int[] immutableIds = new int[1024];
    private byte[] flags = new byte[1024];
    private final int[][] mapped;
    private final ArenaIndex[] ruleIndexes;
    /** The index that finds cloud users by ImmutableID: a hard rule's, or one of its own when no rule is hard. */
    private final ArenaIndex anchors;
    private final int anchorRule;
    private int[] hardClaims;
    private int[] softClaims;

    /**
     * An empty store.
     *
     * @param rules the match rules, in order; a hard rule's key for a cloud user must be its ImmutableID
     * @param mappedValues each mapped attribute's cloud value of a user ({@code null} when it has none), in mapping
     *        order
     */
    public CloudStore(List<MatchRule> rules, List<Function<CloudUser, String>> mappedValues) {
        this.rules = rules;
        this.mappedValues = List.copyOf(mappedValues);
        this.mapped = new int[mappedValues.size()][1024];
        this.ruleIndexes = new ArenaIndex[rules.size()];
        for (int i = 0; i < ruleIndexes.length; i++) {
            ruleIndexes[i] = new ArenaIndex(arena, 1024);
        }
        int hard = -1;
        for (int i = 0; i < rules.size() && hard < 0; i++) {
            hard = rules.get(i).isHardMatch() ? i : -1;
        }
        this.anchorRule = hard;
        this.anchors = hard >= 0 ? ruleIndexes[hard] : new ArenaIndex(arena, 1024);
    }

    /**
     * Adds a user.
     *
     * @param user the user
     * @throws RuntimeException from a custom rule; the caller turns it into an INVALID finding
     */
    public void add(CloudUser user) {
        int rules = this.rules.size();
        // Texts of this user: [0] the UPN, then each rule's key; stored texts are reused when equal.
        byte[][] texts = new byte[rules + 1][];
        int[] handles = new int[rules + 1];
        texts[0] = TextArena.bytes(user.userPrincipalName());
        for (int r = 0; r < rules; r++) {
            texts[r + 1] = TextArena.bytes(this.rules.get(r).key(user));
        }
        byte[] immutable = user.immutableId() == null ? null : TextArena.bytes(user.immutableId().value());
        if (anchorRule >= 0 && !Arrays.equals(texts[anchorRule + 1], immutable)) {
            throw new IllegalStateException("hard rule " + this.rules.get(anchorRule).name()
                    + " must key cloud users by their ImmutableID");
        }
        for (int t = 0; t <= rules; t++) {
            handles[t] = store(texts[t], texts, handles, t);
        }
        if (size == ids.length) {
            grow();
        }
        int entry = size++;
        storeId(entry, user.id());
        upns[entry] = handles[0];
        smtps[entry] = store(TextArena.bytes(user.primarySmtpAddress()), texts, handles, rules + 1);
        immutableIds[entry] = anchorRule >= 0 ? handles[anchorRule + 1] : store(immutable, texts, handles, rules + 1);
        flags[entry] = (byte) ((user.isSynced() ? SYNCED : 0) | (user.holdsAdminRole() ? ADMIN : 0));
        for (int m = 0; m < mapped.length; m++) {
            mapped[m][entry] = store(TextArena.bytes(mappedValues.get(m).apply(user)), texts, handles, rules + 1);
        }
        for (int r = 0; r < rules; r++) {
            if (r != anchorRule && texts[r + 1] != null) {
                ruleIndexes[r].append(handles[r + 1], texts[r + 1], entry);
            }
        }
        if (immutable != null) {
            anchors.append(immutableIds[entry], immutable, entry);
        }
    }

    /** Stores a text, or reuses the handle of an equal text among the first {@code count} of this user. */
    private int store(byte[] text, byte[][] texts, int[] handles, int count) {
        if (text == null) {
            return TextArena.NONE;
        }
        for (int i = 0; i < count; i++) {
            if (handles[i] != TextArena.NONE && Arrays.equals(text, texts[i])) {
                return handles[i];
            }
        }
        return arena.add(text);
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        idMsb = Arrays.copyOf(idMsb, capacity);
        idLsb = Arrays.copyOf(idLsb, capacity);
        upns = Arrays.copyOf(upns, capacity);
        smtps = Arrays.copyOf(smtps, capacity);
        immutableIds = Arrays.copyOf(immutableIds, capacity);
        flags = Arrays.copyOf(flags, capacity);
        for (int m = 0; m < mapped.length; m++) {
            mapped[m] = Arrays.copyOf(mapped[m], capacity);
        }
    }

    /** Ends loading: builds the indexes, marks cloud users that share an ImmutableID; claims can be counted. */
    public void sealed() {
        for (ArenaIndex index : ruleIndexes) {
            if (index != anchors) {
                index.build(null);
            }
        }
        anchors.build((earlier, later) -> {
            flags[earlier] |= DUPLICATE;
            flags[later] |= DUPLICATE;
        });
        hardClaims = new int[size];
        softClaims = new int[size];
    }

    /**
     * How many users the store holds.
     *
     * @return the count; entries are numbered from 0
     */
    public int size() {
        return size;
    }

    /**
     * Candidates for a key under a rule, the key given as {@code length} UTF-8 bytes of {@code utf8} from
     * {@code from}.
     *
     * @param rule the rule's index
     * @param utf8 the array holding the key
     * @param from where the key starts
     * @param length how many bytes it has
     * @param out receives the first {@code limit} entries found
     * @param limit at most how many to write into {@code out}
     * @return how many entries have the key (may exceed {@code limit})
     */
    public int find(int rule, byte[] utf8, int from, int length, int[] out, int limit) {
        return ruleIndexes[rule].find(utf8, from, length, out, limit);
    }

    /**
     * Whether an entry's ImmutableID is exactly the given UTF-8 bytes.
     *
     * @param entry the user
     * @param utf8 the array holding the bytes
     * @param from where they start
     * @param length how many there are
     * @return true when they are equal
     */
    public boolean immutableIdEquals(int entry, byte[] utf8, int from, int length) {
        return arena.equals(immutableIds[entry], utf8, from, length);
    }

    /**
     * The mappings an entry has a value for.
     *
     * @param entry the user
     * @return a bit per mapping, in mapping order
     */
    public int mappedMask(int entry) {
        int mask = 0;
        for (int m = 0; m < mapped.length; m++) {
            if (mapped[m][entry] != TextArena.NONE) {
                mask |= 1 << m;
            }
        }
        return mask;
    }

    /**
     * An entry's object id.
     *
     * @param entry the user
     * @return the id as it was read
     */
    public String id(int entry) {
        return ids[entry] != null ? ids[entry] : new UUID(idMsb[entry], idLsb[entry]).toString();
    }

    /** Entra object ids are GUIDs: 16 bytes instead of an 80-byte string, when the text is canonical. */
    private void storeId(int entry, String id) {
        UUID uuid = canonicalUuid(id);
        if (uuid != null) {
            idMsb[entry] = uuid.getMostSignificantBits();
            idLsb[entry] = uuid.getLeastSignificantBits();
            ids[entry] = null;
        } else {
            ids[entry] = id;
        }
    }

    /**
     * The UUID whose text is exactly {@code id} (lower-case, hyphenated), or {@code null}: only then does
     * {@link #id(int)} give back the same text. Parsing and printing again costs less than checking the 36
     * characters one by one, whose digit-or-letter branches the processor cannot predict.
     */
    private static UUID canonicalUuid(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /**
     * An entry's UPN as UTF-8 bytes, for writing them as they are.
     *
     * @param entry the user
     * @return a range of the store's array; valid while nothing is added
     */
    public ArenaIndex.Key upnBytes(int entry) {
        return arena.key(upns[entry]);
    }

    /**
     * An entry's ImmutableID as UTF-8 bytes, for writing them as they are.
     *
     * @param entry the user
     * @return a range of the store's array, or {@code null} when the user has none
     */
    public ArenaIndex.Key immutableIdBytes(int entry) {
        return immutableIds[entry] == TextArena.NONE ? null : arena.key(immutableIds[entry]);
    }

    /**
     * An entry's UPN.
     *
     * @param entry the user
     * @return the UPN
     */
    public String upn(int entry) {
        return arena.text(upns[entry]);
    }

    /**
     * An entry's primary SMTP address.
     *
     * @param entry the user
     * @return the address, or {@code null}
     */
    public String primarySmtp(int entry) {
        return arena.text(smtps[entry]);
    }

    /**
     * An entry's ImmutableID.
     *
     * @param entry the user
     * @return the ImmutableID, or {@code null}
     */
    public String immutableId(int entry) {
        return arena.text(immutableIds[entry]);
    }

    /**
     * Whether an entry has an ImmutableID.
     *
     * @param entry the user
     * @return true when it has one
     */
    public boolean hasImmutableId(int entry) {
        return immutableIds[entry] != TextArena.NONE;
    }

    /**
     * Whether an entry is marked synced from on-premises.
     *
     * @param entry the user
     * @return true when it is
     */
    public boolean synced(int entry) {
        return (flags[entry] & SYNCED) != 0;
    }

    /**
     * Whether an entry holds an admin role.
     *
     * @param entry the user
     * @return true when it does
     */
    public boolean admin(int entry) {
        return (flags[entry] & ADMIN) != 0;
    }

    /**
     * An entry's value of a mapped attribute.
     *
     * @param mapping the mapping's index
     * @param entry the user
     * @return the value, or {@code null}
     */
    public String mapped(int mapping, int entry) {
        return arena.text(mapped[mapping][entry]);
    }

    /**
     * Whether another cloud user holds this entry's ImmutableID.
     *
     * @param entry the user
     * @return true when one does
     */
    public boolean duplicateAnchor(int entry) {
        return (flags[entry] & DUPLICATE) != 0;
    }

    /**
     * How many cloud users hold this entry's ImmutableID; a look-up, for notes only.
     *
     * @param entry the user
     * @return the count, 0 when it has none
     */
    public int anchorHolders(int entry) {
        return hasImmutableId(entry) ? anchors.find(TextArena.bytes(immutableId(entry)), null, 0) : 0;
    }

    /**
     * Counts a hard claim on an entry.
     *
     * @param entry the user
     */
    public void claimHard(int entry) {
        hardClaims[entry]++;
    }

    /**
     * Counts a soft claim on an entry.
     *
     * @param entry the user
     */
    public void claimSoft(int entry) {
        softClaims[entry]++;
    }

    /**
     * How many hard claims an entry has.
     *
     * @param entry the user
     * @return the count
     */
    public int hardClaims(int entry) {
        return hardClaims[entry];
    }

    /**
     * How many soft claims an entry has.
     *
     * @param entry the user
     * @return the count
     */
    public int softClaims(int entry) {
        return softClaims[entry];
    }
}
