package dev.oktaentra.okta;

import dev.oktaentra.core.directory.WriteStatus;
import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningState;
import dev.oktaentra.okta.disable.Action;
import dev.oktaentra.okta.disable.AppChange;
import dev.oktaentra.okta.disable.AppCheck;
import dev.oktaentra.okta.disable.CheckOutcome;
import dev.oktaentra.okta.disable.DisablePlan;
import dev.oktaentra.okta.disable.DisableResult;
import dev.oktaentra.okta.disable.PlannedApp;
import dev.oktaentra.okta.disable.RollbackResult;
import dev.oktaentra.okta.disable.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan → apply → verify → rollback for switching Office 365 provisioning off.
 *
 * <p>Apply is compare-and-set per app: the state is read again, and the app is switched only when it still holds the
 * planned before-state; an app already off is left alone; an app whose state changed otherwise is a conflict and is
 * not touched. One app's failure does not stop the others. Running apply twice changes nothing the second time.
 */
final class DisableWorkflow {

    private static final Logger LOG = LoggerFactory.getLogger(DisableWorkflow.class);

    private final String source;
    private final Supplier<List<ProvisioningApp>> discover;
    private final ProvisioningProbe probe;
    private final ConnectionSwitch connectionSwitch;
    private final Clock clock;

    /**
     * @param source the org, for reports
     * @param discover lists every Office 365 app with its state
     * @param probe reads one app's state
     * @param connectionSwitch switches one app
     * @param clock the time stamps
     */
    public DisableWorkflow(String source, Supplier<List<ProvisioningApp>> discover, ProvisioningProbe probe,
            ConnectionSwitch connectionSwitch, Clock clock) {
        this.source = source;
        this.discover = discover;
        this.probe = probe;
        this.connectionSwitch = connectionSwitch;
        this.clock = clock;
    }

    /**
     * Reads every Office 365 app and plans; changes nothing.
     *
     * @return the plan
     */
    public DisablePlan plan() {
        List<PlannedApp> apps = discover.get().stream().map(PlannedApp::of).toList();
        DisablePlan plan = new DisablePlan(source, clock.instant(), apps);
        LOG.info("Planned: {} to deactivate, {} already off, {} to confirm by hand",
                plan.withAction(Action.DEACTIVATE).size(), plan.withAction(Action.LEAVE_ALONE).size(),
                plan.withAction(Action.CONFIRM_BY_HAND).size());
        return plan;
    }

    /**
     * Applies a plan.
     *
     * @param plan the plan
     * @return each app's outcome
     */
    public DisableResult apply(DisablePlan plan) {
        requireSameOrg(plan.source());
        List<AppChange> changes = new ArrayList<>();
        for (PlannedApp planned : plan.apps()) {
            changes.add(applyOne(planned));
        }
        DisableResult result = new DisableResult(plan, clock.instant(), changes);
        LOG.info("Applied: {} deactivated, {} to confirm by hand, {} problem(s)", result.deactivated().size(),
                result.confirmByHand().size(), result.problems().size());
        return result;
    }

    private AppChange applyOne(PlannedApp planned) {
        ProvisioningApp app = planned.app();
        try {
            if (planned.action() == Action.CONFIRM_BY_HAND) {
                ConnectionReading now = probe.connection(app.id());
                if (now.state() != ProvisioningState.MANUAL_ONLY) {
                    return conflict(app, planned.action(), now);
                }
                return new AppChange(app, planned.action(), WriteStatus.REFUSED, now.state(),
                        "Okta's API cannot switch this app (" + now.summary() + "). Switch it off by hand and"
                                + " confirm: " + app.consoleSteps());
            }
            if (planned.action() == Action.LEAVE_ALONE) {
                ConnectionReading now = probe.connection(app.id());
                return now.state() == ProvisioningState.DISABLED ? alreadyOff(app, planned.action(), now)
                        : conflict(app, planned.action(), now);
            }
            ConnectionSwitch.Outcome outcome = connectionSwitch.disable(app.id());
            if (!outcome.called()) {
                return outcome.before().state() == ProvisioningState.DISABLED
                        ? alreadyOff(app, planned.action(), outcome.before())
                        : conflict(app, planned.action(), outcome.before());
            }
            return settled(app, planned.action(), outcome.after(), ProvisioningState.DISABLED, "Deactivated the"
                    + " default provisioning connection; it now reads: " + outcome.after().summary() + ".");
        } catch (OktaException | IllegalArgumentException e) {
            LOG.warn("App {}: {}", app.id(), e.getMessage());
            return new AppChange(app, planned.action(), WriteStatus.FAILED, null, e.getMessage());
        }
    }

    /**
     * Reads every Office 365 app again and checks it against the plan.
     *
     * @param plan the plan that was applied
     * @return the checks
     */
    public Verification verify(DisablePlan plan) {
        requireSameOrg(plan.source());
        Map<String, ProvisioningApp> now = new LinkedHashMap<>();
        for (ProvisioningApp app : discover.get()) {
            now.put(app.id(), app);
        }
        List<AppCheck> checks = new ArrayList<>();
        for (PlannedApp planned : plan.apps()) {
            ProvisioningApp current = now.remove(planned.app().id());
            if (current == null) {
                checks.add(new AppCheck(planned.app(), true, CheckOutcome.GONE,
                        "Okta no longer lists this app; it provisions nothing."));
            } else {
                checks.add(check(current, true));
            }
        }
        for (ProvisioningApp added : now.values()) {
            checks.add(check(added, false));
        }
        Verification verification = new Verification(source, clock.instant(), checks);
        LOG.info("Verified: {} still enabled, {} to confirm by hand", verification.stillEnabled().size(),
                verification.confirmByHand().size());
        return verification;
    }

    private static AppCheck check(ProvisioningApp app, boolean planned) {
        String since = planned ? "" : " This app appeared after planning.";
        return switch (app.provisioning()) {
            case DISABLED -> new AppCheck(app, planned, CheckOutcome.DISABLED, "Provisioning is off." + since);
            case ENABLED -> new AppCheck(app, planned, CheckOutcome.STILL_ENABLED, "Provisioning is still on ("
                    + app.detail() + ")." + since + " Plan and apply again, or: " + app.consoleSteps());
            case MANUAL_ONLY -> new AppCheck(app, planned, CheckOutcome.CONFIRM_BY_HAND, "Okta's API cannot tell ("
                    + app.detail() + ")." + since + " Check by hand: " + app.consoleSteps());
        };
    }

    /**
     * Switches on again exactly the apps {@code result} switched off.
     *
     * @param result what apply did
     * @return each app's outcome and the manual steps for apps left to a person
     */
    public RollbackResult rollback(DisableResult result) {
        requireSameOrg(result.plan().source());
        List<AppChange> changes = new ArrayList<>();
        for (AppChange done : result.deactivated()) {
            changes.add(reactivate(done.app()));
        }
        List<String> manual = new ArrayList<>();
        for (AppChange left : result.confirmByHand()) {
            manual.add("If you switched " + left.app().label() + " (" + left.app().id() + ") off by hand: "
                    + ConsoleSteps.enable(left.app().id(), left.app().label()));
        }
        RollbackResult rollback = new RollbackResult(clock.instant(), changes, manual);
        LOG.info("Rolled back: {} of {} app(s) on again", changes.stream().filter(AppChange::succeeded).count(),
                changes.size());
        return rollback;
    }

    private AppChange reactivate(ProvisioningApp app) {
        try {
            ConnectionSwitch.Outcome outcome = connectionSwitch.enable(app.id());
            if (!outcome.called()) {
                if (outcome.before().state() == ProvisioningState.ENABLED) {
                    return new AppChange(app, Action.REACTIVATE, WriteStatus.ALREADY_APPLIED,
                            ProvisioningState.ENABLED,
                            "Provisioning is already on (" + outcome.before().summary() + "); left alone.");
                }
                return conflict(app, Action.REACTIVATE, outcome.before());
            }
            return settled(app, Action.REACTIVATE, outcome.after(), ProvisioningState.ENABLED,
                    "Activated the default provisioning connection again; it now reads: "
                            + outcome.after().summary() + ".");
        } catch (OktaException | IllegalArgumentException e) {
            LOG.warn("App {}: {}", app.id(), e.getMessage());
            return new AppChange(app, Action.REACTIVATE, WriteStatus.FAILED, null, e.getMessage());
        }
    }

    private static AppChange settled(ProvisioningApp app, Action action, ConnectionReading after,
            ProvisioningState wanted, String message) {
        if (after.state() == wanted) {
            return new AppChange(app, action, WriteStatus.APPLIED, after.state(), message);
        }
        return new AppChange(app, action, WriteStatus.FAILED, after.state(), "Okta accepted the call, but the"
                + " connection reads " + after.summary() + " instead of " + wanted + ". Check by hand: "
                + (wanted == ProvisioningState.DISABLED ? app.consoleSteps()
                        : ConsoleSteps.enable(app.id(), app.label())));
    }

    private static AppChange alreadyOff(ProvisioningApp app, Action action, ConnectionReading now) {
        return new AppChange(app, action, WriteStatus.ALREADY_APPLIED, now.state(),
                "Provisioning is already off (" + now.summary() + "); left alone.");
    }

    private static AppChange conflict(ProvisioningApp app, Action action, ConnectionReading now) {
        return new AppChange(app, action, WriteStatus.CONFLICT, now.state(), "Planned with provisioning "
                + app.provisioning() + ", but it now reads " + now.summary() + "; not touched. Plan again.");
    }

    private void requireSameOrg(String planSource) {
        if (!source.equals(planSource)) {
            throw new IllegalArgumentException("The plan is for " + planSource + ", not for " + source
                    + "; apply, verify and roll back a plan with the OktaProvisioning that made it.");
        }
    }
}
