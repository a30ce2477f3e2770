package dev.oktaentra.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oktaentra.core.bench.PowerShellExports;
import dev.oktaentra.core.bench.PowerShellExports.Tally;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The CLI as a whole process against merely parsing both exports with FastCSV, in the same run: {@code java -Xmx1g
 * -jar oktaentra.jar validate --onprem … --cloud … --json} (reports written) beside a process that reads every field
 * of both files and does nothing else. Both are timed from start to exit, as a user waits for them; the parse
 * process also says how long the parse took inside it. Target: validate at most 1.5 times the parse, in every run.
 * For information, each run also times {@link HardMatchFloorMain}, the least a validate could do (one rule, one
 * report, written for speed), and prints its ratio to the same parse. With {@code -Dbench.script=true} it also times
 * the script issue 19 measured the CLI against ({@code src/test/bench/admin-validate.py}, run with {@code python3}:
 * Python's csv module, a dict, one rule, one CSV) and prints how many times as fast validate and the floor are.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am -Pbench-cli verify -DskipTests} (1,000,000 users per side, three
 * runs); {@code -Dbench.users=N} and {@code -Dbench.runs=N} change the size and the count, {@code
 * -Dbench.breakdown=true} adds where the CLI's time goes ({@link
 * CliBreakdown}). Every run's counts must be what the
 * generated files hold ({@link Tally}), in its summary and in its report files (validation.json's findings and
 * clean matches, validation.csv's rows): a faster CLI that counts differently, or writes fewer users, fails the
 * benchmark. Each run prints its ratio, whether it meets the target, and the machine's load.
 */
public final class CliBenchmarkMain {

    static final double TARGET = 1.5;
    static final String ON_PREM = "adusers.csv";
    static final String CLOUD = "entrausers.csv";
    static final String HEAP = "-Xmx1g";

    private CliBenchmarkMain() {
    }

    /**
     * Generates the exports (or reuses those of an earlier run of the same size), then times the runs.
     *
     * @param args users per side, runs, the CLI's jar, the working folder, {@code true} for the breakdown, {@code true}
     *     to time the admin's script, and the script's path
     * @throws Exception when a child fails or a count is wrong
     */
    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path jar = Path.of(args[2]).toAbsolutePath();
        Path dir = Files.createDirectories(Path.of(args[3]).toAbsolutePath());
        boolean breakdown = args.length > 4 && Boolean.parseBoolean(args[4]);
        Path script = args.length > 6 && Boolean.parseBoolean(args[5]) ? Path.of(args[6]) : null;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No CLI jar at " + jar + "; package the examples module first");
        }
        Tally tally = exports(users, dir);
        Path onPrem = dir.resolve(ON_PREM);
        Path cloud = dir.resolve(CLOUD);
        Path out = dir.resolve("report");
        Path stderr = dir.resolve("stderr.txt");
        System.out.printf("%,d users per side: %s %,d MB, %s %,d MB; %d runs, each process %s%n", users, ON_PREM,
                Files.size(onPrem) >> 20, CLOUD, Files.size(cloud) >> 20, runs, HEAP);

        List<String> parse = TimedProcess.java(HEAP, "-cp", classPath(BareParseMain.class, CsvReader.class),
                BareParseMain.class.getName(), "fastcsv", onPrem.toString(), cloud.toString());
        List<String> floor = TimedProcess.java(HEAP, "-cp", classPath(HardMatchFloorMain.class, CsvReader.class),
                HardMatchFloorMain.class.getName(), onPrem.toString(), cloud.toString(),
                dir.resolve("floor.csv").toString());
        List<String> validate = TimedProcess.java(HEAP, "-jar", jar.toString(), "validate", "--onprem",
                onPrem.toString(), "--cloud", cloud.toString(), "--out", out.toString(), "--json");
        TimedProcess.run(parse, stderr).expectExit(stderr, 0);  // untimed: fills the page cache
        List<Double> ratios = new ArrayList<>();
        List<Double> parseTimes = new ArrayList<>();
        List<Double> validateTimes = new ArrayList<>();
        List<Double> parseCpu = new ArrayList<>();
        List<Double> validateCpu = new ArrayList<>();
        List<Double> floorRatios = new ArrayList<>();
        List<Double> scriptSpeedUps = new ArrayList<>();
        List<Double> floorSpeedUps = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            TimedProcess p = TimedProcess.run(parse, stderr).expectExit(stderr, 0);
            TimedProcess f = TimedProcess.run(floor, stderr).expectExit(stderr, 0);
            checkMatched("the floor", f.stdout(), 2, tally, run);
            TimedProcess v = TimedProcess.run(validate, stderr).expectExit(stderr, 0, 1);
            checkCounts(v.stdout(), tally, run);
            checkReportFiles(out, tally, run);
            double ratio = v.seconds() / p.seconds();
            ratios.add(ratio);
            parseTimes.add(p.seconds());
            validateTimes.add(v.seconds());
            parseCpu.add(p.cpuSeconds());
            validateCpu.add(v.cpuSeconds());
            floorRatios.add(f.seconds() / p.seconds());
            System.out.printf(Locale.ROOT, "run %d: parse %.2f s (%.2f s inside the process; CPU %.2f s), "
                    + "floor %.2f s (CPU %.2f s, %.2fx), validate %.2f s (CPU %.2f s), ratio %.2fx (CPU %.2fx): "
                    + "target <= %.1fx %s; load %s%n", run, p.seconds(), Double.parseDouble(p.stdout().split(" ")[1]),
                    p.cpuSeconds(), f.seconds(), f.cpuSeconds(), f.seconds() / p.seconds(), v.seconds(),
                    v.cpuSeconds(), ratio, v.cpuSeconds() / p.cpuSeconds(), TARGET, ratio <= TARGET ? "met" : "missed",
                    load());
            if (script != null) {
                TimedProcess s = TimedProcess.run(List.of("python3", script.toString(), onPrem.toString(),
                        cloud.toString(), dir.resolve("script.csv").toString()), stderr).expectExit(stderr, 0);
                checkMatched("the admin's script", s.stdout(), 1, tally, run);
                scriptSpeedUps.add(s.seconds() / v.seconds());
                floorSpeedUps.add(s.seconds() / f.seconds());
                System.out.printf(Locale.ROOT, "       the admin's script %.2f s (CPU %.2f s): validate %.2fx as fast,"
                        + " the floor %.2fx%n", s.seconds(), s.cpuSeconds(), s.seconds() / v.seconds(),
                        s.seconds() / f.seconds());
            }
        }
        long met = ratios.stream().filter(r -> r <= TARGET).count();
        System.out.println();
        System.out.printf(Locale.ROOT, "parse both files (FastCSV) %.2f s median, CPU %.2f s%n", median(parseTimes),
                median(parseCpu));
        System.out.printf(Locale.ROOT, "validate, whole CLI        %.2f s median, CPU %.2f s%n", median(validateTimes),
                median(validateCpu));
        System.out.printf(Locale.ROOT, "ratio                      %.2fx median, %.2fx to %.2fx; target <= %.1fx "
                + "met in %d of %d runs%n", median(ratios), Collections.min(ratios), Collections.max(ratios), TARGET,
                met, runs);
        System.out.printf(Locale.ROOT, "floor (HardMatchFloorMain) %.2fx median, %.2fx to %.2fx: one rule, one "
                + "report, tuned; for information%n", median(floorRatios), Collections.min(floorRatios),
                Collections.max(floorRatios));
        if (script != null) {
            System.out.printf(Locale.ROOT, "against the admin's script validate %.2fx to %.2fx as fast, the floor "
                    + "%.2fx to %.2fx (issue 19's goal: 7x)%n", Collections.min(scriptSpeedUps),
                    Collections.max(scriptSpeedUps), Collections.min(floorSpeedUps), Collections.max(floorSpeedUps));
        }
        System.out.print("report files              ");
        try (var files = Files.list(out)) {
            files.sorted().forEach(f -> System.out.printf(" %s %,d MB", f.getFileName(), size(f) >> 20));
        }
        System.out.println();
        System.out.printf("counts                     as generated in every run: MATCHED %,d, ANCHOR_MISMATCH %,d "
                + "(BYTE_ORDER), SOFT_MATCH_ONLY %,d, ONPREM_ONLY %,d, CLOUD_ONLY %,d%n", tally.matched(),
                tally.byteOrder(), tally.unstamped(), tally.onPremOnly(), tally.cloudOnly());
        if (breakdown) {
            CliBreakdown.print(jar, onPrem, cloud, dir);
        }
    }

    /** The exports of an earlier run when they are of this size (generating 1M users takes a while), else new ones. */
    private static Tally exports(int users, Path dir) throws IOException {
        Path marker = dir.resolve("generated.properties");
        Properties saved = new Properties();
        if (Files.isRegularFile(marker) && Files.isRegularFile(dir.resolve(ON_PREM))
                && Files.isRegularFile(dir.resolve(CLOUD))) {
            try (var in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                saved.load(in);
            }
            if (String.valueOf(users).equals(saved.getProperty("users"))) {
                return new Tally(Long.parseLong(saved.getProperty("matched")),
                        Long.parseLong(saved.getProperty("byteOrder")), Long.parseLong(saved.getProperty("unstamped")),
                        Long.parseLong(saved.getProperty("onPremOnly")), Long.parseLong(saved.getProperty("cloudOnly")));
            }
        }
        Files.deleteIfExists(marker);
        long t0 = System.nanoTime();
        Tally tally = PowerShellExports.generate(users, dir.resolve(ON_PREM), dir.resolve(CLOUD));
        System.out.printf(Locale.ROOT, "generated the exports in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Properties props = new Properties();
        props.setProperty("users", String.valueOf(users));
        props.setProperty("matched", String.valueOf(tally.matched()));
        props.setProperty("byteOrder", String.valueOf(tally.byteOrder()));
        props.setProperty("unstamped", String.valueOf(tally.unstamped()));
        props.setProperty("onPremOnly", String.valueOf(tally.onPremOnly()));
        props.setProperty("cloudOnly", String.valueOf(tally.cloudOnly()));
        try (var writer = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            props.store(writer, "PowerShellExports.generate; delete to generate again");
        }
        return tally;
    }

    /** The CLI's {@code --json} summary must count exactly what the files hold, and nothing else. */
    static void checkCounts(String json, Tally tally, int run) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("MATCHED", tally.matched());
        expected.put("ANCHOR_MISMATCH", tally.byteOrder());
        expected.put("SOFT_MATCH_ONLY", tally.unstamped());
        expected.put("ONPREM_ONLY", tally.onPremOnly());
        expected.put("CLOUD_ONLY", tally.cloudOnly());
        Map<String, Long> counted = new LinkedHashMap<>();
        root.path("counts").fields().forEachRemaining(e -> {
            if (e.getValue().asLong() != 0 || expected.containsKey(e.getKey())) {
                counted.put(e.getKey(), e.getValue().asLong());
            }
        });
        long byteOrder = root.path("causes").path("BYTE_ORDER").asLong(-1);
        if (!counted.equals(expected) || byteOrder != tally.byteOrder()) {
            throw new IllegalStateException("Run " + run + " counted " + counted + " and BYTE_ORDER " + byteOrder
                    + "; the files hold " + expected + " and BYTE_ORDER " + tally.byteOrder());
        }
    }

    /** A yardstick must hard-match exactly the users the generator stamped with their own anchor. */
    static void checkMatched(String who, String stdout, int field, Tally tally, int run) {
        long matched = Long.parseLong(stdout.trim().split(" ")[field]);
        if (matched != tally.matched()) {
            throw new IllegalStateException("Run " + run + ": " + who + " matched " + matched + " users; the files "
                    + "hold " + tally.matched());
        }
    }

    /**
     * The report files must hold every user the files hold: validation.json's summary counts as the generator says,
     * its findings and the clean matches it leaves to the CSV add up to every user, and validation.csv has a row for
     * each. A faster CLI that writes fewer users fails the benchmark.
     */
    static void checkReportFiles(Path out, Tally tally, int run) throws IOException {
        long users = tally.onPremUsers() + tally.cloudOnly();
        JsonNode json = new ObjectMapper().readTree(out.resolve("validation.json").toFile());
        checkCounts(json.path("summary").toString(), tally, run);
        long listed = json.path("findings").size();
        long clean = json.path("cleanMatchesOmitted").asLong(-1);
        if (listed + clean != users) {
            throw new IllegalStateException("Run " + run + ": validation.json lists " + listed + " users and leaves "
                    + clean + " clean matches to the CSV; the files hold " + users);
        }
        long rows = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofCsvRecord(out.resolve("validation.csv"))) {
            for (CsvRecord ignored : reader) {
                rows++;
            }
        }
        if (rows - 1 != users) {
            throw new IllegalStateException("Run " + run + ": validation.csv has " + (rows - 1) + " rows; the files "
                    + "hold " + users + " users");
        }
    }

    /** The machine's load averages (1, 5, 15 minutes) from Linux's {@code /proc/loadavg}; "?" elsewhere. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** A class path of the folders or jars these classes were loaded from, and nothing else. */
    static String classPath(Class<?>... classes) {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : classes) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
