package dev.oktaentra.core.validation.internal.store;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
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
 * not outlive its use: once neither it nor any of its {@link SpillReader}s can be reached, the garbage collector's
 * {@link Cleaner} deletes the file, and at the JVM's exit a single shutdown hook deletes the files of spills still
 * open (see {@code SpillFiles}). Nothing is kept per spill after its file is gone, unlike
 * {@link java.io.File#deleteOnExit()}, which holds every path until the JVM ends.
 */
public final class Spill implements Closeable {

    /**
     * Entries per block: a reader can start at the first entry of any block, so that a report can be written by
     * several threads, each taking blocks of its own.
     */
    public static final int BLOCK = 8192;

    /** An entry's tag: a record that could not be read. */
    static final byte INVALID = 1;
    /** An entry's tag: an on-prem user. */
    static final byte USER = 2;
    /** A string's length: none. */
    static final int NULL = -1;
    /** A source's length: the same as the entry before's. */
    static final int SAME_AS_BEFORE = -2;

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
    public SpillReader reader() {
        try {
            return new SpillReader(this, Files.newByteChannel(file), blockStarts);
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

    static UncheckedIOException failure(IOException e) {
        return failure("The validation's temporary file failed", e);
    }

    private static UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
}
