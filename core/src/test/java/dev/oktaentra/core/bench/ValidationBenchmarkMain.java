package dev.oktaentra.core.bench;

import dev.oktaentra.core.anchor.ObjectGuid;
import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.export.CloudCsvExport;
import dev.oktaentra.core.export.OnPremCsvExport;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The whole validation of N users per side from PowerShell CSV exports (read, convert, index, match, write the CSV
 * report) against merely parsing both files with the same CSV library, in the same JVM. Run it with
 * {@code mvn -B -q -pl core -Pbench-validation verify -DskipTests} (1,000,000 users per side, {@code -Xmx1g});
 * {@code -Dbench.users=N} changes the size. Target: at most 1.5 times the parse.
 */
public final class ValidationBenchmarkMain {

    private static final double TARGET = 1.5;
    private static final int ROUNDS = 3;

    private ValidationBenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench-validation"));
        Path onPrem = dir.resolve("adusers.csv");
        Path cloud = dir.resolve("entrausers.csv");
        Path report = dir.resolve("validation.csv");
        long started = System.nanoTime();
        generate(users, onPrem, cloud);
        System.out.printf("Generated %,d users per side in %.1f s: %s (%,d MB), %s (%,d MB)%n", users,
                seconds(System.nanoTime() - started), onPrem.getFileName(), Files.size(onPrem) >> 20,
                cloud.getFileName(), Files.size(cloud) >> 20);

        parseOnly(onPrem, cloud);  // warms the page cache and the JIT
        long[] parse = new long[ROUNDS];
        long[] validate = new long[ROUNDS];
        long peak = 0;
        for (int round = 0; round < ROUNDS; round++) {
            System.gc();
            long t0 = System.nanoTime();
            parseOnly(onPrem, cloud);
            parse[round] = System.nanoTime() - t0;
            System.gc();
            resetPeaks();
            long t1 = System.nanoTime();
            validate(onPrem, cloud, report);
            validate[round] = System.nanoTime() - t1;
            peak = Math.max(peak, peakHeap());
            System.out.printf("round %d: parse %.2f s, validation %.2f s%n", round + 1, seconds(parse[round]),
                    seconds(validate[round]));
        }
        double parseMedian = seconds(median(parse));
        double validateMedian = seconds(median(validate));
        double ratio = validateMedian / parseMedian;
        System.out.println();
        System.out.printf("users per side        %,d%n", users);
        System.out.printf("max heap              %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("parse both files      %.2f s (median of %d)%n", parseMedian, ROUNDS);
        System.out.printf("whole validation      %.2f s (median of %d), report %,d MB%n", validateMedian, ROUNDS,
                Files.size(report) >> 20);
        System.out.printf("ratio                 %.2fx (target <= %.1fx: %s)%n", ratio, TARGET,
                ratio <= TARGET ? "met" : "NOT MET");
        System.out.printf("peak heap (validation) %,d MB%n", peak >> 20);
    }

    /** Reads every field of both files with Commons CSV and nothing else. */
    private static long parseOnly(Path onPrem, Path cloud) throws IOException {
        return fields(onPrem) + fields(cloud);
    }

    private static long fields(Path file) throws IOException {
        long chars = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return chars;
    }

    private static void validate(Path onPrem, Path cloud, Path report) {
        try (OnPremDirectory ad = OnPremCsvExport.of(onPrem);
                CloudDirectory entra = CloudCsvExport.of(cloud);
                ValidationReport result = Validation.configure().build().run(ad, entra)) {
            result.writeCsv(report);
        }
    }

    /**
     * Writes exports as Windows PowerShell 5.1 does with {@code -NoTypeInformation -Encoding UTF8}: a BOM, every
     * value quoted, CRLF. The tenant has the usual trouble: most users stamped correctly, some with the byte-order
     * mistake, some never stamped, some on-prem only, some cloud orphans.
     */
    private static void generate(int users, Path onPrem, Path cloud) throws IOException {
        SplittableRandom random = new SplittableRandom(1_000_003);
        try (BufferedWriter ad = Files.newBufferedWriter(onPrem, StandardCharsets.UTF_8);
                BufferedWriter entra = Files.newBufferedWriter(cloud, StandardCharsets.UTF_8)) {
            ad.write('\ufeff');
            entra.write('\ufeff');
            ad.write("\"DistinguishedName\",\"UserPrincipalName\",\"SamAccountName\",\"ObjectGUID\",\"mail\","
                    + "\"mS-DS-ConsistencyGuid\",\"proxyAddresses\"\r\n");
            entra.write("\"Id\",\"UserPrincipalName\",\"OnPremisesImmutableId\",\"OnPremisesSyncEnabled\",\"Mail\","
                    + "\"ProxyAddresses\",\"OnPremisesLastSyncDateTime\"\r\n");
            for (int i = 0; i < users; i++) {
                ObjectGuid guid = ObjectGuid.random(random);
                String name = "user" + i;
                String upn = name + "@contoso.com";
                int kind = random.nextInt(1000);
                String dept = "OU=Dept" + (i % 50);
                if (kind >= 5) {  // 0.5% of cloud users are orphans and replace an on-prem user
                    ad.write("\"CN=" + name + "," + dept + ",OU=Staff,DC=contoso,DC=com\",\"" + upn + "\",\"" + name
                            + "\",\"" + guid + "\",\"" + (kind < 15 ? "" : upn) + "\",\"\",\"SMTP:" + upn
                            + ";smtp:" + name + "@contoso.mail.onmicrosoft.com\"\r\n");
                }
                String anchor = kind < 10 ? bigEndian(guid) : kind < 20 ? "" : guid.toImmutableId().value();
                String cloudUpn = kind >= 5 ? upn : "orphan" + i + "@contoso.com";
                if (kind >= 995) {
                    continue;  // 0.5% on-prem only
                }
                entra.write("\"" + new java.util.UUID(random.nextLong(), random.nextLong()) + "\",\"" + cloudUpn
                        + "\",\"" + anchor + "\",\"\",\"" + cloudUpn + "\",\"SMTP:" + cloudUpn
                        + "\",\"\"\r\n");
            }
        }
    }

    private static String bigEndian(ObjectGuid guid) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(guid.toUuid().getMostSignificantBits())
                .putLong(guid.toUuid().getLeastSignificantBits()).array());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
