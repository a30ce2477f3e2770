package dev.oktaentra.examples.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * What the CLI prints, with every control character but tab, line feed and carriage return shown as a Java escape
 * (<code>&#92;u001b</code> for ESC). The CLI prints directory values (a DN, a UPN, a before-value in a plan),
 * which whoever controls a user's attributes can fill with an escape sequence: printed raw, ESC or the
 * one-character C1 CSI (U+009B) would command the admin's terminal (clear the screen, retitle it, show a disguised
 * hyperlink, on some terminals write the clipboard). The CLI's own output uses no other control character; JSON
 * output stays valid, since JSON escapes C0 controls itself and a C1 control only appears inside a string.
 *
 * <p>Standard output ({@link #lines}) also escapes a carriage return that does not end a line: a bare CR sends the
 * cursor back to the start of the line, so the rest of a value would be printed over the finding it is part of (a
 * DN shown as another user's). Only standard error keeps it, for the progress line the CLI redraws there.
 */
final class TerminalText extends Writer {

    private static final String ESCAPED_CR = "\\u000d";

    private final Writer out;
    private final boolean lineEndsOnly;
    /** A CR at the end of the last write, written once the next character tells whether a line feed follows it. */
    private boolean pendingCr;

    private TerminalText(Writer out, boolean lineEndsOnly) {
        this.out = out;
        this.lineEndsOnly = lineEndsOnly;
    }

    /** A writer that escapes controls on the way to {@code out}, keeping carriage returns (standard error). */
    static Writer of(Writer out) {
        return new TerminalText(out, false);
    }

    /** A writer that escapes controls on the way to {@code out}, a CR too unless a line feed follows it. */
    static Writer lines(Writer out) {
        return new TerminalText(out, true);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        int start = offset;
        if (pendingCr && length > 0) {
            pendingCr = false;
            out.write(chars[offset] == '\n' ? "\r" : ESCAPED_CR);
        }
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c == '\r' && lineEndsOnly) {
                out.write(chars, start, i - start);
                start = i + 1;
                if (i + 1 == end) {
                    pendingCr = true;
                } else {
                    out.write(chars[i + 1] == '\n' ? "\r" : ESCAPED_CR);
                }
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                out.write(chars, start, i - start);
                out.write(String.format("\\u%04x", (int) c));
                start = i + 1;
            }
        }
        out.write(chars, start, end - start);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write(ESCAPED_CR);
        }
        out.close();
    }
}
