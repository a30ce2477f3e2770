package dev.oktaentra.okta;

/**
 * The Okta Admin Console path that switches an Office 365 app's provisioning off by hand, for apps the API cannot
 * switch and for reports (Microsoft's migration tutorial gives the same path).
 */
final class ConsoleSteps {

    private ConsoleSteps() {
    }

    /**
     * How to switch provisioning off by hand.
     *
     * @param appId the app's id
     * @param label the app's label
     * @return the steps, one line
     */
    public static String disable(String appId, String label) {
        return "In the Okta Admin Console: Applications \u2192 " + app(appId, label)
                + " \u2192 Provisioning \u2192 Integration \u2192 Edit \u2192 clear \"Enable API integration\""
                + " \u2192 Save.";
    }

    private static String app(String appId, String label) {
        String name = label == null || label.isBlank() ? "the app" : "\"" + label + "\"";
        return name + " (app id " + appId + ")";
    }
}
