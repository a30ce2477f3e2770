package dev.oktaentra.core.tenant;

import java.time.Instant;

/**
 * One entry of an object's {@code onPremisesProvisioningErrors}: what Entra ID recorded when a synced object carried a
 * value another object already holds (Graph resource {@code onPremisesProvisioningError},
 * https://learn.microsoft.com/graph/api/resources/onpremisesprovisioningerror). With duplicate attribute resiliency,
 * Entra ID "quarantines" the duplicate value instead of failing the object: a required one such as the UPN is
 * replaced by {@code <prefix>+<4 digits>@<initial domain>}, an optional one such as a proxy address is dropped, and
 * the sync client logs no error (https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency).
 * These entries are then the only trace of a failed match.
 *
 * @param category the kind of error; Graph documents one value, {@code PropertyConflict} ("a property value is not
 *        unique")
 * @param propertyCausingError the property, {@code UserPrincipalName} or {@code ProxyAddress}
 * @param value the value that conflicted (the quarantined UPN or address)
 * @param occurredDateTime when the error was recorded, or {@code null}
 */
public record OnPremisesProvisioningError(String category, String propertyCausingError, String value,
        Instant occurredDateTime) {

    /**
     * Whether a proxy address was quarantined: dropped from the object because another object holds it.
     *
     * @return true when {@link #propertyCausingError()} is {@code ProxyAddress} (any case, also the MSOnline spelling
     *         {@code ProxyAddresses})
     */
    public boolean quarantinedAddress() {
        return propertyCausingError != null && propertyCausingError.toLowerCase(java.util.Locale.ROOT)
                .startsWith("proxyaddress");
    }

    /**
     * A sentence for people, e.g. {@code PropertyConflict on UserPrincipalName 'jane@contoso.com' at 2026-…}.
     *
     * @return the text
     */
    public String describe() {
        return (category == null ? "error" : category) + " on " + (propertyCausingError == null ? "(no property)"
                : propertyCausingError) + " '" + value + "'" + (occurredDateTime == null ? "" : " at "
                        + occurredDateTime);
    }
}
