package dev.oktaentra.core.validation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary file of string tuples, written once and read any number of times. It keeps the display data of a
 * million findings (names, DNs, anchors) out of the heap while the outcomes are worked out.
 */
final class Spill implements Closeable {

    private final Path file;
    private DataOutputStream out;

    Spill() {
        try {
            file = Files.createTempFile("oktaentra-validation-", ".spill");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the validation: " + e.getMessage(), e);
        }
    }

    /** Appends one tuple; {@code null} values survive the round trip. */
    void write(String... values) {
        try {
            out.writeByte(values.length);
            for (String value : values) {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the validation's temporary file: " + e.getMessage(), e);
        }
    }

    /** Ends writing; reading may start. */
    void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader from the first tuple. */
    Reader reader() {
        try {
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the validation's temporary file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads tuples in the order written. */
    static final class Reader implements Closeable {
        private final DataInputStream in;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next tuple, or {@code null} at the end. */
        String[] next() {
            try {
                int count;
                try {
                    count = in.readUnsignedByte();
                } catch (EOFException end) {
                    return null;
                }
                String[] values = new String[count];
                for (int i = 0; i < count; i++) {
                    int length = in.readInt();
                    if (length >= 0) {
                        byte[] bytes = in.readNBytes(length);
                        values[i] = new String(bytes, StandardCharsets.UTF_8);
                    }
                }
                return values;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the validation's temporary file: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
