package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header the readers would have to guess from is refused, and a file given to the wrong reader says so. */
class ExportHeaderTest {

    private static final String GUID = "3ab39606-c642-489b-84b6-58c038d3ef39";

    @TempDir
    Path dir;

    @Test
    void of_refusesTwoObjectGuidColumnsNamingBoth() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID,mail,objectGuid",
                "\"CN=A,DC=x\",a@x.com," + GUID + ",a@x.com,8c4ac332-975f-4717-ad7b-ba4a4e968fff")
                .writeTo(dir, "adusers.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("adusers.csv: has two columns for ObjectGUID: 'ObjectGUID' (column 3) and "
                        + "'objectGuid' (column 5)");
    }

    @Test
    void of_refusesUserPrincipalNameAndUpnNamingBoth() throws IOException {
        Path file = ExportFile.lines("UPN,DistinguishedName,ObjectGUID,UserPrincipalName",
                "a@x.com,\"CN=A,DC=x\"," + GUID + ",b@x.com").writeTo(dir, "adusers.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("adusers.csv: has two columns for UserPrincipalName: 'UPN' (column 1) and "
                        + "'UserPrincipalName' (column 4)");
    }

    @Test
    void of_refusesAnAttributeColumnTwiceInAnyCase() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID,employeeID,EmployeeID",
                "\"CN=A,DC=x\",a@x.com," + GUID + ",E1,E2").writeTo(dir, "adusers.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("adusers.csv: has two columns for employeeID: 'employeeID' (column 4) and "
                        + "'EmployeeID' (column 5)");
    }

    @Test
    void cloudOf_refusesIdAndObjectIdNamingBoth() throws IOException {
        Path file = ExportFile.lines("Id,UserPrincipalName,OnPremisesImmutableId,ObjectId",
                "1,a@x.com,BpazOkLGm0iEtljAONPvOQ==,2").writeTo(dir, "entrausers.csv");

        assertThatThrownBy(() -> CloudCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageStartingWith("entrausers.csv: has two columns for Id: 'Id' (column 1) and "
                        + "'ObjectId' (column 4)");
    }

    @Test
    void of_saysACloudExportLooksLikeOneAndGivesTheOnPremCommand() throws IOException {
        Path file = ExportFile.lines("\"Id\",\"UserPrincipalName\",\"OnPremisesImmutableId\",\"Mail\"",
                "\"1\",\"a@x.com\",\"BpazOkLGm0iEtljAONPvOQ==\",\"\"").withTypeLine().writeTo(dir, "entrausers.csv");

        assertThatThrownBy(() -> OnPremCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("entrausers.csv: lacks the column(s) DistinguishedName, ObjectGUID")
                .hasMessageContaining("this looks like a Get-MgUser export of Entra ID users")
                .hasMessageContaining("CloudCsvExport")
                .hasMessageContaining("Get-ADUser -Filter *");
    }

    @Test
    void cloudOf_saysAnOnPremExportLooksLikeOneAndGivesTheCloudCommand() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,SamAccountName,ObjectGUID",
                "\"CN=A,DC=x\",a@x.com,a," + GUID).writeTo(dir, "adusers.csv");

        assertThatThrownBy(() -> CloudCsvExport.open(file)).isInstanceOf(ExportFileException.class)
                .hasMessageContaining("adusers.csv: lacks the column(s) Id, OnPremisesImmutableId")
                .hasMessageContaining("this looks like a Get-ADUser export of on-premises users")
                .hasMessageContaining("OnPremCsvExport")
                .hasMessageContaining("Get-MgUser -All");
    }
}
