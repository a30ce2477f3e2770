package dev.oktaentra.core.staging;

import dev.oktaentra.core.OktaEntraException;

/**
 * A list of reviewed leavers cannot be read: the file is missing or not UTF-8 text, or a line is neither a
 * sourceAnchor nor a connector-space DN. The message names the file and the line, e.g.
 * {@code Cannot read the reviewed leavers leavers.txt, line 2: 'CN=Gone,OU=Staff,…' is an on-prem DN; …}.
 */
public final class ReviewedLeaversException extends OktaEntraException {

    private static final long serialVersionUID = 1L;

    /** The list's name, as {@link #source()} returns it. */
    private final String source;
    /** The line at fault, from 1, or -1 when the whole file is. */
    private final long line;

    ReviewedLeaversException(String source, long line, String reason, Throwable cause) {
        super("Cannot read the reviewed leavers " + source + (line > 0 ? ", line " + line : "") + ": " + reason,
                cause);
        this.source = source;
        this.line = line;
    }

    /**
     * The file that could not be read.
     *
     * @return its name as given
     */
    public String source() {
        return source;
    }

    /**
     * The line at fault.
     *
     * @return the 1-based line, or {@code -1} when the whole file is
     */
    public long line() {
        return line;
    }
}
