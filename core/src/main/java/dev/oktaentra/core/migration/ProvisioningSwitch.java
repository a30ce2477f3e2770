package dev.oktaentra.core.migration;

import dev.oktaentra.core.provisioning.ProvisioningApp;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.provisioning.ProvisioningState;
import java.util.Optional;

/**
 * An identity-provider app's provisioning switched off (or, to roll back, on again) through the context's
 * {@link ProvisioningSource}, compare-and-set against the state the plan saw, one app at a time: each switch is
 * journaled before the next app is touched, so a conflict stops the next. Values are {@link ProvisioningState}
 * names; the target is the app's id.
 */
public final class ProvisioningSwitch extends OneByOneKind<ProvisioningSource> {

    /** The kind. */
    public static final ProvisioningSwitch KIND = new ProvisioningSwitch();

    /** The attribute every change of this kind names. */
    public static final String ATTRIBUTE = "provisioning";

    private ProvisioningSwitch() {
        super(ATTRIBUTE, TargetSystem.PROVISIONING, NamedKind::provisioning);
    }

    /**
     * A switch of an app's provisioning.
     *
     * @param appId the app's id
     * @param before the state the plan saw
     * @param after the state wanted: {@link ProvisioningState#DISABLED}, or {@link ProvisioningState#ENABLED} to
     *        roll back
     * @param reason why, for people
     * @return the change
     */
    public static Change change(String appId, ProvisioningState before, ProvisioningState after, String reason) {
        return Change.of(KIND, appId, ATTRIBUTE, before.name(), after.name(), reason);
    }

    /** The port's switch reads the state back itself; an answer lost past that is settled by a read. */
    @Override
    ChangeResult apply(ProvisioningSource source, Change change) {
        if (!ATTRIBUTE.equals(change.attribute())) {
            return ChangeResult.refused(change, "Only '" + ATTRIBUTE + "' can be changed on an identity-provider "
                    + "app, not " + change.attribute());
        }
        Optional<ProvisioningApp> found = app(source, change);
        if (found.isEmpty()) {
            return ChangeResult.conflict(change, null, "App " + change.target() + " no longer exists");
        }
        ProvisioningApp app = found.get();
        String now = app.provisioning().name();
        if (now.equals(change.after())) {
            return ChangeResult.alreadyApplied(change, now);
        }
        if (!now.equals(change.before())) {
            return ChangeResult.conflict(change, now, "App " + app.label() + " is " + now + ", the plan expected "
                    + change.before());
        }
        ProvisioningState wanted = ProvisioningState.valueOf(change.after());
        ProvisioningState after = wanted == ProvisioningState.DISABLED ? source.disable(app.id())
                : source.enable(app.id());
        return after == wanted ? ChangeResult.applied(change, now)
                : ChangeResult.failed(change, now, "App " + app.label() + " reads back as " + after);
    }

    /** The app's state now; an app that is gone reads as empty. */
    @Override
    ReadBack read(ProvisioningSource source, Change change) {
        return ReadBack.of(app(source, change).map(a -> a.provisioning().name()).orElse(null));
    }

    private static Optional<ProvisioningApp> app(ProvisioningSource source, Change change) {
        return source.apps().stream().filter(a -> a.id().equals(change.target())).findFirst();
    }
}
