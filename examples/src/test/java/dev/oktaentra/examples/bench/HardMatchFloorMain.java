package dev.oktaentra.examples.bench;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A floor for the CLI benchmark, run as a process of its own: the least a {@code validate} of the two exports could
 * do, written for speed rather than for use. It reads both files at once on two threads with FastCSV, copying only
 * the columns it needs straight from the parser's buffer into one char array per file (no string per field, no
 * object per user), hard-matches each on-prem user's ObjectGUID, as an ImmutableID, against the cloud users'
 * {@code OnPremisesImmutableId} in an open-addressing table of row numbers, and writes one CSV row per on-prem user,
 * formatted in blocks on two threads and written in order. Prints {@code floor SECONDS MATCHED}.
 *
 * <p>It does one rule of the validation's many (no {@code mS-DS-ConsistencyGuid}, no byte-order check, no soft
 * match, no duplicates or uniqueness, no role holders, no staging prediction), checks no input, escapes no CSV cell,
 * writes no JSON or page and lists no cloud-only user. It exists to show, in the same run, how far the benchmark's
 * target is from what reading the files and writing one report costs on the machine at hand.
 */
public final class HardMatchFloorMain {

    private static final int BLOCK = 1 << 14;
    private static final String HEADER = "Side,Outcome,Cause,Rule,UserPrincipalName,DistinguishedName,ObjectGUID,"
            + "ExpectedImmutableId,CloudImmutableId,CloudId,CloudUserPrincipalName,AdminRole,CloudSynced,"
            + "PredictedAttributeDeletions,PredictedChanges,BlockedBy,UniquenessConflicts,Note,Source,Location,"
            + "CloudUpnDomain,CloudPrimarySmtpAddress\r\n";

    private HardMatchFloorMain() {
    }

    /**
     * Reads, matches and writes.
     *
     * @param args the on-prem export, the cloud export, the CSV to write
     * @throws Exception when a file cannot be read or written
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Columns onPrem = new Columns(0, 1, 3);  // DistinguishedName, UserPrincipalName, ObjectGUID
        Columns cloud = new Columns(0, 1, 2, 4);  // Id, UserPrincipalName, OnPremisesImmutableId, Mail
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> onPremRead = threads.submit(() -> onPrem.read(Path.of(args[0])));
            Future<AnchorTable> cloudRead = threads.submit(() -> new AnchorTable(cloud.read(Path.of(args[1])), 2));
            onPremRead.get();
            AnchorTable anchors = cloudRead.get();
            long matched = write(onPrem, cloud, anchors, Path.of(args[2]), threads);
            System.out.printf(Locale.ROOT, "floor %.3f %d%n", (System.nanoTime() - t0) / 1e9, matched);
        } finally {
            threads.shutdown();
        }
    }

    /** Formats the rows in blocks on the pool, writing each block in order as it is done. */
    private static long write(Columns onPrem, Columns cloud, AnchorTable anchors, Path csv, ExecutorService threads)
            throws Exception {
        long matched = 0;
        try (FileChannel out = FileChannel.open(csv, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap(HEADER.getBytes(StandardCharsets.UTF_8)));
            ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
            for (int from = 0; from < onPrem.rows; from += BLOCK) {
                int start = from;
                int end = Math.min(onPrem.rows, from + BLOCK);
                pending.add(threads.submit(() -> Block.format(onPrem, cloud, anchors, start, end)));
                while (pending.size() > 8) {
                    matched += pending.poll().get().writeTo(out);
                }
            }
            while (!pending.isEmpty()) {
                matched += pending.poll().get().writeTo(out);
            }
        }
        return matched;
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Some columns of every data row of one file, as offsets into one char array. */
    static final class Columns extends CsvCallbackHandler<Void> {

        private final int[] slotOfColumn = new int[64];
        private final int slots;
        private char[] chars;
        private int used;
        private int[] bounds = new int[1 << 20];
        private int rows;
        private int column;
        private boolean header = true;

        Columns(int... columns) {
            Arrays.fill(slotOfColumn, -1);
            for (int i = 0; i < columns.length; i++) {
                slotOfColumn[columns[i]] = i;
            }
            slots = columns.length;
        }

        Columns read(Path file) throws IOException {
            chars = new char[(int) Files.size(file)];  // a UTF-8 file never has more chars than bytes
            try (CsvReader<Void> reader = CsvReader.builder().detectBomHeader(true).build(this, file)) {
                reader.forEach(row -> { });
            }
            return this;
        }

        int start(int row, int slot) {
            return bounds[row * (slots + 1) + slot];
        }

        int end(int row, int slot) {
            return bounds[row * (slots + 1) + slot + 1];
        }

        @Override
        protected RecordType getRecordType() {
            return RecordType.DATA;
        }

        @Override
        protected int getFieldCount() {
            return column;
        }

        @Override
        protected void beginRecord(long line) {
            column = 0;
            if ((rows + 1) * (slots + 1) > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
        }

        @Override
        protected void addField(char[] buffer, int offset, int length, boolean quoted) {
            int slot = header || column >= slotOfColumn.length ? -1 : slotOfColumn[column];
            column++;
            if (slot >= 0) {
                System.arraycopy(buffer, offset, chars, used, length);
                bounds[rows * (slots + 1) + slot] = used;
                used += length;
                bounds[rows * (slots + 1) + slot + 1] = used;
            }
        }

        @Override
        protected void setComment(char[] buffer, int offset, int length) {
        }

        @Override
        protected void setEmpty() {
        }

        @Override
        protected Void buildRecord() {
            if (header) {
                header = false;
            } else {
                rows++;
            }
            return null;
        }
    }

    /** Row numbers of one side by the text of one of its columns, open addressing, linear probing. */
    static final class AnchorTable {

        private final Columns side;
        private final int slot;
        private final int[] rowAt;
        private final int mask;

        AnchorTable(Columns side, int slot) {
            this.side = side;
            this.slot = slot;
            this.rowAt = new int[Integer.highestOneBit(Math.max(side.rows, 1) * 2) * 2];
            this.mask = rowAt.length - 1;
            Arrays.fill(rowAt, -1);
            for (int row = 0; row < side.rows; row++) {
                int start = side.start(row, slot);
                int end = side.end(row, slot);
                if (start < end) {
                    int i = hash(side.chars, start, end) & mask;
                    while (rowAt[i] >= 0) {
                        i = (i + 1) & mask;
                    }
                    rowAt[i] = row;
                }
            }
        }

        int find(char[] key, int start, int end) {
            for (int i = hash(key, start, end) & mask; rowAt[i] >= 0; i = (i + 1) & mask) {
                int row = rowAt[i];
                if (Arrays.equals(side.chars, side.start(row, slot), side.end(row, slot), key, start, end)) {
                    return row;
                }
            }
            return -1;
        }

        private static int hash(char[] text, int start, int end) {
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + text[i];
            }
            return h ^ (h >>> 16);
        }
    }

    /** One block of formatted rows, UTF-8. */
    static final class Block {

        private static final char[] BASE64 =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
        private static final int[] LITTLE_ENDIAN = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

        private byte[] bytes = new byte[BLOCK * 320];
        private int length;
        private long matched;

        static Block format(Columns onPrem, Columns cloud, AnchorTable anchors, int from, int to) {
            Block block = new Block();
            char[] anchor = new char[24];
            for (int row = from; row < to; row++) {
                immutableId(onPrem.chars, onPrem.start(row, 2), anchor);
                int match = anchors.find(anchor, 0, 24);
                block.text(match >= 0 ? "ON_PREM,MATCHED,,hardMatch(ObjectGUID)," : "ON_PREM,UNMATCHED,,,");
                block.cell(onPrem, row, 1);
                block.text(",\"");
                block.cell(onPrem, row, 0);
                block.text("\",");
                block.cell(onPrem, row, 2);
                block.text(",");
                block.chars(anchor, 0, 24);
                block.text(",");
                if (match >= 0) {
                    block.matched++;
                    block.cell(cloud, match, 2);
                    block.text(",");
                    block.cell(cloud, match, 0);
                    block.text(",");
                    block.cell(cloud, match, 1);
                } else {
                    block.text(",,");
                }
                block.text(",,,,,,,,adusers.csv,,,");
                if (match >= 0) {
                    block.cell(cloud, match, 3);
                }
                block.text("\r\n");
            }
            return block;
        }

        long writeTo(FileChannel out) throws IOException {
            writeFully(out, ByteBuffer.wrap(bytes, 0, length));
            return matched;
        }

        /** The ImmutableID of the GUID text at {@code text[start]}: its bytes in AD's order, Base64. */
        private static void immutableId(char[] text, int start, char[] anchor) {
            byte[] written = new byte[16];
            for (int i = start, n = 0; n < 16; i++) {
                if (text[i] != '-') {
                    written[n++] = (byte) (Character.digit(text[i], 16) << 4 | Character.digit(text[i + 1], 16));
                    i++;
                }
            }
            byte[] guid = new byte[16];
            for (int i = 0; i < 16; i++) {
                guid[i] = written[LITTLE_ENDIAN[i]];
            }
            int c = 0;
            for (int i = 0; i < 15; i += 3) {
                int v = (guid[i] & 255) << 16 | (guid[i + 1] & 255) << 8 | (guid[i + 2] & 255);
                anchor[c++] = BASE64[v >>> 18];
                anchor[c++] = BASE64[v >>> 12 & 63];
                anchor[c++] = BASE64[v >>> 6 & 63];
                anchor[c++] = BASE64[v & 63];
            }
            anchor[c++] = BASE64[(guid[15] & 255) >>> 2];
            anchor[c++] = BASE64[(guid[15] & 3) << 4];
            anchor[c++] = '=';
            anchor[c] = '=';
        }

        private void cell(Columns side, int row, int slot) {
            chars(side.chars, side.start(row, slot), side.end(row, slot));
        }

        private void text(String text) {
            for (int i = 0; i < text.length(); i++) {
                put(text.charAt(i));
            }
        }

        private void chars(char[] text, int start, int end) {
            for (int i = start; i < end; i++) {
                put(text[i]);
            }
        }

        private void put(char c) {
            if (length + 3 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >>> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else {
                // a surrogate pair comes as two chars: encoded one by one, as CESU-8; the floor's data is ASCII
                bytes[length++] = (byte) (0xE0 | c >>> 12);
                bytes[length++] = (byte) (0x80 | c >>> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }
}
