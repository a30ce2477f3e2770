package dev.oktaentra.examples.bench;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.report.html.HtmlReport;
import dev.oktaentra.core.report.html.ValidationReportFiles;
import dev.oktaentra.core.validation.FirstFindings;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One part of what {@code validate} does, timed inside a JVM of its own (cold, as the CLI always is), for
 * {@link CliBreakdown}. Prints {@code STEP SECONDS CPU_SECONDS} lines: the wall-clock time and the CPU time of the
 * whole process (every thread) the step took.
 *
 * <p>Modes: {@code fastcsv} and {@code commons-csv} (a bare parse of both files), {@code fastcsv-together} (both
 * files at once, a thread each), {@code write-csv-size} (as many bytes as the report folder's validation.csv written
 * from memory), {@code readers} (every record of
 * both files through {@link OnPremCsvExport} and {@link CloudCsvExport}, nothing else), {@code validate} (the
 * library calls {@code ValidateCommand} makes, in its order: the validation, the CSV, the JSON and the HTML report;
 * then the CPU time of the whole run's JIT compiler and collector threads, see {@link ThreadCpu}).
 */
public final class CliStepsMain {

    /** The process's CPU time when the current step started, in nanoseconds. */
    private static long cpuAtStepStart;

    private CliStepsMain() {
    }

    /**
     * Runs one mode.
     *
     * @param args the mode, the on-prem export, the cloud export, the report folder
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path onPrem = Path.of(args[1]);
        Path cloud = Path.of(args[2]);
        long t0 = System.nanoTime();
        cpuAtStepStart = cpuNanos();
        switch (args[0]) {
            case "fastcsv" -> {
                BareParseMain.fastCsv(onPrem);
                BareParseMain.fastCsv(cloud);
            }
            case "fastcsv-together" -> fastCsvTogether(onPrem, cloud);
            case "write-csv-size" -> writeFromMemory(Path.of(args[3]));
            case "commons-csv" -> {
                BareParseMain.commonsCsv(onPrem);
                BareParseMain.commonsCsv(cloud);
            }
            case "readers" -> {
                try (OnPremDirectory ad = OnPremCsvExport.open(onPrem); CloudDirectory entra = CloudCsvExport.open(cloud)) {
                    long records = ad.records().count() + entra.records().count();
                    if (records == 0) {
                        throw new IllegalStateException("No records read");
                    }
                }
            }
            case "validate" -> {
                validate(onPrem, cloud, Files.createDirectories(Path.of(args[3])), t0);
                return;
            }
            default -> throw new IllegalArgumentException("No such mode: " + args[0]);
        }
        step(args[0], t0);
    }

    /** Both files at once, one thread each: the least reading them can take on a 2-core machine. */
    private static void fastCsvTogether(Path onPrem, Path cloud) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = threads.submit(() -> BareParseMain.fastCsv(onPrem));
            Future<Long> second = threads.submit(() -> BareParseMain.fastCsv(cloud));
            if (first.get() + second.get() <= 0) {
                throw new IllegalStateException("No fields read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Writes as many bytes as the last validation.csv in {@code out} holds, from one buffer in memory: the least
     * writing that report can take, formatting aside.
     */
    private static void writeFromMemory(Path out) throws IOException {
        long size = Files.size(out.resolve(ValidationReportFiles.CSV));
        byte[] buffer = new byte[1 << 22];
        Arrays.fill(buffer, (byte) 'x');
        try (FileChannel file = FileChannel.open(out.resolve("write-csv-size.bin"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; ) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, size - written));
                while (bytes.hasRemaining()) {
                    written += file.write(bytes);
                }
            }
        }
        Files.delete(out.resolve("write-csv-size.bin"));
    }

    private static void validate(Path onPrem, Path cloud, Path out, long t0) throws IOException {
        try (OnPremDirectory ad = OnPremCsvExport.open(onPrem); CloudDirectory entra = CloudCsvExport.open(cloud);
                ValidationReport report = Validation.builder().build().run(ad, entra)) {
            long t1 = step("validation", t0);
            FirstFindings first = report.writeReports(out.resolve(ValidationReportFiles.CSV),
                    out.resolve(ValidationReportFiles.JSON), HtmlReport.DEFAULT_MAX_ROWS_PER_OUTCOME);
            long t2 = step("reports", t1);
            HtmlReport.forValidation(report, first, ValidationReportFiles.CSV)
                    .write(out.resolve(ValidationReportFiles.HTML));
            step("html", t2);
        }
        // Of the whole run: what the JIT compilers and the collector took.
        for (Map.Entry<String, Double> kind : ThreadCpu.byKind().entrySet()) {
            System.out.printf(Locale.ROOT, "%s 0 %.3f%n", kind.getKey(), kind.getValue());
        }
    }

    /** Prints the wall-clock time since {@code since} and the CPU time since the last step, and returns now. */
    private static long step(String name, long since) {
        long cpu = cpuNanos();
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s %.3f %.3f%n", name, (now - since) / 1e9, (cpu - cpuAtStepStart) / 1e9);
        cpuAtStepStart = cpu;
        return now;
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    }
}
