package dev.oktaentra.core.migration.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identity provider that cannot say whether unassigning deprovisions is taken to deprovision: the plan asks for
 * an acknowledgement and apply waits for it (the okta-adapter's tests play the same against the fake Okta org).
 */
class DeprovisioningAcknowledgementTest {

    private static final String STEP = "disable-okta-provisioning";

    @TempDir
    Path dir;

    @Test
    void anUnreadableSetting_isTakenAsDeprovisioningAndWaitsForTheOperator() {
        MemoryWorld world = new MemoryWorld();
        world.app("0oa1", ProvisioningState.ENABLED);
        world.deactivateUsers.put("0oa1", Deprovisioning.DeactivateUsers.UNKNOWN);
        MigrationContext context = MigrationContext.builder().provisioning(world.provisioning()).build();
        try (Migration migration = Migration.builder().runbook(Runbooks.cloudSync()).context(context)
                .journal(dir.resolve("journal.jsonl")).open()) {
            Plan plan = migration.plan(STEP);

            assertThat(plan.instructions()).anySatisfy(i -> assertThat(i).contains("could not be read, so it is "
                    + "taken as on"));
            assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(MigrationException.class);
            assertThat(world.writes).isEmpty();

            migration.confirm(STEP, "ops", "read it");
            assertThat(migration.apply(plan).complete()).isTrue();
            assertThat(world.writes).containsExactly("okta 0oa1=DISABLED");
        }
    }
}
