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
 */
final class TerminalText extends Writer {

    private final Writer out;

    private TerminalText(Writer out) {
        this.out = out;
    }

    /** A writer that escapes controls on the way to {@code out}. */
    static Writer of(Writer out) {
        return new TerminalText(out);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = chars[i];
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                out.write(chars, start, i - start);
                out.write(String.format("\\u%04x", (int) c));
                start = i + 1;
            }
        }
        out.write(chars, start, offset + length - start);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
