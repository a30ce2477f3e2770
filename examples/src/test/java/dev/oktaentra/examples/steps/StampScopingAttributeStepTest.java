package dev.oktaentra.examples.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.directory.Attributes;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.directory.OnPremUser;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.Runbook;
import dev.oktaentra.core.migration.StepStatus;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.ldap.testing.InMemoryActiveDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom step through {@link Migration}, as the library's own steps run: against the in-memory AD over LDAPS
 * (the real adapter and its compare-and-set writer) and a cloud directory in memory.
 */
class StampScopingAttributeStepTest {

    private static final String ATTRIBUTE = "extensionAttribute1";
    private static final String WAVE = "okta-wave-1";

    @TempDir
    Path dir;

    private InMemoryActiveDirectory ad;
    private final List<OnPremUser> onPrem = new ArrayList<>();
    private final List<CloudUser> cloud = new ArrayList<>();

    @BeforeEach
    void tenant() {
        ad = InMemoryActiveDirectory.builder().organizationalUnits("Staff").start();
        for (OnPremUser user : ad.seedUsers("Staff", 5)) {
            onPrem.add(user);
            cloud.add(twin(user).immutableId(user.objectGuid().toImmutableId()).build());
        }
        // Already in another wave: left alone.
        OnPremUser pilot = ad.addUser(ad.newUser("Staff", "pilot")
                .attributes(Attributes.builder().add(ATTRIBUTE, "okta-pilot").build()).build());
        cloud.add(twin(pilot).immutableId(pilot.objectGuid().toImmutableId()).build());
        // Not a hard match (no ImmutableID yet): not in this wave.
        OnPremUser soft = ad.addUser(ad.newUser("Staff", "soft").build());
        cloud.add(twin(soft).build());
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    private static CloudUser.Builder twin(OnPremUser user) {
        return CloudUser.builder().id("id-" + user.samAccountName()).userPrincipalName(user.userPrincipalName());
    }

    private static Runbook runbook() {
        return StampScopingAttributeStep.insertAfter(Runbooks.connectServer(), "backfill-attributes",
                StampScopingAttributeStep.of(ATTRIBUTE, WAVE));
    }

    private Migration migration(LdapDirectory directory) {
        MigrationContext context = MigrationContext.builder()
                .onPrem(directory).onPremWriter(directory.writer())
                .cloud(CloudDirectory.of("entra", cloud))
                .options(MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid()))
                .build();
        return Migration.builder().runbook(runbook()).context(context).journal(dir.resolve("journal.jsonl")).open();
    }

    private LdapDirectory connect(boolean writable) {
        var settings = ad.ldapsSettings().extraAttributes(ATTRIBUTE);
        if (writable) {
            settings.backFillAttributes("mail", ATTRIBUTE);
        }
        return LdapDirectory.connect(settings.build());
    }

    private String stamp(OnPremUser user) {
        return ad.entry(user.distinguishedName()).getAttributeValue(ATTRIBUTE);
    }

    @Test
    void insertAfter_putsTheStepInItsPlaceAndNamesTheRunbook() {
        Runbook runbook = runbook();

        assertThat(runbook.name()).isEqualTo("connect-server+stamp-scoping-attribute");
        assertThat(runbook.steps()).extracting(MigrationStep::id).containsSubsequence("backfill-attributes",
                StampScopingAttributeStep.ID, "install-connect-staging");
        assertThat(runbook.steps()).hasSize(Runbooks.connectServer().steps().size() + 1);
        assertThatThrownBy(() -> StampScopingAttributeStep.insertAfter(Runbooks.connectServer(), "no-such-step",
                StampScopingAttributeStep.of(ATTRIBUTE, WAVE))).isInstanceOf(MigrationException.class);
    }

    @Test
    void planApplyVerify_stampsEveryHardMatchAndNothingElse() {
        try (LdapDirectory directory = connect(true); Migration migration = migration(directory)) {
            assertThat(migration.verify(StampScopingAttributeStep.ID).passed()).isFalse();

            Plan plan = migration.plan(StampScopingAttributeStep.ID);

            assertThat(plan.changes()).hasSize(5).allSatisfy(c -> {
                assertThat(c.system()).isEqualTo(TargetSystem.ON_PREM);
                assertThat(c.attribute()).isEqualTo(ATTRIBUTE);
                assertThat(c.before()).isNull();
                assertThat(c.after()).isEqualTo(WAVE);
            });
            assertThat(plan.instructions()).singleElement().asString().startsWith("pilot@contoso.com already holds "
                    + "extensionAttribute1 = 'okta-pilot'");
            assertThat(onPrem).allSatisfy(u -> assertThat(stamp(u)).isNull());   // a plan writes nothing

            ApplyResult result = migration.apply(plan.stepId(), plan.id(), plan.checksum());

            assertThat(result.complete()).isTrue();
            assertThat(result.applied()).isEqualTo(5);
            assertThat(onPrem).allSatisfy(u -> assertThat(stamp(u)).isEqualTo(WAVE));
            assertThat(ad.entry("CN=pilot," + ad.ouDn("Staff")).getAttributeValue(ATTRIBUTE)).isEqualTo("okta-pilot");
            assertThat(ad.entry("CN=soft," + ad.ouDn("Staff")).getAttributeValue(ATTRIBUTE)).isNull();
            assertThat(migration.verify(StampScopingAttributeStep.ID).passed()).isTrue();
            assertThat(migration.info()).filteredOn(s -> s.stepId().equals(StampScopingAttributeStep.ID))
                    .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.VERIFIED));
            assertThat(migration.plan(StampScopingAttributeStep.ID).changes()).isEmpty();
        }
    }

    @Test
    void rollback_clearsTheStampsAgain() {
        try (LdapDirectory directory = connect(true); Migration migration = migration(directory)) {
            Plan plan = migration.plan(StampScopingAttributeStep.ID);
            migration.apply(plan.stepId(), plan.id(), plan.checksum());

            Plan undo = migration.rollback(StampScopingAttributeStep.ID);
            ApplyResult result = migration.apply(undo);

            assertThat(undo.changes()).hasSize(5).allSatisfy(c -> assertThat(c.after()).isNull());
            assertThat(result.complete()).isTrue();
            assertThat(onPrem).allSatisfy(u -> assertThat(stamp(u)).isNull());
        }
    }

    @Test
    void apply_whenSomeoneStampedAUserMeanwhile_stopsAtTheConflictWithoutOverwriting() {
        try (LdapDirectory directory = connect(true); Migration migration = migration(directory)) {
            Plan plan = migration.plan(StampScopingAttributeStep.ID);
            ad.replace(onPrem.get(0).distinguishedName(), ATTRIBUTE, "okta-wave-2");

            ApplyResult result = migration.apply(plan.stepId(), plan.id(), plan.checksum());

            assertThat(result.complete()).isFalse();
            assertThat(result.failures()).extracting(ApplyResult.Failure::status).contains("CONFLICT");
            assertThat(stamp(onPrem.get(0))).isEqualTo("okta-wave-2");
        }
    }

    @Test
    void plan_whenTheWriterMayNotWriteTheAttribute_isRefusedSayingHowToAllowIt() {
        try (LdapDirectory directory = connect(false); Migration migration = migration(directory)) {
            assertThatThrownBy(() -> migration.plan(StampScopingAttributeStep.ID))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("writes extensionAttribute1, which")
                    .hasMessageContaining("backFillAttributes(\"mail\", \"extensionAttribute1\")");
            assertThat(migration.info()).filteredOn(s -> s.stepId().equals(StampScopingAttributeStep.ID))
                    .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.PENDING));
        }
    }

    @Test
    void planAndVerify_againstACloudSideWithoutUsers_failNamingIt() {
        cloud.clear();
        try (LdapDirectory directory = connect(true); Migration migration = migration(directory)) {
            String step = StampScopingAttributeStep.ID;

            assertThatThrownBy(() -> migration.plan(step)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("The cloud side (entra) yielded no users");
            assertThat(migration.verify(step).passed()).isFalse();
            assertThat(migration.verify(step).findings()).anySatisfy(f -> assertThat(f.message())
                    .startsWith("The cloud side (entra) yielded no users"));
        }
    }

    @Test
    void of_requiresAnAttributeAndALabel() {
        assertThatThrownBy(() -> StampScopingAttributeStep.of(" ", WAVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StampScopingAttributeStep.of(ATTRIBUTE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
