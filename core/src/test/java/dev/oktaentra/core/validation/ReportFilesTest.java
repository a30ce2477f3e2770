package dev.oktaentra.core.validation;

import static dev.oktaentra.core.validation.Users.ad;
import static dev.oktaentra.core.validation.Users.entra;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    private ValidationReport report() {
        return Validation.builder().build().run(
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

    /**
     * About one ImmutableID in 64 starts with {@code +}; these GUIDs are picked so that half of the expected and half
     * of the cloud values do, on every kind of row: matched, byte-order mismatch, on-prem only, cloud only.
     */
    @Test
    void writeCsv_keepsEveryGuidAndImmutableIdByteForByte() throws Exception {
        SplittableRandom random = new SplittableRandom(14);
        List<OnPremUser> onPrem = new ArrayList<>();
        List<CloudUser> cloud = new ArrayList<>();
        Map<String, String[]> anchors = new HashMap<>();  // UPN -> ObjectGUID, expected, cloud ImmutableID
        for (int i = 0; i < 400; i++) {
            String name = "u" + i;
            ObjectGuid guid = guid(random);
            String expected = guid.toImmutableId().value();
            String inCloud = switch (i % 4) {
                case 0 -> expected;
                case 1 -> bigEndianBase64(guid);
                default -> null;
            };
            if (i % 4 != 3) {
                onPrem.add(ad(name).objectGuid(guid).build());
            }
            if (inCloud != null) {
                cloud.add(entra(name).immutableId(inCloud).build());
            } else if (i % 4 == 3) {
                inCloud = guid(random).toImmutableId().value();
                cloud.add(entra(name).immutableId(inCloud).onPremisesSyncEnabled(true).build());
            }
            anchors.put(name + "@contoso.com", new String[] {i % 4 == 3 ? "" : guid.toString(),
                i % 4 == 3 ? "" : expected, i % 4 == 2 ? "" : inCloud});
        }
        Path csv = dir.resolve("validation.csv");
        try (ValidationReport report = Validation.builder().build().run(OnPremDirectory.of("ad", onPrem),
                CloudDirectory.of("entra", cloud))) {
            report.writeCsv(csv);
        }

        List<CSVRecord> rows = readCsv(csv);
        assertThat(rows).hasSize(400);
        int plus = 0;
        for (CSVRecord row : rows) {
            String upn = row.get("UserPrincipalName").isEmpty() ? row.get("CloudUserPrincipalName")
                    : row.get("UserPrincipalName");
            String[] want = anchors.get(upn);
            assertThat(new String[] {row.get("ObjectGUID"), row.get("ExpectedImmutableId"),
                row.get("CloudImmutableId")}).as(upn + " " + row.get("Outcome")).containsExactly(want);
            plus += want[1].startsWith("+") ? 1 : 0;
            plus += want[2].startsWith("+") ? 1 : 0;
        }
        assertThat(plus).as("values starting with +").isGreaterThan(250);
    }

    /** Random GUIDs; every other one's ImmutableID starts with {@code +} (a first byte of 0xF8 to 0xFB). */
    private static ObjectGuid guid(SplittableRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            bytes[0] = (byte) (0xF8 + random.nextInt(4));
            bytes[3] = (byte) (0xF8 + random.nextInt(4));  // the first byte in java.util.UUID's order
        }
        return ObjectGuid.of(bytes);
    }

    private static String bigEndianBase64(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(guid.toUuid().getMostSignificantBits()).putLong(guid.toUuid().getLeastSignificantBits())
                .array());
    }

    private static List<CSVRecord> readCsv(Path csv) throws Exception {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.skip(1);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void writeJson_writesTheSummaryAndEveryFinding() throws Exception {
        Path json = dir.resolve("validation.json");
        try (ValidationReport report = report()) {
            report.writeJson(json);
        }

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/summary/anchor").asText()).isEqualTo("mS-DS-ConsistencyGuid");
        assertThat(root.at("/summary/counts/MATCHED").asLong()).isEqualTo(1);
        assertThat(root.at("/summary/counts/ONPREM_ONLY").asLong()).isEqualTo(1);
        assertThat(root.at("/summary/causes").has("BYTE_ORDER")).isTrue();
        assertThat(root.at("/summary/prediction/deletes").asLong()).isZero();
        assertThat(root.at("/summary/prediction/orphansLeftBehind").asLong()).isEqualTo(1);
        assertThat(root.at("/summary/prediction/orphansStillSynced").asLong()).isEqualTo(1);
        assertThat(root.at("/summary/syncFeatures/softMatchOnUpnEnabled").asBoolean(true)).isFalse();
        assertThat(root.at("/summary/syncFeaturesSource").asText()).isEqualTo(Validation.CUTOVER_ASSUMED_SOURCE);
        assertThat(root.at("/summary/warnings")).isEmpty();
        assertThat(root.get("findings")).hasSize(3);
        assertThat(root.at("/findings/0/outcome").asText()).isEqualTo("MATCHED");
    }
}
