package dev.oktaentra.core.staging;

import dev.oktaentra.core.directory.DirectoryRecord;
import java.util.NoSuchElementException;

/**
 * What the XML and CSV readers share: one object read ahead, the end of the file closing the reader, and a failure
 * closing it before it is thrown. Subclasses read the next object and release their own resources.
 */
abstract class StreamingExportReader implements PendingExportReader {

    /** The file's name, for messages. */
    final String source;
    private DirectoryRecord<PendingExport> pending;
    private boolean finished;
    private boolean closed;

    StreamingExportReader(String source) {
        this.source = source;
    }

    /**
     * Reads the next object.
     *
     * @return the object, or {@code null} at the end of the file
     */
    abstract DirectoryRecord<PendingExport> readNext() throws Exception;

    /** Turns a failure while reading into the exception to throw; called before the reader is closed. */
    abstract StagingExportException failure(Exception e);

    /** Releases the parser and the stream; called once. */
    abstract void release();

    @Override
    public String sourceName() {
        return source;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            try {
                pending = readNext();
            } catch (Exception e) {
                finished = true;
                StagingExportException failure = e instanceof StagingExportException s ? s : failure(e);
                closeQuietly();
                throw failure;
            }
            if (pending == null) {
                finished = true;
                close();
            }
        }
        return pending != null;
    }

    @Override
    public DirectoryRecord<PendingExport> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more objects in " + source);
        }
        DirectoryRecord<PendingExport> record = pending;
        pending = null;
        return record;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        release();
    }

    /** Closes while already failing: the first failure is the one to report. */
    final void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // keep the first failure
        }
    }
}
