package dev.oktaentra.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Passes text on line by line through {@link SecretRedaction}: what the executable puts in front of stderr, where
 * every logger writes, so that a credential a third-party library logs is hidden before it is shown. A line is held
 * until its line break or carriage return, because a credential can only be recognised whole; a flush shows the part
 * held only where that was asked for (the CLI's own messages, whose progress is drawn in place), so that text a
 * library prints in pieces, flushing after each, is still redacted as one line.
 */
final class RedactingOutputStream extends OutputStream {

    private final OutputStream target;
    private final Charset charset;
    private final SecretRedaction redaction = new SecretRedaction();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final boolean showPartOnFlush;

    /**
     * A filter in front of a stream.
     *
     * @param target where the redacted text goes
     * @param charset the encoding of the bytes written here, kept for the bytes written on
     * @param showPartOnFlush whether {@link #flush()} shows a line's part written so far
     */
    RedactingOutputStream(OutputStream target, Charset charset, boolean showPartOnFlush) {
        this.target = Objects.requireNonNull(target, "target");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.showPartOnFlush = showPartOnFlush;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n' || b == '\r') {
            emitLine();
            target.write(b);
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                line.write(bytes, start, i - start);
                emitLine();
                target.write(bytes[i]);
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    /** Flushes what was redacted, and the part of a line held if this stream shows parts on flush. */
    @Override
    public synchronized void flush() throws IOException {
        if (showPartOnFlush) {
            emitLine();
        }
        target.flush();
    }

    /** Shows the part of a line held, redacted as a line of its own: at the end, when no more can follow. */
    synchronized void drain() throws IOException {
        emitLine();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        drain();
        target.close();
    }

    private void emitLine() throws IOException {
        if (line.size() > 0) {
            target.write(redaction.line(line.toString(charset)).getBytes(charset));
            line.reset();
        }
    }
}
