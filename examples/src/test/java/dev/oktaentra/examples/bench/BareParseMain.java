package dev.oktaentra.examples.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The CLI benchmark's baseline, run as a process of its own: reads every field of both exports with one CSV library
 * and nothing else, one file after the other, as a script that reads two exports does. Prints
 * {@code parsed SECONDS FIELDS} (the time inside the process, after JVM start).
 *
 * <p>Arguments: {@code fastcsv} or {@code commons-csv}, then the two files.
 */
public final class BareParseMain {

    private BareParseMain() {
    }

    /**
     * Parses both files.
     *
     * @param args the reader, the on-prem export, the cloud export
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        long fields = 0;
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            fields += switch (args[0]) {
                case "fastcsv" -> fastCsv(file);
                case "commons-csv" -> commonsCsv(file);
                default -> throw new IllegalArgumentException("No such reader: " + args[0]);
            };
        }
        System.out.printf(Locale.ROOT, "parsed %.3f %d%n", (System.nanoTime() - t0) / 1e9, fields);
    }

    /** FastCSV 4 with the BOM detected (as a PowerShell export needs); every field is a String, as in the CLI. */
    static long fastCsv(Path file) throws IOException {
        long fields = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                    fields++;
                }
            }
        }
        return chars >= 0 ? fields : -1;
    }

    /** Commons CSV, the reader the project's exports use today, with the same RFC 4180 format. */
    static long commonsCsv(Path file) throws IOException {
        long fields = 0;
        long chars = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
            for (var record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                    fields++;
                }
            }
        }
        return chars >= 0 ? fields : -1;
    }
}
