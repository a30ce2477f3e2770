package dev.oktaentra.core.staging;

/** What a {@link StagingFinding} of the pending-export review is about. */
public enum StagingFindingKind {
    /**
     * An add of an object that matches an existing cloud user by UPN or primary SMTP address (or whose anchor
     * belongs to a cloud user holding another ImmutableID): a duplicate in the making.
     */
    UNEXPECTED_ADD,
    /**
     * An add that meets a cloud user whose hard match only its directory roles (active or eligible) block, or an
     * update that writes to such a user, when {@code release-role-holders} removes those roles before the cutover (the
     * opt-in): listed with the step, not blocking, because the hard match or the update then goes through.
     */
    ROLE_HOLDER_RELEASED,
    /**
     * A delete (or delete-add) of any object, user, group, contact or of an unknown type, that no one has reviewed
     * as a leaver's: Microsoft's tutorial says "Verify no pending deletions in the export".
     */
    UNEXPECTED_DELETE,
    /**
     * A delete of a user a person has reviewed as a leaver ({@link ReviewedLeavers}): listed, so the record of what
     * will be deleted stays in the report, but it does not block.
     */
    REVIEWED_DELETE,
    /**
     * The export holds more deletes than Entra Connect's deletion threshold: the server would stop the whole export,
     * adds and updates included (see {@link DeletionThreshold}).
     */
    DELETION_THRESHOLD_EXCEEDED,
    /**
     * An update Entra ID refuses or that rebinds the object: it changes the sourceAnchor (the ImmutableID, "an attribute
     * immutable during the lifetime of an object") or the cloudAnchor, or it writes to a cloud user whose takeover the
     * validation found blocked (cloud-managed, onPremisesObjectIdentifier set, a directory role held or eligible).
     * Rules and sources in {@code PendingUpdates}.
     */
    REFUSED_UPDATE,
    /**
     * An attribute deletion whose on-prem value is empty, or {@code proxyAddresses} values an update removes that the
     * on-prem user lacks: the cloud value has to be copied on-prem first.
     */
    BACKFILL_CANDIDATE,
    /**
     * Any other attribute deletion, or {@code proxyAddresses} values an update removes while it keeps or adds others:
     * on-prem holds the value, or its on-prem value is not known.
     */
    ATTRIBUTE_DELETION,
    /** The object's last export failed. */
    EXPORT_ERROR,
    /** The object could not be read (a rejected record). */
    UNREADABLE_OBJECT;

    /**
     * Whether a finding of this kind must be fixed before leaving staging mode.
     *
     * @return false for {@link #ATTRIBUTE_DELETION}, {@link #REVIEWED_DELETE} and {@link #ROLE_HOLDER_RELEASED},
     *         which a person reads but which do not stop the cutover; true for every other kind
     */
    public boolean blocksCutover() {
        return this != ATTRIBUTE_DELETION && this != REVIEWED_DELETE && this != ROLE_HOLDER_RELEASED;
    }
}
