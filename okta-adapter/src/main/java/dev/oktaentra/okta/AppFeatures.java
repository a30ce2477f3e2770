package dev.oktaentra.okta;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The app's {@code features} list in the raw JSON of {@code GET /api/v1/apps/{appId}}: "Enabled app features" (Okta
 * Apps API reference, Application properties), e.g. {@code PUSH_USER_DEACTIVATION}, {@code GROUP_PUSH}.
 */
final class AppFeatures {

    private AppFeatures() {
    }

    /**
     * Whether the app lists a feature.
     *
     * @param app the app's JSON
     * @param feature the feature, e.g. {@code GROUP_PUSH}
     * @return {@code TRUE} or {@code FALSE}, or {@code null} when the JSON has no {@code features} list
     */
    static Boolean lists(JsonNode app, String feature) {
        JsonNode features = app == null ? null : app.get("features");
        if (features == null || !features.isArray()) {
            return null;
        }
        for (JsonNode f : features) {
            if (f.isTextual() && feature.equals(f.asText())) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    /**
     * The list as text, for evidence.
     *
     * @param app the app's JSON
     * @return e.g. {@code [PUSH_NEW_USERS, GROUP_PUSH]}, or {@code no features list}
     */
    static String describe(JsonNode app) {
        JsonNode features = app == null ? null : app.get("features");
        return features == null || !features.isArray() ? "no features list" : "app features " + features;
    }
}
