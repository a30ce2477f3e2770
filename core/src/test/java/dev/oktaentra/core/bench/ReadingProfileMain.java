package dev.oktaentra.core.bench;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where the reading and matching side of a validation spends its time, in a cold JVM of its own as the CLI runs:
 * {@code parse} (both files through a bare FastCSV pass, one after the other), {@code readers} (every record of both
 * files through {@link OnPremCsvExport} and {@link CloudCsvExport}, one after the other) or {@code run}
 * ({@code Validation.run} up to a finished report, no report written). Prints the wall-clock and CPU seconds and the
 * CPU seconds of every thread by name from Linux's {@code /proc/self/task} at the end; with {@code -Dsample=true}
 * they are sampled every 50 ms, so that threads which end are kept (the sampling costs CPU and JIT time of its own).
 *
 * <p>Run with the core test class path: {@code java -Xmx1g -cp … ReadingProfileMain MODE ADUSERS.csv ENTRAUSERS.csv}.
 */
public final class ReadingProfileMain {

    private static final Map<String, Double> THREADS = new ConcurrentHashMap<>();

    private ReadingProfileMain() {
    }

    /**
     * Runs one mode.
     *
     * @param args the mode, the on-prem export, the cloud export
     * @throws Exception when a file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path onPrem = Path.of(args[1]);
        Path cloud = Path.of(args[2]);
        if (Boolean.getBoolean("sample")) {  // its own parsing gets compiled too: off for the totals
            Thread sampler = new Thread(ReadingProfileMain::sample, "sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
        int rounds = Integer.getInteger("rounds", 1);
        long count = 0;
        double wall = 0;
        double cpu = 0;
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            count = runMode(args[0], onPrem, cloud);
            wall = (System.nanoTime() - t0) / 1e9;
            cpu = (cpuNanos() - cpu0) / 1e9;
            if (rounds > 1) {
                System.out.printf(Locale.ROOT, "  round %d: wall %.2f s, CPU %.2f s%n", round, wall, cpu);
            }
        }
        snapshot();
        System.out.printf(Locale.ROOT, "%s: %,d counted, wall %.2f s, CPU %.2f s (load %s)%n", args[0], count, wall,
                cpu, Files.readString(Path.of("/proc/loadavg")).strip());
        Map<String, Double> byName = new TreeMap<>();
        THREADS.forEach((key, seconds) -> byName.merge(key.substring(key.indexOf(' ') + 1)
                .replaceAll("[0-9]+$", "#"), seconds, Double::sum));
        byName.forEach((name, seconds) -> {
            if (seconds >= 0.05) {
                System.out.printf(Locale.ROOT, "  %-32s %6.2f s%n", name, seconds);
            }
        });
    }

    private static long runMode(String mode, Path onPrem, Path cloud) throws IOException {
        switch (mode) {
            case "parse" -> {
                return ValidationBenchmarkMain.fields(onPrem) + ValidationBenchmarkMain.fields(cloud);
            }
            case "readers" -> {
                try (OnPremDirectory ad = OnPremCsvExport.open(onPrem);
                        CloudDirectory entra = CloudCsvExport.open(cloud)) {
                    return ad.records().count() + entra.records().count();
                }
            }
            case "run" -> {
                try (OnPremDirectory ad = OnPremCsvExport.open(onPrem);
                        CloudDirectory entra = CloudCsvExport.open(cloud);
                        ValidationReport report = Validation.builder().build().run(ad, entra)) {
                    return report.counts().values().stream().mapToLong(Long::longValue).sum();
                }
            }
            default -> throw new IllegalArgumentException("No such mode: " + mode);
        }
    }

    private static void sample() {
        while (true) {
            try {
                snapshot();
                Thread.sleep(50);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** Every thread's user + system CPU seconds, keyed by {@code tid name}. */
    private static void snapshot() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (NoSuchFileException e) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                THREADS.put(task.getFileName() + " " + name, seconds);
            }
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    }
}
