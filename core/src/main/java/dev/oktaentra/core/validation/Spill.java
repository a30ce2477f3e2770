package dev.oktaentra.core.validation;

import dev.oktaentra.core.anchor.ObjectGuid;
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
 * A temporary file of the findings' display data (names, DNs, anchors), written once and read any number of times,
 * so that a million findings stay out of the heap while their outcomes are worked out. GUIDs are stored as their
 * 16 bytes, and a value equal to the previous entry's (the source file of every row) as one marker.
 */
final class Spill implements Closeable {

    private static final byte INVALID = 1;
    private static final byte USER = 2;
    private static final int NULL = -1;
    private static final int SAME_AS_BEFORE = -2;

    private final Path file;
    private final DataOutputStream out;
    private String lastSource;

    Spill() {
        try {
            file = Files.createTempFile("oktaentra-validation-", ".spill");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
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
    record User(String upn, String dn, ObjectGuid objectGuid, String expected, String source, String note) {

        String expectedImmutableId() {
            return expected != null ? expected : objectGuid.toImmutableId().value();
        }
    }

    void writeInvalid(String side, String source, String location, String identity, String reason) {
        try {
            out.writeByte(INVALID);
            string(side);
            source(source);
            string(location);
            string(identity);
            string(reason);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    void writeUser(String upn, String dn, ObjectGuid objectGuid, String expected, String source, String note) {
        try {
            out.writeByte(USER);
            string(upn);
            string(dn);
            out.write(objectGuid.bytes());
            string(expected);
            source(source);
            string(note);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void source(String source) throws IOException {
        if (source != null && source.equals(lastSource)) {
            out.writeInt(SAME_AS_BEFORE);
        } else {
            string(source);
            lastSource = source;
        }
    }

    private void string(String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Ends writing; reading may start. */
    void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** A reader from the first entry. */
    Reader reader() {
        try {
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
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

    /** Reads entries in the order written: {@link Invalid} or {@link User}. */
    static final class Reader implements Closeable {
        private final DataInputStream in;
        private final byte[] guid = new byte[ObjectGuid.LENGTH];
        private String lastSource;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next entry, or {@code null} at the end. */
        Object next() {
            try {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException end) {
                    return null;
                }
                if (tag == INVALID) {
                    return new Invalid(string(), source(), string(), string(), string());
                }
                String upn = string();
                String dn = string();
                in.readFully(guid);
                return new User(upn, dn, ObjectGuid.of(guid), string(), source(), string());
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private String source() throws IOException {
            int length = in.readInt();
            if (length == SAME_AS_BEFORE) {
                return lastSource;
            }
            lastSource = string(length);
            return lastSource;
        }

        private String string() throws IOException {
            return string(in.readInt());
        }

        private String string(int length) throws IOException {
            if (length == NULL) {
                return null;
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
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
