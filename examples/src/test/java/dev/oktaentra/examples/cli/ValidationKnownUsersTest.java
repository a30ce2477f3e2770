package dev.oktaentra.examples.cli;

import static dev.oktaentra.examples.fixtures.TenantFixture.guid;
import static dev.oktaentra.examples.fixtures.TenantFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.staging.PendingExportReport;
import dev.oktaentra.core.testing.CsExportFile;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.examples.fixtures.TenantFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationKnownUsersTest {

    @TempDir
    Path dir;

    @Test
    void read_validationJson_reviewsAnExportExactlyAsTheReportInMemoryDoes() throws Exception {
        TenantFixture t = tenant().matched("ann").byteOrderMismatch("dee").mailOnlyInCloud("eve").onPremOnly("fay")
                .softMatchOnly("gil").cloudOrphan("hal");
        Path ad = t.writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = t.writeCloud(dir.resolve("entrausers.csv"));
        Path export = CsExportFile.create()
                .addUser(guid("dee").toImmutableId().value(), "dee@contoso.com")
                .deleteAttribute(guid("eve").toImmutableId().value(), "eve@contoso.com", "mail", "eve@contoso.com")
                .addUser(guid("fay").toImmutableId().value(), "fay@contoso.com")
                .addUser(guid("gil").toImmutableId().value(), "gil@contoso.com")
                .write(dir.resolve("export.xml"));

        PendingExportReport inMemory;
        try (ValidationReport report = Validation.builder().build().run(OnPremCsvExport.open(ad),
                CloudCsvExport.open(entra))) {
            report.writeJson(dir.resolve("validation.json"));
            inMemory = PendingExportReport.read(export, report.knownUsers());
        }
        KnownUsers fromJson = ValidationKnownUsers.read(dir.resolve("validation.json"), Map.of());
        PendingExportReport fromFile = PendingExportReport.read(export, fromJson);

        assertThat(fromFile.findings()).isNotEmpty().isEqualTo(inMemory.findings());
        assertThat(fromFile.summary()).isEqualTo(inMemory.summary());
        assertThat(fromFile.objects()).isEqualTo(inMemory.objects());
        assertThat(fromJson.byUserPrincipalName("eve@contoso.com")).singleElement()
                .satisfies(eve -> assertThat(eve.onPremisesValues("mail")).contains(java.util.List.of()));
    }

    @Test
    void read_mapsACloudFieldToItsOnPremAttribute() throws Exception {
        TenantFixture t = tenant().mailOnlyInCloud("eve");
        Path ad = t.writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = t.writeCloud(dir.resolve("entrausers.csv"));
        try (ValidationReport report = Validation.builder().build().run(OnPremCsvExport.open(ad),
                CloudCsvExport.open(entra))) {
            report.writeJson(dir.resolve("validation.json"));
        }

        KnownUsers known = ValidationKnownUsers.read(dir.resolve("validation.json"), Map.of("mail", "targetMail"));

        assertThat(known.byUserPrincipalName("eve@contoso.com").get(0).onPremises()).containsOnlyKeys("targetMail");
    }

    @Test
    void read_compactValidationJson_takesTheCleanMatchesFromTheCsvItNames() throws Exception {
        TenantFixture t = tenant().matched("ann").byteOrderMismatch("dee").mailOnlyInCloud("eve").onPremOnly("fay")
                .softMatchOnly("gil").cloudOrphan("hal").matched("ivy")
                .onPremUser("joy", "joy@contoso.com", "joy@contoso.com", "")
                .cloudUser("joy", guid("joy").toImmutableId().value(), "joy@contoso.com", "joy@contoso.com")
                // A UPN the CSV writes with the formula prefix, which the reader must undo.
                .onPremUser("kim", "-kim@contoso.com", "", "")
                .cloudUser("kim", guid("kim").toImmutableId().value(), "-kim@contoso.com", "");
        Path ad = t.writeOnPrem(dir.resolve("adusers.csv"));
        Path entra = t.writeCloud(dir.resolve("entrausers.csv"));
        Path export = CsExportFile.create()
                .addUser(guid("dee").toImmutableId().value(), "dee@contoso.com")
                .deleteAttribute(guid("eve").toImmutableId().value(), "eve@contoso.com", "mail", "eve@contoso.com")
                .addUser(guid("fay").toImmutableId().value(), "fay@contoso.com")
                .rename(guid("ann").toImmutableId().value(), "Ann Example")
                .addUser(guid("ivy").toImmutableId().value(), "ivy@contoso.com")
                .write(dir.resolve("export.xml"));

        PendingExportReport inMemory;
        KnownUsers known;
        try (ValidationReport report = Validation.builder().build().run(OnPremCsvExport.open(ad),
                CloudCsvExport.open(entra))) {
            report.writeReports(dir.resolve("validation.csv"), dir.resolve("validation.json"), 10);
            known = report.knownUsers();
            inMemory = PendingExportReport.read(export, known);
        }
        KnownUsers fromFiles = ValidationKnownUsers.read(dir.resolve("validation.json"), Map.of());
        PendingExportReport fromFile = PendingExportReport.read(export, fromFiles);

        assertThat(fromFile.findings()).isNotEmpty().isEqualTo(inMemory.findings());
        assertThat(fromFile.summary()).isEqualTo(inMemory.summary());
        assertThat(java.nio.file.Files.readString(dir.resolve("validation.json"))).as("clean matches, only in the CSV")
                .doesNotContain("ann@").doesNotContain("ivy@").doesNotContain("joy@").doesNotContain("kim@");
        assertThat(java.nio.file.Files.readString(dir.resolve("validation.csv"))).contains("'-kim@contoso.com");
        assertThat(fromFiles.byUserPrincipalName("-kim@contoso.com")).singleElement()
                .isEqualTo(known.byUserPrincipalName("-kim@contoso.com").get(0));
        for (String name : java.util.List.of("ann", "dee", "eve", "fay", "gil", "ivy", "joy")) {
            assertThat(fromFiles.byUserPrincipalName(name + "@contoso.com")).as(name)
                    .isEqualTo(known.byUserPrincipalName(name + "@contoso.com"))
                    .isNotEmpty();
            assertThat(fromFiles.bySourceAnchor(guid(name).toImmutableId())).as(name)
                    .isEqualTo(known.bySourceAnchor(guid(name).toImmutableId()));
        }
        assertThat(fromFiles.byPrimarySmtpAddress("joy@contoso.com"))
                .isEqualTo(known.byPrimarySmtpAddress("joy@contoso.com")).isNotEmpty();
    }

    @Test
    void read_compactValidationJson_withoutItsCsv_namesBothFiles() throws Exception {
        TenantFixture t = tenant().matched("ann").onPremOnly("fay");
        writeReports(t, "", "validation.json");
        java.nio.file.Files.delete(dir.resolve("validation.csv"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationKnownUsers.read(
                dir.resolve("validation.json"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation.json lists every user but the clean matches, which are in "
                        + dir.resolve("validation.csv"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void read_compactValidationJson_withTheCsvOfAnotherValidation_isRefused() throws Exception {
        TenantFixture first = tenant().matched("ann").onPremOnly("fay");
        TenantFixture second = tenant().onPremOnly("ann").matched("fay");
        writeReports(first, "", "validation.json");
        writeReports(second, "2", "other.json");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationKnownUsers.read(
                dir.resolve("validation.json"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation.csv")
                .hasMessageContaining("does not belong to");
    }

    @Test
    void read_theCsvInsteadOfTheJson_saysToGiveTheJsonBesideIt() throws Exception {
        TenantFixture t = tenant().matched("ann").onPremOnly("fay");
        writeReports(t, "", "validation.json");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationKnownUsers.read(
                dir.resolve("validation.csv"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("validation.csv") + " is a validation's full list of users; give the "
                        + "validation.json written with it, which names it and says what the CSV alone cannot (the "
                        + "attribute mappings, and each predicted attribute deletion exactly)");
    }

    /**
     * Validates the tenant's exports (written as {@code adusers<suffix>.csv} and {@code entrausers<suffix>.csv}) and
     * writes its {@code validation.csv} with the named JSON beside it.
     */
    private void writeReports(TenantFixture tenant, String suffix, String json) throws Exception {
        try (ValidationReport report = Validation.builder().build().run(
                OnPremCsvExport.open(tenant.writeOnPrem(dir.resolve("adusers" + suffix + ".csv"))),
                CloudCsvExport.open(tenant.writeCloud(dir.resolve("entrausers" + suffix + ".csv"))))) {
            report.writeReports(dir.resolve("validation.csv"), dir.resolve(json), 10);
        }
    }
}
