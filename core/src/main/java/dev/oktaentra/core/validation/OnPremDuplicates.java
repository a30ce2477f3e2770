package dev.oktaentra.core.validation;

import dev.oktaentra.core.validation.internal.store.OnPremBatch;
import dev.oktaentra.core.validation.internal.store.OnPremBatch.Extra;
import dev.oktaentra.core.validation.internal.store.Spill;
import dev.oktaentra.core.validation.internal.store.SpillEntry;
import dev.oktaentra.core.validation.internal.store.SpillReader;
import dev.oktaentra.core.validation.internal.store.Twins;
import dev.oktaentra.core.validation.internal.store.ValueHashes;

/**
 * Entra ID's uniqueness check between the on-prem objects of one run: two objects the sync exports with the same UPN or
 * the same SMTP proxy address (a multi-forest export, a stale copy of a user in another OU, a contact-like user with a
 * user's address). The values "are generally required to be unique across all User, Group, or Contact objects in a
 * given Microsoft Entra tenant", and with duplicate attribute resiliency the object that comes second has the value
 * quarantined: its UPN replaced by {@code <OriginalPrefix>+<4DigitNumber>@<InitialTenantDomain>.onmicrosoft.com}, its
 * address dropped
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency,
 * "Behavior with Duplicate Attribute Resiliency"; without resiliency the export fails with AttributeValueMustBeUnique,
 * https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors). The page's own example of two
 * users with one UPN quarantines the one that "is attempted to be synced up next" ("Known issues"): which object that
 * is depends on the order Connect exports them in, which no source lets anyone predict. So both objects are flagged,
 * each naming the other: the safer side, which stops the cutover until one of them is fixed. Both are flagged also when
 * one of them takes over a cloud user that already holds the value, whose export alone would keep it.
 *
 * <p>Values are compared stripped and lower-cased, UPN with UPN and address with address, primary or not (the same
 * page's example has {@code smtp:Joe@contoso.com} conflict with {@code SMTP:Joe@contoso.com}). No Microsoft page read
 * says in words that the comparison ignores the letter case of the value itself; ignoring it is the safer side, and
 * the same normalisation as the cloud side's check ({@link Uniqueness}). An object without proxy addresses is compared
 * by its {@code mail}, as there. Objects Connect leaves out of the sync ({@code OUT_OF_SCOPE}), unreadable ones and
 * those a rule failed on hold nothing; any other object does, whatever its outcome, but only a finding that exports
 * something lists the conflict (as for the cloud side's).
 *
 * <p>Cost: no string is kept per object. Each value's 64-bit hash and the first entry holding it go to a
 * {@link ValueHashes} table as the objects are matched (some 16 to 24 bytes a value); a pair is recorded in
 * {@link Twins} when a later object meets the hash, and the other objects' names are read back from the spill once the
 * matching is done, only for the entries involved.
 */
final class OnPremDuplicates {

    private static final int UPN = 1;
    private static final int ADDRESS = 2;

    private final ValueHashes values = new ValueHashes();
    private final Twins twins;

    OnPremDuplicates(Twins twins) {
        this.twins = twins;
    }

    /**
     * Records an object's UPN and SMTP addresses, and the pairs it forms with earlier objects holding one.
     *
     * @param addresses the object's addresses, read by {@link Uniqueness#readAddresses}
     */
    void add(OnPremBatch batch, int object, int entry, Uniqueness addresses) {
        if (batch.hasExtra(object, Extra.UPN_KEY)) {
            int other = values.put(ValueHashes.hash(UPN, batch.bytes(), batch.extraStart(object, Extra.UPN_KEY),
                    batch.extraLength(object, Extra.UPN_KEY)), entry);
            if (other >= 0) {
                twins.add(entry, null, other);
                twins.add(other, null, entry);
            }
        }
        for (int a = 0; a < addresses.addressCount(); a++) {
            byte[] key = addresses.addressKey(a);
            int other = values.put(ValueHashes.hash(ADDRESS, key, 0, key.length), entry);
            if (other >= 0) {
                twins.add(entry, addresses.address(a), other);
                twins.add(other, addresses.address(a), entry);
            }
        }
    }

    /**
     * Reads the UPN and DN of every entry named as another's twin back from the spill, seeking to the blocks that hold
     * them: nothing is read when no two objects share a value.
     *
     * @param spill the finished spill
     */
    void nameTwins(Spill spill) {
        int[] entries = twins.toName();
        if (entries.length == 0) {
            return;
        }
        SpillEntry spilled = new SpillEntry();
        try (SpillReader reader = spill.reader()) {
            // The reader starts at entry 0; the entries ascend, so it only ever skips forward, a block at a time.
            int next = 0;
            for (int entry : entries) {
                int block = entry / Spill.BLOCK;
                if (block > next / Spill.BLOCK) {
                    reader.seekBlock(block);
                    next = block * Spill.BLOCK;
                }
                while (next <= entry) {
                    if (!reader.next(spilled)) {
                        throw new IllegalStateException("the spill ends before entry " + entry);
                    }
                    next++;
                }
                if (!spilled.isInvalid()) {
                    twins.name(entry, spilled.upn(), spilled.dn());
                }
            }
        }
    }
}
