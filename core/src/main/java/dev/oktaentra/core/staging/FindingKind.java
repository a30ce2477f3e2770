package dev.oktaentra.core.staging;

/** What a finding of the pending-export review is about. */
public enum FindingKind {
    /**
     * An add of an object that matches an existing cloud user by UPN or primary SMTP address (or whose anchor
     * belongs to a cloud user holding another ImmutableID): a duplicate in the making.
     */
    UNEXPECTED_ADD,
    /** A delete (or delete-add) of a user still present on-prem, or of a synced user. */
    UNEXPECTED_DELETE,
    /** An attribute deletion whose on-prem value is empty: the cloud value has to be copied on-prem first. */
    BACKFILL_CANDIDATE,
    /** Any other attribute deletion: on-prem holds a value, or its on-prem value is not known. */
    ATTRIBUTE_DELETION,
    /** The object's last export failed. */
    EXPORT_ERROR,
    /** The object could not be read (a rejected record). */
    UNREADABLE_OBJECT
}
