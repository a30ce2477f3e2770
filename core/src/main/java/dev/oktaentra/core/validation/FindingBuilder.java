package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.DefaultScopeRule;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.internal.store.ArenaIndex;
import dev.oktaentra.core.validation.internal.store.CloudStore;
import dev.oktaentra.core.validation.internal.store.Pairings;
import dev.oktaentra.core.validation.internal.store.Spill;
import dev.oktaentra.core.validation.internal.store.SpillEntry;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a spilled entry or a cloud user and its {@link Verdict} into a {@link ValidationFinding}, with the note the
 * verdict's {@link Verdict.Advice advice} names ({@link Notes}).
 */
final class FindingBuilder {

    private final ValidationReport report;
    private final CloudStore cloud;
    private final Pairings pairings;
    private final List<MatchRule> rules;
    private final List<AttributeMapping> mappings;
    private final Notes notes;

    FindingBuilder(ValidationReport report) {
        this.report = report;
        this.cloud = report.cloud();
        this.pairings = report.pairings();
        this.rules = report.config().rules();
        this.mappings = report.config().attributeMappings();
        this.notes = new Notes(report);
    }

    /** The finding of a record that could not be read. */
    ValidationFinding fromInvalid(Spill.Invalid invalid) {
        return new ValidationFinding(ValidationFinding.Side.valueOf(invalid.side()), MatchOutcome.INVALID, null, null,
                invalid.identity(), null, null, null, null, null, null, null, false, false, Map.of(), List.of(),
                Set.of(), List.of(), null, invalid.reason(), invalid.source(), invalid.location());
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
                    List.of(), Set.of(), List.of(), null, pairings.note(entry), user.source(), dn);
        }
        boolean scoped = outcome == MatchOutcome.OUT_OF_SCOPE;
        String expected = scoped ? null : user.expectedImmutableId();
        int c = pairings.candidate(entry);
        boolean withCandidate = c >= 0;
        Details d = details(entry, verdict, expected, user.objectGuid(), upn);
        DefaultScopeRule scopeRule = scoped ? DefaultScopeRule.values()[pairings.rule(entry)] : null;
        return new ValidationFinding(ValidationFinding.Side.ON_PREM, outcome, report.cause(entry, verdict),
                ruleName(entry, scopeRule), upn, dn, user.objectGuid().toString(), expected,
                withCandidate ? cloud.immutableId(c) : null, withCandidate ? cloud.id(c) : null,
                withCandidate ? cloud.upn(c) : null, withCandidate ? cloud.primarySmtp(c) : null,
                withCandidate && cloud.admin(c), withCandidate && cloud.synced(c), d.deletions, d.changes,
                reasons(d.subject.blocks()), d.subject.conflicts(), scopeRule, d.note, user.source(), null);
    }

    /** What the verdict says of an entry beyond its outcome, and the note that says it. */
    private record Details(Map<String, String> deletions, List<TakeoverChange> changes, Notes.Subject subject,
            String note) {
    }

    private Details details(int entry, Verdict verdict, String expected, ObjectGuid objectGuid, String upn) {
        int c = pairings.candidate(entry);
        Map<String, String> deletions = deletions(entry, verdict);
        int changeMask = report.changeMask(entry, verdict);
        List<TakeoverChange> changes = changeMask == 0 ? List.of()
                : TakeoverChanges.describe(changeMask, cloud, c, upn, pairings.newValues(entry));
        Notes.Subject subject = new Notes.Subject(entry, verdict, expected, objectGuid, c, deletions, changes,
                report.conflicts(entry, verdict), report.blocks(entry, verdict));
        return new Details(deletions, changes, subject, notes.of(subject));
    }

    private String ruleName(int entry, DefaultScopeRule scopeRule) {
        if (scopeRule != null) {
            return "defaultScope(" + scopeRule.name() + ")";
        }
        return ruleName(entry);
    }

    /**
     * The name of the rule that paired an entry: a hard pairing that no listed rule made is Entra's own hard match,
     * which it applies whether or not the rules list it ({@link MatchDecision#hardMatchFirst}).
     */
    private String ruleName(int entry) {
        int rule = pairings.rule(entry);
        if (rule >= 0) {
            return rules.get(rule).name();
        }
        Pairing.Kind kind = Pairing.Kind.of(pairings.kind(entry));
        return kind == Pairing.Kind.HARD || kind == Pairing.Kind.HARD_SEVERAL
                ? MatchRule.hardMatch(report.config().anchor()).name() : null;
    }

    private static Set<BlockReason> reasons(int mask) {
        Set<BlockReason> set = EnumSet.noneOf(BlockReason.class);
        for (BlockReason reason : BlockReason.values()) {
            if ((mask & MatchDecision.bit(reason)) != 0) {
                set.add(reason);
            }
        }
        return set;
    }

    /**
     * Writes the CSV row {@link #fromUser} and {@link ReportFiles#row} would give for an on-prem user, from the
     * user's spilled bytes and without building the finding: at a million rows the strings cost more than the rest.
     *
     * @return whether the row is a clean match ({@link ReportFiles#cleanMatch}), which the JSON report leaves out
     */
    boolean writeCsvRow(ExcelSafeCsv csv, int entry, Verdict verdict, SpillEntry user) {
        MatchOutcome outcome = verdict.outcome();
        if (outcome == MatchOutcome.INVALID || outcome == MatchOutcome.OUT_OF_SCOPE) {
            ValidationFinding finding = fromUser(entry, verdict, user);
            ReportFiles.row(csv, finding);
            return ReportFiles.cleanMatch(finding);
        }
        byte[] bytes = user.bytes();
        ObjectGuid guid = user.objectGuid();
        String expected = user.expectedLength() >= 0
                ? new String(bytes, user.expectedFrom(), user.expectedLength(), StandardCharsets.UTF_8)
                : guid.toImmutableId().value();
        int c = pairings.candidate(entry);
        boolean withCandidate = c >= 0;
        Details d = details(entry, verdict, expected, guid, user.upnLength() >= 0 ? user.upn() : null);
        csv.cell(ValidationFinding.Side.ON_PREM.name()).cell(outcome.name())
                .cell(outcome == MatchOutcome.ANCHOR_MISMATCH ? report.cause(entry, verdict).name() : null)
                .cell(ruleName(entry))
                .cell(bytes, user.upnFrom(), Math.max(user.upnLength(), 0))
                .cell(bytes, user.dnFrom(), Math.max(user.dnLength(), 0))
                .cell(guid.toString())
                .cell(expected);
        cell(csv, withCandidate ? cloud.immutableIdBytes(c) : null);
        csv.cell(withCandidate ? cloud.id(c) : null);
        cell(csv, withCandidate ? cloud.upnBytes(c) : null);
        boolean admin = withCandidate && cloud.admin(c);
        csv.cell(admin ? "yes" : null)
                .cell(withCandidate && cloud.synced(c) ? "yes" : null)
                .cell(ReportFiles.deletions(d.deletions))
                .cell(ReportFiles.changes(d.changes))
                .cell(d.subject.blocks() == 0 ? null : ReportFiles.reasons(reasons(d.subject.blocks())))
                .cell(ReportFiles.conflicts(d.subject.conflicts()))
                .cell(d.note)
                .cell(user.source())
                .cell((String) null)
                .cell(withCandidate && report.domains().isPresent() ? report.domainCell(cloud.upn(c)) : null)
                .cell(withCandidate ? cloud.primarySmtp(c) : null)
                .endRow();
        return outcome == MatchOutcome.MATCHED && !admin && d.note == null && d.deletions.isEmpty()
                && d.changes.isEmpty() && d.subject.blocks() == 0 && d.subject.conflicts().isEmpty();
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
        String note = notes.of(new Notes.Subject(-1, verdict, null, null, c, Map.of(), List.of(), List.of(), 0));
        return new ValidationFinding(ValidationFinding.Side.CLOUD, verdict.outcome(), null, null, cloud.upn(c), null,
                null, null, cloud.immutableId(c), cloud.id(c), cloud.upn(c), cloud.primarySmtp(c), cloud.admin(c),
                cloud.synced(c), Map.of(), List.of(), Set.of(), List.of(), null, note, report.cloudSource(), null);
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
}
