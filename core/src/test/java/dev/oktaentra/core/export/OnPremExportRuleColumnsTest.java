package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.directory.UserField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns of the Get-ADUser export that Entra Connect's default scope rules and the takeover prediction need
 * (concept-azure-ad-connect-sync-default-configuration, "User out-of-box rules"), and how an older export without
 * them is read: as empty, and said so.
 */
class OnPremExportRuleColumnsTest {

    private static final String HEADER = "DistinguishedName,UserPrincipalName,SamAccountName,ObjectGUID,mail,"
            + "displayName,isCriticalSystemObject,mailNickname,msExchRecipientTypeDetails,mS-DS-ConsistencyGuid,"
            + "proxyAddresses";

    @TempDir
    Path dir;

    @Test
    void records_readTheScopeAndTakeoverColumnsAsGetAdUserWritesThem() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"CN=krbtgt,CN=Users,DC=contoso,DC=com\",,krbtgt,3ab39606-c642-489b-84b6-58c038d3ef39,,,True,,,,",
                "\"CN=SystemMailbox{1f05a927},CN=Users,DC=contoso,DC=com\",SystemMailbox{1f05a927}@contoso.com,"
                        + "SM_1,8c4ac332-975f-4717-ad7b-ba4a4e968fff,,Microsoft System Attendant,,"
                        + "SystemMailbox{1f05a927},8388608,,",
                "\"CN=Jane,OU=Staff,DC=contoso,DC=com\",jane@contoso.com,jane,0f8fad5b-d9cb-469f-a165-70867728950e,"
                        + "jane@contoso.com,\"Doe, Jane\",False,jane,1,,SMTP:jane@contoso.com")
                .writeTo(dir, "adusers.csv");

        List<OnPremUser> users = users(file);

        assertThat(users).extracting(OnPremUser::criticalSystemObject).containsExactly(true, false, false);
        assertThat(users).extracting(OnPremUser::mailNickname).containsExactly(null, "SystemMailbox{1f05a927}", "jane");
        assertThat(users).extracting(OnPremUser::recipientTypeDetails).containsExactly(null, 8_388_608L, 1L);
        assertThat(users).extracting(OnPremUser::displayName)
                .containsExactly(null, "Microsoft System Attendant", "Doe, Jane");
        assertThat(users).allSatisfy(u -> assertThat(u.attributes().names()).isEmpty());
        try (OnPremCsvExport export = OnPremCsvExport.open(file)) {
            assertThat(export.missingOptionalColumns()).isEmpty();
            assertThat(export.unreadFields()).isEmpty();
        }
    }

    @Test
    void records_rejectAFlagOrRecipientTypeThatIsNotOneWithTheLine() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "\"CN=A,DC=x\",a@x.com,a,3ab39606-c642-489b-84b6-58c038d3ef39,,,yes,,,,",
                "\"CN=B,DC=x\",b@x.com,b,8c4ac332-975f-4717-ad7b-ba4a4e968fff,,,,,UserMailbox,,",
                "\"CN=C,DC=x\",c@x.com,c,0f8fad5b-d9cb-469f-a165-70867728950e,,,,,,,")
                .writeTo(dir, "adusers.csv");

        List<DirectoryRecord<OnPremUser>> records = records(file);

        assertThat(records.get(0)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.location()).isEqualTo("line 2");
            assertThat(r.reason()).isEqualTo("isCriticalSystemObject is 'yes', expected True, False or empty");
        });
        assertThat(records.get(1)).isInstanceOfSatisfying(DirectoryRecord.Rejected.class, r -> {
            assertThat(r.location()).isEqualTo("line 3");
            assertThat(r.reason()).startsWith("msExchRecipientTypeDetails is 'UserMailbox', expected a whole number");
        });
        assertThat(records.get(2)).isInstanceOf(DirectoryRecord.Usable.class);
    }

    @Test
    void anExportWithoutTheConsistencyGuidColumn_isReadAsAllEmptyAndSaysSo() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,SamAccountName,ObjectGUID,mail,proxyAddresses",
                "\"CN=Jane,DC=x\",jane@x.com,jane,3ab39606-c642-489b-84b6-58c038d3ef39,jane@x.com,SMTP:jane@x.com")
                .writeTo(dir, "old-adusers.csv");

        try (OnPremCsvExport export = OnPremCsvExport.open(file)) {
            assertThat(export.missingOptionalColumns()).containsExactly("mS-DS-ConsistencyGuid", "displayName",
                    "isCriticalSystemObject", "mailNickname", "msExchRecipientTypeDetails");
            OnPremDirectory directory = export;
            assertThat(directory.unreadFields()).containsExactlyInAnyOrder(UserField.CONSISTENCY_GUID,
                    UserField.DISPLAY_NAME, UserField.CRITICAL_SYSTEM_OBJECT, UserField.MAIL_NICKNAME,
                    UserField.RECIPIENT_TYPE_DETAILS);
            try (Stream<OnPremUser> users = export.users()) {
                assertThat(users.map(OnPremUser::consistencyGuid).collect(Collectors.toList())).containsOnlyNulls();
            }
        }
    }

    @Test
    void aCloudOnlyColumnInAnOnPremExport_isKeptAsAnAttribute() throws IOException {
        Path file = ExportFile.lines("DistinguishedName,UserPrincipalName,ObjectGUID,HoldsAdminRole",
                "\"CN=Jane,DC=x\",jane@x.com,3ab39606-c642-489b-84b6-58c038d3ef39,True").writeTo(dir, "ad.csv");

        assertThat(users(file).get(0).attributes().first("HoldsAdminRole").orElseThrow().asString())
                .isEqualTo("True");
    }

    private static List<DirectoryRecord<OnPremUser>> records(Path file) {
        try (OnPremCsvExport export = OnPremCsvExport.open(file);
                Stream<DirectoryRecord<OnPremUser>> records = export.records()) {
            return records.collect(Collectors.toList());
        }
    }

    private static List<OnPremUser> users(Path file) {
        return records(file).stream().map(DirectoryRecord::orElseThrow).collect(Collectors.toList());
    }
}
