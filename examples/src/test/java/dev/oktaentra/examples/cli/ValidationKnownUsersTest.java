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
        try (ValidationReport report = Validation.configure().build().run(OnPremCsvExport.of(ad),
                CloudCsvExport.of(entra))) {
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
        try (ValidationReport report = Validation.configure().build().run(OnPremCsvExport.of(ad),
                CloudCsvExport.of(entra))) {
            report.writeJson(dir.resolve("validation.json"));
        }

        KnownUsers known = ValidationKnownUsers.read(dir.resolve("validation.json"), Map.of("mail", "targetMail"));

        assertThat(known.byUserPrincipalName("eve@contoso.com").get(0).onPremises()).containsOnlyKeys("targetMail");
    }
}
