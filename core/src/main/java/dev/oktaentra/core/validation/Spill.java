package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
final class Spill implements Closeable {

    /**
     * Entries per block: a reader can start at the first entry of any block, so that a report can be written by
     * several threads, each taking blocks of its own.
     */
    static final int BLOCK = 8192;

    private static final byte INVALID = 1;
    private static final byte USER = 2;
    private static final int NULL = -1;
    private static final int SAME_AS_BEFORE = -2;

    private final Path file;
    private final WriteBehind out;
    /** Entries are encoded here, without the per-call locks of the JDK's buffered and data streams. */
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private long flushed;
    private int entries;
    private long[] blockStarts = new long[16];
    private String lastSource;

    Spill() {
        try {
            file = Files.createTempFile("oktaentra-validation-", ".spill");
            file.toFile().deleteOnExit();
            out = WriteBehind.create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the validation: " + e.getMessage(), e);
        }
    }

    /** A record that could not be read. */
    record Invalid(String side, String source, String location, String identity, String reason) {
    }

    /**
     * An on-prem user; {@code expected} is {@code null} when it is the ImmutableID of {@code objectGuid}.
     */
    record User(String upn, String dn, ObjectGuid objectGuid, String expected, String source) {

        String expectedImmutableId() {
            return expected != null ? expected : objectGuid.toImmutableId().value();
        }
    }

    void writeInvalid(String side, String source, String location, String identity, String reason) {
        startEntry(INVALID);
        string(side);
        source(source);
        string(location);
        string(identity);
        string(reason);
    }

    void writeUser(String upn, String dn, ObjectGuid objectGuid, String expected, String source) {
        startEntry(USER);
        string(upn);
        string(dn);
        bytes(objectGuid.bytes());
        string(expected);
        source(source);
    }

    /** How many entries have been written. */
    int size() {
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
    void finish() {
        drain();
        try {
            out.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** A reader from the first entry. */
    Reader reader() {
        try {
            return new Reader(Files.newByteChannel(file), blockStarts);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("The validation's temporary file failed: " + e.getMessage(), e);
    }

    /**
     * An on-prem user's entry as it lies in the file, reused from entry to entry: the report writes these bytes as
     * they are instead of making strings of them. A range is {@code null} text when its length is negative.
     */
    static final class RawUser {
        private byte[] bytes = new byte[512];
        private int used;
        int upnFrom;
        int upnLength;
        int dnFrom;
        int dnLength;
        int expectedFrom;
        int expectedLength;
        final byte[] guid = new byte[ObjectGuid.LENGTH];
        String source;

        /** The array the ranges are of; valid until the next entry is read into this. */
        byte[] bytes() {
            return bytes;
        }

        /** The UPN as a string, or {@code null}. */
        String upn() {
            return text(upnFrom, upnLength);
        }

        /** The DN as a string, or {@code null}. */
        String dn() {
            return text(dnFrom, dnLength);
        }

        /** The expected ImmutableID when it was spilled (it is not for objectGUID anchors), or {@code null}. */
        String expected() {
            return text(expectedFrom, expectedLength);
        }

        private String text(int from, int length) {
            return length < 0 ? null : new String(bytes, from, length, StandardCharsets.UTF_8);
        }

        private void reset() {
            used = 0;
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
     * Reads entries in the order written: {@link Invalid} or {@link User}, or for the report a {@link RawUser}. It
     * keeps its own buffer: {@code DataInputStream} over a {@code BufferedInputStream} takes a lock on each small
     * read, which at a million entries was a third of reading them.
     */
    static final class Reader implements Closeable {
        private final SeekableByteChannel in;
        private final long[] blockStarts;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        /** Where {@link #next()} reads users before it makes strings of them. */
        private final RawUser raw = new RawUser();
        private String lastSource;

        private Reader(SeekableByteChannel in, long[] blockStarts) {
            this.in = in;
            this.blockStarts = blockStarts;
        }

        /**
         * Moves to the first entry of a block (of {@link #BLOCK} entries).
         *
         * @param block the block's number; entry {@code block * BLOCK} is read next
         */
        void seekBlock(int block) {
            try {
                in.position(blockStarts[block]);
            } catch (IOException e) {
                throw failure(e);
            }
            position = 0;
            limit = 0;
            lastSource = null;
        }

        /** The next entry, or {@code null} at the end. */
        Object next() {
            Object next = next(raw);
            return next != raw ? next
                    : new User(raw.upn(), raw.dn(), ObjectGuid.of(raw.guid), raw.expected(), raw.source);
        }

        /**
         * The next entry for the report: a user is read into {@code into} and returned as it, an unreadable object
         * as an {@link Invalid}.
         *
         * @return {@code into}, an {@link Invalid}, or {@code null} at the end
         */
        Object next(RawUser into) {
            try {
                int tag = tag();
                if (tag < 0) {
                    return null;
                }
                if (tag == INVALID) {
                    return invalid();
                }
                into.reset();
                into.upnLength = readInt();
                into.upnFrom = raw(into, into.upnLength);
                into.dnLength = readInt();
                into.dnFrom = raw(into, into.dnLength);
                readFully(into.guid, 0, ObjectGuid.LENGTH);
                into.expectedLength = readInt();
                into.expectedFrom = raw(into, into.expectedLength);
                into.source = source();
                return into;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private Invalid invalid() throws IOException {
            return new Invalid(string(), source(), string(), string(), string());
        }

        private int raw(RawUser into, int length) throws IOException {
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
