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
    void cloud_selectsEveryColumnTheReaderNeedsIncludingHoldsAdminRole() throws IOException {
        List<String> columns = selected(ExportCommands.CLOUD);
        assertThat(columns).contains("HoldsAdminRole");
        Path file = csv("entrausers.csv", columns, name -> switch (name) {
            case "Id" -> "u1";
            case "UserPrincipalName" -> "root@contoso.com";
            case "HoldsAdminRole" -> "True";
            case "EmployeeId" -> "E100";
            default -> "";
        });

        CloudUser user;
        try (CloudCsvExport export = CloudCsvExport.open(file); Stream<CloudUser> users = export.users()) {
            user = users.findFirst().orElseThrow();
        }

        assertThat(user.holdsAdminRole()).isTrue();
        assertThat(user.attributes().names()).as("every other column is one the reader knows")
                .containsExactly("EmployeeId");
    }

    @Test
    void onPrem_selectsEveryColumnTheReaderNeeds() throws IOException {
        List<String> columns = selected(ExportCommands.ON_PREM);
        Path file = csv("adusers.csv", columns, name -> switch (name) {
            case "DistinguishedName" -> "CN=Jane,DC=contoso,DC=com";
            case "UserPrincipalName" -> "jane@contoso.com";
            case "ObjectGUID" -> "3ab39606-c642-489b-84b6-58c038d3ef39";
            case "mS-DS-ConsistencyGuid" -> "8c4ac332-975f-4717-ad7b-ba4a4e968fff";
            case "proxyAddresses" -> "SMTP:jane@contoso.com";
            case "employeeID" -> "E100";
            default -> "";
        });

        OnPremUser user;
        try (OnPremCsvExport export = OnPremCsvExport.open(file); Stream<OnPremUser> users = export.users()) {
            user = users.findFirst().orElseThrow();
        }

        assertThat(user.consistencyGuid()).hasToString("8c4ac332-975f-4717-ad7b-ba4a4e968fff");
        assertThat(user.primarySmtpAddress()).isEqualTo("jane@contoso.com");
        assertThat(user.attributes().names()).as("every other column is one the reader knows")
                .containsExactly("employeeID");
    }

    /** The README beside the modules: surefire runs in the module's directory and names it {@code basedir}. */
    private static Path readme() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path readme = module.getParent().resolve("README.md");
        assertThat(readme).as("the project's README beside " + module).isRegularFile();
        return readme;
    }

    /** The columns a command's Select-Object writes: its plain properties, then its calculated ones. */
    private static List<String> selected(String command) {
        String select = command.substring(command.indexOf("Select-Object ") + "Select-Object ".length());
        List<String> columns = new ArrayList<>();
        for (String name : select.substring(0, select.indexOf("@{")).split(",")) {
            if (!name.isBlank()) {
                columns.add(name.strip());
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
