package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.ProvisioningSwitch;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 6: switch provisioning off on every Office 365 app, so that Okta and Entra Connect never write the same
 * users. Apps the API cannot switch become console instructions to confirm.
 *
 * <p>An org that lists no Office 365 app at all is a wrong org URL or credentials that may not read apps far more
 * often than an org with nothing to switch off: planning is refused and verification fails with that reason, and a
 * person who knows the apps are gone skips the step.
 */
final class DisableOktaProvisioningStep extends BaseMigrationStep {

    DisableOktaProvisioningStep() {
        super("disable-okta-provisioning", "Disable Okta provisioning on every Office 365 app", StepKind.AUTOMATED);
    }

    private static ProvisioningSource source(MigrationContext ctx) {
        return MigrationContext.require(ctx.provisioning(), "the identity provider (Okta)", "disable-okta-provisioning");
    }

    /** Why an org without Office 365 apps cannot be taken at its word. */
    private static String noApps(ProvisioningSource source) {
        return source.name() + " lists no Office 365 app: check the org URL and that the credentials may read apps "
                + "(okta.apps.read, or an admin role that sees them). If Okta provisions no Office 365 tenant any "
                + "more, skip this step (skip disable-okta-provisioning) and say why.";
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        ProvisioningSource source = source(ctx);
        List<ProvisioningApp> apps = source.apps();
        if (apps.isEmpty()) {
            return List.of(StepFinding.error(noApps(source)));
        }
        return apps.stream().map(a -> StepFinding.info(a.label() + " (" + a.id() + "): "
                + a.provisioning() + (a.detail().isEmpty() ? "" : ", " + a.detail()))).toList();
    }

    @Override
    public Plan plan(MigrationContext ctx) {
        List<Change> changes = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        ProvisioningSource source = source(ctx);
        List<ProvisioningApp> apps = source.apps();
        if (apps.isEmpty()) {
            throw new MigrationException("Step " + id() + ": " + noApps(source) + " Nothing was planned.");
        }
        for (ProvisioningApp app : apps) {
            if (app.provisioning() == ProvisioningState.ENABLED) {
                changes.add(ProvisioningSwitch.change(app.id(), ProvisioningState.ENABLED,
                        ProvisioningState.DISABLED, "Office 365 app " + app.label()));
            } else if (app.provisioning() == ProvisioningState.MANUAL_ONLY) {
                instructions.add(app.label() + " (" + app.id() + ") cannot be switched through the API: "
                        + app.consoleSteps());
            }
        }
        return plan(ctx, changes, instructions);
    }

    @Override
    public VerifyResult verify(MigrationContext ctx) {
        List<StepFinding> findings = new ArrayList<>();
        boolean failed = false;
        boolean confirmed = ctx.journal().confirmedSinceLastPlan(id());
        ProvisioningSource source = source(ctx);
        List<ProvisioningApp> apps = source.apps();
        if (apps.isEmpty()) {
            return VerifyResult.failed(List.of(StepFinding.error(noApps(source))));
        }
        for (ProvisioningApp app : apps) {
            switch (app.provisioning()) {
                case DISABLED -> findings.add(StepFinding.info(app.label() + ": provisioning is off."));
                case ENABLED -> {
                    failed = true;
                    findings.add(StepFinding.error(app.label() + ": provisioning is still on."));
                }
                default -> {
                    failed |= !confirmed;
                    findings.add(confirmed ? StepFinding.info(app.label() + ": switched off by hand (confirmed).")
                            : StepFinding.error(app.label() + ": switch it off in the console and confirm: "
                                    + app.consoleSteps()));
                }
            }
        }
        return failed ? VerifyResult.failed(findings) : VerifyResult.passed(findings);
    }
}
