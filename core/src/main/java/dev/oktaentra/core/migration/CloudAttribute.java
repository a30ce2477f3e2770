package dev.oktaentra.core.migration;

/**
 * A text attribute of an Entra ID user, above all {@code onPremisesImmutableId}, written through the context's cloud
 * {@link dev.oktaentra.core.directory.DirectoryWriter} in groups of up to 20 (one Graph {@code $batch}),
 * compare-and-set.
 *
 * <p>Undone by writing the before-value back; a rollback never writes {@code null}. One that was empty cannot be
 * undone through the ports: a v1.0 PATCH to {@code null} is refused (microsoftgraph/msgraph-sdk-powershell issue
 * #2819, https://github.com/microsoftgraph/msgraph-sdk-powershell/issues/2819), and the one documented way to clear
 * it is Graph <em>beta</em>, for cloud-only users only ("You can update these attributes via Microsoft Graph Beta
 * with Update User API call. You can update these attributes in Microsoft Entra ID only for Cloud-Only users",
 * https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-clear-on-premises-attributes), which Okta's users,
 * shown as synced, may not be. So the rollback gives a person that documented request instead of writing it.
 *
 * <p>A user whose UPN is in a federated domain cannot have its ImmutableID changed at all; plans for such users wrap
 * the change in a {@link UpnSwap}.
 */
public final class CloudAttribute extends DirectoryKind {

    /** The kind. */
    public static final CloudAttribute KIND = new CloudAttribute();

    /** The user's ImmutableID, the anchor Entra ID matches on. */
    public static final String IMMUTABLE_ID = "onPremisesImmutableId";

    private CloudAttribute() {
        super("cloudAttribute", TargetSystem.CLOUD, NamedKind::cloudWriter);
    }

    /**
     * A change of a text attribute of an Entra ID user.
     *
     * @param userId the user's object id
     * @param attribute the attribute
     * @param before the value the plan saw, or {@code null} when empty
     * @param after the value to write
     * @param reason why, for people
     * @return the change
     */
    public static Change change(String userId, String attribute, String before, String after, String reason) {
        return Change.of(KIND, userId, attribute, before, after, reason);
    }

    /**
     * A change of an Entra ID user's {@code onPremisesImmutableId}.
     *
     * @param userId the user's object id
     * @param before the ImmutableID the plan saw, or {@code null} when empty
     * @param after the ImmutableID to write
     * @param reason why, for people
     * @return the change
     */
    public static Change immutableId(String userId, String before, String after, String reason) {
        return change(userId, IMMUTABLE_ID, before, after, reason);
    }

    /** Not when the value was empty before: clearing it is not done through the ports (see the class Javadoc). */
    @Override
    public boolean reversible(Change change) {
        return change.before() != null;
    }

    @Override
    public String undoByHand(Change change) {
        return "Clear " + change.attribute() + " of cloud user " + change.target() + " by hand if needed (it was "
                + "empty before and is " + change.after() + " now): Graph v1.0 refuses null; Microsoft documents "
                + "clearing it for cloud-only users only, through Graph beta: PATCH https://graph.microsoft.com/beta/"
                + "users/" + change.target() + " with {\"" + change.attribute() + "\": null} "
                + "(https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-clear-on-premises-attributes)";
    }
}
