package dev.oktaentra.core.validation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.internal.store.ReadAhead;
import dev.oktaentra.core.validation.internal.store.Spill;
import dev.oktaentra.core.validation.internal.store.SpillEntry;
import dev.oktaentra.core.validation.internal.store.SpillReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a report's findings that writes the CSV rows (every finding), the JSON findings (every finding but
 * the clean matches, {@link ReportFiles#cleanMatch}) and keeps the {@link FirstFindings} of each outcome for a page.
 *
 * <p>The on-prem users, nearly all the rows, go from their spilled bytes straight to CSV, a block of
 * {@link Spill#BLOCK} at a time: this thread formats the even blocks into the files while a second one formats the
 * odd blocks into memory, and each odd block is appended once the even one before it is written. A finding is built
 * only for a row the JSON lists or the page shows. Each thread keeps the first findings of each outcome of its own
 * blocks, so that the first of all are among them when the blocks are put in order.
 */
final class ReportPass {

    private final ValidationReport report;
    /** The JSON findings' bytes, {@code null} for a CSV only. */
    private final OutputStream json;
    private final int perOutcome;
    private final Map<MatchOutcome, List<ValidationFinding>> first = new EnumMap<>(MatchOutcome.class);
    private final long[] totals = new long[MatchOutcome.values().length];
    private long listed;
    private long clean;

    /**
     * A pass over one report's findings.
     *
     * @param json where the JSON findings go, separated by commas and nothing around them; {@code null} for none
     * @param perOutcome the first findings of each outcome to keep; 0 for none
     */
    ReportPass(ValidationReport report, OutputStream json, int perOutcome) {
        this.report = report;
        this.json = json;
        this.perOutcome = perOutcome;
    }

    /** What one share of the rows came to: CSV, JSON, counts and the findings kept for the page. */
    private final class Rows {
        final ExcelSafeCsv csv;
        final ByteArrayOutputStream jsonBytes = new ByteArrayOutputStream();
        final JsonGenerator generator;
        final List<ValidationFinding> kept = new ArrayList<>();
        final long[] outcomes = new long[MatchOutcome.values().length];
        long listedRows;
        long cleanRows;

        Rows(ExcelSafeCsv csv) {
            this.csv = csv;
            try {
                this.generator = json == null ? null : ReportJson.FACTORY.createGenerator(jsonBytes)
                        .setRootValueSeparator(new SerializedString(","));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lists a finding in the JSON, with its cloud UPN's domain when the report knows the tenant's domains. */
        void list(ValidationFinding finding) {
            listedRows++;
            if (generator == null) {
                return;
            }
            try {
                ReportJson.finding(generator, finding, report.domainCell(finding.cloudUserPrincipalName()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the JSON report: " + e.getMessage(), e);
            }
        }
    }

    /** Per thread: the builder, and how many findings of each outcome it kept. */
    private final class Share {
        final FindingBuilder builder = new FindingBuilder(report);
        final int[] kept = new int[MatchOutcome.values().length];

        boolean keeps(MatchOutcome outcome) {
            return kept[outcome.ordinal()] < perOutcome;
        }

        /** A finding built from its row: listed unless a clean match, kept while its outcome wants more. */
        void add(Rows rows, ValidationFinding finding, boolean cleanMatch) {
            rows.outcomes[finding.outcome().ordinal()]++;
            if (keeps(finding.outcome())) {
                kept[finding.outcome().ordinal()]++;
                rows.kept.add(finding);
            }
            if (cleanMatch) {
                rows.cleanRows++;
            } else {
                rows.list(finding);
            }
        }

        /** A row written from its finding: every row but a readable on-prem user's. */
        void row(Rows rows, ValidationFinding finding, String cloudUpnDomain) {
            ReportFiles.row(rows.csv, finding, cloudUpnDomain);
            add(rows, finding, ReportFiles.cleanMatch(finding));
        }

        /** The rows of one block of on-prem entries. */
        void block(Rows rows, SpillReader reader, int block) {
            ValidationReport r = report;
            int size = r.pairings().size();
            reader.seekBlock(block);
            SpillEntry spilled = new SpillEntry();
            int end = Math.min(size, (block + 1) * Spill.BLOCK);
            for (int entry = block * Spill.BLOCK; entry < end; entry++) {
                if (!reader.next(spilled)) {
                    throw new IllegalStateException("The validation's temporary file ends at entry " + entry + " of "
                            + size);
                }
                if (spilled.isInvalid()) {
                    row(rows, builder.fromInvalid(spilled.invalid()), null);
                    continue;
                }
                Verdict verdict = r.verdict(entry);
                boolean cleanMatch = builder.writeCsvRow(rows.csv, entry, verdict, spilled);
                if ((cleanMatch || json == null) && !keeps(verdict.outcome())) {
                    // Neither listed nor kept for the page: the row is all there is to write.
                    rows.outcomes[verdict.outcome().ordinal()]++;
                    if (cleanMatch) {
                        rows.cleanRows++;
                    } else {
                        rows.listedRows++;
                    }
                } else {
                    add(rows, builder.fromUser(entry, verdict, spilled), cleanMatch);
                }
            }
        }
    }

    /** Writes every row into {@code csv}, in the order of {@link ValidationReport#findings()}. */
    void write(ExcelSafeCsv csv) {
        Share share = new Share();
        Rows head = new Rows(csv);
        try (SpillReader invalid = report.cloudInvalidReader()) {
            SpillEntry spilled = new SpillEntry();
            while (invalid.next(spilled)) {
                share.row(head, share.builder.fromInvalid(spilled.invalid()), null);
            }
        }
        merge(head);
        int blocks = (report.pairings().size() + Spill.BLOCK - 1) / Spill.BLOCK;
        int columns = ReportFiles.CSV_HEADER.length;
        try (SpillReader reader = report.spillReader();
                ReadAhead<Rows> odd = new ReadAhead<>("report", 2, out -> {
                    Share oddShare = new Share();
                    try (SpillReader oddReader = report.spillReader()) {
                        for (int block = 1; block < blocks; block += 2) {
                            Rows rows = new Rows(ExcelSafeCsv.rowsInMemory(columns));
                            oddShare.block(rows, oddReader, block);
                            if (!out.put(rows)) {
                                return;
                            }
                        }
                    }
                })) {
            for (int block = 0; block < blocks; block += 2) {
                Rows even = new Rows(csv);
                share.block(even, reader, block);
                merge(even);
                if (block + 1 < blocks) {
                    Rows next = odd.take();
                    if (next == null) {
                        throw new IllegalStateException("The report's second thread ended before block " + (block + 1));
                    }
                    csv.append(next.csv);
                    merge(next);
                }
            }
        }
        Rows tail = new Rows(csv);
        for (int c = 0; c < report.cloud().size(); c++) {
            Verdict verdict = report.cloudVerdict(c);
            if (verdict != null) {
                ValidationFinding row = share.builder.fromCloud(c, verdict);
                share.row(tail, row, report.domainCell(row.cloudUserPrincipalName()));
            }
        }
        merge(tail);
    }

    /** Adds a share's rows, in order, to what the pass has written and kept. */
    private void merge(Rows rows) {
        if (rows.listedRows > 0 && json != null) {
            try {
                rows.generator.flush();
                if (listed > 0) {
                    json.write(',');
                }
                rows.jsonBytes.writeTo(json);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the JSON report: " + e.getMessage(), e);
            }
        }
        listed += rows.listedRows;
        clean += rows.cleanRows;
        for (int o = 0; o < totals.length; o++) {
            totals[o] += rows.outcomes[o];
        }
        for (ValidationFinding finding : rows.kept) {
            List<ValidationFinding> kept = first.computeIfAbsent(finding.outcome(), o -> new ArrayList<>());
            if (kept.size() < perOutcome) {
                kept.add(finding);
            }
        }
    }

    /** How many findings the JSON lists. */
    long listed() {
        return listed;
    }

    /** How many clean matches the JSON leaves to the CSV. */
    long cleanMatches() {
        return clean;
    }

    /** The first findings of each outcome, and each outcome's total. */
    FirstFindings firstFindings() {
        Map<MatchOutcome, Long> counted = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome outcome : MatchOutcome.values()) {
            if (totals[outcome.ordinal()] > 0) {
                counted.put(outcome, totals[outcome.ordinal()]);
            }
        }
        return new FirstFindings(first, counted, Math.max(perOutcome, 1));
    }
}
