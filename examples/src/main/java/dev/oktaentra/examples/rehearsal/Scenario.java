package dev.oktaentra.examples.rehearsal;

import java.util.Locale;

/**
 * What an {@link EmbeddedEnvironment} is seeded with: how many on-prem users, the seed that makes every run the
 * same, and how many users carry each kind of trouble real tenants have.
 *
 * <pre>{@code
 * Scenario scenario = Scenario.forUsers(2_000, Scenario.DEFAULT_SEED);       // trouble in proportion
 * Scenario small = Scenario.forUsers(300, 7).withCloudSyncConfigured(true);  // for the cloud-sync runbook
 * }</pre>
 *
 * @param users on-prem users, trouble included
 * @param seed the seed of every random choice (GUIDs, names, OUs, who gets which trouble)
 * @param anchorMismatches cloud users holding a wrong ImmutableID, spread over the known conversion mistakes (most
 *        of them the byte-order mistake)
 * @param softMatchOnly cloud users without an ImmutableID whose UPN matches an on-prem user; one of them holds an
 *        admin role
 * @param onPremOnly on-prem users without a cloud user (new hires Okta never provisioned)
 * @param cloudOrphans cloud users with an ImmutableID that no on-prem user explains; half of them (rounded down)
 *        still marked synced from an earlier sync server
 * @param mailMissingOnPrem matched users whose {@code mail} Okta stamped in the cloud while AD has none
 * @param cloudSyncConfigured whether the tenant has a paused cloud sync configuration (for the cloud-sync runbook)
 */
public record Scenario(int users, long seed, int anchorMismatches, int softMatchOnly, int onPremOnly,
        int cloudOrphans, int mailMissingOnPrem, boolean cloudSyncConfigured) {

    /** The seed the rehearsal uses unless told otherwise. */
    public static final long DEFAULT_SEED = 20_260_301L;
    /** The rehearsal's size unless told otherwise. */
    public static final int DEFAULT_USERS = 2_000;
    /** The fewest users a scenario holds: below this the trouble would hide the anchor Okta used. */
    public static final int MIN_USERS = 300;
    /** The most users a scenario holds; the embedded directories live in memory. */
    public static final int MAX_USERS = 200_000;
    /** Kinds of anchor mismatch planted besides the byte-order mistake; each gets at least one user. */
    static final int OTHER_MISMATCH_KINDS = 6;

    /**
     * Checks the sizes: every count fits among the users, and the mismatches cover every planted kind.
     *
     * @param users on-prem users, trouble included
     * @param seed the seed of every random choice (GUIDs, names, OUs, who gets which trouble)
     * @param anchorMismatches cloud users holding a wrong ImmutableID, spread over the known conversion mistakes (most
     *        of them the byte-order mistake)
     * @param softMatchOnly cloud users without an ImmutableID whose UPN matches an on-prem user; one of them holds an
     *        admin role
     * @param onPremOnly on-prem users without a cloud user (new hires Okta never provisioned)
     * @param cloudOrphans cloud users with an ImmutableID that no on-prem user explains; half of them (rounded down)
     *        still marked synced from an earlier sync server
     * @param mailMissingOnPrem matched users whose {@code mail} Okta stamped in the cloud while AD has none
     * @param cloudSyncConfigured whether the tenant has a paused cloud sync configuration (for the cloud-sync runbook)
     */
    public Scenario {
        if (users < MIN_USERS || users > MAX_USERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A scenario holds between %,d and %,d users, not %,d", MIN_USERS, MAX_USERS, users));
        }
        check("anchorMismatches", anchorMismatches, OTHER_MISMATCH_KINDS + 1);
        check("softMatchOnly", softMatchOnly, 1);
        check("onPremOnly", onPremOnly, 0);
        check("cloudOrphans", cloudOrphans, 0);
        check("mailMissingOnPrem", mailMissingOnPrem, 0);
        long troubled = (long) anchorMismatches + softMatchOnly + onPremOnly + mailMissingOnPrem;
        if (troubled > users / 4) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d of %,d users carry trouble; keep it "
                    + "to a quarter, or the anchor Okta used can no longer be detected", troubled, users));
        }
    }

    private static void check(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
    }

    /**
     * A scenario with trouble in proportion to its size: 2% anchor mismatches, 1% soft matches, 1% on-prem only,
     * 0.5% cloud orphans and 0.5% missing mails (a few of each at least), without cloud sync.
     *
     * @param users on-prem users, {@value #MIN_USERS} to {@value #MAX_USERS}
     * @param seed the seed
     * @return the scenario
     * @throws IllegalArgumentException naming the count when it is out of range
     */
    public static Scenario forUsers(int users, long seed) {
        return new Scenario(users, seed, Math.max(OTHER_MISMATCH_KINDS + 1, users / 50), Math.max(3, users / 100),
                Math.max(3, users / 100), Math.max(4, users / 200), Math.max(3, users / 200), false);
    }

    /**
     * The same users and trouble, with or without a paused cloud sync configuration in the tenant.
     *
     * @param value true for a tenant prepared for the cloud-sync runbook
     * @return a copy
     */
    public Scenario withCloudSyncConfigured(boolean value) {
        return new Scenario(users, seed, anchorMismatches, softMatchOnly, onPremOnly, cloudOrphans,
                mailMissingOnPrem, value);
    }

    /**
     * The cloud orphans still marked synced.
     *
     * @return how many of the cloud orphans are still marked synced
     */
    public int syncedOrphans() {
        return cloudOrphans / 2;
    }
}
