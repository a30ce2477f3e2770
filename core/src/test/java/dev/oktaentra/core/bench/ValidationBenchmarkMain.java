package dev.oktaentra.core.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The whole validation of N users per side from PowerShell CSV exports (read, convert, index, match, write the CSV
 * report) against merely parsing both files with the same CSV library (FastCSV), measured in the same run. Run it with
 * {@code mvn -B -q -pl core -Pbench-validation verify -DskipTests} (1,000,000 users per side, {@code -Xmx1g});
 * {@code -Dbench.users=N} changes the size. Target: at most 1.5 times the parse. Each side runs in JVMs of its own
 * (see {@link #main}), alternately, and the medians of their timed rounds are compared.
 *
 * <p>The baseline parses one file after the other on one thread, as a script that reads two exports does. The
 * validation reads the two files at once, on two threads, and formats and writes the report on helper threads: that
 * overlap is part of what it does. So that nobody has to take the ratio on trust, the benchmark also times both
 * files parsed at once on two threads and prints the validation's ratio to that too, for information.
 */
public final class ValidationBenchmarkMain {

    private static final double TARGET = 1.5;
    /** Timed rounds per child JVM, after {@link #WARM_UPS} untimed ones. */
    private static final int ROUNDS = 3;
    private static final int WARM_UPS = 2;
    /** Child JVMs per side, run alternately (parse, validation, parse, validation) to spread the machine's drift. */
    private static final int PASSES = 2;
    private static final String CHILD = "--child";

    private ValidationBenchmarkMain() {
    }

    /**
     * Generates the exports, then measures each side in JVMs of its own: in one JVM the validation's use of FastCSV
     * (another callback, other call sites) would make the JIT recompile the parser less well for the baseline, which
     * flatters the ratio. Each child warms its own code up before its timed rounds.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args[1], Path.of(args[2]));
            return;
        }
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench-validation"));
        long started = System.nanoTime();
        PowerShellExports.generate(users, dir.resolve(ON_PREM), dir.resolve(CLOUD));
        System.out.printf("Generated %,d users per side in %.1f s: %s (%,d MB), %s (%,d MB)%n", users,
                seconds(System.nanoTime() - started), ON_PREM, Files.size(dir.resolve(ON_PREM)) >> 20,
                CLOUD, Files.size(dir.resolve(CLOUD)) >> 20);

        List<Double> parse = new ArrayList<>();
        List<Double> validate = new ArrayList<>();
        List<Double> parseTogether = new ArrayList<>();
        long peakLive = 0;
        long peakUsed = 0;
        for (int pass = 1; pass <= PASSES; pass++) {
            for (String side : new String[] {PARSE, PARSE_TOGETHER, VALIDATE}) {
                for (String line : runChild(side, dir)) {
                    String[] fields = line.split(" ");
                    if (fields[0].equals("round")) {
                        (side.equals(PARSE) ? parse : side.equals(VALIDATE) ? validate : parseTogether)
                                .add(Double.parseDouble(fields[1]));
                        System.out.printf("pass %d, %-14s round: %s s%n", pass, side, fields[1]);
                    } else if (fields[0].equals("heap") && side.equals(VALIDATE)) {
                        peakLive = Math.max(peakLive, Long.parseLong(fields[1]));
                        peakUsed = Math.max(peakUsed, Long.parseLong(fields[2]));
                    }
                }
            }
        }
        double parseMedian = median(parse);
        double validateMedian = median(validate);
        double ratio = validateMedian / parseMedian;
        System.out.println();
        System.out.printf("users per side        %,d%n", users);
        System.out.printf("max heap              %,d MB (-Xmx of each child JVM)%n",
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("parse both files      %.2f s (median of %d)%n", parseMedian, parse.size());
        System.out.printf("whole validation      %.2f s (median of %d), report %,d MB%n", validateMedian,
                validate.size(), Files.size(dir.resolve(REPORT)) >> 20);
        System.out.printf("ratio                 %.2fx (target <= %.1fx: %s)%n", ratio, TARGET,
                ratio <= TARGET ? "met" : "NOT MET");
        double togetherMedian = median(parseTogether);
        System.out.printf("for information: both files parsed at once on two threads %.2f s (median of %d); the "
                + "validation takes %.2fx that%n", togetherMedian, parseTogether.size(),
                validateMedian / togetherMedian);
        // The sum of each pool's own peak (eden included) says little: eden fills with garbage up to the limit and
        // the peaks are from different moments. What the run keeps is the heap right after a collection.
        if (peakLive > 0) {
            System.out.printf("peak heap (validation) %,d MB live right after a collection, at most%n", peakLive >> 20);
        } else {
            System.out.printf("peak heap (validation) no collection ran during a validation; at most %,d MB in use at "
                    + "its end, garbage included%n", peakUsed >> 20);
        }
    }

    private static final String PARSE = "parse";
    private static final String PARSE_TOGETHER = "parse-together";
    private static final String VALIDATE = "validate";
    private static final String ON_PREM = "adusers.csv";
    private static final String CLOUD = "entrausers.csv";
    private static final String REPORT = "validation.csv";

    /** Runs one side in a new JVM with this JVM's options and class path; returns what it printed. */
    private static List<String> runChild(String side, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ValidationBenchmarkMain.class.getName());
        command.add(CHILD);
        command.add(side);
        command.add(dir.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("The " + side + " child JVM failed: " + lines);
        }
        return lines;
    }

    /** One side: warm-ups, then timed rounds printed as {@code round SECONDS}, and {@code heap LIVE USED} (bytes). */
    private static void child(String side, Path dir) throws IOException {
        Path onPrem = dir.resolve(ON_PREM);
        Path cloud = dir.resolve(CLOUD);
        Path report = dir.resolve(REPORT);
        for (int i = 0; i < WARM_UPS; i++) {  // also warms the page cache
            runSide(side, onPrem, cloud, report);
        }
        long peakLive = 0;
        long peakUsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            System.gc();
            LiveHeap live = LiveHeap.watch();
            long t0 = System.nanoTime();
            runSide(side, onPrem, cloud, report);
            long elapsed = System.nanoTime() - t0;
            peakLive = Math.max(peakLive, live.stop());
            peakUsed = Math.max(peakUsed, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            System.out.printf(Locale.ROOT, "round %.3f%n", seconds(elapsed));
        }
        System.out.printf("heap %d %d%n", peakLive, peakUsed);
    }

    private static void runSide(String side, Path onPrem, Path cloud, Path report) throws IOException {
        switch (side) {
            case PARSE -> parseOnly(onPrem, cloud);
            case PARSE_TOGETHER -> parseTogether(onPrem, cloud);
            case VALIDATE -> validate(onPrem, cloud, report);
            default -> throw new IllegalArgumentException("No such side: " + side);
        }
    }

    /** Reads every field of both files at once, the cloud file on a second thread. */
    private static long parseTogether(Path onPrem, Path cloud) throws IOException {
        java.util.concurrent.CompletableFuture<Long> other = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return fields(cloud);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, runnable -> new Thread(runnable, "parse-cloud").start());
        return fields(onPrem) + other.join();
    }

    /** Reads every field of both files with FastCSV, the readers' own parser, and nothing else. */
    private static long parseOnly(Path onPrem, Path cloud) throws IOException {
        return fields(onPrem) + fields(cloud);
    }

    /** Every field of one file through FastCSV, nothing else; {@link ReadingProfileMain} times the same parse. */
    static long fields(Path file) throws IOException {
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
            }
        }
        return chars;
    }

    private static void validate(Path onPrem, Path cloud, Path report) {
        try (OnPremDirectory ad = OnPremCsvExport.open(onPrem);
                CloudDirectory entra = CloudCsvExport.open(cloud);
                ValidationReport result = Validation.builder().build().run(ad, entra)) {
            result.writeCsv(report);
        }
    }

    /**
     * The most heap in use right after any collection while it watches: what the run really keeps, as opposed to
     * the garbage the young generation holds between collections.
     */
    private static final class LiveHeap implements NotificationListener {
        private final AtomicLong max = new AtomicLong();

        static LiveHeap watch() {
            LiveHeap live = new LiveHeap();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(live, null, null);
            }
            return live;
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(
                    GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed).sum();
            max.accumulateAndGet(used, Math::max);
        }

        long stop() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // not added to this one
                }
            }
            return max.get();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
