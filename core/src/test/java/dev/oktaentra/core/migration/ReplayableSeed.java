package dev.oktaentra.core.migration;

import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The seed of a randomised test: fresh each run unless a system property gives it, so a failure can be replayed
 * exactly; {@link #check} names it in every failure, and the test prints it before it starts.
 *
 * @param property the system property that sets it, e.g. {@code oktaentra.crash.seed}
 * @param value the seed
 */
record ReplayableSeed(String property, long value) {

    /** A body of assertions that may throw anything. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /**
     * The seed from {@code -Dproperty=N}, or a fresh one from the clock's nanoseconds.
     *
     * @param property the system property's name
     * @return the seed
     * @throws IllegalArgumentException naming the property and its value when it is not a whole number
     */
    static ReplayableSeed fromSystemProperty(String property) {
        return from(property, System.getProperties(), System::nanoTime);
    }

    static ReplayableSeed from(String property, Properties properties, LongSupplier fresh) {
        String text = properties.getProperty(property);
        if (text == null) {
            return new ReplayableSeed(property, fresh.getAsLong());
        }
        try {
            return new ReplayableSeed(property, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + property + " must be a whole number (a seed), "
                    + "got '" + text + "'", e);
        }
    }

    /**
     * A random generator.
     *
     * @return a random generator from this seed
     */
    SplittableRandom random() {
        return new SplittableRandom(value);
    }

    /**
     * How to replay this seed.
     *
     * @return {@code seed N (replay with -Dproperty=N)}
     */
    String replay() {
        return "seed " + value + " (replay with -D" + property + "=" + value + ")";
    }

    /**
     * Runs the body; a failure or exception comes back as an {@link AssertionError} whose message ends with
     * {@link #replay()}.
     *
     * @param body the assertions
     */
    void check(Body body) {
        try {
            body.run();
        } catch (AssertionError | Exception e) {
            AssertionError failure = new AssertionError(e.getMessage() + " [" + replay() + "]", e);
            failure.setStackTrace(e.getStackTrace());
            throw failure;
        }
    }
}
