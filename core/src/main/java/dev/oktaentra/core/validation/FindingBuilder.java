package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.report.ExcelSafeCsv;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a spilled tuple or a cloud entry into a {@link ValidationFinding}, with a note that says what to do. */
final class FindingBuilder {

    private final ValidationReport report;
    private final CloudStore cloud;
    private final Entries entries;
    private final List<MatchRule> rules;
    private final List<AttributeMapping> mappings;

    FindingBuilder(ValidationReport report) {
        this.report = report;
        this.cloud = report.cloud();
        this.entries = report.entries();
        this.rules = report.config().rules();
        this.mappings = report.config().attributeMappings();
    }

    ValidationFinding fromSpill(int entry, MatchOutcome outcome, Object spilled) {
        if (spilled instanceof Spill.Invalid i) {
            return new ValidationFinding(ValidationFinding.Side.valueOf(i.side()), MatchOutcome.INVALID, null, null,
                    i.identity(), null, null, null, null, null, null, null, false, false, Map.of(), i.reason(), i.source(),
                    i.location());
        }
        Spill.User user = (Spill.User) spilled;
        String upn = user.upn();
        String dn = user.dn();
        if (outcome == MatchOutcome.INVALID) {
            // Readable, but a match rule failed on it once the matching reached that rule.
            return new ValidationFinding(ValidationFinding.Side.ON_PREM, MatchOutcome.INVALID, null, null,
                    upn != null ? upn : dn, null, null, null, null, null, null, null, false, false, Map.of(),
                    entries.note(entry), user.source(), dn);
        }
        String guid = user.objectGuid().toString();
        String expected = user.expectedImmutableId();
        String origin = user.source();
        String ruleNote = entries.note(entry);
        int c = entries.candidate(entry);
        boolean withCandidate = c >= 0;
        int rule = entries.rule(entry);
        Map<String, String> deletions = deletions(entry, outcome);
        String note = note(entry, outcome, expected, c, ruleNote, deletions);
        return new ValidationFinding(ValidationFinding.Side.ON_PREM, outcome,
                outcome == MatchOutcome.ANCHOR_MISMATCH ? entries.cause(entry) : null,
                rule < 0 ? null : rules.get(rule).name(), upn, dn, guid, expected,
                withCandidate ? cloud.immutableId(c) : null, withCandidate ? cloud.id(c) : null,
                withCandidate ? cloud.upn(c) : null, withCandidate ? cloud.primarySmtp(c) : null,
                withCandidate && cloud.admin(c), withCandidate && cloud.synced(c),
                deletions, note, origin, null);
    }

    /**
     * Writes the CSV row {@link #fromSpill} and {@link ReportFiles#row} would give for an on-prem user, from the
     * user's spilled bytes and without building the finding: at a million rows the strings cost more than the rest.
     */
    void writeCsvRow(ExcelSafeCsv csv, int entry, MatchOutcome outcome, Spill.RawUser user) {
        ObjectGuid guid = ObjectGuid.of(user.guid);
        if (outcome == MatchOutcome.INVALID) {
            ReportFiles.row(csv, fromSpill(entry, outcome, new Spill.User(user.upn(), user.dn(), guid,
                    null, user.source)));
            return;
        }
        byte[] bytes = user.bytes();
        String expected = user.expectedLength >= 0
                ? new String(bytes, user.expectedFrom, user.expectedLength, StandardCharsets.UTF_8)
                : guid.toImmutableId().value();
        int c = entries.candidate(entry);
        boolean withCandidate = c >= 0;
        int rule = entries.rule(entry);
        Map<String, String> deletions = deletions(entry, outcome);
        csv.cell(ValidationFinding.Side.ON_PREM.name()).cell(outcome.name())
                .cell(outcome == MatchOutcome.ANCHOR_MISMATCH ? entries.cause(entry).name() : null)
                .cell(rule < 0 ? null : rules.get(rule).name())
                .cell(bytes, user.upnFrom, Math.max(user.upnLength, 0))
                .cell(bytes, user.dnFrom, Math.max(user.dnLength, 0))
                .cell(guid.toString())
                .cell(expected);
        cell(csv, withCandidate ? cloud.immutableIdBytes(c) : null);
        csv.cell(withCandidate ? cloud.id(c) : null);
        cell(csv, withCandidate ? cloud.upnBytes(c) : null);
        csv.cell(withCandidate && cloud.admin(c) ? "yes" : null)
                .cell(withCandidate && cloud.synced(c) ? "yes" : null)
                .cell(ReportFiles.deletions(deletions))
                .cell(note(entry, outcome, expected, c, entries.note(entry), deletions))
                .cell(user.source)
                .cell((String) null)
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

    ValidationFinding fromCloud(int c, MatchOutcome outcome) {
        String note;
        if (outcome == MatchOutcome.DUPLICATE_ANCHOR) {
            note = cloud.anchorHolders(c) + " cloud users hold this ImmutableID; give each its own before the cutover";
        } else if (outcome == MatchOutcome.CLOUD_ONLY) {
            note = cloud.synced(c)
                    ? "No on-prem object has this anchor and the user is still marked synced: Entra Connect would "
                            + "delete it. Bring the object into scope or fix its ImmutableID"
                    : "No on-prem object has this anchor: the user stays a cloud user after the cutover. Check it is "
                            + "not an on-prem user out of scope or with a changed anchor";
        } else {
            note = "Cloud-only user without an ImmutableID and without an on-prem match; the sync leaves it alone";
        }
        return new ValidationFinding(ValidationFinding.Side.CLOUD, outcome, null, null, cloud.upn(c), null, null, null,
                cloud.immutableId(c), cloud.id(c), cloud.upn(c), cloud.primarySmtp(c), cloud.admin(c), cloud.synced(c),
                Map.of(), note,
                report.cloudSource(), null);
    }

    private Map<String, String> deletions(int entry, MatchOutcome outcome) {
        if (outcome != MatchOutcome.MATCHED && outcome != MatchOutcome.SOFT_MATCH_ONLY) {
            return Map.of();
        }
        int mask = entries.deletions(entry);
        Map<String, String> values = new LinkedHashMap<>();
        for (int m = 0; mask != 0 && m < mappings.size(); m++) {
            if ((mask & (1 << m)) != 0) {
                values.put(mappings.get(m).cloudField(), cloud.mapped(m, entries.candidate(entry)));
            }
        }
        return values;
    }

    /** Why a match onto an admin-role holder does not happen, and the way out (domain.md §3.1). */
    private static final String ADMIN_BLOCKS = "The cloud user holds an admin role, so Entra ID will not match it, "
            + "not even on its ImmutableID: remove the directory roles for the matching window and give them back "
            + "after the first sync.";

    private String note(int entry, MatchOutcome outcome, String expected, int c, String ruleNote,
            Map<String, String> deletions) {
        String backfill = deletions.isEmpty() ? "" : " The sync would delete the cloud "
                + String.join(", ", deletions.keySet()) + " because on-prem has none: back-fill it on-prem first.";
        switch (outcome) {
            case MATCHED:
                if (cloud.admin(c)) {
                    return ADMIN_BLOCKS + backfill;
                }
                return backfill.isEmpty() ? null : backfill.strip();
            case SOFT_MATCH_ONLY:
                return (cloud.admin(c)
                        ? ADMIN_BLOCKS
                        : "Entra Connect will soft-match this user and stamp the anchor, unless soft matching is "
                                + "blocked in the tenant.") + backfill;
            case ANCHOR_MISMATCH:
                return "Set the cloud user's onPremisesImmutableId to " + expected
                        + " (or the on-prem anchor to match) before leaving staging; the cause is "
                        + entries.cause(entry) + "."
                        + (cloud.admin(c) ? " The cloud user also holds an admin role." : "");
            case DUPLICATE_ANCHOR:
                return ruleNote != null ? ruleNote
                        : "Several on-prem objects yield this ImmutableID; Entra Connect cannot tell them apart.";
            case AMBIGUOUS:
                return ruleNote != null ? ruleNote
                        : cloud.softClaims(c) + " on-prem objects soft-match cloud user " + cloud.upn(c)
                                + "; decide which one owns it and fix the others' UPN or proxy addresses.";
            case ONPREM_ONLY:
                return c >= 0 && cloud.hardClaims(c) > 0
                        ? "Soft-matches cloud user " + cloud.upn(c) + ", which already belongs to the on-prem object "
                                + "with ImmutableID " + cloud.immutableId(c) + "; Entra Connect would create a new "
                                + "user with a conflicting UPN or address."
                        : "No cloud counterpart: Entra Connect would create a new cloud user.";
            default:
                return null;
        }
    }
}
