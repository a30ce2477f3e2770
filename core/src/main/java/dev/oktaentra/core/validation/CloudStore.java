package dev.oktaentra.core.validation;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.MatchRule;
import java.util.Arrays;
import java.util.List;

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
    private String[] ids = new String[1024];
    private String[] upns = new String[1024];
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
            keys[r] = rules.get(r).key(user);
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
        ids[entry] = user.id();
        upns[entry] = user.userPrincipalName();
        immutableIds[entry] = immutable;
        flags[entry] = (byte) ((user.isSynced() ? SYNCED : 0) | (user.holdsAdminRole() ? ADMIN : 0));
        for (int m = 0; m < mapped.length; m++) {
            mapped[m][entry] = mappings.get(m).cloudValue(user);
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

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        upns = Arrays.copyOf(upns, capacity);
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
        return ids[entry];
    }

    String upn(int entry) {
        return upns[entry];
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
