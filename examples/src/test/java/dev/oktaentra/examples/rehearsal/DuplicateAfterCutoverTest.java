package dev.oktaentra.examples.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationOptions;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.TopologyNeeds;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.migration.steps.Runbooks;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.tenant.OnPremisesProvisioningError;
import dev.oktaentra.core.tenant.TenantObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutover that goes wrong the way it does against a real tenant: cloud sync adds a user instead of matching it.
 * Entra ID never lets two users share a UPN or an address, so nothing is repeated; what is left is a user with a
 * placeholder {@code +NNNN} UPN, a quarantined address and {@code onPremisesProvisioningErrors} (the Graph stand-in
 * plays duplicate attribute resiliency), or, when nothing collides, just a new synced user. verify-cutover fails
 * naming that user.
 */
class DuplicateAfterCutoverTest {

    @TempDir
    Path dir;

    private EmbeddedEnvironment env;

    @BeforeEach
    void start() {
        env = EmbeddedEnvironment.start(Scenario.forUsers(Scenario.MIN_USERS, 23).withCloudSyncConfigured(true));
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private MigrationOptions options() {
        return MigrationOptions.defaults().withAnchor(SourceAnchor.objectGuid())
                .withTopology(new TopologyNeeds(false, false, false, Scenario.MIN_USERS));
    }

    /** Every step up to and including enable-cloud-sync, then the agents' first cycle, which {@code duplicate} spoils. */
    private VerifyResult cutover(MigrationOptions options, Runnable duplicate) {
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync())
                .context(env.context(options, ProgressListener.NONE)).journal(dir.resolve("journal.jsonl")).open()) {
            for (MigrationStep step : migration.runbook().steps()) {
                if (step.id().equals("verify-cutover")) {
                    break;
                }
                if (step.kind() == StepKind.AUTOMATED) {
                    Plan plan = migration.plan(step.id());
                    if (step.id().equals("disable-okta-provisioning")) {
                        // The EMEA app deprovisions on unassignment: apply waits for the acknowledgement.
                        migration.confirm(step.id(), "ops", "read the deprovisioning note");
                    }
                    assertThat(migration.apply(plan).complete()).as(step.id()).isTrue();
                }
            }
            new CloudSyncAgentStandIn(env).firstCycle(env.cloud().tenantSync().cloudSyncJobs(), Instant.now());
            duplicate.run();
            return migration.verify("verify-cutover");
        }
    }

    private static String anchor(long seed) {
        return ObjectGuid.random(new SplittableRandom(seed)).toImmutableId().value();
    }

    @Test
    void aSyncedAddThatCollidesWithAnExistingUser_failsTheCutover_namingThePlaceholderUser() {
        CloudUser existing = env.graph().users().get(0);
        CloudUser[] added = new CloudUser[1];

        VerifyResult result = cutover(options(), () -> added[0] = env.graph().syncAdd(CloudUser.builder()
                .id("9d7c55e0-6f3b-4bb8-9a43-2b1e0c7f1a99").userPrincipalName(existing.userPrincipalName())
                .mail(existing.mail()).proxyAddresses(existing.proxyAddresses()).immutableId(anchor(7)).build(),
                Instant.now()));

        assertThat(added[0].userPrincipalName()).matches(".+\\+\\d{4}@" + env.graph().initialDomain().replace(".",
                "\\."));
        assertThat(env.graph().provisioningErrors(added[0].id())).extracting(
                OnPremisesProvisioningError::propertyCausingError).containsExactly("UserPrincipalName", "ProxyAddress");
        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(StepFinding.Severity.ERROR);
            assertThat(f.message()).startsWith("user " + added[0].userPrincipalName() + " (id " + added[0].id() + ")")
                    .contains("provisioning error PropertyConflict on UserPrincipalName '"
                            + existing.userPrincipalName() + "'")
                    .contains("quarantined address PropertyConflict on ProxyAddress")
                    .contains("placeholder UPN of a duplicate")
                    .contains("after the matching window opened");
        });
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .startsWith("1 object shows a failed match"));
    }

    @Test
    void aSilentDuplicate_isNamedAsAUserCreatedInTheWindow_untilAPersonListsItAsReviewed() throws Exception {
        CloudUser newcomer = CloudUser.builder().id("0b4f3c9a-7e21-4d6b-8c55-4a1f2e9d3b70")
                .userPrincipalName("jane.roe@" + env.activeDirectory().domainName()).immutableId(anchor(11)).build();

        VerifyResult failed = cutover(options(), () -> env.graph().syncAdd(newcomer, Instant.now()));

        assertThat(failed.passed()).isFalse();
        assertThat(failed.findings()).anySatisfy(f -> assertThat(f.message())
                .startsWith("user " + newcomer.userPrincipalName() + " (id " + newcomer.id() + ")")
                .contains("after the matching window opened"));

        Path reviewed = Files.writeString(dir.resolve("reviewed-new-users.txt"),
                "# checked with HR: a new hire, not a duplicate\n" + newcomer.userPrincipalName() + "\n");
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync())
                .context(env.context(options().withReviewedNewUsers(reviewed), ProgressListener.NONE))
                .journal(dir.resolve("journal.jsonl")).open()) {
            VerifyResult passed = migration.verify("verify-cutover");
            assertThat(passed.passed()).as("%s", passed.findings()).isTrue();
        }
    }

    @Test
    void aGroupWithAProvisioningError_failsTheCutoverToo() {
        VerifyResult result = cutover(options(), () -> env.graph().addObject(new TenantObject(TenantObject.Type.GROUP,
                "5e8d2a41-0c7b-4f39-b6d2-91a3c4e5f607", "Sales", null, "sales@contoso.com", Boolean.TRUE,
                Instant.now(), List.of(new OnPremisesProvisioningError("PropertyConflict", "ProxyAddress",
                        "SMTP:sales@contoso.com", Instant.now())))));

        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .startsWith("group sales@contoso.com (id 5e8d2a41-0c7b-4f39-b6d2-91a3c4e5f607): quarantined address"));
    }
}
