package dev.oktaentra.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validation whose users' UPN, DN, mail, proxy addresses, cloud id and ImmutableID are values an attacker who
 * controls one user's attributes would plant: the three files it writes stay safe to open and keep the values.
 */
class HostileValuesReportTest {

    /** Formula starters, markup, script breakers, CSV breakers, a quote of our own, NUL and a very long value. */
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t=1",
            "\r=1", "-1+cmd|' /C calc'!A0", "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "a\"b,c\r\nd", "x\u2028y\u2029z", "nul\u0000x", "'quoted", "\uff1dHYPERLINK(1)", "x".repeat(100_000));
    /** A cell Excel could evaluate as a formula that calls something, by ExcelSafeCsv's rule. */
    private static final Pattern FORMULA =
            Pattern.compile("(?s)[=@\t\r\n\u0000\uff1d\uff0b\uff0d\uff20].*|[+-].*[^A-Za-z0-9+/=._-].*");

    @TempDir
    Path dir;

    private void validate(String extra) {
        List<OnPremUser> onPrem = new ArrayList<>();
        List<CloudUser> cloud = new ArrayList<>();
        List<String> values = new ArrayList<>(HOSTILE);
        values.add(extra);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            onPrem.add(OnPremUser.builder().distinguishedName(value).userPrincipalName(value).samAccountName("s" + i)
                    .objectGuid(Reports.guid("n" + i)).mail(value).proxyAddresses(List.of("SMTP:" + value)).build());
            cloud.add(CloudUser.builder().id(value + "c").userPrincipalName(value + "c")
                    .immutableId(value.equals(extra) ? null : value).mail(value)
                    .proxyAddresses(List.of("SMTP:" + value)).onPremisesSyncEnabled(true).build());
        }
        try (ValidationReport report = Validation.builder().build().run(OnPremDirectory.of("ad<b>.csv", onPrem),
                CloudDirectory.of("entra</script>.csv", cloud))) {
            ValidationReportFiles.write(report, dir, 100);
        }
    }

    @Test
    void csv_startsNoFormulaAndReadsBackEveryValue() throws Exception {
        validate("plain");

        List<String> cells = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(ValidationReportFiles.CSV), StandardCharsets.UTF_8)) {
            in.skip(1);
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                row.forEach(cells::add);
            }
        }
        assertThat(cells).noneMatch(cell -> FORMULA.matcher(cell).matches());
        List<String> restored = cells.stream().map(ExcelSafeCsv::restore).toList();
        for (String value : HOSTILE) {
            assertThat(restored).as(shortened(value)).contains(value, value + "c");
        }
    }

    @Test
    void json_staysValidAndKeepsEveryValue() throws Exception {
        validate("plain");

        List<String> texts = new ArrayList<>();
        texts(new ObjectMapper().readTree(dir.resolve(ValidationReportFiles.JSON).toFile()), texts);
        for (String value : HOSTILE) {
            assertThat(texts).as(shortened(value)).contains(value, value + "c");
        }
    }

    /** Half a surrogate pair in one user's values must not cost the page (the page is strict UTF-8). */
    @Test
    void html_runsNoPlantedMarkupOrScript_evenWithAnUnpairedSurrogate() throws Exception {
        validate("lone\ud800x");

        String html = Files.readString(dir.resolve(ValidationReportFiles.HTML), StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("script")).hasSize(2);
        assertThat(page.select("script[type=application/json]")).hasSize(1);
        assertThat(page.select("img, [onerror]")).isEmpty();
        assertThat(html).doesNotContain("\u2028").doesNotContain("\u2029");
        List<String> texts = new ArrayList<>();
        texts(new ObjectMapper().readTree(page.selectFirst("script[type=application/json]").data()), texts);
        for (String value : List.of("</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "x\u2028y\u2029z")) {
            assertThat(texts).as(value).contains(value);
        }
    }

    private static void texts(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> texts(child, into));
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
