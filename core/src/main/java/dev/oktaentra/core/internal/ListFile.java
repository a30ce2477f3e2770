package dev.oktaentra.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list a person writes, one entry a line (reviewed leavers, reviewed new users): blank lines and lines starting with
 * {@code #} are left out and each entry is stripped of surrounding whitespace. UTF-8, with or without a byte-order
 * mark, or UTF-16 with one, as Windows PowerShell 5.1's {@code >} and {@code Out-File} write. Bytes that are not text
 * in that encoding are refused with the line they are on, never read as replacement characters.
 */
public final class ListFile {

    /**
     * One entry of the list.
     *
     * @param line the line it is on, from 1
     * @param text the entry, stripped
     */
    public record Entry(long line, String text) {
    }

    /** The file cannot be read as a list; {@link #line()} is 0 when the whole file is at fault. */
    public static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        private final long line;

        Unreadable(long line, String reason, Throwable cause) {
            super(reason, cause);
            this.line = line;
        }

        /**
         * The line at fault.
         *
         * @return the line, from 1, or 0 when the whole file is at fault
         */
        public long line() {
            return line;
        }
    }

    /** A line ends at CRLF, CR or LF, as a person's editor on any system writes it. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private ListFile() {
    }

    /**
     * Reads the entries of a list.
     *
     * @param file the list
     * @return its entries in file order
     * @throws Unreadable with the reason ("no such file", "not UTF-8 text", …) and, where one is at fault, the line
     */
    public static List<Entry> read(Path file) throws Unreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable(0, "no such file", e);
        } catch (IOException e) {
            throw new Unreadable(0, String.valueOf(e.getMessage()), e);
        }
        String text = decode(bytes);
        List<Entry> entries = new ArrayList<>();
        long number = 0;
        for (String line : LINE_BREAK.split(text, -1)) {
            number++;
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(new Entry(number, entry));
            }
        }
        return entries;
    }

    private static String decode(byte[] bytes) throws Unreadable {
        ByteOrderMark mark = ByteOrderMark.at(bytes);
        Charset charset = mark == null ? StandardCharsets.UTF_8 : mark.charset();
        int skip = mark == null ? 0 : mark.length();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // What was decoded before the bad bytes tells their line.
            long line = LINE_BREAK.split(out.flip(), -1).length;
            throw new Unreadable(line, "not " + (charset == StandardCharsets.UTF_8 ? "UTF-8" : charset.name())
                    + " text (save the list as UTF-8)", null);
        }
        return out.flip().toString();
    }
}
