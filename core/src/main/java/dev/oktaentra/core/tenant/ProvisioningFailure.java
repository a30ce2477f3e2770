package dev.oktaentra.core.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a failed entry of Entra's provisioning log means for the cutover, read from its error code
 * ({@code provisioningStatusInfo.errorInformation.errorCode}). The one classifier of provisioning failures: the
 * verification after the cutover and {@link ProvisioningLogSummary} both use it.
 *
 * <p>Microsoft documents few codes for cloud sync's provisioning log; each category lists the codes a Microsoft page
 * names and cites it ({@link #source()}). A code no page names is {@link #UNKNOWN}, and an unknown failure stops the
 * cutover: nothing says it is harmless. Codes are compared without regard to case, since the pages spell some
 * differently ({@code TimeOut}, {@code Timeout}). Only the code is read, never the reason text, whose wording
 * Microsoft does not fix.
 */
public enum ProvisioningFailure {

    /** Another object already holds a value that must be unique, so the user was neither matched nor created. */
    UNIQUENESS_VIOLATION("uniqueness violation", true,
            "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant,"
                    + " \"Hard match vs soft match\": \"an AttributeValueMustBeUnique export error is thrown in"
                    + " Microsoft Entra Connect or Cloud Sync\"",
            "AttributeValueMustBeUnique"),

    /**
     * Entra refused to take the cloud user over by its source anchor: the hard-match block, a user holding a role,
     * or an {@code onPremisesObjectIdentifier} already mapped elsewhere.
     */
    HARD_MATCH_BLOCKED("hard match blocked", true,
            "https://learn.microsoft.com/powershell/module/microsoft.entra/set-entradirsyncfeature"
                    + " (\"Error Code: InvalidHardMatch\"); message center MC1262584 (\"you may encounter an"
                    + " InvalidHardMatch error\"); https://learn.microsoft.com/entra/identity/hybrid/connect/"
                    + "how-to-connect-install-existing-tenant, \"Hard match scenarios and recovery paths\" (\"Remap"
                    + " blocked (AttributeUpdateNotAllowed)\")",
            "InvalidHardMatch", "AttributeUpdateNotAllowed"),

    /** Entra refused to match the cloud user by UPN or primary SMTP address. */
    SOFT_MATCH_BLOCKED("soft match blocked", true,
            "https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors,"
                    + " \"InvalidSoftMatch\"",
            "InvalidSoftMatch"),

    /** The matching attributes found a conflicting object, or more than one object, on either side. */
    MATCH_CONFLICT("match conflict", true,
            "https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs, \"Error"
                    + " codes\" (Conflict, EntryConflict, DuplicateTargetEntries, DuplicateSourceEntries)",
            "Conflict", "EntryConflict", "DuplicateTargetEntries", "DuplicateSourceEntries"),

    /** "A user that was previously created or matched by the provisioning service no longer exists." */
    ANCHOR_GONE("matched user gone", true,
            "https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs, \"Error"
                    + " codes\" (InvalidAnchor)",
            "InvalidAnchor"),

    /** Entra refused an update because the cloud object's source of authority is elsewhere. */
    SOURCE_OF_AUTHORITY("source of authority", true,
            "https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs, \"Error"
                    + " codes for cross-tenant synchronization\" (\"failed in Microsoft Graph API because of Source of"
                    + " Authority (SOA) enforcement\")",
            "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService"),

    /**
     * The provisioning agent or service failed, not the user: a timeout, no active agent, a credential problem. It
     * says nothing about matching, so it does not stop the cutover by itself; whether sync runs at all is checked
     * from the tenant's last sync time.
     */
    AGENT_OR_SERVICE("agent or service", false,
            "https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/reference-error-codes, \"Error codes\"",
            "TimeOut", "HybridSynchronizationActiveDirectoryInternalServerError",
            "HybridIdentityServiceNoAgentsAssigned", "HybridIdentityServiceNoActiveAgents",
            "HybridIdentityServiceInvalidResource", "HybridIdentityServiceAgentSignalingError",
            "AzureDirectoryServiceServerBusy", "AzureActiveDirectoryInvalidCredential",
            "AzureActiveDirectoryExpiredCredentials", "AzureActiveDirectoryAuthenticationFailed"),

    /**
     * A failure whose code no Microsoft page this library cites names, or that carries no code. It stops the
     * cutover: Microsoft documents no "no match" code for cloud sync (its tutorial only says "Updates fail if a match
     * isn't found", https://learn.microsoft.com/entra/identity/enterprise-apps/migrate-okta-sync-provisioning), so an
     * unknown failure may well be one.
     */
    UNKNOWN("unknown code", true, "no Microsoft page names the code");

    private final String label;
    private final boolean blocksCutover;
    private final String source;
    private final Set<String> codes;

    ProvisioningFailure(String label, boolean blocksCutover, String source, String... codes) {
        this.label = label;
        this.blocksCutover = blocksCutover;
        this.source = source;
        this.codes = Arrays.stream(codes).map(c -> c.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * What a provisioning-log entry's failure means.
     *
     * @param event an entry
     * @return its category, or empty when the entry is not a failure
     */
    public static Optional<ProvisioningFailure> of(ProvisioningEvent event) {
        if (!event.failed()) {
            return Optional.empty();
        }
        return Optional.of(ofCode(event.errorCode()));
    }

    /**
     * The category of an error code.
     *
     * @param errorCode the code, e.g. {@code AttributeValueMustBeUnique}; {@code null} or blank is {@link #UNKNOWN}
     * @return the category
     */
    public static ProvisioningFailure ofCode(String errorCode) {
        if (errorCode == null || errorCode.isBlank()) {
            return UNKNOWN;
        }
        String code = errorCode.strip().toLowerCase(Locale.ROOT);
        for (ProvisioningFailure category : values()) {
            if (category.codes.contains(code)) {
                return category;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether a failure of this kind stops the cutover until it is fixed.
     *
     * @return false only for {@link #AGENT_OR_SERVICE}
     */
    public boolean blocksCutover() {
        return blocksCutover;
    }

    /**
     * The error codes of this category, in lower case.
     *
     * @return the codes; empty for {@link #UNKNOWN}
     */
    public Set<String> codes() {
        return codes;
    }

    /**
     * Where Microsoft names these codes.
     *
     * @return the page and section
     */
    public String source() {
        return source;
    }

    /**
     * A few words for reports.
     *
     * @return e.g. {@code uniqueness violation}
     */
    public String label() {
        return label;
    }
}
