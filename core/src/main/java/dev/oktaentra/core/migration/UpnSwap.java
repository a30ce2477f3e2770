package dev.oktaentra.core.migration;

/**
 * A cloud user's {@code userPrincipalName} moved to the tenant's managed initial domain and back, so that its
 * ImmutableID can change in between: a user whose UPN is in a federated domain cannot have its ImmutableID changed
 * directly. The procedure is Okta's ("3. Unfederate the user. User must be unfederated before the Immutable ID can be
 * updated" / "5. Update OnPremisesImmutableId" / "6. Re-establish federation. Change UPN back to original domain.",
 * https://support.okta.com/help/s/article/ms-o365-federation-immutableid-missing-issue-with-o365-federation) and
 * Microsoft's ("Convert the user to a cloud-only user (update the UPN to a non-federated domain)", "Update the
 * ImmutableId", "Convert the user back to a federated user",
 * https://learn.microsoft.com/education/windows/federated-sign-in). A plan holds, per user, {@link #away} then a
 * {@link CloudAttribute#immutableId} change then {@link #back}; each is journaled and compare-and-set like any cloud
 * write.
 *
 * <p>Written through the context's cloud {@link dev.oktaentra.core.directory.DirectoryWriter}, which must write
 * {@value #ATTRIBUTE}; in groups of up to 20. Always reversible: both values are UPNs. The move away and the move
 * back are two kinds of this class ({@link #AWAY}, {@link #RETURN}), so that the journal keeps both standing: as one
 * kind they would net out (own UPN, temporary, own again) and a rollback would restore the ImmutableID while the UPN
 * is in the federated domain, which Entra ID refuses. A rollback undoes the three changes newest first: the UPN moves
 * away again, the previous ImmutableID is written, the UPN moves back.
 */
public final class UpnSwap extends DirectoryKind {

    /** Moving a UPN from its federated domain to the initial domain: {@code upnSwap}. */
    public static final UpnSwap AWAY = new UpnSwap("upnSwap");

    /** Moving it back to its own domain: {@code upnSwapReturn}. */
    public static final UpnSwap RETURN = new UpnSwap("upnSwapReturn");

    /** The attribute: the user's sign-in name. */
    public static final String ATTRIBUTE = "userPrincipalName";

    private UpnSwap(String name) {
        super(name, TargetSystem.CLOUD, NamedKind::cloudWriter);
    }

    /**
     * Moves a user's UPN from its federated domain to the managed initial domain.
     *
     * @param userId the user's object id
     * @param federatedUpn its UPN now, e.g. {@code jane@contoso.com}
     * @param managedUpn its UPN meanwhile, e.g. {@code jane@contoso.onmicrosoft.com}
     * @param reason why, for people
     * @return the change
     */
    public static Change away(String userId, String federatedUpn, String managedUpn, String reason) {
        return Change.of(AWAY, userId, ATTRIBUTE, require(federatedUpn), require(managedUpn), reason);
    }

    /**
     * Moves a user's UPN back to its federated domain.
     *
     * @param userId the user's object id
     * @param managedUpn its UPN meanwhile
     * @param federatedUpn its own UPN
     * @param reason why, for people
     * @return the change
     */
    public static Change back(String userId, String managedUpn, String federatedUpn, String reason) {
        return Change.of(RETURN, userId, ATTRIBUTE, require(managedUpn), require(federatedUpn), reason);
    }

    private static String require(String upn) {
        if (upn == null || upn.indexOf('@') <= 0) {
            throw new IllegalArgumentException("A UPN swap needs two UPNs, got " + (upn == null ? "null" : "'" + upn
                    + "'"));
        }
        return upn;
    }
}
