package dev.oktaentra.core.bench;

import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.staging.KnownUsers;
import dev.oktaentra.core.staging.PendingExport;
import dev.oktaentra.core.staging.PendingExportAnalyser;
import dev.oktaentra.core.staging.PendingExportReader;
import dev.oktaentra.core.staging.PendingExportSummary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a generated SYNTHETIC csexport file of about 1 GB through {@link PendingExportReader} and a streaming
 * {@link PendingExportAnalyser} (counts only), against a bare StAX pass over the same file that only walks the
 * events, in the same JVM (run with {@code -Xmx256m}). Prints both times, the ratio (target at most 1.5) and the
 * heap. The file is kept in {@code core/target/bench-staging} and reused by later runs; {@code mvn clean} removes it.
 */
public final class StagingExportBenchmarkMain {

    /** About 1 GB; {@code -Dbench.staging.bytes=…} changes it for a quick trial. */
    private static final long TARGET_BYTES = Long.getLong("bench.staging.bytes", 1L << 30);
    private static final double TARGET_RATIO = 1.5;
    private static final long MAX_HEAP_ALLOWED = 270L << 20;
    private static final int ROUNDS = 3;

    private StagingExportBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap > MAX_HEAP_ALLOWED) {
            System.err.printf("This benchmark must run with -Xmx256m; the heap limit is %d MB%n", maxHeap >> 20);
            System.exit(2);
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "target").resolve("bench-staging");
        Path file = dir.resolve("csexport-synthetic-" + (TARGET_BYTES >> 20) + "m-v1.xml");
        if (Files.isRegularFile(file) && Files.size(file) >= TARGET_BYTES - (2L << 20)) {
            System.out.printf("Reusing %s (%,d bytes)%n", file, Files.size(file));
        } else {
            long start = System.nanoTime();
            long objects = SyntheticCsExportGenerator.generate(file, TARGET_BYTES);
            System.out.printf("Generated %s: %,d objects, %,d bytes in %.1f s%n", file, objects, Files.size(file),
                    (System.nanoTime() - start) / 1e9);
        }
        double megabytes = Files.size(file) / 1e6;
        System.out.printf("JVM heap limit %d MB; file %.0f MB%n", maxHeap >> 20, megabytes);

        double bestBare = Double.MAX_VALUE;
        double bestReader = Double.MAX_VALUE;
        double bestBareCpu = Double.MAX_VALUE;
        double bestReaderCpu = Double.MAX_VALUE;
        double bestBareThread = Double.MAX_VALUE;
        double bestReaderThread = Double.MAX_VALUE;
        long peakReader = 0;
        PendingExportSummary summary = null;
        for (int round = 1; round <= ROUNDS; round++) {
            resetPeaks();
            long c0 = processCpuNanos();
            long h0 = threadCpuNanos();
            long t0 = System.nanoTime();
            long events = barePass(file);
            double bare = (System.nanoTime() - t0) / 1e9;
            double bareCpu = (processCpuNanos() - c0) / 1e9;
            double bareThread = (threadCpuNanos() - h0) / 1e9;
            long peakBare = heapPeak();

            System.gc();
            resetPeaks();
            c0 = processCpuNanos();
            h0 = threadCpuNanos();
            t0 = System.nanoTime();
            summary = readerPass(file);
            double reader = (System.nanoTime() - t0) / 1e9;
            double readerCpu = (processCpuNanos() - c0) / 1e9;
            double readerThread = (threadCpuNanos() - h0) / 1e9;
            long peak = heapPeak();
            System.out.printf("round %d: bare StAX %.2f s (%,d events, %.0f MB/s, heap peak %d MB); "
                    + "PendingExportReader + analyser %.2f s (%,d objects, %.0f MB/s, heap peak %d MB)%n",
                    round, bare, events, megabytes / bare, peakBare >> 20, reader, summary.objects(),
                    megabytes / reader, peak >> 20);
            bestBareThread = Math.min(bestBareThread, bareThread);
            bestReaderThread = Math.min(bestReaderThread, readerThread);
            bestBareCpu = Math.min(bestBareCpu, bareCpu);
            bestReaderCpu = Math.min(bestReaderCpu, readerCpu);
            bestBare = Math.min(bestBare, bare);
            bestReader = Math.min(bestReader, reader);
            peakReader = Math.max(peakReader, peak);
        }
        double ratio = bestReader / bestBare;
        System.out.println();
        System.out.printf("summary: %s%n", summary.toJson());
        System.out.printf("best of %d rounds       wall clock   process CPU   reading thread CPU%n", ROUNDS);
        System.out.printf("bare StAX pass        %8.2f s   %9.2f s   %9.2f s%n", bestBare, bestBareCpu, bestBareThread);
        System.out.printf("PendingExportReader   %8.2f s   %9.2f s   %9.2f s%n", bestReader, bestReaderCpu,
                bestReaderThread);
        System.out.printf("ratio                 %8.2fx   %9.2fx   %9.2fx%n", ratio, bestReaderCpu / bestBareCpu,
                bestReaderThread / bestBareThread);
        System.out.printf("target: wall-clock ratio <= %.1fx: %s%n", TARGET_RATIO,
                ratio <= TARGET_RATIO ? "met" : "NOT MET");
        System.out.println("(process CPU adds the GC and JIT threads; on a shared machine wall clock swings with"
                + " other load, the thread CPU time least)");
        System.out.printf("peak heap (reader)    %8d MB of %d MB (sum of heap pool peaks, an upper bound)%n",
                peakReader >> 20, maxHeap >> 20);
    }

    /** The baseline: the same JDK StAX implementation and settings as the reader, walking every event. */
    private static long barePass(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        long events = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                xml.next();
                events++;
            }
            xml.close();
        }
        return events;
    }

    private static PendingExportSummary readerPass(Path file) {
        PendingExportAnalyser analyser = PendingExportAnalyser.streaming(KnownUsers.none());
        try (PendingExportReader reader = PendingExportReader.openXml(file)) {
            while (reader.hasNext()) {
                DirectoryRecord<PendingExport> record = reader.next();
                analyser.accept(record);
            }
        }
        return analyser.summary();
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
