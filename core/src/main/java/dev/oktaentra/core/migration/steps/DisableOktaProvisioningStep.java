package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.ApplyResult;
import dev.oktaentra.core.migration.BaseMigrationStep;
import dev.oktaentra.core.migration.Change;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.MigrationException;
import dev.oktaentra.core.migration.Plan;
import dev.oktaentra.core.migration.ProvisioningSwitch;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.migration.StepKind;
import dev.oktaentra.core.migration.VerifyResult;
import dev.oktaentra.core.provisioning.Deprovisioning;
import dev.oktaentra.core.provisioning.ProvisionedObjects;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 6: switch provisioning off on every Office 365 app, so that Okta and Entra Connect never write the same
 * users. Apps the API cannot switch become console instructions to confirm.
 *
 * <p>Before anything is switched, each app still provisioning is read for what it does on unassignment
 * ({@link ProvisioningSource#deprovisioning}) and what it provisions besides users
 * ({@link ProvisioningSource#beyondUsers}). An app that deprovisions, or whose setting cannot be read (the safer
 * reading), gets an acknowledgement in the plan saying what unassigning would do and exactly what switching the API
 * integration off does and does not do ({@link OktaSwitchOff} cites the sources); {@code apply} is refused until the
 * operator has confirmed that plan, and refused too when an app deprovisions that the plan did not warn of. An app
 * that pushes groups gets an instruction listing them and what the new engine will not take over. A rollback plan is
 * not held back: it restores the state before the step.
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

    /** Apps that still provision, or may: the ones whose switching off matters. */
    private static boolean live(ProvisioningApp app) {
        return app.provisioning() != ProvisioningState.DISABLED;
    }

    @Override
    public List<StepFinding> assess(MigrationContext ctx) {
        ProvisioningSource source = source(ctx);
        List<ProvisioningApp> apps = source.apps();
        if (apps.isEmpty()) {
            return List.of(StepFinding.error(noApps(source)));
        }
        List<StepFinding> findings = new ArrayList<>();
        for (ProvisioningApp a : apps) {
            findings.add(StepFinding.info(a.label() + " (" + a.id() + "): " + a.provisioning()
                    + (a.detail().isEmpty() ? "" : ", " + a.detail())));
            if (!live(a)) {
                continue;
            }
            Deprovisioning reading = source.deprovisioning(a.id());
            findings.add(reading.mayDeprovision()
                    ? StepFinding.warning(a.label() + " (" + a.id() + ") deprovisions users in Microsoft 365 when "
                            + "they are unassigned or deactivated in Okta (" + reading.deactivateUsers() + ": "
                            + reading.evidence() + "); the plan asks for an acknowledgement.")
                    : StepFinding.info(a.label() + ": unassigning users does not deprovision them ("
                            + reading.evidence() + ")."));
            ProvisionedObjects objects = source.beyondUsers(a.id());
            findings.add(objects.mayPushGroups() ? StepFinding.warning(OktaSwitchOff.takeOver(a, objects))
                    : StepFinding.info(a.label() + ": pushes no group (" + objects.evidence() + ")"));
        }
        findings.add(StepFinding.info(OktaSwitchOff.whatSwitchingOffDoes()));
        return findings;
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
                        ProvisioningState.DISABLED, "Office 365 app " + app.label()
                                + ": clear \"Enable API integration\" (Okta stops provisioning; no Microsoft 365 "
                                + "user is changed by it)"));
            } else if (app.provisioning() == ProvisioningState.MANUAL_ONLY) {
                instructions.add(app.label() + " (" + app.id() + ") cannot be switched through the API: "
                        + app.consoleSteps());
            }
            if (live(app)) {
                Deprovisioning reading = source.deprovisioning(app.id());
                if (reading.mayDeprovision()) {
                    instructions.add(OktaSwitchOff.acknowledgement(app, reading, id()));
                }
                ProvisionedObjects objects = source.beyondUsers(app.id());
                if (Boolean.TRUE.equals(objects.groupPush()) || !objects.activeGroups().isEmpty()) {
                    instructions.add(OktaSwitchOff.takeOver(app, objects));
                }
            }
        }
        return plan(ctx, changes, instructions);
    }

    /**
     * Refuses to switch off an app that deprovisions until the operator has confirmed the plan that warned of it:
     * each planned app is read again, and one that deprovisions now needs the plan's acknowledgement and a
     * confirmation since the plan. Nothing is written when refused.
     */
    @Override
    public ApplyResult apply(MigrationContext ctx, Plan plan) {
        if (!plan.rollback()) {
            ProvisioningSource source = source(ctx);
            List<String> unwarned = new ArrayList<>();
            List<String> unacknowledged = new ArrayList<>();
            boolean confirmed = ctx.journal().confirmedSinceLastPlan(id());
            for (ProvisioningApp app : source.apps()) {
                boolean planned = plan.changes().stream().anyMatch(c -> c.target().equals(app.id()));
                if (!planned || !source.deprovisioning(app.id()).mayDeprovision()) {
                    continue;
                }
                String name = app.label() + " (" + app.id() + ")";
                if (plan.instructions().stream().noneMatch(i -> i.contains(OktaSwitchOff.marker(app.id())))) {
                    unwarned.add(name);
                } else if (!confirmed) {
                    unacknowledged.add(name);
                }
            }
            if (!unwarned.isEmpty()) {
                throw new MigrationException("Step " + id() + ": Okta app(s) " + unwarned + " now deprovision users "
                        + "when they are unassigned, and plan " + plan.id() + " did not say so: plan the step again "
                        + "and read its instructions. Nothing was written.");
            }
            if (!unacknowledged.isEmpty()) {
                throw new MigrationException("Step " + id() + ": Okta app(s) " + unacknowledged + " deprovision "
                        + "users in Microsoft 365 when they are unassigned or deactivated in Okta; read what plan "
                        + plan.id() + " says about it, then acknowledge it with confirm " + id() + " --operator NAME "
                        + "--note \"...\" and apply again. Nothing was written.");
            }
        }
        return super.apply(ctx, plan);
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
            if (source.deprovisioning(app.id()).mayDeprovision()) {
                findings.add(StepFinding.warning(app.label() + " still deprovisions users it no longer covers: if "
                        + "its provisioning is ever switched on again (a rollback), users unassigned meanwhile would "
                        + "be deactivated in Microsoft 365; clear \"Deactivate Users\" before that."));
            }
        }
        return failed ? VerifyResult.failed(findings) : VerifyResult.passed(findings);
    }
}
