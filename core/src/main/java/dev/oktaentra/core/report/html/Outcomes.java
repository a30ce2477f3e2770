package dev.oktaentra.core.report.html;

import dev.oktaentra.core.match.MatchOutcome;
import java.util.Locale;

/** How the report explains and colours each outcome. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * A CSS class: {@code ok} for hard matches, {@code info} for the outcomes that need no action (as
     * {@code ValidationReport.needsAttention()} counts them), {@code attention} for the rest.
     */
    static String tone(MatchOutcome outcome) {
        return switch (outcome) {
            case MATCHED -> "ok";
            case SOFT_MATCH_ONLY, OUT_OF_SCOPE -> "info";
            default -> "attention";
        };
    }

    /** One sentence a person understands. */
    static String explain(MatchOutcome outcome) {
        return switch (outcome) {
            case MATCHED -> "The cloud user already holds the ImmutableID this on-prem user yields: a hard match.";
            case ANCHOR_MISMATCH -> "A soft match finds a cloud user with another ImmutableID: Entra Connect would "
                    + "create a duplicate or fail. Fix the ImmutableID first.";
            case SOFT_MATCH_ONLY -> "Entra's soft match (primary SMTP address, then UPN where the tenant allows it) "
                    + "finds a cloud user without an ImmutableID: the sync would take it over, unless the row names "
                    + "what blocks it.";
            case CUSTOM_MATCH_ONLY -> "Only a custom rule pairs the users: Entra ID never matches on it and would "
                    + "create the user a second time. Stamp the ImmutableID first (remediate-anchors).";
            case HARD_MATCH_BLOCKED -> "The ImmutableID matches, but Entra ID blocks the takeover (admin role, "
                    + "eligible role, onPremisesObjectIdentifier set, cloud-managed, or the tenant's block): the "
                    + "export fails or adds a duplicate. Clear what the row names for the matching window.";
            case ONPREM_ONLY -> "No cloud counterpart: Entra Connect would create a new cloud user.";
            case CLOUD_ONLY -> "A cloud user whose ImmutableID no on-prem object explains: an orphan, left behind "
                    + "(read-only if still marked synced).";
            case AMBIGUOUS -> "Several candidates: a person must decide which objects belong together.";
            case DUPLICATE_ANCHOR -> "One anchor on two objects of one side: the sync engine cannot tell them apart.";
            case INVALID -> "A record that could not be read; the row says where and why.";
            case OUT_OF_SCOPE -> "Not part of the sync: a cloud-only user without an ImmutableID, or an on-prem "
                    + "object Entra Connect's default rules leave out (the row names the rule).";
        };
    }

    /** {@code ANCHOR_MISMATCH} as {@code Anchor mismatch}, for headings. */
    static String label(MatchOutcome outcome) {
        String words = outcome.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
