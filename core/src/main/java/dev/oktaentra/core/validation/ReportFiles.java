package dev.oktaentra.core.validation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oktaentra.core.report.ExcelSafeCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes a validation report as CSV and JSON. */
final class ReportFiles {

    static final String[] CSV_HEADER = {"Side", "Outcome", "Cause", "Rule", "UserPrincipalName", "DistinguishedName",
        "ObjectGUID", "ExpectedImmutableId", "CloudImmutableId", "CloudId", "CloudUserPrincipalName", "AdminRole", "CloudSynced",
        "PredictedAttributeDeletions", "Note", "Source", "Location"};

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ReportFiles() {
    }

    /**
     * Writes the rows while a second thread reads the findings back from the spill: at a million rows, reading and
     * formatting take about as long as each other.
     */
    static void writeCsv(ValidationReport report, Path file) {
        try (ExcelSafeCsv csv = ExcelSafeCsv.create(file, CSV_HEADER);
                Prefetch<ValidationFinding> findings = new Prefetch<>(report.findings(), "report")) {
            findings.forEachRemaining(f -> csv.row(f.side(), f.outcome(), f.cause(), f.rule(), f.userPrincipalName(),
                    f.distinguishedName(), f.objectGuid(), f.expectedImmutableId(), f.cloudImmutableId(), f.cloudId(),
                    f.cloudUserPrincipalName(), f.holdsAdminRole() ? "yes" : "", f.cloudSynced() ? "yes" : "",
                    deletions(f), f.note(), f.source(), f.location()));
        }
    }

    private static String deletions(ValidationFinding f) {
        StringBuilder out = new StringBuilder();
        f.attributeDeletions().forEach((name, value) -> out.append(out.length() == 0 ? "" : "; ").append(name)
                .append('=').append(value));
        return out.toString();
    }

    static void writeJson(ValidationReport report, Path file) {
        try (JsonGenerator json = JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
                Stream<ValidationFinding> findings = report.findings()) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectField("summary", report.summary());
            json.writeArrayFieldStart("findings");
            for (ValidationFinding finding : (Iterable<ValidationFinding>) findings::iterator) {
                json.writeObject(finding);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JSON report " + file + ": " + e.getMessage(), e);
        }
    }
}
