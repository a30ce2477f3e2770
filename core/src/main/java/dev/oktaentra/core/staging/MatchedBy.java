package dev.oktaentra.core.staging;

/**
 * Which look-up tied a pending export to a known user. Entra's own matching tries the sourceAnchor, then the primary
 * SMTP address, then the UPN ("UPN matching can be run only when SMTP matching fails",
 * https://learn.microsoft.com/troubleshoot/entra/entra-id/user-prov-sync/use-upn-matching-identity-sync); the join of
 * an add follows that order, whatever the order of these constants.
 */
public enum MatchedBy {
    /** The export's sourceAnchor equals the user's expected or cloud ImmutableID (a hard match). */
    SOURCE_ANCHOR,
    /** Same UPN (soft match). */
    USER_PRINCIPAL_NAME,
    /** Same primary SMTP address, or an add's {@code mail} when it has no proxyAddresses (soft match). */
    PRIMARY_SMTP_ADDRESS
}
