package dev.oktaentra.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Aligned columns for people; numbers are right-aligned when a column is declared numeric. */
final class TextTable {

    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    private TextTable(boolean... numeric) {
        this.numeric = numeric;
    }

    /** A table whose column {@code i} is right-aligned when {@code numeric[i]}. */
    static TextTable of(boolean... numeric) {
        return new TextTable(numeric);
    }

    TextTable row(Object... cells) {
        String[] texts = new String[numeric.length];
        for (int i = 0; i < texts.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            texts[i] = cell == null ? "-" : cell instanceof Long || cell instanceof Integer
                    ? String.format(Locale.ROOT, "%,d", ((Number) cell).longValue()) : cell.toString();
        }
        rows.add(texts);
        return this;
    }

    void print(PrintWriter out, String indent) {
        int[] widths = new int[numeric.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + row[i] : row[i] + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
