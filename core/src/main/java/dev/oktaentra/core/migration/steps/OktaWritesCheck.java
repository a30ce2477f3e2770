package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.tenant.DirectoryAuditEntry;
import dev.oktaentra.core.tenant.DirectoryAuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * After the cutover: does Okta still write in Entra ID? For {@code verify-cutover}.
 *
 * <p>Okta provisions Office 365 through Microsoft Graph under the admin consent given to its app, which the consent
 * page names "Okta Microsoft Graph Client" (Okta, "Provide Microsoft admin consent for Okta",
 * https://help.okta.com/oie/en-us/Content/Topics/Apps/apps_o365_admin_consent.htm: "Read and accept the instructions
 * listed on the Okta Microsoft Graph Client page"). Entra's directory audit log records who initiated each change,
 * and "Supports $filter (eq) for … app/displayName" on {@code initiatedBy} and "(eq, ge, le)" on
 * {@code activityDateTime} (Graph, directoryAudit resource, https://learn.microsoft.com/graph/api/resources/directoryaudit;
 * List directoryAudits, https://learn.microsoft.com/graph/api/directoryaudit-list). Any entry since the cutover fails
 * the step: whether switching off "Enable API integration" also stops a deprovisioning Okta queued before is
 * documented nowhere. Changes Okta made under an administrator's account (its older username and password
 * integration) are not attributed to the app and cannot be told apart; the finding says so. Without the audit log
 * port the step cannot tell and warns.
 */
final class OktaWritesCheck {

    /** The display names of Okta's app in Entra ID. */
    static final List<String> OKTA_APPS = List.of("Okta Microsoft Graph Client");

    private static final int EXAMPLES = 5;

    private OktaWritesCheck() {
    }

    /**
     * The findings: an error naming Okta's writes since the cutover, or why none were seen.
     *
     * @param ctx the context
     * @param cutover when the cutover was recorded
     * @param now the end of the window
     * @return the findings
     */
    static List<StepFinding> findings(MigrationContext ctx, Instant cutover, Instant now) {
        if (ctx.directoryAudits().isEmpty()) {
            return List.of(StepFinding.warning("Entra's directory audit log was not given to this migration, so "
                    + "writes Okta may still make cannot be seen: check the audit log for changes initiated by "
                    + OKTA_APPS + " since " + cutover + "."));
        }
        DirectoryAuditLog log = ctx.directoryAudits().get();
        long count = 0;
        List<String> examples = new ArrayList<>();
        for (String app : OKTA_APPS) {
            try (Stream<DirectoryAuditEntry> entries = log.byApp(app, cutover, now)) {
                for (DirectoryAuditEntry e : (Iterable<DirectoryAuditEntry>) entries::iterator) {
                    count++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(e.describe());
                    }
                }
            }
        }
        if (count > 0) {
            return List.of(StepFinding.error(Counts.of(count, "change", "changes") + " in Entra ID initiated by "
                    + "Okta's app " + OKTA_APPS + " since the cutover (" + cutover + "), e.g. " + examples
                    + ": Okta still provisions. Check every Office 365 app in Okta (disable-okta-provisioning), then "
                    + "look at these changes in the audit log and undo the ones Okta should not have made."));
        }
        return List.of(StepFinding.info("No change initiated by Okta's app " + OKTA_APPS + " in Entra's directory "
                + "audit log since the cutover (" + cutover + "). Changes Okta made under an administrator's account "
                + "(its older username and password integration) are not attributed to the app."));
    }
}
