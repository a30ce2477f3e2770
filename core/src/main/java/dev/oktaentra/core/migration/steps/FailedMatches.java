package dev.oktaentra.core.migration.steps;

import dev.oktaentra.core.migration.StepFinding;
import dev.oktaentra.core.report.Counts;
import dev.oktaentra.core.tenant.OnPremisesProvisioningError;
import dev.oktaentra.core.tenant.TenantObject;
import dev.oktaentra.core.tenant.TenantSync;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a failed match leaves in the tenant after the cutover, read from every user, group and contact
 * ({@link TenantSync#tenantObjects()}). Entra ID never lets two objects share a UPN or a proxy address, so counting
 * repeated values finds nothing; a failed match leaves instead:
 * <ul>
 *   <li>entries in the object's {@code onPremisesProvisioningErrors} ("PropertyConflict", on
 *       {@code UserPrincipalName} or {@code ProxyAddress}, https://learn.microsoft.com/graph/api/resources/onpremisesprovisioningerror):
 *       with duplicate attribute resiliency Entra ID "quarantines the duplicate attribute", and the sync client
 *       "doesn't log an error and doesn't retry" (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency).
 *       A {@code ProxyAddress} entry is a quarantined address;</li>
 *   <li>a synced user whose UPN is the placeholder the same page gives,
 *       "{@code <OriginalPrefix>+<4DigitNumber>@<InitialTenantDomain>.onmicrosoft.com}";</li>
 *   <li>a synced user created since the matching window opened: a match that found nothing (no shared UPN or
 *       address) creates a new user without any error ("If Microsoft Entra ID isn't able to find a hard match or soft
 *       match for the incoming object, it provisions a new object",
 *       https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Hard match
 *       vs soft match"). No source tells such a duplicate from a new hire, so each one fails the step until a person
 *       lists it as reviewed ({@code MigrationOptions.reviewedNewUsers}).</li>
 * </ul>
 * A provisioning error or a placeholder UPN fails the step whenever it was recorded: it is a duplicate or a lost
 * address either way.
 */
final class FailedMatches {

    /** Objects named one finding each; the rest are counted. */
    static final int LISTED = 200;
    /** The resiliency page's placeholder UPN: the prefix, {@code +}, four digits, the initial domain. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^.+\\+\\d{4}@[^@]+\\.onmicrosoft\\.com$");

    private FailedMatches() {
    }

    /**
     * Reads the tenant's objects and adds one error per object that shows a failed match, naming it, and a summary.
     *
     * @param tenant the tenant port
     * @param windowOpened when the matching window opened: users created after it are listed
     * @param reviewed the new users a person checked
     * @param findings where the findings go
     */
    static void check(TenantSync tenant, Instant windowOpened, ReviewedNewUsers reviewed, List<StepFinding> findings) {
        List<String> named = new ArrayList<>();
        long[] counts = new long[4];   // objects, with errors, placeholders, new users
        try (Stream<TenantObject> objects = tenant.tenantObjects()) {
            objects.forEach(o -> {
                counts[0]++;
                List<String> signs = new ArrayList<>();
                for (OnPremisesProvisioningError e : o.provisioningErrors()) {
                    signs.add((e.quarantinedAddress() ? "quarantined address " : "provisioning error ")
                            + e.describe());
                }
                counts[1] += o.provisioningErrors().isEmpty() ? 0 : 1;
                boolean user = o.type() == TenantObject.Type.USER;
                if (user && o.synced() && o.userPrincipalName() != null
                        && PLACEHOLDER.matcher(o.userPrincipalName()).matches()) {
                    signs.add("placeholder UPN of a duplicate");
                    counts[2]++;
                }
                if (user && o.synced() && o.createdDateTime() != null && o.createdDateTime().isAfter(windowOpened)
                        && !reviewed.contains(o.id(), o.userPrincipalName())) {
                    signs.add("created " + o.createdDateTime() + ", after the matching window opened");
                    counts[3]++;
                }
                if (!signs.isEmpty()) {
                    named.add(o.describe() + ": " + String.join("; ", signs));
                }
            });
        }
        if (named.isEmpty()) {
            findings.add(StepFinding.info("No failed match among " + Counts.of(counts[0], "user, group or contact",
                    "users, groups and contacts") + ": no onPremisesProvisioningErrors, no placeholder UPN, no user "
                    + "created since the matching window opened (" + windowOpened + ") that is not reviewed."));
            return;
        }
        findings.add(StepFinding.error(Counts.of(named.size(), "object shows", "objects show") + " a failed match ("
                + counts[1] + " with onPremisesProvisioningErrors, " + counts[2] + " with a placeholder UPN, "
                + counts[3] + " synced users created since the matching window opened at " + windowOpened + "): "
                + "the sync created or changed these instead of matching. For each duplicate, fix the on-prem "
                + "values or the old cloud user's ImmutableID, hard-delete the duplicate and let the sync match "
                + "again; list users that are really new in the reviewed new users file (reviewedNewUsers)."));
        named.stream().limit(LISTED).forEach(n -> findings.add(StepFinding.error(n)));
        if (named.size() > LISTED) {
            findings.add(StepFinding.error(Counts.of(named.size() - LISTED, "more object", "more objects")
                    + " not named here."));
        }
    }
}
