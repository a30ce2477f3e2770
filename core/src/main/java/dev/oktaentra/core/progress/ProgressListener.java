package dev.oktaentra.core.progress;

/**
 * Hears how far a long operation has come: a validation over a million users, a runbook step applying changes.
 * Library code never prints; a CLI draws a bar from these calls, a service logs them. Called on the working
 * thread, so keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param phase what is being done, e.g. {@code reading cloud users}
     * @param done how many items are done
     * @param total how many there are, or -1 when unknown (streams whose length is not known ahead)
     */
    void progress(String phase, long done, long total);
}
