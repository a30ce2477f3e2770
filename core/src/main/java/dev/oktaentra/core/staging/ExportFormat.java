package dev.oktaentra.core.staging;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Which of the two staging export formats a file holds, told from its first characters. */
enum ExportFormat {
    XML, CSV;

    private static final int SNIFF_BYTES = 512;

    static ExportFormat sniff(Path file) {
        byte[] head;
        try (InputStream in = openFile(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new StagingExportException(file.toString(), -1, -1, "cannot read it: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new StagingExportException(file.toString(), -1, -1, "the file is empty", null);
        }
        int from = decodeFrom(head);
        String text = new String(head, from, head.length - from, charsetOf(head));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\ufeff' && !Character.isWhitespace(c)) {
                return c == '<' ? XML : CSV;
            }
        }
        return CSV;
    }

    /** The charset a byte-order mark or a UTF-16 zero-byte pattern shows; UTF-8 otherwise. */
    static Charset charsetOf(byte[] head) {
        if (head.length >= 2) {
            int b0 = head[0] & 0xff;
            int b1 = head[1] & 0xff;
            if (b0 == 0xff && b1 == 0xfe || b0 != 0 && b1 == 0) {
                return StandardCharsets.UTF_16LE;
            }
            if (b0 == 0xfe && b1 == 0xff || b0 == 0 && b1 != 0) {
                return StandardCharsets.UTF_16BE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static int decodeFrom(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return 3;
        }
        if (head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff)) {
            return 2;
        }
        return 0;
    }

    static InputStream openFile(Path file) {
        try {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new StagingExportException(file.toString(), -1, -1, "no such file", e);
        } catch (IOException e) {
            throw new StagingExportException(file.toString(), -1, -1, "cannot open it: " + e.getMessage(), e);
        }
    }
}
