package dev.oktaentra.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * One change a user would notice when the sync takes their cloud user over: "All attributes in Microsoft Entra ID with
 * a value in on-premises AD are overwritten with the respective on-premises value", and "if you only manage the email
 * address in Microsoft 365 and haven't kept it updated in on-premises Active Directory Domain Services (AD DS), then
 * you lose any values in Microsoft Entra ID / Microsoft 365 that aren't present in AD DS"
 * (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant, "Sync with
 * existing users in Microsoft Entra ID"). The page speaks of values with an on-prem value; Microsoft's Okta tutorial
 * shows a cloud {@code mail} with no on-prem value being deleted
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning), so an empty on-prem
 * value is predicted to remove the cloud one.
 *
 * @param attribute the cloud attribute: {@code userPrincipalName}, {@code mail}, {@code displayName} or
 *        {@code proxyAddresses}
 * @param before the cloud value now (for {@code proxyAddresses}, the primary {@code SMTP:} address)
 * @param after the on-prem value that replaces it, or {@code null} when the takeover removes it (for
 *        {@code proxyAddresses}, the on-prem primary {@code SMTP:} address)
 * @param lost for {@code proxyAddresses}: the cloud proxy addresses on-prem lacks, which the takeover removes (aliases
 *        mail to which would bounce); empty otherwise
 */
public record TakeoverChange(String attribute, String before, String after, List<String> lost) {

    /**
     * Checks the attribute and freezes the list.
     *
     * @param attribute the cloud attribute
     * @param before the cloud value now
     * @param after the on-prem value that replaces it, or {@code null} when the takeover removes it
     * @param lost for {@code proxyAddresses}, the cloud proxy addresses the takeover removes; empty otherwise
     */
    public TakeoverChange {
        Objects.requireNonNull(attribute, "attribute");
        lost = lost == null ? List.of() : List.copyOf(lost);
    }

    /**
     * One line for people, e.g. {@code mail jane@contoso.com -> (removed)} or {@code proxyAddresses loses
     * smtp:jd@contoso.com}.
     *
     * @return the line
     */
    public String describe() {
        if (!lost.isEmpty()) {
            String primary = Objects.equals(before, after) || after == null && before == null ? ""
                    : " (primary " + before + " -> " + (after == null ? "none" : after) + ")";
            return attribute + " loses " + String.join(", ", lost) + primary;
        }
        return attribute + " " + before + " -> " + (after == null ? "(removed)" : after);
    }
}
