package dev.oktaentra.okta.testing;

import dev.oktaentra.core.provisioning.PushedGroup;
import java.util.List;
import java.util.Objects;

/**
 * An app seeded into {@link FakeOktaServer}, and the app's current state as the fake holds it.
 *
 * @param id the app id, e.g. {@code 0oa1o365}
 * @param name the OIN name, e.g. {@code office365} or {@code salesforce}
 * @param label the label an admin sees
 * @param status {@code ACTIVE} or {@code INACTIVE}
 * @param signOnMode e.g. {@code WS_FEDERATION}
 * @param connection the default provisioning connection
 * @param userProvisioning the USER_PROVISIONING feature's status ({@code ENABLED} / {@code DISABLED}), or
 *        {@code null} when the app has no such feature (the features API then answers 400)
 * @param immutableIdExpression the Okta user → app user mapping's expression for {@code immutableId}, or
 *        {@code null} for none
 * @param profileMapping whether the app has profile mappings at all; without, the mappings list is empty for it
 * @param deactivateUsers whether the app deprovisions users it no longer covers: the USER_PROVISIONING feature's
 *        {@code update.lifecycleDeactivate} is {@code ENABLED} and the app lists {@code PUSH_USER_DEACTIVATION}
 *        among its features (Okta's Admin Console: Provisioning, To App, "Deactivate Users")
 * @param groupPushes the app's group push mappings; the app lists {@code GROUP_PUSH} among its features when there
 *        is any
 */
public record FakeApp(String id, String name, String label, String status, String signOnMode,
        FakeConnection connection, String userProvisioning, String immutableIdExpression, boolean profileMapping,
        boolean deactivateUsers, List<PushedGroup> groupPushes) {

    /** Okta's default Office 365 expression for {@code immutableId}. */
    public static final String DEFAULT_IMMUTABLE_ID_EXPRESSION =
            "hasDirectoryUser()?findDirectoryUser().externalId:null";

    /** Checks the components. */
    public FakeApp {
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("A fake app id must be letters and digits, not '" + id + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A fake app needs an OIN name, e.g. office365 (app " + id + ")");
        }
        Objects.requireNonNull(connection, "connection");
        label = label == null ? name : label;
        groupPushes = groupPushes == null ? List.of() : List.copyOf(groupPushes);
        status = status == null ? "ACTIVE" : status;
        signOnMode = signOnMode == null ? "SAML_2_0" : signOnMode;
    }

    /**
     * An Office 365 app as Okta shows one that provisions: WS-Federation, connection ENABLED (OAuth 2.0),
     * USER_PROVISIONING ENABLED, Okta's default immutableId expression.
     *
     * @param id the app id
     * @param label the label
     * @return the app
     */
    public static FakeApp office365(String id, String label) {
        return new FakeApp(id, "office365", label, "ACTIVE", "WS_FEDERATION", FakeConnection.ENABLED, "ENABLED",
                DEFAULT_IMMUTABLE_ID_EXPRESSION, true, false, List.of());
    }

    /**
     * Another app that provisions (token auth), which the adapter must never touch.
     *
     * @param id the app id
     * @param name the OIN name, e.g. {@code salesforce}
     * @param label the label
     * @return the app
     */
    public static FakeApp other(String id, String name, String label) {
        return new FakeApp(id, name, label, "ACTIVE", "SAML_2_0", FakeConnection.ENABLED, "ENABLED", null, true,
                false, List.of());
    }

    /**
     * A copy with another connection state.
     *
     * @param value the connection state
     * @return a copy with it
     */
    public FakeApp withConnection(FakeConnection value) {
        return new FakeApp(id, name, label, status, signOnMode, value, userProvisioning, immutableIdExpression,
                profileMapping, deactivateUsers, groupPushes);
    }

    /**
     * A copy with another USER_PROVISIONING feature.
     *
     * @param value the USER_PROVISIONING status, or {@code null} for no such feature
     * @return a copy with it
     */
    public FakeApp withUserProvisioning(String value) {
        return new FakeApp(id, name, label, status, signOnMode, connection, value, immutableIdExpression,
                profileMapping, deactivateUsers, groupPushes);
    }

    /**
     * A copy with another immutableId expression.
     *
     * @param value the immutableId expression, or {@code null}
     * @return a copy with it
     */
    public FakeApp withImmutableIdExpression(String value) {
        return new FakeApp(id, name, label, status, signOnMode, connection, userProvisioning, value,
                profileMapping, deactivateUsers, groupPushes);
    }

    /**
     * A copy without profile mappings.
     *
     * @return a copy without profile mappings
     */
    public FakeApp withoutProfileMapping() {
        return new FakeApp(id, name, label, status, signOnMode, connection, userProvisioning, immutableIdExpression,
                false, deactivateUsers, groupPushes);
    }

    /**
     * A copy with another status.
     *
     * @param value the app status, e.g. {@code INACTIVE}
     * @return a copy with it
     */
    public FakeApp withStatus(String value) {
        return new FakeApp(id, name, label, value, signOnMode, connection, userProvisioning, immutableIdExpression,
                profileMapping, deactivateUsers, groupPushes);
    }

    /**
     * A copy with another sign-on mode.
     *
     * @param value the sign-on mode, e.g. {@code SAML_1_1}
     * @return a copy with it
     */
    public FakeApp withSignOnMode(String value) {
        return new FakeApp(id, name, label, status, value, connection, userProvisioning, immutableIdExpression,
                profileMapping, deactivateUsers, groupPushes);
    }

    /**
     * A copy whose provisioning deprovisions users it no longer covers ("Deactivate Users" on), or does not.
     *
     * @param value whether unassignment deprovisions
     * @return a copy with it
     */
    public FakeApp withDeactivateUsers(boolean value) {
        return new FakeApp(id, name, label, status, signOnMode, connection, userProvisioning, immutableIdExpression,
                profileMapping, value, groupPushes);
    }

    /**
     * A copy with group push mappings.
     *
     * @param value the mappings
     * @return a copy with them
     */
    public FakeApp withGroupPushes(PushedGroup... value) {
        return new FakeApp(id, name, label, status, signOnMode, connection, userProvisioning, immutableIdExpression,
                profileMapping, deactivateUsers, List.of(value));
    }
}
