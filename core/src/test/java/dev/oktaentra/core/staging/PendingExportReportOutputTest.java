package dev.oktaentra.core.staging;

import static dev.oktaentra.core.staging.Fixtures.ANCHOR_A;
import static dev.oktaentra.core.staging.Fixtures.DN_A;
import static dev.oktaentra.core.staging.Fixtures.DN_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.anchor.ImmutableId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingExportReportOutputTest {

    @TempDir
    Path dir;

    private static final KnownUser JANE = KnownUser.builder().userPrincipalName("jane@contoso.com")
            .distinguishedName("CN=Jane,DC=contoso,DC=com").cloudUserId("id-1")
            .cloudImmutableId(ImmutableId.of(ANCHOR_A)).expectedImmutableId(ImmutableId.of(ANCHOR_A))
            .onPremises("mail").outcome("MATCHED").build();

    private static PendingExportReport report() {
        SyntheticExport export = SyntheticExport.create()
                .object(DN_A, "user").delta("update", DN_A)
                .attr("mail", "delete")
                .attr("displayName", "replace", "=HYPERLINK(\"http://evil\",\"click\")")
                .multi("proxyAddresses", "update", "add:SMTP:jane@contoso.com", "add:smtp:j@contoso.com")
                .hologram("synchronized-hologram", DN_A, "sourceAnchor", ANCHOR_A, "userPrincipalName",
                        "jane@contoso.com", "mail", "jane@okta.example", "displayName", "Jane")
                .end()
                .object(DN_B, "group").delta("delete-add", DN_B).end();
        return PendingExportAnalyser.analyse(export.reader(), KnownUsers.of(List.of(JANE)));
    }

    private static List<CSVRecord> parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\ufeff");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void writeCsv_oneRowPerAttributeChange_excelSafe() throws IOException {
        Path file = dir.resolve("changes.csv");

        report().writeCsv(file);

        List<CSVRecord> rows = parse(file);
        assertThat(rows.get(0).toList()).isEqualTo(List.of(PendingExportCsv.COLUMNS.split(",")));
        assertThat(rows).hasSize(5);
        CSVRecord mail = rows.get(1);
        assertThat(mail.get(0)).isEqualTo("update");
        assertThat(mail.get(3)).isEqualTo("jane@contoso.com");
        assertThat(mail.get(4)).isEqualTo(ANCHOR_A);
        assertThat(mail.get(6)).isEqualTo("mail");
        assertThat(mail.get(8)).isEqualTo("jane@okta.example");
        assertThat(mail.get(9)).isEmpty();
        assertThat(mail.get(12)).isEqualTo("true");
        assertThat(mail.get(13)).isEqualTo("BACKFILL_CANDIDATE");
        assertThat(mail.get(14)).startsWith("Before leaving staging mode, back-fill on-prem mail");
        assertThat(mail.get(15)).isEqualTo("jane@contoso.com");
        assertThat(mail.get(16)).isEqualTo("SOURCE_ANCHOR");
        assertThat(rows.get(2).get(9)).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
        assertThat(rows.get(3).get(10)).isEqualTo("SMTP:jane@contoso.com\nsmtp:j@contoso.com");
        assertThat(rows.get(3).get(13)).isEmpty();
        CSVRecord group = rows.get(4);
        assertThat(group.get(0)).isEqualTo("delete-add");
        assertThat(group.get(1)).isEqualTo("group");
        assertThat(group.get(6)).isEmpty();
        assertThat(Files.readString(file)).contains("\r\n");
    }

    @Test
    void writeFindingsCsv_oneRowPerFinding() throws IOException {
        Path file = dir.resolve("findings.csv");

        report().writeFindingsCsv(file);

        List<CSVRecord> rows = parse(file);
        assertThat(rows.get(0).toList()).containsExactly("kind", "csDn", "objectType", "userPrincipalName",
                "sourceAnchor", "attribute", "matchedUser", "matchedBy", "matchedOutcome", "detail",
                "recommendedAction", "location");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).toList().subList(0, 9)).containsExactly("BACKFILL_CANDIDATE", DN_A, "user",
                "jane@contoso.com", ANCHOR_A, "mail", "jane@contoso.com", "SOURCE_ANCHOR", "MATCHED");
        assertThat(rows.get(2).get(0)).isEqualTo("UNEXPECTED_DELETE");
        assertThat(rows.get(2).get(2)).isEqualTo("group");
    }

    @Test
    void writeJson_namesEveryFigureAndWritesAnchorsAsText() throws IOException {
        Path file = dir.resolve("report.json");

        report().writeJson(file);

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.fieldNames()).toIterable().containsExactly("deletionThreshold", "summary", "findings",
                "objectsRetained", "objects");
        assertThat(root.get("deletionThreshold").toString()).isEqualTo("{\"limit\":500,\"deletes\":1,"
                + "\"exceeded\":false}");
        JsonNode summary = root.get("summary");
        assertThat(summary.fieldNames()).toIterable().startsWith("adds", "updates", "deletes", "attributeDeletions",
                "unexpectedAdds", "unexpectedDeletes", "backfillCandidates");
        assertThat(summary.get("attributeDeletions").asLong()).isEqualTo(1);
        assertThat(summary.get("deleteAdds").asLong()).isEqualTo(1);
        assertThat(summary.get("byObjectType").get("group").get("deleteAdds").asLong()).isEqualTo(1);
        JsonNode jane = root.get("objects").get(0);
        assertThat(jane.get("sourceAnchor").asText()).isEqualTo(ANCHOR_A);
        assertThat(jane.get("operation").asText()).isEqualTo("update");
        assertThat(jane.get("attributes").get(0).get("deletion").asBoolean()).isTrue();
        assertThat(jane.has("newDn")).isFalse();
        assertThat(root.get("objects").get(1).get("operation").asText()).isEqualTo("delete-add");
        assertThat(root.get("findings").get(0).get("match").get("user").get("cloudImmutableId").asText())
                .isEqualTo(ANCHOR_A);
    }

    @Test
    void summaryToJson_isTheCliLine() {
        assertThat(report().summary().toJson()).startsWith("{\"adds\":0,\"updates\":1,\"deletes\":0,"
                + "\"attributeDeletions\":1,\"unexpectedAdds\":0,\"unexpectedDeletes\":1,\"backfillCandidates\":1,"
                + "\"deleteAdds\":1,\"renames\":0,\"exportErrors\":0,\"rejected\":0,\"objects\":2,\"softMatches\":0,"
                + "\"reviewedDeletes\":0,\"refusedUpdates\":0,\"deletionThreshold\":{\"limit\":500,\"deletes\":1,\"exceeded\":false},"
                + "\"byObjectType\":{");
    }

    @Test
    void writeJson_toAStream_leavesItOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };

        report().writeJson(out);
        out.write('\n');

        assertThat(new ObjectMapper().readTree(out.toByteArray()).get("summary").get("updates").asLong()).isEqualTo(1);
        assertThat(report().toJson()).startsWith("{\"deletionThreshold\":{\"limit\":500,\"deletes\":1,"
                + "\"exceeded\":false},\"summary\":{\"adds\":0");
    }

    @Test
    void streamingCsv_writesAsObjectsArrive() throws IOException {
        Path file = dir.resolve("streamed.csv");
        PendingExportAnalyser analyser = PendingExportAnalyser.streaming(KnownUsers.none());
        try (PendingExportReader reader = SyntheticExport.create().object(DN_A, "user").delta("delete", DN_A).end()
                .reader(); PendingExportCsv csv = PendingExportCsv.create(file)) {
            reader.records().forEach(record -> analyser.accept(record).ifPresent(csv::write));
        }

        assertThat(parse(file)).hasSize(2);
        assertThat(analyser.report().summary().deletes()).isEqualTo(1);
    }
}
