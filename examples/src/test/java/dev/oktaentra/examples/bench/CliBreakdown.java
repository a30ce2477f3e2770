package dev.oktaentra.examples.bench;

import dev.oktaentra.core.bench.PowerShellExports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Where the time of {@code validate} goes, without a profiler: each part in a cold JVM of its own (the library calls
 * the command makes, a bare parse with each CSV library, the project's readers alone), then the start-up of the
 * shaded jar with and without class-data sharing, and which classes a run loads from where. Each figure is the best of
 * {@link #TRIES} processes, wall-clock and CPU time (every thread of the process) apart: on a shared machine the CPU
 * time is the steadier of the two.
 */
final class CliBreakdown {

    private static final int TRIES = 2;
    private static final String GUID = "3ab39606-c642-489b-84b6-58c038d3ef39";
    private static final String CLI_MAIN = "dev.oktaentra.examples.cli.Main";

    private CliBreakdown() {
    }

    /**
     * Measures and prints the breakdown.
     *
     * @param jar the CLI's shaded jar
     * @param onPrem the on-prem export
     * @param cloud the cloud export
     * @param dir a folder for the children's files
     */
    static void print(Path jar, Path onPrem, Path cloud, Path dir) throws IOException, InterruptedException {
        Path stderr = dir.resolve("stderr.txt");
        System.out.println();
        System.out.println("Where the time goes: each part in a cold JVM of its own, best of " + TRIES
                + " (wall s / CPU s):");
        Map<String, double[]> steps = steps(onPrem, cloud, dir, stderr);
        steps.forEach((step, t) -> System.out.printf(Locale.ROOT, "  %-52s %6.2f / %6.2f%n", name(step), t[0], t[1]));

        Path small = Files.createDirectories(dir.resolve("small"));
        PowerShellExports.generate(1_000, small.resolve(CliBenchmarkMain.ON_PREM), small.resolve(CliBenchmarkMain.CLOUD));
        Path archive = dir.resolve("oktaentra-validate.jsa");
        Files.deleteIfExists(archive);
        TimedProcess.run(validate(jar, small, small.resolve("report"), "-XX:ArchiveClassesAtExit=" + archive),
                stderr).expectExit(stderr, 0, 1);
        String shared = "-XX:SharedArchiveFile=" + archive;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            System.out.printf(Locale.ROOT, "Start-up of the shaded jar (%,d MB, %,d entries; AppCDS archive %,d MB), "
                    + "best of %d (wall s / CPU s):%n", Files.size(jar) >> 20, zip.size(), Files.size(archive) >> 20,
                    TRIES);
        }
        String bare = CliBenchmarkMain.classPath(BareParseMain.class, de.siegmar.fastcsv.reader.CsvReader.class);
        best("empty main, small class path", TimedProcess.java(CliBenchmarkMain.HEAP, "-cp", bare,
                BareParseMain.class.getName(), "fastcsv"), stderr);
        best("empty main, the shaded jar first on the class path", TimedProcess.java(CliBenchmarkMain.HEAP, "-cp",
                jar + File.pathSeparator + bare, BareParseMain.class.getName(), "fastcsv"), stderr);
        for (String option : List.of("-Xshare:auto", "-Xshare:off", shared, "-XX:TieredStopAtLevel=1")) {
            best("convert, " + label(option), cli(jar, option, "convert", GUID), stderr);
        }
        Path full = onPrem.getParent();
        Path report = dir.resolve("report");
        double[] plain = null;
        for (String option : List.of("-Xshare:auto", shared, "-XX:TieredStopAtLevel=1")) {
            double[] t = best("validate, " + label(option), validate(jar, full, report, option), stderr);
            plain = plain == null ? t : plain;
        }
        double inside = Stream.of("validation", "reports", "html").mapToDouble(s -> steps.get(s)[1]).sum();
        System.out.printf(Locale.ROOT, "  validate's library calls, above: %.2f s CPU; the whole CLI process: %.2f s "
                + "CPU (its start-up is about what convert's is)%n", inside, plain[1]);

        System.out.println("Classes a validate run loads, by where from:");
        for (String option : List.of("-Xshare:auto", shared)) {
            Path log = dir.resolve("class-load.txt");
            Files.deleteIfExists(log);
            TimedProcess.run(validate(jar, small, small.resolve("report"), option,
                    "-Xlog:class+load:file=" + log + "::filecount=0"), stderr).expectExit(stderr, 0, 1);
            System.out.printf("  %-52s %s%n", label(option), classSources(log));
        }
    }

    /** The library calls and the parses, each in JVMs of their own; the best wall and CPU time of each step. */
    private static Map<String, double[]> steps(Path onPrem, Path cloud, Path dir, Path stderr)
            throws IOException, InterruptedException {
        Map<String, double[]> steps = new LinkedHashMap<>();
        for (String mode : List.of("fastcsv", "fastcsv-together", "commons-csv", "readers", "validate",
                "write-csv-size")) {
            List<String> command = TimedProcess.java(CliBenchmarkMain.HEAP, "-cp", System.getProperty("java.class.path"),
                    CliStepsMain.class.getName(), mode, onPrem.toString(), cloud.toString(),
                    dir.resolve("steps").toString());
            for (int i = 0; i < TRIES; i++) {
                TimedProcess child = TimedProcess.run(command, stderr).expectExit(stderr, 0);
                child.stdout().lines().map(line -> line.split(" ")).forEach(f -> steps.merge(f[0],
                        new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])}, CliBreakdown::min));
            }
        }
        return steps;
    }

    private static String name(String step) {
        return switch (step) {
            case "fastcsv" -> "parse both files, FastCSV";
            case "fastcsv-together" -> "parse both files at once on two threads, FastCSV";
            case "write-csv-size" -> "write validation.csv's size from memory";
            case "commons-csv" -> "parse both files, Commons CSV (before issue 19)";
            case "readers" -> "read both through the project's readers";
            case "validation" -> "validate: Validation.run";
            case "reports" -> "validate: writeReports (CSV and JSON, one pass)";
            case "html" -> "validate: the page from the first findings";
            case "jit-c2" -> "  of all validate's steps: JIT, C2 compiler thread";
            case "jit-c1" -> "  of all validate's steps: JIT, C1 compiler thread";
            case "gc" -> "  of all validate's steps: GC and VM threads";
            default -> step;
        };
    }

    private static List<String> cli(Path jar, String option, String... args) {
        List<String> command = new ArrayList<>(TimedProcess.java(CliBenchmarkMain.HEAP, option, "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> validate(Path jar, Path exports, Path out, String... options) {
        List<String> command = new ArrayList<>(TimedProcess.java(CliBenchmarkMain.HEAP));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar.toString(), "validate", "--onprem",
                exports.resolve(CliBenchmarkMain.ON_PREM).toString(), "--cloud",
                exports.resolve(CliBenchmarkMain.CLOUD).toString(), "--out", out.toString(), "--json"));
        return command;
    }

    private static double[] best(String what, List<String> command, Path stderr)
            throws IOException, InterruptedException {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < TRIES; i++) {
            TimedProcess child = TimedProcess.run(command, stderr).expectExit(stderr, 0, 1);
            best = min(best, new double[] {child.seconds(), child.cpuSeconds()});
        }
        System.out.printf(Locale.ROOT, "  %-52s %6.2f / %6.2f%n", what, best[0], best[1]);
        return best;
    }

    private static double[] min(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1])};
    }

    private static String label(String option) {
        return option.startsWith("-XX:SharedArchiveFile") ? "AppCDS archive of a validate run"
                : option.equals("-Xshare:off") ? "-Xshare:off (no CDS)"
                : option.startsWith("-XX:TieredStopAtLevel") ? "C1 only (-XX:TieredStopAtLevel=1)"
                : "default (the JDK's CDS archive)";
    }

    /** Counts the {@code -Xlog:class+load} lines by their {@code source:}. */
    private static Map<String, Integer> classSources(Path log) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<String> lines = Files.lines(log)) {
            lines.forEach(line -> {
                int at = line.indexOf("source: ");
                String source = at < 0 ? "" : line.substring(at + 8);
                String key = source.startsWith("shared objects file (top)") ? "app archive"
                        : source.startsWith("shared objects file") ? "JDK archive"
                        : source.startsWith("jrt:/") ? "JDK modules"
                        : source.contains(".jar") ? "the jar"
                        : "generated";
                counts.merge(key, 1, Integer::sum);
            });
        }
        return counts;
    }
}
