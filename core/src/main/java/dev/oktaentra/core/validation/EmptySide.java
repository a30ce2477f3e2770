package dev.oktaentra.core.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a side that comes back empty: a wrong search base or scope, an empty export, the wrong tenant or
 * credentials that see nothing. Every comparison against an empty side looks clean for the wrong reason (no on-prem
 * user means no mismatch, no duplicate and no add; no cloud user means nothing to match), so a validation, a
 * detection or a check that read an empty side must fail with this reason instead of passing. Nothing the migration
 * does is meaningful with either side empty: Okta provisioned its users from the on-prem directory into the tenant,
 * so both hold them.
 */
public final class EmptySide {

    private EmptySide() {
    }

    /**
     * Why a result over these two sides cannot be trusted.
     *
     * @param onPremName what the on-prem side was read from, e.g. {@code ldaps://dc1.contoso.com (OU=Staff,…)}
     * @param onPremRecords how many on-prem records were read, usable or not
     * @param cloudName what the cloud side was read from
     * @param cloudRecords how many cloud records were read, usable or not
     * @return the reason, naming the empty side and what to check; empty when both sides yielded records
     */
    public static Optional<String> check(String onPremName, long onPremRecords, String cloudName,
            long cloudRecords) {
        String onPrem = "The on-prem side (" + onPremName + ") yielded no users";
        String cloud = "The cloud side (" + cloudName + ") yielded no users";
        if (onPremRecords == 0 && cloudRecords == 0) {
            return Optional.of(onPrem + ", and the cloud side (" + cloudName + ") none either: check the search base, "
                    + "the scope and the bind account, the tenant and the permissions, or the export files. Nothing "
                    + "can be validated against empty sides.");
        }
        if (onPremRecords == 0) {
            return Optional.of(onPrem + String.format(Locale.ROOT, " while there are %,d users in the cloud (%s): ",
                    cloudRecords, cloudName) + "check the search base, the scope and the bind account's rights, or "
                    + "the export file. Against an empty side every cloud user looks orphaned and nothing looks "
                    + "wrong.");
        }
        if (cloudRecords == 0) {
            return Optional.of(cloud + String.format(Locale.ROOT, " while there are %,d on-prem users (%s): ",
                    onPremRecords, onPremName) + "check the tenant, the permissions (User.Read.All) or the export "
                    + "file. Against an empty side every on-prem user looks new and nothing looks wrong.");
        }
        return Optional.empty();
    }
}
