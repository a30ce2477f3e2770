package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.validation.StagingPrediction;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.core.validation.ValidationSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code validate}: what Entra Connect would do with every user of two exports, written as CSV, JSON and HTML, with
 * a short summary on stdout. Exit 1 when {@link ValidationReport#needsAttention()}.
 */
@Command(name = "validate", sortOptions = false,
        description = {"Pairs every on-premises user with its Entra ID user as Entra Connect would (hard match on "
                + "the anchor, then UPN, then primary SMTP), and says for each what would happen and why.",
            "Writes validation.csv, validation.json and validation.html into the --out folder."},
        footer = {"", "Exit code 1 when findings need attention: anything but MATCHED, SOFT_MATCH_ONLY and "
                + "OUT_OF_SCOPE, a soft match to an admin, or a predicted attribute deletion.",
            "Example:", "  oktaentra validate --onprem adusers.csv --cloud entrausers.csv --json"})
final class ValidateCommand extends CliCommand {

    static final String CSV = "validation.csv";
    static final String JSON = "validation.json";
    static final String HTML = "validation.html";

    @Mixin
    ExportFiles files;

    @Option(names = "--anchor", paramLabel = "ANCHOR", defaultValue = SourceAnchor.OBJECT_GUID,
            converter = SourceAnchorConverter.class,
            description = {"The source anchor: objectGUID (Okta's default), mS-DS-ConsistencyGuid, attr:NAME for a "
                    + "string attribute such as attr:employeeID, or binary:NAME. Default: ${DEFAULT-VALUE}.",
                "Not sure? Run detect-anchor first."})
    SourceAnchor anchor;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "oktaentra-report",
            description = "Folder for the report files; created if missing. Default: ./${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--max-html-rows", paramLabel = "N", defaultValue = "" + HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME,
            description = "Rows per outcome embedded in the HTML page; the CSV always has every row. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxHtmlRows;

    @Mixin
    JsonOption json;

    @Override
    Exit execute() throws Exception {
        if (maxHtmlRows < 1) {
            error("--max-html-rows must be at least 1, got " + maxHtmlRows);
            return Exit.INPUT_ERROR;
        }
        Validation validation = Validation.configure().anchor(anchor).progress(progress()).build();
        try (OnPremDirectory onPrem = files.openOnPrem(); CloudDirectory cloud = files.openCloud()) {
            Files.createDirectories(outDir);
            List<Path> written = List.of(outDir.resolve(CSV), outDir.resolve(JSON), outDir.resolve(HTML));
            try (ValidationReport report = validation.run(onPrem, cloud)) {
                report.writeCsv(written.get(0));
                report.writeJson(written.get(1));
                HtmlReport.forValidation(report, CSV, maxHtmlRows).write(written.get(2));
                if (json.enabled) {
                    printJson(report, written);
                } else {
                    printText(report, written);
                }
                return report.needsAttention() ? Exit.ATTENTION : Exit.CLEAN;
            }
        }
    }

    private void printJson(ValidationReport report, List<Path> written) throws Exception {
        ValidationSummary summary = report.summary();
        ObjectNode root = JsonOption.mapper().createObjectNode();
        ObjectNode counts = root.putObject("counts");
        summary.counts().forEach((outcome, n) -> counts.put(outcome.name(), n));
        ObjectNode causes = root.putObject("causes");
        summary.causes().forEach((cause, n) -> causes.put(cause.name(), n));
        ArrayNode files = root.putArray("reportFiles");
        written.forEach(p -> files.add(p.toAbsolutePath().normalize().toString()));
        root.put("needsAttention", report.needsAttention());
        root.put("emptySide", report.emptySide().orElse(null));
        root.put("total", summary.total());
        root.put("anchor", summary.anchor());
        root.put("adminRoleSoftMatches", summary.adminRoleSoftMatches());
        root.put("adminRoleHardMatches", summary.adminRoleHardMatches());
        root.set("prediction", JsonOption.mapper().valueToTree(summary.prediction()));
        JsonOption.print(out(), root);
    }

    private void printText(ValidationReport report, List<Path> written) {
        ValidationSummary s = report.summary();
        out().println("Validated " + Counts.of(s.total(), "object", "objects") + ": " + s.onPremSource() + " (on-prem) "
                + "against " + s.cloudSource() + " (cloud), anchor " + s.anchor() + ".");
        out().println();
        TextTable table = TextTable.of(false, true, false);
        s.counts().forEach((outcome, n) -> {
            if (n > 0) {
                table.row(outcome.name(), n, outcome == MatchOutcome.ANCHOR_MISMATCH ? causes(s.causes()) : "");
            }
        });
        table.print(out(), "  ");
        out().println();
        StagingPrediction p = s.prediction();
        out().println("Staging prediction: adds " + TextTable.count(p.adds()) + ", conflicting adds "
                + TextTable.count(p.conflictingAdds()) + ", updates " + TextTable.count(p.updates()) + ", deletes "
                + TextTable.count(p.deletes()) + ", attribute deletions " + TextTable.count(p.attributeDeletions())
                + byAttribute(p) + ".");
        List<String> attention = attention(report);
        out().println(attention.isEmpty() ? "Nothing needs attention."
                : "Needs attention: " + String.join("; ", attention) + ".");
        out().println("Reports: " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    private static List<String> attention(ValidationReport report) {
        ValidationSummary s = report.summary();
        List<String> reasons = new ArrayList<>();
        report.emptySide().ifPresent(r -> reasons.add(r.endsWith(".") ? r.substring(0, r.length() - 1) : r));
        s.counts().forEach((outcome, n) -> {
            if (n > 0 && outcome != MatchOutcome.MATCHED && outcome != MatchOutcome.SOFT_MATCH_ONLY
                    && outcome != MatchOutcome.OUT_OF_SCOPE) {
                reasons.add(outcome.name() + " " + TextTable.count(n));
            }
        });
        if (s.adminRoleSoftMatches() > 0) {
            reasons.add(Counts.of(s.adminRoleSoftMatches(), "soft match", "soft matches")
                    + " to cloud users with an admin role, which Entra Connect refuses");
        }
        if (s.adminRoleHardMatches() > 0) {
            reasons.add(Counts.of(s.adminRoleHardMatches(), "hard match", "hard matches")
                    + " to cloud users with an admin role, which Entra ID refuses too");
        }
        if (s.prediction().attributeDeletions() > 0) {
            reasons.add(Counts.of(s.prediction().attributeDeletions(), "user", "users")
                    + " would lose a cloud attribute that on-prem lacks");
        }
        return reasons;
    }

    private static String causes(Map<MismatchCause, Long> causes) {
        return causes.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + " " + TextTable.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String byAttribute(StagingPrediction p) {
        String list = p.attributeDeletionsByAttribute().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + TextTable.count(e.getValue())).collect(Collectors.joining(", "));
        return list.isEmpty() ? "" : " (" + list + ")";
    }
}
