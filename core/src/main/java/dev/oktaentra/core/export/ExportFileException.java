package dev.oktaentra.core.export;

import dev.oktaentra.core.directory.DirectoryException;
import java.nio.file.Path;

/**
 * An export file is not what it claims to be: not a CSV, the wrong columns, an encoding it does not declare, or
 * PowerShell type names where values belong. The message names the file and says what was expected, often with
 * the export command that works.
 */
public final class ExportFileException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    ExportFileException(Path file, String message) {
        super(file.getFileName() + ": " + message);
        this.file = file;
    }

    ExportFileException(Path file, String message, Throwable cause) {
        super(file.getFileName() + ": " + message, cause);
        this.file = file;
    }

    /**
     * The file at fault.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }
}
