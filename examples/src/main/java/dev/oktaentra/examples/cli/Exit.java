package dev.oktaentra.examples.cli;

/** How a command ended, as the process exit code scripts test. */
enum Exit {

    /** Done, and nothing needs attention. */
    CLEAN(0),

    /** Done, and a person must look at the findings before going on. */
    ATTENTION(1),

    /** The command line or an input (a file, a value) could not be used; nothing was concluded. */
    INPUT_ERROR(2),

    /** Something unexpected failed: a bug, or an environment problem the tool does not recognise. */
    FAILURE(3);

    private final int code;

    Exit(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
