package dev.oktaentra.core.validation.internal.store;

import dev.oktaentra.core.anchor.ObjectGuid;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@link Spill}'s entries in the order written. It keeps its own buffer: {@code DataInputStream} over a
 * {@code BufferedInputStream} takes a lock on each small read, which at a million entries was a third of reading
 * them.
 */
public final class SpillReader implements Closeable {
    /** Held so that the file is not deleted by the cleaner while this reads it. */
    private final Spill spill;
    private final SeekableByteChannel in;
    private final long[] blockStarts;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private String lastSource;

    SpillReader(Spill spill, SeekableByteChannel in, long[] blockStarts) {
        this.spill = spill;
        this.in = in;
        this.blockStarts = blockStarts;
    }

    /**
     * Moves to the first entry of a block (of {@link Spill#BLOCK} entries).
     *
     * @param block the block's number; entry {@code block * Spill.BLOCK} is read next
     */
    public void seekBlock(int block) {
        try {
            in.position(blockStarts[block]);
        } catch (IOException e) {
            throw Spill.failure(e);
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
    public boolean next(SpillEntry into) {
        try {
            int tag = tag();
            if (tag < 0) {
                return false;
            }
            if (tag == Spill.INVALID) {
                into.invalid = new Spill.Invalid(string(), source(), string(), string(), string());
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
            throw Spill.failure(e);
        }
    }

    private int raw(SpillEntry into, int length) throws IOException {
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
        if (length == Spill.SAME_AS_BEFORE) {
            return lastSource;
        }
        lastSource = string(length);
        return lastSource;
    }

    private String string() throws IOException {
        return string(readInt());
    }

    private String string(int length) throws IOException {
        if (length == Spill.NULL) {
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
            throw Spill.failure(e);
        }
    }
}
