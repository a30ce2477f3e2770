package dev.oktaentra.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.MatchRule;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.report.ExcelSafeCsv;
import dev.oktaentra.core.validation.internal.store.Spill;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@link ValidationReport#writeCsv} writes on-prem users straight from their spilled bytes; on random tenants with
 * every outcome, unreadable records on both sides, a rule that throws, and texts full of commas, quotes, formula
 * starts and non-ASCII letters, its file must be byte for byte the rows of {@link ValidationReport#findings()}.
 */
class CsvRowsPropertiesTest {

    private static final List<String> NAMES = List.of("ann", "bob", "cid", "dee");
    /** A soft rule on sAMAccountName-like text that throws for some users, on either side. */
    private static final MatchRule FRAGILE = MatchRule.named("fragile", user -> {
        String upn = user.userPrincipalName();
        if (upn != null && upn.startsWith("x")) {
            throw new IllegalStateException("cannot key " + upn);
        }
        return upn == null ? null : upn.toLowerCase(java.util.Locale.ROOT) + "#";
    });

    @Property(tries = 400)
    void writeCsv_isExactlyTheRowsOfTheFindings(@ForAll("tenants") Tenant tenant) throws IOException {
        assertRowsEqualFindings(tenant);
    }

    @Property(tries = 300)
    void writeReports_writesTheCsvRowsAndListsEveryFindingButTheCleanMatches(@ForAll("tenants") Tenant tenant,
            @ForAll boolean domains) throws IOException {
        assertReportsAgreeWithFindings(tenant, 2, domains);
    }

    /**
     * The one pass ({@link ValidationReport#writeReports}) writes the CSV {@link ValidationReport#writeCsv} writes,
     * lists in the JSON exactly the findings that are not clean matches (as {@link ValidationReport#writeJson} writes
     * them), counts the clean matches, keeps the first findings of each outcome in order, and a clean match is told
     * from its CSV row alone, as the CLI's staging-report reads it.
     */
    private static void assertReportsAgreeWithFindings(Tenant tenant, int perOutcome, boolean domains)
            throws IOException {
        List<MatchRule> rules = new ArrayList<>(MatchRule.entraConnectDefaults(SourceAnchor.objectGuid()));
        rules.add(1, FRAGILE);
        Path dir = Files.createTempDirectory("oktaentra-reports-");
        try (ValidationReport report = Validation.builder().rules(rules).build()
                .run(tenant.onPremDirectory(), tenant.cloudDirectory())) {
            if (domains) {
                report.markDomains(dev.oktaentra.core.tenant.TenantDomains.of(List.of(
                        dev.oktaentra.core.tenant.TenantDomain.federated("contoso.com"))));
            }
            FirstFindings first = report.writeReports(dir.resolve("validation.csv"), dir.resolve("validation.json"),
                    perOutcome);
            report.writeCsv(dir.resolve("alone.csv"));
            report.writeJson(dir.resolve("full.json"));
            assertThat(dir.resolve("validation.csv")).hasSameBinaryContentAs(dir.resolve("alone.csv"));

            ObjectMapper mapper = new ObjectMapper();
            JsonNode compact = mapper.readTree(dir.resolve("validation.json").toFile());
            JsonNode full = mapper.readTree(dir.resolve("full.json").toFile());
            assertThat(Files.readString(dir.resolve("validation.json"))).doesNotContain("\n  ");
            assertThat(compact.get("summary")).isEqualTo(full.get("summary"));
            assertThat(full.get("findingsIncluded").asText()).isEqualTo("ALL");
            assertThat(compact.get("findingsIncluded").asText()).isEqualTo("ALL_BUT_CLEAN_MATCHES");
            assertThat(compact.get("fullListFile").asText()).isEqualTo("validation.csv");

            List<ValidationFinding> all;
            try (Stream<ValidationFinding> findings = report.findings()) {
                all = findings.toList();
            }
            // The streaming JSON is what Jackson's data binding writes for the same records, field for field and in
            // the same order.
            assertThat(compact.get("summary").toString()).isEqualTo(mapper.writeValueAsString(report.summary()));
            List<String> bound = new ArrayList<>();
            for (ValidationFinding f : all) {
                com.fasterxml.jackson.databind.node.ObjectNode node = mapper.valueToTree(f);
                report.cloudUpnDomain(f).ifPresent(d -> node.put("cloudUpnDomain", d.name()));
                bound.add(mapper.writeValueAsString(node));
            }
            List<String> streamed = new ArrayList<>();
            full.get("findings").forEach(f -> streamed.add(f.toString()));
            assertThat(streamed).containsExactlyElementsOf(bound);

            List<JsonNode> listed = new ArrayList<>();
            long clean = 0;
            for (int i = 0; i < all.size(); i++) {
                if (ReportFiles.cleanMatch(all.get(i))) {
                    clean++;
                } else {
                    listed.add(full.get("findings").get(i));
                }
            }
            assertThat(compact.get("findings")).containsExactlyElementsOf(listed);
            assertThat(compact.get("cleanMatchesOmitted").asLong()).isEqualTo(clean);

            List<CSVRecord> rows = readCsv(dir.resolve("validation.csv"));
            assertThat(rows).hasSize(all.size());
            for (int i = 0; i < all.size(); i++) {
                assertThat(cleanMatchByItsRow(rows.get(i))).as("row %d", i)
                        .isEqualTo(ReportFiles.cleanMatch(all.get(i)));
            }

            java.util.Map<MatchOutcome, List<ValidationFinding>> expected = new java.util.EnumMap<>(MatchOutcome.class);
            java.util.Map<MatchOutcome, Long> totals = new java.util.EnumMap<>(MatchOutcome.class);
            for (ValidationFinding f : all) {
                totals.merge(f.outcome(), 1L, Long::sum);
                List<ValidationFinding> kept = expected.computeIfAbsent(f.outcome(), o -> new ArrayList<>());
                if (kept.size() < perOutcome) {
                    kept.add(f);
                }
            }
            assertThat(first.byOutcome()).isEqualTo(expected);
            assertThat(first.totals()).isEqualTo(totals);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** The rule a reader of the CSV alone applies (the CLI's staging-report does). */
    private static boolean cleanMatchByItsRow(CSVRecord row) {
        return row.get("Outcome").equals("MATCHED") && row.get("Note").isEmpty() && row.get("AdminRole").isEmpty()
                && row.get("PredictedAttributeDeletions").isEmpty() && row.get("PredictedChanges").isEmpty()
                && row.get("BlockedBy").isEmpty() && row.get("UniquenessConflicts").isEmpty();
    }

    private static List<CSVRecord> readCsv(Path csv) throws IOException {
        try (java.io.Reader in = Files.newBufferedReader(csv, java.nio.charset.StandardCharsets.UTF_8)) {
            in.skip(1);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static void assertRowsEqualFindings(Tenant tenant) throws IOException {
        List<MatchRule> rules = new ArrayList<>(MatchRule.entraConnectDefaults(SourceAnchor.objectGuid()));
        rules.add(1, FRAGILE);
        Path file = Files.createTempFile("oktaentra-csv-rows-", ".csv");
        try (ValidationReport report = Validation.builder().rules(rules).build()
                .run(tenant.onPremDirectory(), tenant.cloudDirectory())) {
            report.writeCsv(file);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (ExcelSafeCsv csv = ExcelSafeCsv.open(expected, ReportFiles.CSV_HEADER);
                    Stream<ValidationFinding> findings = report.findings()) {
                findings.forEach(f -> ReportFiles.row(csv, f));
            }
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(expected.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Enough users for several blocks, so that the even and odd blocks are formatted by different threads. */
    @Example
    void writeCsv_ofSeveralBlocks_isExactlyTheRowsOfTheFindings() throws IOException {
        java.util.Random random = new java.util.Random(7);
        List<DirectoryRecord<OnPremUser>> onPrem = new ArrayList<>();
        List<DirectoryRecord<CloudUser>> cloud = new ArrayList<>();
        for (int i = 0; i < 3 * Spill.BLOCK + 17; i++) {
            String name = "user" + i;
            int kind = random.nextInt(20);
            if (kind == 0) {
                onPrem.add(new DirectoryRecord.Rejected<>("ad.csv", "line " + i, name, "has no ObjectGUID"));
                continue;
            }
            onPrem.add(new DirectoryRecord.Usable<>(Users.ad(name).mail(kind == 1 ? null : name + "@contoso.com")
                    .distinguishedName("CN=" + name + (kind == 2 ? " \"Q\"" : "") + ",OU=Staff,DC=contoso,DC=com")
                    .build()));
            String anchor = kind == 3 ? ValidationTest.bigEndianBase64(Users.guidOf(name)) : kind == 4 ? null
                    : Users.anchorOf(name);
            if (kind != 5) {
                cloud.add(new DirectoryRecord.Usable<>(Users.entra(kind == 6 ? "x" + name : name).immutableId(anchor)
                        .id(new java.util.UUID(i, 7).toString()).holdsAdminRole(kind == 7).build()));
            }
        }
        Tenant tenant = new Tenant(onPrem, cloud);
        assertRowsEqualFindings(tenant);
        assertReportsAgreeWithFindings(tenant, 3, true);
        assertReportsAgreeWithFindings(tenant, 2 * Spill.BLOCK, false);
    }

    @Provide
    Arbitrary<Tenant> tenants() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<String> text = Arbitraries.oneOf(name, Arbitraries.of("x" + "ann", "=1+1", "-2.5", "-x", "@me",
                "a,b", "say \"hi\"", "line\nbreak", "Zoë Ørsted", "\tlead", "+33"));
        Arbitrary<DirectoryRecord<OnPremUser>> onPrem = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Combinators.combine(text, name, text.injectNull(0.3), Arbitraries.integers()
                        .between(0, 99), Arbitraries.of(true, false))
                        .as((upn, guid, smtp, n, mail) -> (DirectoryRecord<OnPremUser>) new DirectoryRecord.Usable<>(
                                Users.ad(upn).distinguishedName("CN=" + upn + n + ",OU=" + guid + ",DC=contoso")
                                        .userPrincipalName(upn).objectGuid(Users.guidOf(guid))
                                        .mail(mail ? upn : null)
                                        .proxyAddresses(smtp == null ? List.of() : List.of("SMTP:" + smtp))
                                        .build()))),
                net.jqwik.api.Tuple.of(1, text.map(t -> new DirectoryRecord.Rejected<>("ad.csv", "line 7", t,
                        "has no ObjectGUID, \"really\""))));
        Arbitrary<String> anchor = Arbitraries.oneOf(name.map(Users::anchorOf),
                name.map(n -> ValidationTest.bigEndianBase64(Users.guidOf(n))), Arbitraries.just(null));
        Arbitrary<DirectoryRecord<CloudUser>> cloud = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Combinators.combine(text, anchor, text.injectNull(0.3),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers()
                                .between(0, 1_000_000))
                        .as((upn, immutable, smtp, admin, synced, id) -> (DirectoryRecord<CloudUser>)
                                new DirectoryRecord.Usable<>(Users.entra(upn).id(id % 2 == 0
                                        ? new java.util.UUID(id, id).toString() : "c" + id).userPrincipalName(upn)
                                        .immutableId(immutable).mail(synced ? upn : null)
                                        .onPremisesSyncEnabled(synced)
                                        .proxyAddresses(smtp == null ? List.of() : List.of("SMTP:" + smtp))
                                        .holdsAdminRole(admin).build()))),
                net.jqwik.api.Tuple.of(1, text.map(t -> new DirectoryRecord.Rejected<>("entra.csv", "line 3", t,
                        "OnPremisesSyncEnabled is 'maybe'"))));
        return Combinators.combine(onPrem.list().ofMaxSize(8), cloud.list().ofMaxSize(8)).as(Tenant::new);
    }

    record Tenant(List<DirectoryRecord<OnPremUser>> onPrem, List<DirectoryRecord<CloudUser>> cloud) {

        OnPremDirectory onPremDirectory() {
            return Directories.onPrem("ad.csv", onPrem::stream);
        }

        CloudDirectory cloudDirectory() {
            return Directories.cloud("entra.csv", cloud::stream);
        }
    }
}
