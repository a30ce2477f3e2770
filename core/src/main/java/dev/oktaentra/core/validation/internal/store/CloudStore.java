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
 * Each rule has an {@link ArenaIndex} over its keys. Three indexes are always built, because Entra's uniqueness checks
 * need them whatever the rules: the userPrincipalName, the primary SMTP address and the other SMTP addresses, each
 * lower-cased; Entra's own soft-match rules use the first two rather than indexes of their own. Once
 * {@link #sealed() sealed}, the store also counts the claims the matching lays on each user (hard and soft); what a
 * claim means is the validation's, not the store's.
 */
public final class CloudStore {

    static final byte SYNCED = 1;
    static final byte ADMIN = 2;
    /** Another cloud user holds the same ImmutableID. */
    static final byte DUPLICATE = 4;
    static final byte ELIGIBLE = 8;
    static final byte CLOUD_MANAGED = 16;
    static final byte OBJECT_IDENTIFIER = 32;
    /** Separates the proxy addresses in one stored text; no address holds a line break. */
    public static final char SEPARATOR = '\n';

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
    private int[] mails = new int[1024];
    private int[] displayNames = new int[1024];
    /** The proxy addresses other than the primary SMTP one, as they were read, joined by {@link #SEPARATOR}. */
    private int[] otherProxies = new int[1024];
    private final int[][] mapped;
    private final ArenaIndex[] ruleIndexes;
    private final ArenaIndex upnIndex;
    private final ArenaIndex smtpIndex;
    /** The SMTP addresses other than the primary one, lower-cased. */
    private final ArenaIndex otherSmtpIndex;
    private final int upnRule;
    private final int smtpRule;
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
        this.upnRule = rules.indexOf(MatchRule.softMatchUserPrincipalName());
        this.smtpRule = rules.indexOf(MatchRule.softMatchPrimarySmtp());
        this.upnIndex = new ArenaIndex(arena, 1024);
        this.smtpIndex = new ArenaIndex(arena, 1024);
        this.otherSmtpIndex = new ArenaIndex(arena, 1024);
        this.ruleIndexes = new ArenaIndex[rules.size()];
        for (int i = 0; i < ruleIndexes.length; i++) {
            ruleIndexes[i] = i == upnRule ? upnIndex : i == smtpRule ? smtpIndex : new ArenaIndex(arena, 1024);
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
        // Texts of this user: [0] the UPN, [1] its key, [2] the primary SMTP address's key, then each rule's key;
        // stored texts are reused when equal.
        int first = 3;
        byte[][] texts = new byte[first + rules][];
        int[] handles = new int[first + rules];
        texts[0] = TextArena.bytes(user.userPrincipalName());
        texts[1] = TextArena.bytes(MatchRule.softMatchUserPrincipalName().key(user));
        texts[2] = TextArena.bytes(MatchRule.softMatchPrimarySmtp().key(user));
        for (int r = 0; r < rules; r++) {
            texts[first + r] = r == upnRule ? texts[1] : r == smtpRule ? texts[2]
                    : TextArena.bytes(this.rules.get(r).key(user));
        }
        byte[] immutable = user.immutableId() == null ? null : TextArena.bytes(user.immutableId().value());
        if (anchorRule >= 0 && !Arrays.equals(texts[first + anchorRule], immutable)) {
            throw new IllegalStateException("hard rule " + this.rules.get(anchorRule).name()
                    + " must key cloud users by their ImmutableID");
        }
        for (int t = 0; t < texts.length; t++) {
            handles[t] = store(texts[t], texts, handles, t);
        }
        if (size == ids.length) {
            grow();
        }
        int entry = size++;
        storeId(entry, user.id());
        upns[entry] = handles[0];
        smtps[entry] = store(TextArena.bytes(user.primarySmtpAddress()), texts, handles, texts.length);
        immutableIds[entry] = anchorRule >= 0 ? handles[first + anchorRule]
                : store(immutable, texts, handles, texts.length);
        flags[entry] = (byte) ((user.isSynced() ? SYNCED : 0) | (user.holdsAdminRole() ? ADMIN : 0)
                | (user.eligibleForAdminRole() ? ELIGIBLE : 0) | (Boolean.TRUE.equals(user.cloudManaged())
                        ? CLOUD_MANAGED : 0) | (present(user.onPremisesObjectIdentifier()) ? OBJECT_IDENTIFIER : 0));
        mails[entry] = store(TextArena.bytes(present(user.mail()) ? user.mail() : null), texts, handles,
                texts.length);
        displayNames[entry] = store(TextArena.bytes(present(user.displayName()) ? user.displayName() : null), texts,
                handles, texts.length);
        for (int m = 0; m < mapped.length; m++) {
            mapped[m][entry] = store(TextArena.bytes(mappedValues.get(m).apply(user)), texts, handles, texts.length);
        }
        otherProxies[entry] = storeOtherProxies(user, entry);
        if (texts[1] != null) {
            upnIndex.append(handles[1], texts[1], entry);
        }
        if (texts[2] != null) {
            smtpIndex.append(handles[2], texts[2], entry);
        }
        for (int r = 0; r < rules; r++) {
            if (r != anchorRule && r != upnRule && r != smtpRule && texts[first + r] != null) {
                ruleIndexes[r].append(handles[first + r], texts[first + r], entry);
            }
        }
        if (immutable != null) {
            anchors.append(immutableIds[entry], immutable, entry);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Stores the proxy addresses other than the primary SMTP one, and indexes their SMTP addresses; most users have
     * none, and cost nothing.
     */
    private int storeOtherProxies(CloudUser user, int entry) {
        StringBuilder others = null;
        boolean primarySeen = false;
        for (String proxy : user.proxyAddresses()) {
            if (proxy == null || proxy.isBlank()) {
                continue;
            }
            if (!primarySeen && proxy.startsWith("SMTP:") && proxy.length() > 5) {
                primarySeen = true;
                continue;
            }
            others = others == null ? new StringBuilder() : others.append(SEPARATOR);
            others.append(proxy.strip());
            String address = ProxyText.smtpAddress(proxy);
            if (address != null) {
                byte[] key = TextArena.bytes(address);
                otherSmtpIndex.append(arena.add(key), key, entry);
            }
        }
        return others == null ? TextArena.NONE : arena.add(TextArena.bytes(others.toString()));
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
        mails = Arrays.copyOf(mails, capacity);
        displayNames = Arrays.copyOf(displayNames, capacity);
        otherProxies = Arrays.copyOf(otherProxies, capacity);
        for (int m = 0; m < mapped.length; m++) {
            mapped[m] = Arrays.copyOf(mapped[m], capacity);
        }
    }

    /** Ends loading: builds the indexes, marks cloud users that share an ImmutableID; claims can be counted. */
    public void sealed() {
        for (ArenaIndex index : ruleIndexes) {
            if (index != anchors && index != upnIndex && index != smtpIndex) {
                index.build(null);
            }
        }
        upnIndex.build(null);
        smtpIndex.build(null);
        otherSmtpIndex.build(null);
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
     * Finds the cloud users holding exactly an ImmutableID (case-sensitive, as Entra compares the sourceAnchor),
     * through the hard rule's index or, when no rule is hard, the store's own.
     *
     * @param utf8 the array holding the ImmutableID
     * @param from where it starts
     * @param length how many bytes it has
     * @param out receives the first {@code limit} entries found
     * @param limit at most how many to write into {@code out}
     * @return how many entries hold it (may exceed {@code limit})
     */
    public int findAnchor(byte[] utf8, int from, int length, int[] out, int limit) {
        return anchors.find(utf8, from, length, out, limit);
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
     * Whether an entry is eligible (PIM) for a directory role.
     *
     * @param entry the user
     * @return true when it is
     */
    public boolean eligible(int entry) {
        return (flags[entry] & ELIGIBLE) != 0;
    }

    /**
     * Whether an entry's source of authority is the cloud ({@code onPremisesSyncBehavior.isCloudManaged}).
     *
     * @param entry the user
     * @return true when it is read as {@code true}
     */
    public boolean cloudManaged(int entry) {
        return (flags[entry] & CLOUD_MANAGED) != 0;
    }

    /**
     * Whether an entry has an {@code onPremisesObjectIdentifier}.
     *
     * @param entry the user
     * @return true when one is set
     */
    public boolean objectIdentifierSet(int entry) {
        return (flags[entry] & OBJECT_IDENTIFIER) != 0;
    }

    /**
     * An entry's mail.
     *
     * @param entry the user
     * @return the mail, or {@code null}
     */
    public String mail(int entry) {
        return arena.text(mails[entry]);
    }

    /**
     * An entry's display name.
     *
     * @param entry the user
     * @return the display name, or {@code null}
     */
    public String displayName(int entry) {
        return arena.text(displayNames[entry]);
    }

    /**
     * An entry's proxy addresses other than the primary SMTP one, as read.
     *
     * @param entry the user
     * @return the addresses joined by {@link #SEPARATOR}, or {@code null} when there are none
     */
    public String otherProxies(int entry) {
        return arena.text(otherProxies[entry]);
    }

    /**
     * Whether an entry has proxy addresses other than its primary SMTP one.
     *
     * @param entry the user
     * @return true when it has
     */
    public boolean hasOtherProxies(int entry) {
        return otherProxies[entry] != TextArena.NONE;
    }

    /**
     * Whether an entry's UPN is a text given as UTF-8 bytes, letter case and surrounding blanks aside.
     *
     * @param entry the user
     * @param key the array holding the key
     * @param from where it starts
     * @param length how many bytes it has
     * @return true when they are the same
     */
    public boolean upnIs(int entry, byte[] key, int from, int length) {
        return arena.sameIgnoringCase(upns[entry], key, from, length);
    }

    /**
     * Whether an entry's mail is a key given as UTF-8 bytes, as {@link #upnIs}.
     *
     * @param entry the user
     * @param key the array holding the key
     * @param from where it starts
     * @param length how many bytes it has
     * @return true when they are the same; false when the user has no mail
     */
    public boolean mailIs(int entry, byte[] key, int from, int length) {
        return arena.sameIgnoringCase(mails[entry], key, from, length);
    }

    /**
     * Whether an entry's primary SMTP address is a key given as UTF-8 bytes, as {@link #upnIs}.
     *
     * @param entry the user
     * @param key the array holding the key
     * @param from where it starts
     * @param length how many bytes it has
     * @return true when they are the same; false when the user has none
     */
    public boolean primarySmtpIs(int entry, byte[] key, int from, int length) {
        return arena.sameIgnoringCase(smtps[entry], key, from, length);
    }

    /**
     * Whether an entry's display name is exactly the given UTF-8 bytes.
     *
     * @param entry the user
     * @param utf8 the array holding them
     * @param from where they start
     * @param length how many there are
     * @return true when they are equal; false when the user has none
     */
    public boolean displayNameIs(int entry, byte[] utf8, int from, int length) {
        return arena.equals(displayNames[entry], utf8, from, length);
    }

    /**
     * Whether an entry has a mail.
     *
     * @param entry the user
     * @return true when it has
     */
    public boolean hasMail(int entry) {
        return mails[entry] != TextArena.NONE;
    }

    /**
     * Whether an entry has a display name.
     *
     * @param entry the user
     * @return true when it has
     */
    public boolean hasDisplayName(int entry) {
        return displayNames[entry] != TextArena.NONE;
    }

    /**
     * Whether an entry has a primary SMTP address.
     *
     * @param entry the user
     * @return true when it has
     */
    public boolean hasPrimarySmtp(int entry) {
        return smtps[entry] != TextArena.NONE;
    }

    /**
     * The users whose UPN is a key (as {@link ProxyText#key}), for Entra's uniqueness check.
     *
     * @param key the array holding the key
     * @param from where it starts
     * @param length how many bytes it has
     * @param out receives the first {@code limit} users
     * @param limit at most how many to write
     * @return how many users have it
     */
    public int findUpn(byte[] key, int from, int length, int[] out, int limit) {
        return upnIndex.find(key, from, length, out, limit);
    }

    /**
     * The users holding an SMTP address (as {@link ProxyText#smtpAddress}) as their primary one, or as another.
     *
     * @param key the address
     * @param out receives the first {@code limit} users, primary holders first
     * @param limit at most how many to write
     * @return how many users hold it
     */
    public int findSmtp(byte[] key, int[] out, int limit) {
        int primary = smtpIndex.find(key, out, limit);
        if (primary >= limit) {
            return primary + otherSmtpIndex.find(key, null, 0);
        }
        int[] rest = new int[limit - primary];
        int others = otherSmtpIndex.find(key, rest, rest.length);
        System.arraycopy(rest, 0, out, primary, Math.min(others, rest.length));
        return primary + others;
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
