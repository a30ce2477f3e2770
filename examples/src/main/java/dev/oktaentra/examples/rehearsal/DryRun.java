package dev.oktaentra.examples.rehearsal;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.migration.Migration;
import dev.oktaentra.core.migration.MigrationStep;
import dev.oktaentra.core.migration.Plan;
import java.util.Locale;

/** The rehearsal's dry run: every step planned against the untouched tenant, and proof that nothing was written. */
final class DryRun {

    private DryRun() {
    }

    /** Plans every step against the untouched environment and shows that no write reached a server. */
    static void run(Migration migration, EmbeddedEnvironment env, Narration say) {
        say.heading("Dry run: every step planned, nothing written");
        long graphWrites = graphWrites(env);
        long oktaWrites = oktaWrites(env);
        say.line(Narration.pad("step") + String.format(Locale.ROOT, "%-10s %7s %12s  %s", "kind", "changes",
                "instructions", "what"));
        for (MigrationStep step : migration.runbook().steps()) {
            Plan plan;
            try {
                plan = migration.plan(step.id());
            } catch (OktaEntraException e) {
                throw new StepDriver.StepFailure(step.id(), e.getMessage());
            }
            say.line(Narration.pad(step.id()) + String.format(Locale.ROOT, "%-10s %,7d %,12d  %s", step.kind(),
                    plan.changes().size(), plan.instructions().size(), StepDriver.describe(plan.changes())));
        }
        say.line(String.format(Locale.ROOT, "Written during the dry run: %d Graph requests, %d Okta requests that "
                + "change anything (the plans are in the journal).", graphWrites(env) - graphWrites,
                oktaWrites(env) - oktaWrites));
    }

    static long graphWrites(EmbeddedEnvironment env) {
        return env.graph().writes().size();
    }

    static long oktaWrites(EmbeddedEnvironment env) {
        return env.okta().requests().stream().filter(r -> r.isWrite()).count();
    }
}
