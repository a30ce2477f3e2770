package dev.oktaentra.examples.rehearsal;

import java.io.PrintWriter;

/** The rehearsal's account of itself, for people: headings, one line per step, indented details. */
final class Narration {

    /** Width of the step column. */
    static final int STEP_WIDTH = 26;
    /** Longest finding quoted on a step's line. */
    static final int QUOTE = 110;

    private final PrintWriter out;

    Narration(PrintWriter out) {
        this.out = out;
    }

    void heading(String text) {
        out.println();
        out.println(text);
        out.flush();
    }

    void line(String text) {
        out.println("  " + text);
        out.flush();
    }

    void step(String stepId, String text) {
        out.println("  " + pad(stepId) + text);
        out.flush();
    }

    void more(String text) {
        out.println("  " + " ".repeat(STEP_WIDTH) + text);
        out.flush();
    }

    void plain(String text) {
        out.println(text);
        out.flush();
    }

    static String pad(String text) {
        return text.length() >= STEP_WIDTH ? text + " " : text + " ".repeat(STEP_WIDTH - text.length());
    }

    static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= QUOTE ? line : line.substring(0, QUOTE - 1) + "…";
    }
}
