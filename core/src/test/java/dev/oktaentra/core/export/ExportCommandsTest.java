package dev.oktaentra.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export commands the README shows are the ones in error messages, and they produce what the readers read. */
class ExportCommandsTest {

    private static final Pattern CALCULATED = Pattern.compile("@\\{n='([^']+)'");

    @TempDir
    Path dir;

    @Test
    void readme_showsBothCommandsVerbatim() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8).replace("\r\n", "\n");

        assertThat(readme).contains("```powershell\n" + ExportCommands.ON_PREM + "\n```");
        assertThat(readme).contains("```powershell\n" + ExportCommands.CLOUD + "\n```");
    }

    @Test
    void cloud_writesEveryColumnTheReaderNeedsIncludingTheHardMatchFacts() throws IOException {
        List<String> columns = selected(ExportCommands.CLOUD);
        assertThat(columns).containsExactly("Id", "UserPrincipalName", "DisplayName", "OnPremisesImmutableId",
                "OnPremisesSyncEnabled", "Mail", "EmployeeId", "ProxyAddresses", "OnPremisesLastSyncDateTime",
                "HoldsAdminRole", "EligibleForAdminRole", "OnPremisesObjectIdentifier", "IsCloudManaged");
        Path file = csv("entrausers.csv", columns, name -> switch (name) {
            case "Id" -> "u1";
            case "UserPrincipalName" -> "root@contoso.com";
            case "DisplayName" -> "Root";
            case "OnPremisesImmutableId" -> "BpazOkLGm0iEtljAONPvOQ==";
            case "HoldsAdminRole", "IsCloudManaged" -> "False";
            case "EligibleForAdminRole" -> "True";
            case "OnPremisesObjectIdentifier" -> "3ab39606-c642-489b-84b6-58c038d3ef39";
            case "EmployeeId" -> "E100";
            default -> "";
        });

        CloudUser user;
        try (CloudCsvExport export = CloudCsvExport.open(file); Stream<CloudUser> users = export.users()) {
            assertThat(export.missingOptionalColumns()).isEmpty();
            user = users.findFirst().orElseThrow();
        }

        assertThat(user.holdsAdminRole()).isFalse();
        assertThat(user.eligibleForAdminRole()).isTrue();
        assertThat(user.onPremisesObjectIdentifier()).isEqualTo("3ab39606-c642-489b-84b6-58c038d3ef39");
        assertThat(user.cloudManaged()).isFalse();
        assertThat(user.displayName()).isEqualTo("Root");
        assertThat(user.attributes().names()).as("every other column is one the reader knows")
                .containsExactly("EmployeeId");
    }

    @Test
    void cloud_readsEachHardMatchFactThroughTheCmdletsDocumentedForIt() {
        assertThat(ExportCommands.CLOUD)
                .contains("Get-MgRoleManagementDirectoryRoleEligibilitySchedule -All -ExpandProperty Principal")
                .contains("Get-MgBetaUser -All -Property Id,OnPremisesObjectIdentifier")
                .contains("foreach ($v in 'v1.0','beta')")
                .contains("-Uri \"/$v/users/$($_.Id)/onPremisesSyncBehavior\"")
                .contains("if ($b.ContainsKey('value')) { $b = $b['value'] }");
    }

    @Test
    void onPrem_writesEveryColumnTheReaderNeedsIncludingTheScopeRules() throws IOException {
        List<String> columns = selected(ExportCommands.ON_PREM);
        assertThat(columns).containsExactly("DistinguishedName", "UserPrincipalName", "SamAccountName", "ObjectGUID",
                "mail", "employeeID", "displayName", "isCriticalSystemObject", "mailNickname",
                "msExchRecipientTypeDetails", "mS-DS-ConsistencyGuid", "proxyAddresses");
        Path file = csv("adusers.csv", columns, name -> switch (name) {
            case "DistinguishedName" -> "CN=Jane,DC=contoso,DC=com";
            case "UserPrincipalName" -> "jane@contoso.com";
            case "ObjectGUID" -> "3ab39606-c642-489b-84b6-58c038d3ef39";
            case "mS-DS-ConsistencyGuid" -> "8c4ac332-975f-4717-ad7b-ba4a4e968fff";
            case "proxyAddresses" -> "SMTP:jane@contoso.com";
            case "employeeID" -> "E100";
            case "displayName" -> "Jane Doe";
            case "isCriticalSystemObject" -> "False";
            case "mailNickname" -> "jane";
            case "msExchRecipientTypeDetails" -> "1";
            default -> "";
        });

        OnPremUser user;
        try (OnPremCsvExport export = OnPremCsvExport.open(file); Stream<OnPremUser> users = export.users()) {
            assertThat(export.missingOptionalColumns()).isEmpty();
            user = users.findFirst().orElseThrow();
        }

        assertThat(user.consistencyGuid()).hasToString("8c4ac332-975f-4717-ad7b-ba4a4e968fff");
        assertThat(user.primarySmtpAddress()).isEqualTo("jane@contoso.com");
        assertThat(user.displayName()).isEqualTo("Jane Doe");
        assertThat(user.mailNickname()).isEqualTo("jane");
        assertThat(user.recipientTypeDetails()).isEqualTo(1L);
        assertThat(user.attributes().names()).as("every other column is one the reader knows")
                .containsExactly("employeeID");
    }

    @Test
    void onPrem_asksOnlyForTheExchangeAttributesTheSchemaDefines() {
        // Get-ADUser refuses a -Properties name the schema lacks; a forest without Exchange has no mailNickname.
        assertThat(ExportCommands.ON_PREM)
                .contains("(|(lDAPDisplayName=mailNickname)(lDAPDisplayName=msExchRecipientTypeDetails))")
                .contains("'isCriticalSystemObject') + $exchange)");
    }

    /** The README beside the modules: surefire runs in the module's directory and names it {@code basedir}. */
    private static Path readme() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path readme = module.getParent().resolve("README.md");
        assertThat(readme).as("the project's README beside " + module).isRegularFile();
        return readme;
    }

    /**
     * The columns a command writes, in order: its {@code Select-Object} list or its {@code $columns = @(…)} list
     * (plain names, quoted or not), then every calculated property {@code @{n='…'}} after it.
     */
    private static List<String> selected(String command) {
        int columnsAt = command.indexOf("$columns = @(");
        String select = columnsAt >= 0 ? command.substring(columnsAt + "$columns = @(".length())
                : command.substring(command.indexOf("Select-Object ") + "Select-Object ".length());
        List<String> columns = new ArrayList<>();
        for (String name : select.substring(0, select.indexOf("@{")).split(",")) {
            String plain = name.strip().replace("'", "");
            if (!plain.isEmpty()) {
                columns.add(plain);
            }
        }
        Matcher calculated = CALCULATED.matcher(select);
        while (calculated.find()) {
            columns.add(calculated.group(1));
        }
        return columns;
    }

    private Path csv(String name, List<String> columns, Function<String, String> value) throws IOException {
        String header = columns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        String row = columns.stream().map(c -> "\"" + value.apply(c) + "\"").collect(Collectors.joining(","));
        return ExportFile.lines(header, row).writeTo(dir, name);
    }
}
