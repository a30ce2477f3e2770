package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.directory.UserField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns of the Get-MgUser export that the 2026 hard-match protections need (how-to-connect-install-existing-
 * tenant, "Hard match security protections"), and what is unknown when they are missing or empty.
 */
class CloudExportRuleColumnsTest {

    private static final String HEADER = "Id,UserPrincipalName,DisplayName,OnPremisesImmutableId,OnPremisesSyncEnabled,"
            + "HoldsAdminRole,EligibleForAdminRole,OnPremisesObjectIdentifier,IsCloudManaged";

    @TempDir
    Path dir;

    @Test
    void records_readEligibilityObjectIdentifierCloudManagementAndDisplayName() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "u1,pim@contoso.com,PIM Admin,BpazOkLGm0iEtljAONPvOQ==,True,False,True,,False",
                "u2,mapped@contoso.com,,OrOWBsZCSJuEtljAONPvOQ==,True,False,False,"
                        + "3ab39606-c642-489b-84b6-58c038d3ef39,True",
                "u3,cloud@contoso.com,Cloud Only,,,False,false,,").writeTo(dir, "entrausers.csv");

        List<CloudUser> users = users(file);

        assertThat(users).extracting(CloudUser::eligibleForAdminRole).containsExactly(true, false, false);
        assertThat(users).extracting(CloudUser::onPremisesObjectIdentifier)
                .containsExactly(null, "3ab39606-c642-489b-84b6-58c038d3ef39", null);
        assertThat(users).extracting(CloudUser::cloudManaged).containsExactly(false, true, null);
        assertThat(users).extracting(CloudUser::displayName).containsExactly("PIM Admin", null, "Cloud Only");
        assertThat(users).allSatisfy(u -> assertThat(u.attributes().names()).isEmpty());
    }

    @Test
    void records_rejectEligibilityOrCloudManagementThatIsNotAFlag() throws IOException {
        Path file = ExportFile.lines(HEADER,
                "u1,a@contoso.com,,,,False,Eligible,,",
                "u2,b@contoso.com,,,,False,False,,1").writeTo(dir, "entrausers.csv");

        List<DirectoryRecord<CloudUser>> records = records(file);

        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(DirectoryRecord.Rejected.class));
        assertThat(((DirectoryRecord.Rejected<CloudUser>) records.get(0)).reason())
                .isEqualTo("EligibleForAdminRole is 'Eligible', expected True, False or empty");
        assertThat(((DirectoryRecord.Rejected<CloudUser>) records.get(1)).reason())
                .isEqualTo("IsCloudManaged is '1', expected True, False or empty");
    }

    @Test
    void emptyCells_areNotReadForCloudManagementAndFalseForEligibility() throws IOException {
        Path file = ExportFile.lines(HEADER, "u1,a@contoso.com,,BpazOkLGm0iEtljAONPvOQ==,True,,,,")
                .writeTo(dir, "entrausers.csv");

        CloudUser user = users(file).get(0);

        assertThat(user.cloudManaged()).as("null: the export could not read it").isNull();
        assertThat(user.eligibleForAdminRole()).isFalse();
        assertThat(user.holdsAdminRole()).isFalse();
    }

    @Test
    void anExportFromTheOlderCommand_lacksTheHardMatchColumnsAndSaysSo() throws IOException {
        Path file = ExportFile.lines("Id,UserPrincipalName,OnPremisesImmutableId,OnPremisesSyncEnabled,Mail,"
                        + "ProxyAddresses,OnPremisesLastSyncDateTime,HoldsAdminRole",
                "u1,a@contoso.com,BpazOkLGm0iEtljAONPvOQ==,True,a@contoso.com,SMTP:a@contoso.com,,False")
                .writeTo(dir, "entrausers.csv");

        try (CloudCsvExport export = CloudCsvExport.open(file)) {
            assertThat(export.missingOptionalColumns()).containsExactly("displayName", "EligibleForAdminRole",
                    "OnPremisesObjectIdentifier", "IsCloudManaged");
            CloudDirectory directory = export;
            assertThat(directory.unreadFields()).containsExactlyInAnyOrder(UserField.DISPLAY_NAME,
                    UserField.ELIGIBLE_ADMIN_ROLES, UserField.ON_PREMISES_OBJECT_IDENTIFIER, UserField.CLOUD_MANAGED);
            try (Stream<CloudUser> users = export.users()) {
                CloudUser user = users.findFirst().orElseThrow();
                assertThat(user.eligibleForAdminRole()).isFalse();
                assertThat(user.onPremisesObjectIdentifier()).isNull();
                assertThat(user.cloudManaged()).isNull();
            }
        }
    }

    private static List<DirectoryRecord<CloudUser>> records(Path file) {
        try (CloudCsvExport export = CloudCsvExport.open(file);
                Stream<DirectoryRecord<CloudUser>> records = export.records()) {
            return records.collect(Collectors.toList());
        }
    }

    private static List<CloudUser> users(Path file) {
        return records(file).stream().map(DirectoryRecord::orElseThrow).collect(Collectors.toList());
    }
}
