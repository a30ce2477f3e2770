package dev.oktaentra.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.report.html.ValidationReportFiles;
import dev.oktaentra.core.validation.StagingPrediction;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.core.validation.ValidationSummary;
import java.io.IOException;
import java.io.StringWriter;
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
        description = {"Pairs every on-premises user with its Entra ID user as the target engine and Entra ID would "
                + "under the rules of 2026 (hard match on the anchor the engine computes, then the primary SMTP "
                + "address, then the UPN where the tenant allows it), and says for each what would happen and why: "
                + "blocked hard matches, Connect's default scope, uniqueness conflicts, and what the takeover changes.",
            "Writes validation.csv (every user), validation.json (the summary and every user but the clean "
                + "matches, which are in the CSV) and validation.html into the --out folder."},
        footer = {"", "Exit code 1 when findings need attention: anything but MATCHED, SOFT_MATCH_ONLY and "
                + "OUT_OF_SCOPE, a soft match Entra ID blocks, a UPN or address another cloud user holds, or a "
                + "predicted attribute deletion or change.",
            "Example:", "  oktaentra validate --onprem adusers.csv --cloud entrausers.csv --json"})
final class ValidateCommand extends CliCommand {

    static final String CSV = ValidationReportFiles.CSV;
    static final String JSON = ValidationReportFiles.JSON;
    static final String HTML = ValidationReportFiles.HTML;

    /** Jackson's streaming factory, without data binding. */
    private static final JsonFactory STREAMING = new JsonFactory();

    @Mixin
    ExportFiles files;

    @Mixin
    TargetOptions target;

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
        Validation validation;
        try {
            validation = Validation.builder().targetEngine(target.target())
                    .syncFeatures(target.syncFeatures(), target.syncFeaturesSource()).progress(progress()).build();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return Exit.INPUT_ERROR;
        }
        try (OnPremDirectory onPrem = files.openOnPrem(); CloudDirectory cloud = files.openCloud()) {
            Files.createDirectories(outDir);
            try (ValidationReport report = validation.run(onPrem, cloud)) {
                List<Path> written = ValidationReportFiles.write(report, outDir, maxHtmlRows);
                if (json.enabled) {
                    printJson(report, written);
                } else {
                    printText(report, written);
                }
                return report.needsAttention() ? Exit.ATTENTION : Exit.CLEAN;
            }
        }
    }

    /**
     * The summary for scripts, with Jackson's streaming generator only: building an object mapper and inspecting the
     * summary's records by reflection cost a fresh process about half a second of CPU, as much as a small
     * validation. The summary's fields are copied from {@link ValidationSummary#toJson()}, as the reports have them.
     */
    private void printJson(ValidationReport report, List<Path> written) throws IOException {
        String summary = report.summary().toJson();
        StringWriter text = new StringWriter(8192);
        try (JsonGenerator json = STREAMING.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            copy(json, summary, "counts");
            copy(json, summary, "causes");
            json.writeArrayFieldStart("reportFiles");
            for (Path p : written) {
                json.writeString(p.toAbsolutePath().normalize().toString());
            }
            json.writeEndArray();
            json.writeBooleanField("needsAttention", report.needsAttention());
            json.writeStringField("emptySide", report.emptySide().orElse(null));
            for (String field : List.of("total", "anchor", "engine", "syncFeatures", "syncFeaturesSource",
                    "adminRoleSoftMatches", "adminRoleHardMatches", "hardMatchBlocks", "softMatchBlocks",
                    "scopeExclusions", "uniquenessConflicts", "prediction", "warnings")) {
                copy(json, summary, field);
            }
            json.writeEndObject();
        }
        out().println(text);
    }

    /** Copies one field of a JSON object, value and all. */
    private static void copy(JsonGenerator json, String object, String field) throws IOException {
        try (JsonParser parser = STREAMING.createParser(object)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals(field);
                parser.nextToken();
                if (wanted) {
                    json.writeFieldName(field);
                    json.copyCurrentStructure(parser);
                    return;
                }
                parser.skipChildren();
            }
        }
        throw new IllegalStateException("The validation summary has no field " + field);
    }

    private void printText(ValidationReport report, List<Path> written) {
        ValidationSummary s = report.summary();
        out().println("Validated " + Counts.of(s.total(), "object", "objects") + ": " + s.onPremSource() + " (on-prem) "
                + "against " + s.cloudSource() + " (cloud), anchor " + s.anchor() + ".");
        out().println("Target: " + s.engine() + "; tenant features " + s.syncFeaturesSource() + ".");
        for (String warning : s.warnings()) {
            out().println("Warning: " + warning);
        }
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
                + byAttribute(p.attributeDeletionsByAttribute()) + ", users whose takeover changes what they see "
                + TextTable.count(p.attributeChanges()) + byAttribute(p.attributeChangesByAttribute()) + ".");
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
        String softReasons = blocks(s.softMatchBlocks());
        if (!softReasons.isEmpty()) {
            reasons.add("soft matches Entra ID will not make (" + softReasons + ")");
        }
        String hardReasons = blocks(s.hardMatchBlocks());
        if (!hardReasons.isEmpty()) {
            reasons.add("hard matches Entra ID blocks (" + hardReasons + ")");
        }
        if (s.uniquenessConflicts() > 0) {
            reasons.add(Counts.of(s.uniquenessConflicts(), "object", "objects")
                    + " whose UPN or address another cloud user holds (AttributeValueMustBeUnique)");
        }
        if (s.prediction().attributeDeletions() > 0) {
            reasons.add(Counts.of(s.prediction().attributeDeletions(), "user", "users")
                    + " would lose a cloud attribute that on-prem lacks");
        }
        if (s.prediction().attributeChanges() > 0) {
            reasons.add(Counts.of(s.prediction().attributeChanges(), "user", "users")
                    + " would see the takeover change their UPN, mail, display name or aliases");
        }
        return reasons;
    }

    private static String causes(Map<MismatchCause, Long> causes) {
        return causes.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + " " + TextTable.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String blocks(Map<BlockReason, Long> blocks) {
        return blocks.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + " " + TextTable.count(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String byAttribute(Map<String, Long> counts) {
        String list = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + TextTable.count(e.getValue())).collect(Collectors.joining(", "));
        return list.isEmpty() ? "" : " (" + list + ")";
    }
}
