package dev.oktaentra.core.staging;

import dev.oktaentra.core.directory.DirectoryException;

/**
 * A staging export file (csexport XML or CSExportAnalyzer CSV) cannot be read: malformed or truncated XML, a
 * DOCTYPE (refused, see {@link PendingExportReader}), a CSV without the columns this library needs, or an I/O
 * failure. The message names the file and, when known, the line and column, e.g.
 * {@code Cannot read the staging export export.xml, line 12, column 5: XML document structures must start and end
 * within the same entity}.
 */
public final class StagingExportException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    /** The export's name, as {@link #source()} returns it. */
    private final String source;
    /** Where the parser stopped: the line, from 1, or -1 when unknown. */
    private final long line;
    /** Where the parser stopped: the column, from 1, or -1 when unknown. */
    private final long column;
    /** What is wrong, without the location. */
    private final String reason;

    StagingExportException(String source, long line, long column, String reason, Throwable cause) {
        super(message(source, line, column, reason), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String message(String source, long line, long column, String reason) {
        StringBuilder out = new StringBuilder("Cannot read the staging export ").append(source);
        if (line > 0) {
            out.append(", line ").append(line);
            if (column > 0) {
                out.append(", column ").append(column);
            }
        }
        return out.append(": ").append(reason).toString();
    }

    /**
     * The file (or stream name) that could not be read.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * The line where reading stopped.
     *
     * @return the 1-based line, or {@code -1} when unknown
     */
    public long line() {
        return line;
    }

    /**
     * The column where reading stopped.
     *
     * @return the 1-based column, or {@code -1} when unknown
     */
    public long column() {
        return column;
    }

    /**
     * What was wrong, without the file name and position.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
