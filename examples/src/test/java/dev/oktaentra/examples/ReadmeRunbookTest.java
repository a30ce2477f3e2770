package dev.oktaentra.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.examples.config.MigrationConfig;
import dev.oktaentra.examples.steps.StampScopingAttributeStep;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's configuration file and custom-step snippet: the file must read as it is shown, and the snippet is
 * kept here between markers so that it compiles and runs; the README must show exactly these lines.
 */
class ReadmeRunbookTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/oktaentra/examples/ReadmeRunbookTest.java");
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path dir;

    @Test
    void readmeConfigurationFile_readsAsShown() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("```json\n{\n  \"runbook\": \"connect-server\"") + "```json\n".length();
        String json = readme.substring(start, readme.indexOf("\n```", start));
        Files.write(dir.resolve("contoso-ca.p12"), new byte[] {0});

        MigrationConfig config = MigrationConfig.read(Files.writeString(dir.resolve("oktaentra.json"), json));

        assertThat(config.describe()).containsExactly("runbook: connect-server",
                "journal: " + dir.resolve("migration.journal"),
                "on-prem: LDAP dc1.contoso.com:636 (LDAPS)",
                "cloud: Microsoft Graph https://graph.microsoft.com/v1.0 tenant contoso.onmicrosoft.com (clientSecret)",
                "okta: Okta https://contoso.okta.com (API token)");
        assertThat(config.options().maxWritesPerStep()).isEqualTo(500);
        assertThat(config.options().stagingExport()).isEqualTo(dir.resolve("export.xml"));
        assertThat(config.options().deletionThreshold()).isEqualTo(500);
        assertThat(config.options().reviewedLeavers()).isEqualTo(dir.resolve("reviewed-leavers.txt"));
    }

    @Test
    void readmeCustomStep_stampsTheHardMatches() {
        try (InMemoryActiveDirectory server = InMemoryActiveDirectory.builder().organizationalUnits("Staff").start()) {
            List<OnPremUser> users = server.seedUsers("Staff", 3);
            CloudDirectory entra = CloudDirectory.of("entra", users.stream().map(u -> CloudUser.builder()
                    .id("id-" + u.samAccountName()).userPrincipalName(u.userPrincipalName())
                    .immutableId(u.objectGuid().toImmutableId()).build()).toList());
            try (LdapDirectory ad = LdapDirectory.connect(server.ldapsSettings().extraAttributes("extensionAttribute1")
                    .backFillAttributes("mail", "extensionAttribute1").build())) {
                readme(ad, entra, dir.resolve("journal.jsonl"));
            }
            assertThat(users).allSatisfy(u -> assertThat(server.entry(u.distinguishedName())
                    .getAttributeValue("extensionAttribute1")).isEqualTo("okta-wave-1"));
        }
    }

    private static void readme(LdapDirectory ad, CloudDirectory entra, Path journal) {
        // README begin
        Runbook runbook = StampScopingAttributeStep.insertAfter(Runbooks.connectServer(), "backfill-attributes",
                StampScopingAttributeStep.of("extensionAttribute1", "okta-wave-1"));
        MigrationContext context = MigrationContext.builder()
                .onPrem(ad).onPremWriter(ad.writer())
                .cloud(entra)
                .options(MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid()))
                .build();
        try (Migration migration = Migration.configure().runbook(runbook).context(context).journal(journal).open()) {
            Plan plan = migration.plan(StampScopingAttributeStep.ID);             // dry run: who would be stamped
            migration.apply(plan.stepId(), plan.id(), plan.checksum());           // compare-and-set, journaled
            migration.verify(StampScopingAttributeStep.ID);                       // every hard match holds the label
        }
        // README end
    }

    @Test
    void readme_showsTheCustomStepSnippetAsItIsHere() throws IOException {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        List<String> snippet = source.subList(source.indexOf("        // README begin") + 1,
                source.indexOf("        // README end")).stream().map(String::strip).toList();
        String readme = Files.readString(README, StandardCharsets.UTF_8).lines().map(String::strip)
                .collect(Collectors.joining("\n"));

        // Line by line, whatever the indentation: the README shows the snippet inside a method of its own.
        assertThat(readme).contains(String.join("\n", snippet));
    }
}
