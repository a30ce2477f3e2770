package dev.oktaentra.okta.testing;

/** The default provisioning connection of an app in {@link FakeOktaServer}. */
public enum FakeConnection {

    /** {@code GET …/connections/default} answers {@code status ENABLED}; deactivate switches it off. */
    ENABLED,

    /** {@code status DISABLED}; activate switches it on. */
    DISABLED,

    /**
     * {@code 200} with {@code status} and {@code profile.authScheme} {@code UNKNOWN}: Okta's documented answer for an
     * app the connection API does not apply to. Activate and deactivate answer 400.
     */
    UNKNOWN,

    /**
     * {@code GET …/connections/default} answers {@code 400 E0000001}. Okta documents no error for this case; this
     * models an org whose app refuses the connection API with an error rather than {@code UNKNOWN}.
     */
    UNSUPPORTED
}
