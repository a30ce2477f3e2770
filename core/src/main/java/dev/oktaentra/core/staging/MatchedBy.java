package dev.oktaentra.core.staging;

/** Which look-up tied a pending export to a known user, in the order Entra's own matching tries them. */
public enum MatchedBy {
    /** The export's sourceAnchor equals the user's expected or cloud ImmutableID (a hard match). */
    SOURCE_ANCHOR,
    /** Same UPN (soft match). */
    USER_PRINCIPAL_NAME,
    /** Same primary SMTP address (soft match). */
    PRIMARY_SMTP_ADDRESS
}
