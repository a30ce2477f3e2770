package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.JournalEntry;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.UpnSwap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users whose UPN the journal shows moved by a {@link UpnSwap} and not moved back: an apply that stopped between a
 * user's first and last change (a crash, a failed ImmutableID write, a partial rollback). The journal is the truth:
 * for each user, the UPN before its first swap change is its own, and the UPN after its last written one is where
 * it is now.
 */
final class StrandedSwaps {

    /**
     * One user away from its own UPN.
     *
     * @param userId the user's object id
     * @param ownUpn the UPN before the first swap
     * @param currentUpn the UPN the last written swap change left
     */
    record Stranded(String userId, String ownUpn, String currentUpn) {
    }

    private StrandedSwaps() {
    }

    /**
     * The stranded users of a step, by object id.
     *
     * @param ctx the context, attached to a migration (else there is no journal and nothing is stranded)
     * @param stepId the step that plans the swaps
     * @return the users, in journal order
     */
    static Map<String, Stranded> of(MigrationContext ctx, String stepId) {
        List<JournalEntry> entries;
        try {
            entries = ctx.journal().entries();
        } catch (IllegalStateException notAttached) {
            return Map.of();
        }
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            Change c = e.change();
            if (e.type() == JournalEntry.Type.CHANGE_APPLIED && stepId.equals(e.step()) && c != null
                    && c.kind() instanceof UpnSwap) {
                own.putIfAbsent(c.target(), c.before());
                current.put(c.target(), c.after());
            }
        }
        Map<String, Stranded> stranded = new LinkedHashMap<>();
        own.forEach((user, upn) -> {
            String now = current.get(user);
            if (!upn.equalsIgnoreCase(now)) {
                stranded.put(user, new Stranded(user, upn, now));
            }
        });
        return stranded;
    }
}
