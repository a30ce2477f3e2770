package dev.oktaentra.core.validation.internal.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A file output stream whose writes to the operating system happen on a thread of their own: a million-row report
 * is a quarter of a gigabyte, and copying it into the page cache took about as long as formatting it. Bytes are
 * gathered in chunks of {@link #CHUNK}; at most {@link #QUEUED} full chunks wait for the writer, then {@code write}
 * blocks. A failure of the writer is thrown by the next {@code write} that hands it a chunk, by {@code flush} and by
 * {@code close}.
 */
public final class WriteBehind extends OutputStream {

    static final int CHUNK = 1 << 20;
    static final int QUEUED = 4;

    /** A chunk for the writer; an empty one ends it. */
    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final Path file;
    private final OutputStream out;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(QUEUED);
    /** Chunk arrays the writer is done with, for reuse. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUED + 2);
    private final Thread writer;
    private final Object progress = new Object();
    private long handed;
    private long done;
    private volatile Exception failure;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean closed;

    private WriteBehind(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
        this.writer = new Thread(this::drain, "oktaentra-write-" + file.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Creates (or replaces) a file.
     *
     * @param file the file
     * @return a stream into it
     * @throws IOException when it cannot be created
     */
    public static WriteBehind create(Path file) throws IOException {
        return new WriteBehind(file, Files.newOutputStream(file));
    }

    /** The writer: writes each chunk in order; after a failure it only drains, so that no producer blocks. */
    private void drain() {
        try {
            for (Chunk next = full.take(); next != END; next = full.take()) {
                if (failure == null) {
                    try {
                        out.write(next.bytes(), 0, next.length());
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
                free.offer(next.bytes());
                synchronized (progress) {
                    done++;
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (used == chunk.length) {
            hand();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == chunk.length) {
                hand();
            }
            int n = Math.min(length, chunk.length - used);
            System.arraycopy(bytes, offset, chunk, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    /** Passes the current chunk to the writer and takes a free one. */
    private void hand() throws IOException {
        if (closed) {
            throw new IOException(file + " is closed");
        }
        rethrow();
        queue(new Chunk(chunk, used));
        synchronized (progress) {
            handed++;
        }
        byte[] reused = free.poll();
        chunk = reused != null ? reused : new byte[CHUNK];
        used = 0;
    }

    private void queue(Chunk next) throws IOException {
        try {
            full.put(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing " + file);
        }
    }

    private void rethrow() throws IOException {
        Exception failed = failure;
        if (failed != null) {
            throw new IOException("Cannot write " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** Waits until everything written so far has reached the operating system. */
    @Override
    public void flush() throws IOException {
        if (closed) {
            return;
        }
        if (used > 0) {
            hand();
        }
        synchronized (progress) {
            while (done < handed) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while flushing " + file);
                }
            }
        }
        rethrow();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (used > 0 && failure == null) {
                queue(new Chunk(chunk, used));
            }
            queue(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while closing " + file);
        } finally {
            closed = true;
            out.close();
        }
        rethrow();
    }
}
