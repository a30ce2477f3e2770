package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.internal.store.ArenaIndex;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.Spill;
import dev.oktaentra.core.validation.internal.store.SpillEntry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a spilled entry or a cloud user and its {@link Verdict} into a {@link ValidationFinding}, with the note the
 * verdict's {@link Verdict.Advice advice} names.
 */
final class FindingBuilder {

    /** Why a match onto an admin-role holder does not happen, and the way out (domain.md §3.1). */
    private static final String ADMIN_BLOCKS = "The cloud user holds an admin role, so Entra ID will not match it, "
            + "not even on its ImmutableID: remove the directory roles for the matching window and give them back "
            + "after the first sync.";

    private final ValidationReport report;
    private final CloudStore cloud;
    private final Pairings pairings;
    private final List<MatchRule> rules;
    private final List<AttributeMapping> mappings;

    FindingBuilder(ValidationReport report) {
        this.report = report;
        this.cloud = report.cloud();
        this.pairings = report.pairings();
        this.rules = report.config().rules();
        this.mappings = report.config().attributeMappings();
    }

    /** The finding of a record that could not be read. */
    ValidationFinding fromInvalid(Spill.Invalid invalid) {
        return new ValidationFinding(ValidationFinding.Side.valueOf(invalid.side()), MatchOutcome.INVALID, null, null,
                invalid.identity(), null, null, null, null, null, null, null, false, false, Map.of(), invalid.reason(),
                invalid.source(), invalid.location());
    }

    /** The finding of a readable on-prem user. */
    ValidationFinding fromUser(int entry, Verdict verdict, SpillEntry user) {
        MatchOutcome outcome = verdict.outcome();
        String upn = user.upn();
        String dn = user.dn();
        if (outcome == MatchOutcome.INVALID) {
            // Readable, but a match rule failed on it once the matching reached that rule.
            return new ValidationFinding(ValidationFinding.Side.ON_PREM, MatchOutcome.INVALID, null, null,
                    upn != null ? upn : dn, null, null, null, null, null, null, null, false, false, Map.of(),
                    pairings.note(entry), user.source(), dn);
        }
        String expected = user.expectedImmutableId();
        int c = pairings.candidate(entry);
        boolean withCandidate = c >= 0;
        int rule = pairings.rule(entry);
        Map<String, String> deletions = deletions(entry, verdict);
        return new ValidationFinding(ValidationFinding.Side.ON_PREM, outcome, report.cause(entry, verdict),
                rule < 0 ? null : rules.get(rule).name(), upn, dn, user.objectGuid().toString(), expected,
                withCandidate ? cloud.immutableId(c) : null, withCandidate ? cloud.id(c) : null,
                withCandidate ? cloud.upn(c) : null, withCandidate ? cloud.primarySmtp(c) : null,
                withCandidate && cloud.admin(c), withCandidate && cloud.synced(c),
                deletions, note(entry, verdict, expected, c, deletions), user.source(), null);
    }

    /**
     * Writes the CSV row {@link #fromUser} and {@link ReportFiles#row} would give for an on-prem user, from the
     * user's spilled bytes and without building the finding: at a million rows the strings cost more than the rest.
     */
    void writeCsvRow(ExcelSafeCsv csv, int entry, Verdict verdict, SpillEntry user) {
        MatchOutcome outcome = verdict.outcome();
        if (outcome == MatchOutcome.INVALID) {
            ReportFiles.row(csv, fromUser(entry, verdict, user));
            return;
        }
        byte[] bytes = user.bytes();
        ObjectGuid guid = user.objectGuid();
        String expected = user.expectedLength() >= 0
                ? new String(bytes, user.expectedFrom(), user.expectedLength(), StandardCharsets.UTF_8)
                : guid.toImmutableId().value();
        int c = pairings.candidate(entry);
        boolean withCandidate = c >= 0;
        int rule = pairings.rule(entry);
        Map<String, String> deletions = deletions(entry, verdict);
        csv.cell(ValidationFinding.Side.ON_PREM.name()).cell(outcome.name())
                .cell(outcome == MatchOutcome.ANCHOR_MISMATCH ? report.cause(entry, verdict).name() : null)
                .cell(rule < 0 ? null : rules.get(rule).name())
                .cell(bytes, user.upnFrom(), Math.max(user.upnLength(), 0))
                .cell(bytes, user.dnFrom(), Math.max(user.dnLength(), 0))
                .cell(guid.toString())
                .cell(expected);
        cell(csv, withCandidate ? cloud.immutableIdBytes(c) : null);
        csv.cell(withCandidate ? cloud.id(c) : null);
        cell(csv, withCandidate ? cloud.upnBytes(c) : null);
        csv.cell(withCandidate && cloud.admin(c) ? "yes" : null)
                .cell(withCandidate && cloud.synced(c) ? "yes" : null)
                .cell(ReportFiles.deletions(deletions))
                .cell(note(entry, verdict, expected, c, deletions))
                .cell(user.source())
                .cell((String) null)
                .cell(report.domainCell(withCandidate ? cloud.upn(c) : null))
                .endRow();
    }

    /** A cell of text held in the cloud store's arena, written from its bytes. */
    private static void cell(ExcelSafeCsv csv, ArenaIndex.Key text) {
        if (text == null) {
            csv.cell((String) null);
        } else {
            csv.cell(text.bytes(), text.from(), text.length());
        }
    }

    /** The finding of a cloud user's row of its own. */
    ValidationFinding fromCloud(int c, Verdict verdict) {
        return new ValidationFinding(ValidationFinding.Side.CLOUD, verdict.outcome(), null, null, cloud.upn(c), null,
                null, null, cloud.immutableId(c), cloud.id(c), cloud.upn(c), cloud.primarySmtp(c), cloud.admin(c),
                cloud.synced(c), Map.of(), note(-1, verdict, null, c, Map.of()), report.cloudSource(), null);
    }

    private Map<String, String> deletions(int entry, Verdict verdict) {
        int mask = report.deletionMask(entry, verdict);
        if (mask == 0) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int m = 0; mask != 0 && m < mappings.size(); m++) {
            if ((mask & (1 << m)) != 0) {
                values.put(mappings.get(m).cloudField(), cloud.mapped(m, pairings.candidate(entry)));
            }
        }
        return values;
    }

    /**
     * The sentence the verdict's advice names.
     *
     * @param entry the on-prem entry, or -1 for a cloud row
     * @param expected the ImmutableID the on-prem object yields, or {@code null} for a cloud row
     * @param c the cloud user, or -1
     */
    private String note(int entry, Verdict verdict, String expected, int c, Map<String, String> deletions) {
        String backfill = deletions.isEmpty() ? "" : " The sync would delete the cloud "
                + String.join(", ", deletions.keySet()) + " because on-prem has none: back-fill it on-prem first.";
        switch (verdict.advice()) {
            case NOTHING_TO_DO:
                return backfill.isEmpty() ? null : backfill.strip();
            case READ_FAILURE:
            case PAIRING_NOTE:
                return pairings.note(entry);
            case ADMIN_ROLE_BLOCKS_MATCH:
                return ADMIN_BLOCKS + backfill;
            case SOFT_MATCH_TAKES_OVER:
                return "Entra Connect will soft-match this user and stamp the anchor, unless soft matching is "
                        + "blocked in the tenant." + backfill;
            case FIX_ANCHOR:
            case FIX_ANCHOR_AND_ADMIN_ROLE:
                return "Set the cloud user's onPremisesImmutableId to " + expected
                        + " (or the on-prem anchor to match) before leaving staging; the cause is "
                        + pairings.cause(entry) + "."
                        + (verdict.advice() == Verdict.Advice.FIX_ANCHOR_AND_ADMIN_ROLE
                                ? " The cloud user also holds an admin role." : "");
            case ANCHOR_ON_SEVERAL_OBJECTS:
                return "Several on-prem objects yield this ImmutableID; Entra Connect cannot tell them apart.";
            case SEVERAL_OBJECTS_SOFT_MATCH:
                return cloud.softClaims(c) + " on-prem objects soft-match cloud user " + cloud.upn(c)
                        + "; decide which one owns it and fix the others' UPN or proxy addresses.";
            case COUNTERPART_TAKEN:
                return "Soft-matches cloud user " + cloud.upn(c) + ", which already belongs to the on-prem object "
                        + "with ImmutableID " + cloud.immutableId(c) + "; Entra Connect would create a new "
                        + "user with a conflicting UPN or address.";
            case NEW_USER:
                return "No cloud counterpart: Entra Connect would create a new cloud user.";
            case ANCHOR_ON_SEVERAL_CLOUD_USERS:
                return cloud.anchorHolders(c) + " cloud users hold this ImmutableID; give each its own before the "
                        + "cutover";
            case ORPHAN_DELETED:
                return "No on-prem object has this anchor and the user is still marked synced: Entra Connect would "
                        + "delete it. Bring the object into scope or fix its ImmutableID";
            case ORPHAN_STAYS:
                return "No on-prem object has this anchor: the user stays a cloud user after the cutover. Check it is "
                        + "not an on-prem user out of scope or with a changed anchor";
            case LEFT_ALONE:
                return "Cloud-only user without an ImmutableID and without an on-prem match; the sync leaves it alone";
            default:
                throw new IllegalStateException("No note for " + verdict.advice());
        }
    }
}
