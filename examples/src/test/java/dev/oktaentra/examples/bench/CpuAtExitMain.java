package dev.oktaentra.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs another main class and, when the JVM exits (the CLI ends with {@code System.exit}), writes the CPU time the
 * whole process used (every thread: the JIT compilers and the collector too) to the file named by {@code
 * -Dbench.cpu=FILE}. On a shared machine the wall-clock time of one process says as much about the neighbours as
 * about the process; its CPU time much less.
 */
public final class CpuAtExitMain {

    private CpuAtExitMain() {
    }

    /**
     * Runs the main class given first with the other arguments.
     *
     * @param args the main class, then its arguments
     * @throws Exception whatever the main method throws
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(System.getProperty("bench.cpu"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            double seconds = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
            try {
                Files.writeString(file, String.format(Locale.ROOT, "%.3f%n", seconds), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }
}
