package dev.oktaentra.core.directory;

/** What became of one {@link AttributeWrite}. */
public enum WriteStatus {

    /** The attribute held {@code before} and now holds {@code after}. */
    APPLIED,

    /**
     * The attribute already held {@code after}: nothing was written. This is how a resumed run recognises a write
     * that went through before a crash.
     */
    ALREADY_APPLIED,

    /** The attribute held neither {@code before} nor {@code after}: someone changed it since planning. Not written. */
    CONFLICT,

    /**
     * The directory will not take this write by design, e.g. a cloud user synced from AD; the message says which
     * route works instead. Not written.
     */
    REFUSED,

    /** The write was attempted and failed (an error from the directory, retries exhausted). */
    FAILED
}
