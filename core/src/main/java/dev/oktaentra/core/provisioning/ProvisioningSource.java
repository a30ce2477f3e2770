package dev.oktaentra.core.provisioning;

import java.util.List;
import java.util.stream.Stream;

/**
 * The identity provider that provisions Entra ID today (Okta), as the migration needs it: find every provisioning
 * app, read what it stamped, and switch provisioning off and, for a rollback, on again.
 */
public interface ProvisioningSource extends AutoCloseable {

    /**
     * Every app that provisions into Entra ID (for Okta: every Office 365 app instance, all pages).
     *
     * @return the apps with their current state
     */
    List<ProvisioningApp> apps();

    /**
     * The app's users with the ImmutableID the provider stamped, streamed page by page.
     *
     * @param appId the app
     * @return a stream to close after use
     */
    Stream<ProvisionedUser> users(String appId);

    /**
     * How the app computes the ImmutableID, when the provider's API exposes it.
     *
     * @param appId the app
     * @return the mapping; its fields are {@code null} when unknown
     */
    ImmutableIdMapping immutableIdMapping(String appId);

    /**
     * What the app does to its Microsoft 365 users when they are unassigned or deactivated in the provider. A source
     * that cannot tell answers {@link Deprovisioning.DeactivateUsers#UNKNOWN}, which the
     * {@code disable-okta-provisioning} step treats as a deprovisioning app: the default does.
     *
     * @param appId the app
     * @return the reading
     */
    default Deprovisioning deprovisioning(String appId) {
        return Deprovisioning.unknown(appId, name() + " does not say whether unassigning users deprovisions them");
    }

    /**
     * What the app provisions besides users (groups it pushes). A source that cannot tell answers with
     * {@code groupPush} unknown: the default does.
     *
     * @param appId the app
     * @return the reading
     */
    default ProvisionedObjects beyondUsers(String appId) {
        return ProvisionedObjects.unknown(appId, name() + " does not say what it provisions besides users");
    }

    /**
     * Switches provisioning off for one app. Idempotent: an app already off is left alone. When the call's answer
     * is lost (no answer, or a server error after the retries), implementations read the state back before they
     * throw: a switch that took effect is returned, not thrown, so the journal records it and a rollback undoes it.
     *
     * @param appId the app
     * @return the state read back after the call
     */
    ProvisioningState disable(String appId);

    /**
     * Switches provisioning on again, to roll back {@link #disable(String)}.
     *
     * @param appId the app
     * @return the state read back after the call
     */
    ProvisioningState enable(String appId);

    /**
     * What this source is, for reports, e.g. {@code https://contoso.okta.com}. Never contains credentials.
     *
     * @return the description
     */
    String name();

    /** Releases resources. */
    @Override
    void close();
}
