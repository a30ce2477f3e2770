package dev.oktaentra.core.validation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.oktaentra.core.match.BlockReason;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.internal.store.WriteBehind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes a validation report as CSV and JSON. */
final class ReportFiles {

    static final String[] CSV_HEADER = {"Side", "Outcome", "Cause", "Rule", "UserPrincipalName", "DistinguishedName",
        "ObjectGUID", "ExpectedImmutableId", "CloudImmutableId", "CloudId", "CloudUserPrincipalName", "AdminRole",
        "CloudSynced", "PredictedAttributeDeletions", "PredictedChanges", "BlockedBy", "UniquenessConflicts", "Note",
        "Source", "Location", "CloudUpnDomain", "CloudPrimarySmtpAddress"};

    /**
     * The JSON field of a finding whose cloud user's UPN is in a domain the report knows: {@code FEDERATED},
     * {@code MANAGED} or {@code UNKNOWN} ({@link dev.oktaentra.core.tenant.DomainAuthentication}).
     */
    static final String CLOUD_UPN_DOMAIN = "cloudUpnDomain";

    /** The JSON field that says which findings the report lists: {@link #ALL} or {@link #ALL_BUT_CLEAN_MATCHES}. */
    static final String FINDINGS_INCLUDED = "findingsIncluded";
    /** Every finding is in the JSON ({@link ValidationReport#writeJson}). */
    static final String ALL = "ALL";
    /** Every finding but the clean matches, which are in the full list ({@link ValidationReport#writeReports}). */
    static final String ALL_BUT_CLEAN_MATCHES = "ALL_BUT_CLEAN_MATCHES";
    /** The JSON field naming the CSV that holds every finding, from the JSON's folder. */
    static final String FULL_LIST_FILE = "fullListFile";
    /** The JSON field, after the findings, that counts the clean matches left to the full list. */
    static final String CLEAN_MATCHES_OMITTED = "cleanMatchesOmitted";

    private ReportFiles() {
    }

    /** Writes the rows; the operating system's writes happen on a thread of their own. */
    static void writeCsv(ValidationReport report, Path file) {
        try (ExcelSafeCsv csv = ExcelSafeCsv.open(createFile(file, "CSV"), CSV_HEADER)) {
            new ReportPass(report, null, 0).write(csv);
        }
    }

    /**
     * Writes the CSV with every finding and the compact JSON with the summary and every finding but the clean
     * matches, in one pass; {@link ValidationReport#writeReports} describes the files.
     */
    static FirstFindings writeReports(ValidationReport report, Path csvFile, Path jsonFile, int perOutcome) {
        try (WriteBehind json = createFile(jsonFile, "JSON");
                ExcelSafeCsv csv = ExcelSafeCsv.open(createFile(csvFile, "CSV"), CSV_HEADER)) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try (JsonGenerator generator = ReportJson.FACTORY.createGenerator(head)) {
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
                generator.writeStartObject();
                generator.writeFieldName("summary");
                ReportJson.summary(generator, report.summary());
                generator.writeStringField(FINDINGS_INCLUDED, ALL_BUT_CLEAN_MATCHES);
                generator.writeStringField(FULL_LIST_FILE, fullListFile(csvFile, jsonFile));
                generator.writeArrayFieldStart("findings");
            }
            head.writeTo(json);
            ReportPass pass = new ReportPass(report, json, perOutcome);
            pass.write(csv);
            json.write(("],\"" + CLEAN_MATCHES_OMITTED + "\":" + pass.cleanMatches() + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            return pass.firstFindings();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JSON report " + jsonFile + ": " + e.getMessage(), e);
        }
    }

    /** The CSV as the JSON names it: its path from the JSON's folder, with {@code /}, usually just its name. */
    private static String fullListFile(Path csvFile, Path jsonFile) {
        Path folder = jsonFile.toAbsolutePath().normalize().getParent();
        Path csv = csvFile.toAbsolutePath().normalize();
        Path relative = folder == null ? csv : folder.relativize(csv);
        return relative.toString().replace(java.io.File.separatorChar, '/');
    }

    /** The row of a finding without a cloud user (no UPN domain to mark). */
    static void row(ExcelSafeCsv csv, ValidationFinding f) {
        row(csv, f, null);
    }

    /**
     * The row of a finding; {@link FindingBuilder#writeCsvRow} writes the same row from an on-prem user's bytes.
     *
     * @param cloudUpnDomain the CloudUpnDomain cell ({@link ValidationReport#domainCell}), or {@code null}
     */
    static void row(ExcelSafeCsv csv, ValidationFinding f, String cloudUpnDomain) {
        csv.row(f.side(), f.outcome(), f.cause(), f.rule(), f.userPrincipalName(), f.distinguishedName(),
                f.objectGuid(), f.expectedImmutableId(), f.cloudImmutableId(), f.cloudId(), f.cloudUserPrincipalName(),
                f.holdsAdminRole() ? "yes" : "", f.cloudSynced() ? "yes" : "", deletions(f.attributeDeletions()),
                changes(f.attributeChanges()), reasons(f.blockReasons()), conflicts(f.uniquenessConflicts()),
                f.note(), f.source(), f.location(), cloudUpnDomain, f.cloudPrimarySmtpAddress());
    }

    /**
     * Whether a finding is a clean match, which the JSON of {@link ValidationReport#writeReports} leaves to the CSV:
     * MATCHED, and nothing else to say of it (no note, admin role, predicted deletion or change, block reason or
     * uniqueness conflict). A reader tells a clean match from the CSV row alone: Outcome {@code MATCHED} and the
     * cells Note, AdminRole, PredictedAttributeDeletions, PredictedChanges, BlockedBy and UniquenessConflicts empty.
     */
    static boolean cleanMatch(ValidationFinding f) {
        return f.outcome() == MatchOutcome.MATCHED && f.note() == null && !f.holdsAdminRole()
                && f.attributeDeletions().isEmpty() && f.attributeChanges().isEmpty() && f.blockReasons().isEmpty()
                && f.uniquenessConflicts().isEmpty();
    }

    /** The PredictedChanges cell: each change described, {@code ; } between them. */
    static String changes(List<TakeoverChange> changes) {
        if (changes.isEmpty()) {
            return "";  // nearly every row: no stream for it
        }
        return changes.stream().map(TakeoverChange::describe).collect(Collectors.joining("; "));
    }

    /** The BlockedBy cell: the reasons' names, {@code ; } between them. */
    static String reasons(Set<BlockReason> reasons) {
        if (reasons.isEmpty()) {
            return "";  // nearly every row: no stream for it
        }
        return reasons.stream().map(Enum::name).collect(Collectors.joining("; "));
    }

    /** The UniquenessConflicts cell: each conflict described, {@code ; } between them. */
    static String conflicts(List<UniquenessConflict> conflicts) {
        if (conflicts.isEmpty()) {
            return "";  // nearly every row: no stream for it
        }
        return conflicts.stream().map(UniquenessConflict::describe).collect(Collectors.joining("; "));
    }

    /** The report file, written on a thread of its own while the rows are formatted. */
    private static WriteBehind createFile(Path file, String kind) {
        try {
            return WriteBehind.create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + kind + " report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The PredictedAttributeDeletions cell: {@code field=value; …}. */
    static String deletions(Map<String, String> deletions) {
        if (deletions.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        deletions.forEach((name, value) -> out.append(out.length() == 0 ? "" : "; ").append(name)
                .append('=').append(value));
        return out.toString();
    }

    static void writeJson(ValidationReport report, Path file) {
        try (JsonGenerator json = ReportJson.FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8);
                Stream<ValidationFinding> findings = report.findings()) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeFieldName("summary");
            ReportJson.summary(json, report.summary());
            json.writeStringField(FINDINGS_INCLUDED, ALL);
            json.writeArrayFieldStart("findings");
            for (ValidationFinding finding : (Iterable<ValidationFinding>) findings::iterator) {
                ReportJson.finding(json, finding, report.domainCell(finding.cloudUserPrincipalName()));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JSON report " + file + ": " + e.getMessage(), e);
        }
    }
}
