package dev.oktaentra.core.validation.store;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A temporary file of the findings' display data (names, DNs, anchors), written once and read any number of times,
 * so that a million findings stay out of the heap while their outcomes are worked out. GUIDs are stored as their
 * 16 bytes, and a source equal to the previous entry's (the file every row came from) as one marker, except at the
 * start of a {@link #BLOCK block}, which can be read on its own.
 *
 * <p>Lifecycle: the file is created with the spill and deleted by {@link #close()}. A spill that is never closed does
 * not outlive its use: once neither it nor any of its {@link Reader}s can be reached, the garbage collector's
 * {@link Cleaner} deletes the file, and at the JVM's exit a single shutdown hook deletes the files of spills still
 * open (see {@link SpillFiles}). Nothing is kept per spill after its file is gone, unlike
 * {@link java.io.File#deleteOnExit()}, which holds every path until the JVM ends.
 */
public final class Spill implements Closeable {

    /**
     * Entries per block: a reader can start at the first entry of any block, so that a report can be written by
     * several threads, each taking blocks of its own.
     */
    public static final int BLOCK = 8192;

    private static final byte INVALID = 1;
    private static final byte USER = 2;
    private static final int NULL = -1;
    private static final int SAME_AS_BEFORE = -2;

    private final Path file;
    private final Cleaner.Cleanable deletion;
    private final WriteBehind out;
    /** Entries are encoded here, without the per-call locks of the JDK's buffered and data streams. */
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private long flushed;
    private int entries;
    private long[] blockStarts = new long[16];
    private String lastSource;

    /** Creates the temporary file. */
    public Spill() {
        try {
            file = Files.createTempFile("oktaentra-validation-", ".spill");
        } catch (IOException e) {
            throw failure("Cannot create a temporary file for the validation", e);
        }
        deletion = SpillFiles.register(this, file);
        try {
            out = WriteBehind.create(file);
        } catch (IOException e) {
            deletion.clean();
            throw failure("Cannot create a temporary file for the validation", e);
        }
    }

    /**
     * A record that could not be read.
     *
     * @param side {@code ON_PREM} or {@code CLOUD}
     * @param source the file or directory it came from
     * @param location where in the source
     * @param identity what names it, as far as it could be read
     * @param reason why it could not be read
     */
    public record Invalid(String side, String source, String location, String identity, String reason) {
    }

    /**
     * Writes a record that could not be read.
     *
     * @param side {@code ON_PREM} or {@code CLOUD}
     * @param source the file or directory it came from
     * @param location where in the source
     * @param identity what names it, as far as it could be read
     * @param reason why it could not be read
     */
    public void writeInvalid(String side, String source, String location, String identity, String reason) {
        startEntry(INVALID);
        string(side);
        source(source);
        string(location);
        string(identity);
        string(reason);
    }

    /**
     * Writes an on-prem user.
     *
     * @param upn the UPN, or {@code null}
     * @param dn the DN, or {@code null}
     * @param objectGuid the objectGUID
     * @param expected the expected ImmutableID, or {@code null} when it is {@code objectGuid}'s
     * @param source the file or directory it came from
     */
    public void writeUser(String upn, String dn, ObjectGuid objectGuid, String expected, String source) {
        startEntry(USER);
        string(upn);
        string(dn);
        bytes(objectGuid.bytes());
        string(expected);
        source(source);
    }

    /**
     * The temporary file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * How many entries have been written.
     *
     * @return the count
     */
    public int size() {
        return entries;
    }

    private void startEntry(byte tag) {
        if (entries % BLOCK == 0) {
            int block = entries / BLOCK;
            if (block == blockStarts.length) {
                blockStarts = Arrays.copyOf(blockStarts, block * 2);
            }
            blockStarts[block] = flushed + used;
            lastSource = null;  // a block reads on its own, so its first source is written out
        }
        entries++;
        room(1);
        buffer[used++] = tag;
    }

    private void source(String source) {
        if (source != null && source.equals(lastSource)) {
            integer(SAME_AS_BEFORE);
        } else {
            string(source);
            lastSource = source;
        }
    }

    private void string(String value) {
        if (value == null) {
            integer(NULL);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        integer(utf8.length);
        bytes(utf8);
    }

    private void integer(int value) {
        room(4);
        buffer[used] = (byte) (value >>> 24);
        buffer[used + 1] = (byte) (value >>> 16);
        buffer[used + 2] = (byte) (value >>> 8);
        buffer[used + 3] = (byte) value;
        used += 4;
    }

    private void bytes(byte[] value) {
        if (value.length > buffer.length) {
            drain();
            write(value, value.length);
            return;
        }
        room(value.length);
        System.arraycopy(value, 0, buffer, used, value.length);
        used += value.length;
    }

    private void room(int length) {
        if (used + length > buffer.length) {
            drain();
        }
    }

    private void drain() {
        write(buffer, used);
        used = 0;
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
            flushed += length;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Ends writing; reading may start. */
    public void finish() {
        drain();
        try {
            out.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * A reader from the first entry; it keeps this spill, and so its file, from being collected while it is in use.
     *
     * @return the reader; close it after use
     */
    public Reader reader() {
        try {
            return new Reader(this, Files.newByteChannel(file), blockStarts);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Deletes the file; reading ends. */
    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure(e);
        } finally {
            deletion.clean();
        }
    }

    private static UncheckedIOException failure(IOException e) {
        return failure("The validation's temporary file failed", e);
    }

    private static UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }

    /**
     * One entry as a {@link Reader} reads it, reused from entry to entry: a record that could not be read
     * ({@link #isInvalid()}), or an on-prem user, whose texts stay the bytes they are in the file so that the report
     * can write them as they are instead of making strings of them. A range is {@code null} text when its length is
     * negative.
     */
    public static final class Entry {
        private byte[] bytes = new byte[512];
        private int used;
        private Invalid invalid;
        private int upnFrom;
        private int upnLength;
        private int dnFrom;
        private int dnLength;
        private int expectedFrom;
        private int expectedLength;
        private final byte[] guid = new byte[ObjectGuid.LENGTH];
        private String source;

        /**
         * Whether this entry is a record that could not be read; the user's accessors do not apply then.
         *
         * @return true for an unreadable record
         */
        public boolean isInvalid() {
            return invalid != null;
        }

        /**
         * The record that could not be read.
         *
         * @return the record, or {@code null} when this entry is a user
         */
        public Invalid invalid() {
            return invalid;
        }

        /**
         * The array the user's ranges are of.
         *
         * @return the array; valid until the next entry is read into this
         */
        public byte[] bytes() {
            return bytes;
        }

        /**
         * Where the UPN starts in {@link #bytes()}.
         *
         * @return the offset
         */
        public int upnFrom() {
            return upnFrom;
        }

        /**
         * How many bytes the UPN has.
         *
         * @return the length; negative when there is none
         */
        public int upnLength() {
            return upnLength;
        }

        /**
         * Where the DN starts in {@link #bytes()}.
         *
         * @return the offset
         */
        public int dnFrom() {
            return dnFrom;
        }

        /**
         * How many bytes the DN has.
         *
         * @return the length; negative when there is none
         */
        public int dnLength() {
            return dnLength;
        }

        /**
         * Where the expected ImmutableID starts in {@link #bytes()}.
         *
         * @return the offset
         */
        public int expectedFrom() {
            return expectedFrom;
        }

        /**
         * How many bytes the expected ImmutableID has.
         *
         * @return the length; negative when it was not spilled (it is the objectGUID's)
         */
        public int expectedLength() {
            return expectedLength;
        }

        /**
         * The UPN.
         *
         * @return the text, or {@code null}
         */
        public String upn() {
            return text(upnFrom, upnLength);
        }

        /**
         * The DN.
         *
         * @return the text, or {@code null}
         */
        public String dn() {
            return text(dnFrom, dnLength);
        }

        /**
         * The objectGUID.
         *
         * @return the GUID
         */
        public ObjectGuid objectGuid() {
            return ObjectGuid.of(guid);
        }

        /**
         * The ImmutableID the user yields: the one spilled, else its objectGUID's.
         *
         * @return the text
         */
        public String expectedImmutableId() {
            return expectedLength >= 0 ? text(expectedFrom, expectedLength) : objectGuid().toImmutableId().value();
        }

        /**
         * The file or directory the user came from.
         *
         * @return the source
         */
        public String source() {
            return source;
        }

        private String text(int from, int length) {
            return length < 0 ? null : new String(bytes, from, length, StandardCharsets.UTF_8);
        }

        /** Room for {@code length} more bytes; returns where they go. */
        private int reserve(int length) {
            if (used + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
            }
            int at = used;
            used += length;
            return at;
        }
    }

    /**
     * Reads entries in the order written. It keeps its own buffer: {@code DataInputStream} over a
     * {@code BufferedInputStream} takes a lock on each small read, which at a million entries was a third of reading
     * them.
     */
    public static final class Reader implements Closeable {
        /** Held so that the file is not deleted by the cleaner while this reads it. */
        private final Spill spill;
        private final SeekableByteChannel in;
        private final long[] blockStarts;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private String lastSource;

        private Reader(Spill spill, SeekableByteChannel in, long[] blockStarts) {
            this.spill = spill;
            this.in = in;
            this.blockStarts = blockStarts;
        }

        /**
         * Moves to the first entry of a block (of {@link #BLOCK} entries).
         *
         * @param block the block's number; entry {@code block * BLOCK} is read next
         */
        public void seekBlock(int block) {
            try {
                in.position(blockStarts[block]);
            } catch (IOException e) {
                throw failure(e);
            }
            position = 0;
            limit = 0;
            lastSource = null;
        }

        /**
         * Reads the next entry.
         *
         * @param into receives it, replacing the entry it held
         * @return false at the end, when {@code into} is left as it was
         */
        public boolean next(Entry into) {
            try {
                int tag = tag();
                if (tag < 0) {
                    return false;
                }
                if (tag == INVALID) {
                    into.invalid = new Invalid(string(), source(), string(), string(), string());
                    return true;
                }
                into.invalid = null;
                into.used = 0;
                into.upnLength = readInt();
                into.upnFrom = raw(into, into.upnLength);
                into.dnLength = readInt();
                into.dnFrom = raw(into, into.dnLength);
                readFully(into.guid, 0, ObjectGuid.LENGTH);
                into.expectedLength = readInt();
                into.expectedFrom = raw(into, into.expectedLength);
                into.source = source();
                return true;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private int raw(Entry into, int length) throws IOException {
            if (length < 0) {
                return 0;
            }
            int at = into.reserve(length);
            readFully(into.bytes, at, length);
            return at;
        }

        /** The next entry's tag, or -1 at the end. */
        private int tag() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        private boolean fill() throws IOException {
            int n = in.read(ByteBuffer.wrap(buffer));
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        private int readInt() throws IOException {
            if (limit - position >= 4) {
                int value = (buffer[position] & 0xff) << 24 | (buffer[position + 1] & 0xff) << 16
                        | (buffer[position + 2] & 0xff) << 8 | buffer[position + 3] & 0xff;
                position += 4;
                return value;
            }
            byte[] four = new byte[4];
            readFully(four, 0, 4);
            return (four[0] & 0xff) << 24 | (four[1] & 0xff) << 16 | (four[2] & 0xff) << 8 | four[3] & 0xff;
        }

        private void readFully(byte[] into, int at, int length) throws IOException {
            while (length > 0) {
                if (position == limit && !fill()) {
                    throw new EOFException("The validation's temporary file ends inside an entry");
                }
                int n = Math.min(length, limit - position);
                System.arraycopy(buffer, position, into, at, n);
                position += n;
                at += n;
                length -= n;
            }
        }

        private String source() throws IOException {
            int length = readInt();
            if (length == SAME_AS_BEFORE) {
                return lastSource;
            }
            lastSource = string(length);
            return lastSource;
        }

        private String string() throws IOException {
            return string(readInt());
        }

        private String string(int length) throws IOException {
            if (length == NULL) {
                return null;
            }
            if (limit - position >= length) {
                String value = new String(buffer, position, length, StandardCharsets.UTF_8);
                position += length;
                return value;
            }
            byte[] bytes = new byte[length];
            readFully(bytes, 0, length);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }
}
