package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.validation.ValidationFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The cloud users of the matched pairs (a finding with both an on-premises object and a cloud user, whatever its
 * outcome, so a pair the prediction marks blocked counts too) that the sync engine will try to take over, read
 * fresh from the cloud directory, with the on-premises object each is paired with.
 */
final class PairedCloudUsers {

    /**
     * A cloud user and the on-premises object paired with it.
     *
     * @param user the cloud user as read now
     * @param distinguishedName the on-premises object
     */
    record Pair(CloudUser user, String distinguishedName) {
    }

    private PairedCloudUsers() {
    }

    /**
     * The pairs whose cloud user passes a test.
     *
     * @param ctx the context (validation and cloud directory)
     * @param step the step asking, for messages
     * @param wanted the test, e.g. holds a role
     * @return the pairs, in the cloud directory's order
     */
    static List<Pair> where(MigrationContext ctx, String step, Predicate<CloudUser> wanted) {
        Map<String, String> paired = new HashMap<>();
        try (Stream<ValidationFinding> findings = ctx.validation().findings()) {
            findings.forEach(f -> {
                if (f.cloudId() != null && f.distinguishedName() != null) {
                    paired.put(f.cloudId(), f.distinguishedName());
                }
            });
        }
        List<Pair> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<DirectoryRecord<CloudUser>> records = MigrationContext.require(ctx.cloud(), "the cloud directory",
                step).records()) {
            records.forEach(r -> {
                if (r instanceof DirectoryRecord.Usable<CloudUser> u && paired.containsKey(u.user().id())
                        && wanted.test(u.user()) && seen.add(u.user().id())) {
                    pairs.add(new Pair(u.user(), paired.get(u.user().id())));
                }
            });
        }
        return pairs;
    }

    /**
     * Whether a cloud user holds a role, active or eligible.
     *
     * @param user the user
     * @return true when either flag is set
     */
    static boolean holdsRole(CloudUser user) {
        return user.holdsAdminRole() || user.eligibleForAdminRole();
    }
}
