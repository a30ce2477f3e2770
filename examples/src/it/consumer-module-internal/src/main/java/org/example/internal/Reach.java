package org.example.internal;

import dev.oktaentra.core.internal.CsvLimits;

/** Reaches for a class of core's internal package, which core does not export. */
final class Reach {

    private Reach() {
    }

    static Class<?> internal() {
        return CsvLimits.class;
    }
}
