package dev.oktaentra.core.report;

import java.util.Locale;

/**
 * A count with its noun (and verb) in the right number, for messages and reports: {@code 1 cloud ImmutableID},
 * {@code 2,000 cloud ImmutableIDs}. English has irregular plurals ({@code match}/{@code matches}) and the verb
 * agrees too ({@code user has}/{@code users have}), so the caller gives both forms.
 */
public final class Counts {

    private Counts() {
    }

    /**
     * The count, grouped in thousands ({@code 1,234}), and the form that fits it.
     *
     * @param n the count
     * @param one the words after a count of one, e.g. {@code "candidate explains"}
     * @param many the words after any other count, including zero, e.g. {@code "candidates explain"}
     * @return e.g. {@code 1 candidate explains}, {@code 0 candidates explain}
     */
    public static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
