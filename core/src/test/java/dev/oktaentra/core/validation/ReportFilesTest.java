package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.entra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    private ValidationReport report() {
        return Validation.configure().build().run(
                OnPremDirectory.of("adusers.csv", List.of(ad("jane").build(),
                        ad("evil").userPrincipalName("=HYPERLINK(\"http://x\")").build())),
                CloudDirectory.of("entra.csv", List.of(entra("jane").mail("jane@contoso.com").build(),
                        entra("orphan").onPremisesSyncEnabled(true).build())));
    }

    @Test
    void writeCsv_writesOneExcelSafeRowPerFinding() throws Exception {
        Path csv = dir.resolve("validation.csv");
        try (ValidationReport report = report()) {
            report.writeCsv(csv);
        }

        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.skip(1);
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("Outcome")).isEqualTo("MATCHED");
        assertThat(rows.get(0).get("CloudId")).isEqualTo("id-jane");
        assertThat(rows.get(1).get("UserPrincipalName")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(2).get("Side")).isEqualTo("CLOUD");
        assertThat(rows.get(2).get("Outcome")).isEqualTo("CLOUD_ONLY");
    }

    @Test
    void writeJson_writesTheSummaryAndEveryFinding() throws Exception {
        Path json = dir.resolve("validation.json");
        try (ValidationReport report = report()) {
            report.writeJson(json);
        }

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/summary/anchor").asText()).isEqualTo("objectGUID");
        assertThat(root.at("/summary/counts/MATCHED").asLong()).isEqualTo(1);
        assertThat(root.at("/summary/counts/ONPREM_ONLY").asLong()).isEqualTo(1);
        assertThat(root.at("/summary/causes").has("BYTE_ORDER")).isTrue();
        assertThat(root.at("/summary/prediction/deletes").asLong()).isEqualTo(1);
        assertThat(root.get("findings")).hasSize(3);
        assertThat(root.at("/findings/0/outcome").asText()).isEqualTo("MATCHED");
    }
}
