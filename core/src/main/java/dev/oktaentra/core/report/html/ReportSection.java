package dev.oktaentra.core.report.html;

/**
 * One part of an {@link HtmlReport}: a heading, a body, and optionally the inline style and script the body needs.
 * Sections appear in the order they are added, each linked from the page's navigation.
 *
 * <p>Implement this for a new kind of content; write the body only through the {@link HtmlWriter}, which escapes
 * every value. A script must not assume other sections exist, and must not log to the console: the report's test
 * treats any console message as a defect.
 */
public interface ReportSection {

    /**
     * The section's element id and navigation anchor.
     *
     * @return a plain id such as {@code summary}, unique in the report
     */
    String id();

    /**
     * The section's heading.
     *
     * @return the heading text
     */
    String title();

    /**
     * Writes the body below the heading.
     *
     * @param html the writer
     */
    void render(HtmlWriter html);

    /**
     * CSS the body needs beyond the report's own; written once per report even if several sections return the same
     * text.
     *
     * @return CSS, or an empty string
     */
    default String style() {
        return "";
    }

    /**
     * JavaScript the body needs, run after the whole page is parsed; written once per report even if several
     * sections return the same text.
     *
     * @return a script, or an empty string
     */
    default String script() {
        return "";
    }
}
