package dev.oktaentra.core.validation.internal.store;

/** Hears the pairs of entries an index found under equal keys. */
@FunctionalInterface
public interface Duplicates {

    /**
     * Two entries with equal keys.
     *
     * @param earlierEntry the one added first
     * @param laterEntry the other
     */
    void found(int earlierEntry, int laterEntry);
}
