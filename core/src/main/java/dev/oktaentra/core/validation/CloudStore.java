package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.MatchRule;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The cloud side, held compactly while the on-prem side streams past it: a few strings per user in parallel
 * arrays, each rule's key, and one {@link KeyIndex} per rule. Strings that several arrays share (a lower-case UPN
 * is its own key) are stored once.
 */
final class CloudStore {

    static final byte SYNCED = 1;
    static final byte ADMIN = 2;
    /** Another cloud user holds the same ImmutableID. */
    static final byte DUPLICATE = 4;

    private final List<MatchRule> rules;
    private final List<AttributeMapping> mappings;
    private int size;
    /** Ids that are not lower-case GUID text; {@code null} where {@link #idMsb}/{@link #idLsb} hold the id. */
    private String[] ids = new String[1024];
    private long[] idMsb = new long[1024];
    private long[] idLsb = new long[1024];
    private String[] upns = new String[1024];
    private String[] smtps = new String[1024];
    private String[] immutableIds = new String[1024];
    private byte[] flags = new byte[1024];
    private final String[][] mapped;
    private final KeyIndex[] ruleIndexes;
    /** The index that finds cloud users by ImmutableID: a hard rule's, or one of its own when no rule is hard. */
    private final KeyIndex anchors;
    private final int anchorRule;
    private int[] hardClaims;
    private int[] softClaims;

    CloudStore(List<MatchRule> rules, List<AttributeMapping> mappings) {
        this.rules = rules;
        this.mappings = mappings;
        this.mapped = new String[mappings.size()][1024];
        this.ruleIndexes = new KeyIndex[rules.size()];
        for (int i = 0; i < ruleIndexes.length; i++) {
            ruleIndexes[i] = new KeyIndex(1024);
        }
        int hard = -1;
        for (int i = 0; i < rules.size() && hard < 0; i++) {
            hard = rules.get(i).isHardMatch() ? i : -1;
        }
        this.anchorRule = hard;
        this.anchors = hard >= 0 ? ruleIndexes[hard] : new KeyIndex(1024);
    }

    /**
     * Adds a user.
     *
     * @throws RuntimeException from a custom rule; the caller turns it into an INVALID finding
     */
    void add(CloudUser user) {
        String[] keys = new String[rules.size()];
        for (int r = 0; r < keys.length; r++) {
            keys[r] = shared(rules.get(r).key(user), keys, r, user.userPrincipalName());
        }
        if (size == ids.length) {
            grow();
        }
        String immutable = user.immutableId() == null ? null : user.immutableId().value();
        if (anchorRule >= 0 && !java.util.Objects.equals(keys[anchorRule], immutable)) {
            throw new IllegalStateException("hard rule " + rules.get(anchorRule).name()
                    + " must key cloud users by their ImmutableID");
        }
        int entry = size++;
        storeId(entry, user.id());
        upns[entry] = user.userPrincipalName();
        smtps[entry] = shared(user.primarySmtpAddress(), keys, keys.length, user.userPrincipalName());
        immutableIds[entry] = immutable;
        flags[entry] = (byte) ((user.isSynced() ? SYNCED : 0) | (user.holdsAdminRole() ? ADMIN : 0));
        for (int m = 0; m < mapped.length; m++) {
            mapped[m][entry] = shared(mappings.get(m).cloudValue(user), keys, keys.length, user.userPrincipalName());
        }
        for (int r = 0; r < keys.length; r++) {
            if (r != anchorRule) {
                ruleIndexes[r].add(keys[r], entry);
            }
        }
        // A hard rule's cloud key is the ImmutableID itself, so its index also finds duplicates.
        if (anchors.addAndFindEarlier(immutableIds[entry], entry, earlier -> flags[earlier] |= DUPLICATE) > 0) {
            flags[entry] |= DUPLICATE;
        }
    }

    /**
     * The same string instance as an equal one already held for this user (its UPN, an earlier rule's key), so that
     * a tenant where mail, primary SMTP address and UPN agree stores the text once.
     */
    private static String shared(String value, String[] earlierKeys, int count, String upn) {
        if (value == null) {
            return null;
        }
        if (value.equals(upn)) {
            return upn;
        }
        for (int i = 0; i < count; i++) {
            if (value.equals(earlierKeys[i])) {
                return earlierKeys[i];
            }
        }
        return value;
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

    /** Ends loading; claims can be counted from now on. */
    void sealed() {
        hardClaims = new int[size];
        softClaims = new int[size];
    }

    int size() {
        return size;
    }

    /** Candidates for a key under a rule; see {@link KeyIndex#find}. */
    int find(int rule, String key, int[] out, int limit) {
        return ruleIndexes[rule].find(key, out, limit);
    }

    String id(int entry) {
        return ids[entry] != null ? ids[entry] : new UUID(idMsb[entry], idLsb[entry]).toString();
    }

    /** Entra object ids are GUIDs: 16 bytes instead of an 80-byte string, when the text is canonical. */
    private void storeId(int entry, String id) {
        if (isCanonicalUuid(id)) {
            UUID uuid = UUID.fromString(id);
            idMsb[entry] = uuid.getMostSignificantBits();
            idLsb[entry] = uuid.getLeastSignificantBits();
            ids[entry] = null;
        } else {
            ids[entry] = id;
        }
    }

    private static boolean isCanonicalUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    String upn(int entry) {
        return upns[entry];
    }

    String primarySmtp(int entry) {
        return smtps[entry];
    }

    String immutableId(int entry) {
        return immutableIds[entry];
    }

    boolean synced(int entry) {
        return (flags[entry] & SYNCED) != 0;
    }

    boolean admin(int entry) {
        return (flags[entry] & ADMIN) != 0;
    }

    String mapped(int mapping, int entry) {
        return mapped[mapping][entry];
    }

    /** Whether another cloud user holds this entry's ImmutableID. */
    boolean duplicateAnchor(int entry) {
        return (flags[entry] & DUPLICATE) != 0;
    }

    /** How many cloud users hold this entry's ImmutableID (0 when it has none); a look-up, for notes only. */
    int anchorHolders(int entry) {
        return immutableIds[entry] == null ? 0 : anchors.count(immutableIds[entry]);
    }

    void claimHard(int entry) {
        hardClaims[entry]++;
    }

    void claimSoft(int entry) {
        softClaims[entry]++;
    }

    int hardClaims(int entry) {
        return hardClaims[entry];
    }

    int softClaims(int entry) {
        return softClaims[entry];
    }
}
