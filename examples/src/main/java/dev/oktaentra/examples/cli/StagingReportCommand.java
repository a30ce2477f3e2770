package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.report.html.StagingExportSections;
import dev.oktaentra.core.staging.DeletionThreshold;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.staging.OperationCounts;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.staging.PendingExportSummary;
import dev.oktaentra.core.staging.ReviewedLeavers;
import dev.oktaentra.core.staging.StagingChecks;
import dev.oktaentra.core.staging.StagingFinding;
import dev.oktaentra.core.staging.StagingFindingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code staging-report EXPORT}: the review of a staging server's pending exports, joined to the users of a
 * validation report when one is given, as CSV, JSON and HTML. Exit 1 when a finding blocks leaving staging mode.
 */
@Command(name = "staging-report", sortOptions = false,
        description = {"Reviews a staging server's pending exports, and with --validation what blocks the cutover.",
            "Reads what an Entra Connect server in staging mode would export to Entra ID: every add, "
                + "delete and attribute deletion, counted per object type. With --validation, each pending object "
                + "is tied to the validation's users, which finds unexpected adds (duplicates in the making), "
                + "unexpected deletes and back-fill candidates, each with a recommended action.",
            "Every pending delete is a finding unless it is a user listed in --reviewed-leavers; a delete of a "
                + "group, a contact or another object type always is. An export with more deletes than the Connect "
                + "server's deletion threshold (--deletion-threshold, 500 by default) is stopped whole by Entra "
                + "Connect: adds and updates included.",
            "EXPORT is the XML of 'csexport \"<tenant> - AAD\" export.xml /f:x' or CSExportAnalyzer's CSV.",
            "Writes pending-exports.csv, pending-export-findings.csv, pending-exports.json and pending-exports.html "
                + "into the --out folder."},
        footer = {"", "Exit code 1 when a finding blocks leaving staging mode: an unexpected add or delete, more "
                + "deletes than the deletion threshold, a back-fill candidate, an export error or an unreadable "
                + "object.", "Example:",
            "  oktaentra staging-report export.xml --validation oktaentra-report/validation.json "
                + "--reviewed-leavers reviewed-leavers.txt"})
final class StagingReportCommand extends CliCommand {

    static final String CSV = "pending-exports.csv";
    static final String FINDINGS_CSV = "pending-export-findings.csv";
    static final String JSON = "pending-exports.json";
    static final String HTML = "pending-exports.html";
    /** Findings printed on the terminal; the files hold all. */
    static final int LISTED = 20;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "The pending export: csexport XML or "
            + "CSExportAnalyzer CSV.")
    Path export;

    @Option(names = "--validation", paramLabel = "REPORT.json",
            description = "The validation.json written by 'oktaentra validate' (it lists every user but the clean "
                    + "matches, which are read from the validation.csv beside it); without it the report has the "
                    + "counts and attribute changes but no findings that need the users.")
    Path validation;

    @Option(names = "--attribute-mapping", paramLabel = "ONPREM=CLOUD", split = ",",
            description = "The on-prem attribute each cloud attribute flows from, when the names differ; "
                    + "mail=mail is assumed. Repeat or separate with commas.")
    List<String> mappings = new ArrayList<>();

    @Option(names = "--reviewed-leavers", paramLabel = "FILE",
            description = "Users whose pending delete you have reviewed (they left the organisation): one sourceAnchor "
                    + "or connector-space DN (CN={…}) a line, as this report shows them; # starts a comment. Their "
                    + "deletes are listed as REVIEWED_DELETE instead of blocking. Only user deletes are accepted.")
    Path reviewedLeavers;

    @Option(names = "--deletion-threshold", paramLabel = "N", defaultValue = "" + DeletionThreshold.DEFAULT_LIMIT,
            description = "The Connect server's deletion threshold (Get-ADSyncExportDeletionThreshold); Entra Connect "
                    + "stops an export with more deletes. Default: ${DEFAULT-VALUE}.")
    int deletionThreshold;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "oktaentra-report",
            description = "Folder for the report files; created if missing. Default: ./${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--max-html-rows", paramLabel = "N", defaultValue = "" + StagingExportSections.DEFAULT_MAX_FINDINGS,
            description = "Findings embedded in the HTML page; the CSV always has all. Default: ${DEFAULT-VALUE}.")
    int maxHtmlRows;

    @Mixin
    JsonOption json;

    @Override
    Exit execute() throws Exception {
        if (maxHtmlRows < 1) {
            error("--max-html-rows must be at least 1, got " + maxHtmlRows);
            return Exit.INPUT_ERROR;
        }
        Map<String, String> onPremNames = new LinkedHashMap<>();
        for (String mapping : mappings) {
            String[] pair = mapping.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                error("--attribute-mapping takes ONPREM=CLOUD, e.g. mailNickname=alias, not '" + mapping + "'");
                return Exit.INPUT_ERROR;
            }
            onPremNames.put(pair[1].strip(), pair[0].strip());
        }
        if (deletionThreshold < 1) {
            error("--deletion-threshold must be at least 1, got " + deletionThreshold);
            return Exit.INPUT_ERROR;
        }
        StagingChecks checks = StagingChecks.defaults().withDeletionThreshold(deletionThreshold)
                .withReviewedLeavers(reviewedLeavers == null ? ReviewedLeavers.none()
                        : ReviewedLeavers.read(reviewedLeavers));
        KnownUsers known = validation == null ? KnownUsers.none() : ValidationKnownUsers.read(validation, onPremNames);
        PendingExportReport report = PendingExportReport.read(export, known, checks);
        Files.createDirectories(outDir);
        List<Path> written = List.of(outDir.resolve(CSV), outDir.resolve(FINDINGS_CSV), outDir.resolve(JSON),
                outDir.resolve(HTML));
        report.writeCsv(written.get(0));
        report.writeFindingsCsv(written.get(1));
        report.writeJson(written.get(2));
        HtmlReport.builder("Pending exports: " + export.getFileName())
                .subtitle(validation == null ? "Without a validation report: counts and attribute changes only"
                        : "Joined to the users of " + validation.getFileName())
                .sections(StagingExportSections.of(report, maxHtmlRows, FINDINGS_CSV))
                .build().write(written.get(3));
        if (json.enabled) {
            printJson(report, written);
        } else {
            printText(report, written);
        }
        return report.summary().noBlockingFindings() ? Exit.CLEAN : Exit.ATTENTION;
    }

    /** Entra Connect's guard, in words: see {@link DeletionThreshold} for the source. */
    private static String thresholdLine(PendingExportSummary s) {
        DeletionThreshold t = s.deletionThreshold();
        String deletes = "Deletion threshold: " + Counts.of(t.deletes(), "delete", "deletes");
        if (!t.exceeded()) {
            return deletes + ", within the threshold of " + t.limit() + ".";
        }
        return deletes + ", more than the threshold of " + t.limit() + ": Entra Connect would stop this export before "
                + "deleting anything, and export nothing at all (" + Counts.of(s.adds(), "add", "adds")
                + (s.updates() > 0 ? " and " + Counts.of(s.updates(), "update", "updates") : "") + " included).";
    }

    private void printJson(PendingExportReport report, List<Path> written) throws Exception {
        // The summary's own JSON comes first, field for field, so scripts can rely on its order.
        ObjectNode root = (ObjectNode) JsonOption.mapper().readTree(report.summary().toJson());
        root.put("noBlockingFindings", report.summary().noBlockingFindings());
        ObjectNode byKind = root.putObject("findingsByKind");
        findingsByKind(report).forEach((kind, n) -> byKind.put(kind.name(), n));
        root.put("validation", validation == null ? null : validation.toAbsolutePath().normalize().toString());
        root.put("reviewedLeavers", reviewedLeavers == null ? null
                : reviewedLeavers.toAbsolutePath().normalize().toString());
        ArrayNode files = root.putArray("reportFiles");
        written.forEach(p -> files.add(p.toAbsolutePath().normalize().toString()));
        JsonOption.print(out(), root);
    }

    private static Map<StagingFindingKind, Long> findingsByKind(PendingExportReport report) {
        Map<StagingFindingKind, Long> counts = new EnumMap<>(StagingFindingKind.class);
        for (StagingFindingKind kind : StagingFindingKind.values()) {
            counts.put(kind, 0L);
        }
        report.findings().forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        return counts;
    }

    private void printText(PendingExportReport report, List<Path> written) {
        PendingExportSummary s = report.summary();
        out().println("Read " + Counts.of(s.objects(), "object", "objects") + " from " + export + (validation == null
                ? " (no --validation: findings that need the users, such as unexpected adds, are not looked for)."
                : ", joined to the users of " + validation + "."));
        out().println("Pending: adds " + TextTable.count(s.adds()) + ", updates " + TextTable.count(s.updates())
                + ", deletes " + TextTable.count(s.deletes()) + ", delete-adds " + TextTable.count(s.deleteAdds())
                + ", renames " + TextTable.count(s.renames()) + ", attribute deletions "
                + TextTable.count(s.attributeDeletions()) + ".");
        out().println(thresholdLine(s));
        if (s.reviewedDeletes() > 0) {
            out().println("Reviewed leavers: " + Counts.of(s.reviewedDeletes(), "user delete is", "user deletes are")
                    + " listed as REVIEWED_DELETE (reviewed in " + reviewedLeavers + ").");
        }
        if (!s.byObjectType().isEmpty()) {
            out().println();
            TextTable table = TextTable.of(false, true, true, true, true, true)
                    .row("object type", "adds", "updates", "deletes", "delete-adds", "renames");
            for (Map.Entry<String, OperationCounts> e : s.byObjectType().entrySet()) {
                OperationCounts c = e.getValue();
                table.row(e.getKey(), c.adds(), c.updates(), c.deletes(), c.deleteAdds(), c.renames());
            }
            table.print(out(), "  ");
        }
        List<StagingFinding> findings = report.findings();
        if (!findings.isEmpty()) {
            out().println();
            out().println("Findings: " + findingsByKind(report).entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().name() + " " + TextTable.count(e.getValue()))
                    .collect(Collectors.joining(", ")));
            for (StagingFinding f : findings.subList(0, Math.min(LISTED, findings.size()))) {
                String who = f.userPrincipalName() != null ? f.userPrincipalName()
                        : f.csDn() != null ? f.csDn() : f.location() != null ? f.location() : "(the whole export)";
                out().println("  " + f.kind() + " " + who + (f.attribute() == null ? "" : " (" + f.attribute() + ")")
                        + ": " + f.recommendedAction());
            }
            if (findings.size() > LISTED) {
                out().println("  … and " + TextTable.count(findings.size() - LISTED) + " more in " + FINDINGS_CSV);
            }
        }
        out().println();
        out().println(s.noBlockingFindings() ? "Nothing blocks leaving staging mode."
                : "Fix the blocking findings before leaving staging mode.");
        out().println("Reports: " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
}
