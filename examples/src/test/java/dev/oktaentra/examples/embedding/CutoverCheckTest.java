package dev.oktaentra.examples.embedding;

import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.export.ExportFileException;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.examples.fixtures.TenantFixture;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutoverCheckTest {

    @TempDir
    Path dir;

    private CutoverDecision check(TenantFixture tenant) {
        return CutoverCheck.of(tenant.writeOnPrem(dir.resolve("adusers.csv")),
                tenant.writeCloud(dir.resolve("entrausers.csv"))).run(dir.resolve("out"));
    }

    @Test
    void run_cleanTenant_goes() {
        CutoverDecision decision = check(tenant().matched("ann").matched("bob").softMatchOnly("eve"));

        assertThat(decision.go()).isTrue();
        assertThat(decision.blockers()).isEmpty();
        assertThat(decision.anchor()).isEqualTo("objectGUID");
        assertThat(decision.fixes()).isZero();
        assertThat(decision.counts().get(MatchOutcome.MATCHED)).isEqualTo(2);
    }

    @Test
    void run_byteOrderMistake_writesTheFixAndBlocksUntilItIsApplied() throws Exception {
        CutoverDecision decision = check(tenant().matched("ann").matched("bob").byteOrderMismatch("dee"));

        assertThat(decision.go()).isFalse();
        assertThat(decision.fixes()).isEqualTo(1);
        assertThat(decision.blockers()).containsExactly("1 cloud ImmutableID holds a known conversion mistake: "
                + "review and apply immutableid-fixes.csv");
        List<String> lines = Files.readAllLines(decision.fixList(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("id-dee,dee@contoso.com,")
                .contains(TenantFixture.guid("dee").toImmutableId().value())
                .endsWith(MismatchCause.BYTE_ORDER.name());
    }

    /** The fix list is what a script reads to write ImmutableIDs back: its values must be the true ones. */
    @Test
    void run_fixListHoldsImmutableIdsStartingWithPlusByteForByte() throws Exception {
        TenantFixture tenant = tenant().matched("ann");
        List<String> names = new ArrayList<>();
        for (int i = 0; names.size() < 3; i++) {
            String name = "user" + i;
            if (TenantFixture.guid(name).toImmutableId().value().startsWith("+")
                    && TenantFixture.byteOrderMistake(name).startsWith("+")) {
                names.add(name);
                tenant.byteOrderMismatch(name);
            }
        }

        CutoverDecision decision = check(tenant);

        assertThat(decision.fixes()).isEqualTo(3);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(decision.fixList(), StandardCharsets.UTF_8)) {
            in.skip(1);
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).extracting(r -> r.get("CurrentImmutableId"))
                .containsExactlyInAnyOrderElementsOf(names.stream().map(TenantFixture::byteOrderMistake).toList());
        assertThat(rows).extracting(r -> r.get("ExpectedImmutableId")).containsExactlyInAnyOrderElementsOf(
                names.stream().map(n -> TenantFixture.guid(n).toImmutableId().value()).toList());
    }

    @Test
    void run_orphansAndMissingMail_blockWithReasons() {
        CutoverDecision decision = check(tenant().matched("ann").cloudOrphan("gus").mailOnlyInCloud("hal"));

        assertThat(decision.go()).isFalse();
        assertThat(decision.blockers()).containsExactly(
                "1 synced cloud user without an on-prem object would be left behind, read-only",
                "1 user would lose a cloud attribute [mail] that on-prem lacks: back-fill it",
                "1 user would see the takeover change [mail, proxyAddresses]: check each in the validation report");
    }

    @Test
    void run_anOnPremExportWithoutUsers_blocksNamingTheEmptySide() {
        CutoverDecision decision = check(tenant().cloudUser("ann", TenantFixture.guid("ann").toImmutableId().value(),
                TenantFixture.upn("ann"), "").cloudUser("bob", "", TenantFixture.upn("bob"), ""));

        assertThat(decision.go()).isFalse();
        assertThat(decision.blockers().get(0)).startsWith("The on-prem side (").contains("adusers.csv")
                .contains("yielded no users while there are 2 users in the cloud");
    }

    @Test
    void run_aCloudExportWithoutUsers_blocksNamingTheEmptySide() {
        CutoverDecision decision = check(tenant().onPremOnly("ann").onPremOnly("bob"));

        assertThat(decision.go()).isFalse();
        assertThat(decision.blockers()).singleElement().asString().startsWith("The cloud side (")
                .contains("entrausers.csv").contains("yielded no users while there are 2 on-prem users");
    }

    @Test
    void run_notAnExport_failsNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("book.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> CutoverCheck.of(bad, bad).run(dir.resolve("out")))
                .isInstanceOf(ExportFileException.class).hasMessageStartingWith("book.csv: lacks the column(s)");
    }
}
