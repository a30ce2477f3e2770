package dev.oktaentra.okta;

/**
 * The fields of one app read from Okta's raw JSON.
 *
 * @param id the app id, e.g. {@code 0oa1…}
 * @param name the OIN app name, e.g. {@code office365}
 * @param label the label an admin sees
 * @param status {@code ACTIVE} or {@code INACTIVE}
 * @param signOnMode e.g. {@code WS_FEDERATION}
 */
record AppRecord(String id, String name, String label, String status, String signOnMode) {
}
