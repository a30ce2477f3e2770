package dev.oktaentra.core.staging;

import dev.oktaentra.core.OktaEntraException;
import dev.oktaentra.core.directory.DirectoryRecord;
import dev.oktaentra.core.internal.CsvLimits;
import dev.oktaentra.core.internal.CsvRows;
import dev.oktaentra.core.staging.CsvColumns.Column;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSExportAnalyzer's CSV: one row per attribute change, keyed by DN; consecutive rows of the same DN form one
 * object. Old values become the object's synchronized hologram; new, added and removed values its delta. A field
 * or a row past {@link CsvLimits} stops the read with its line before the parser holds it whole.
 */
final class CsvPendingExportReader extends StreamingExportReader {

    /** Stands in for undecodable bytes: U+FFFF is a noncharacter, never in a real export. */
    private static final String BAD_BYTES = "\uffff";

    private final InputStream in;
    private final CsvRows rows;
    private final CsvColumns columns;
    private List<String> lookahead;
    private long lookaheadLine;

    CsvPendingExportReader(InputStream raw, String source, Charset fallback) {
        super(source);
        this.in = raw;
        try {
            BufferedInputStream bytes = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw);
            BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, decoder(bytes, fallback)), 1 << 16);
            char delimiter = delimiter(reader);
            this.rows = CsvRows.of(reader, delimiter, 1);
            if (!rows.next()) {
                throw new StagingExportException(source, 1, -1, "the file has no header row", null);
            }
            List<String> header = rows.toList();
            checkDecoded(header, rows.line());
            StringBuilder missing = new StringBuilder();
            this.columns = CsvColumns.of(header, missing);
            if (columns == null) {
                throw new StagingExportException(source, 1, -1, "the header row has " + missing
                        + "; its headers are " + OktaEntraException.quote(String.join(", ", header)), null);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof StagingExportException s ? s : failure(e, 1);
        }
    }

    /** The byte-order mark's charset; without one the fallback, or strict UTF-8 that reports a bad byte. */
    private static CharsetDecoder decoder(BufferedInputStream bytes, Charset fallback) throws IOException {
        bytes.mark(3);
        byte[] head = bytes.readNBytes(3);
        bytes.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        Charset charset;
        int skip = 0;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (b0 == 0xff && b1 == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xfe && b1 == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            charset = fallback == null ? StandardCharsets.UTF_8 : fallback;
        }
        bytes.skipNBytes(skip);
        // Bad bytes become a sentinel the rows are checked for, so that the error names the right line: the reader
        // decodes ahead in large blocks, and a decoding exception would surface lines before the bad byte.
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(BAD_BYTES);
    }

    private void checkDecoded(List<String> row, long line) {
        for (String cell : row) {
            if (cell.indexOf(BAD_BYTES.charAt(0)) >= 0) {
                throw new StagingExportException(source, line, -1, "a byte sequence is not valid in the file's "
                        + "encoding (UTF-8 unless it has a byte-order mark); save the file as UTF-8 or pass its "
                        + "charset", null);
            }
        }
    }

    /** The most frequent of comma, semicolon and tab outside quotes in the header line; comma on a tie. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 15);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < (1 << 15) - 1; i++) {
            int c = reader.read();
            if (c < 0 || !quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    @Override
    DirectoryRecord<PendingExport> readNext() {
        List<String> first = lookahead;
        long firstLine = lookaheadLine;
        lookahead = null;
        if (first == null) {
            if (!rows.next()) {
                return null;
            }
            first = rows.toList();
            firstLine = rows.line();
            checkDecoded(first, firstLine);
        }
        String dn = columns.get(first, Column.DN);
        List<List<String>> group = new ArrayList<>();
        group.add(first);
        while (dn != null && !dn.isEmpty() && rows.next()) {
            List<String> row = rows.toList();
            checkDecoded(row, rows.line());
            if (dn.equals(columns.get(row, Column.DN))) {
                group.add(row);
            } else {
                lookahead = row;
                lookaheadLine = rows.line();
                break;
            }
        }
        return new CsvObjectRows(columns, source, dn, "line " + firstLine).build(group);
    }

    @Override
    StagingExportException failure(Exception e) {
        return failure(e, rows.line());
    }

    private StagingExportException failure(Exception e, long line) {
        if (e instanceof CsvRows.Malformed malformed) {
            return new StagingExportException(source, malformed.line(), -1, malformed.getMessage(), e);
        }
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CsvLimits.Exceeded exceeded) {
            return new StagingExportException(source, exceeded.line(), -1, exceeded.getMessage(), e);
        }
        String what = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return new StagingExportException(source, line, -1, what, e);
    }

    @Override
    void release() {
        try {
            if (rows != null) {
                rows.close();
            }
            in.close();
        } catch (IOException | UncheckedIOException e) {
            throw new StagingExportException(source, -1, -1, "cannot close it: " + e.getMessage(), e);
        }
    }
}
