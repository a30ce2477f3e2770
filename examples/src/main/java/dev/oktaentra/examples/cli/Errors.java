package dev.oktaentra.examples.cli;

import dev.oktaentra.core.OktaEntraException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure of every command into one line a person understands, prefixed with the command, and an exit
 * code. A message's further lines (such as the PowerShell command that produces the right export) follow indented.
 * The stack trace is shown only with {@code --debug}.
 *
 * <p>Picocli hands its exception handler exceptions only; an {@link Error} (out of memory, a stack overflow) would
 * escape {@code CommandLine.execute} and end the JVM with a stack trace and exit code 1, which means "findings".
 * {@link #execute(ParseResult)}, the CLI's execution strategy, catches it instead: one line, exit 3, the trace with
 * {@code --debug}.
 */
final class Errors implements IParameterExceptionHandler, IExecutionExceptionHandler, IExecutionStrategy {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        printMessage(err, command, ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        if (debug(command)) {
            ex.printStackTrace(err);
        }
        return Exit.INPUT_ERROR.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        Exit exit = classify(ex);
        String message = exit == Exit.FAILURE
                ? "unexpected " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                : describe(ex);
        printMessage(err, command, message);
        if (debug(command)) {
            ex.printStackTrace(err);
        } else if (exit == Exit.FAILURE) {
            err.println("Run again with --debug to see where it failed, and report it.");
        }
        return exit.code();
    }

    /**
     * Runs the command picocli chose as its default strategy does, and reports an {@link Error} that escapes it in
     * one line with exit 3; the JVM is still usable once the command's work has been dropped.
     */
    @Override
    public int execute(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error e) {
            List<CommandLine> chosen = parseResult.asCommandLineList();
            CommandLine command = chosen.get(chosen.size() - 1);
            PrintWriter err = command.getErr();
            boolean debug = debug(command);
            printMessage(err, command, describe(e, debug));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return Exit.FAILURE.code();
        }
    }

    /** An Error in one line; without {@code --debug}, with what to do next. */
    static String describe(Error e, boolean debug) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\R", " ");
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + (message.isEmpty() ? "Java heap space" : message) + ")" + (debug ? ""
                    : "; give Java more heap, e.g. java -Xmx4g -jar oktaentra.jar …, or run again with --debug to "
                            + "see where it ran out");
        }
        return "unexpected " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
                + (debug ? "" : "; run again with --debug to see where it failed, and report it");
    }

    /** Failures of the input (files, values, directories) are the user's to fix; anything else is ours. */
    static Exit classify(Throwable ex) {
        if (ex instanceof OktaEntraException || ex instanceof IllegalArgumentException
                || ex instanceof IOException || ex instanceof UncheckedIOException) {
            return Exit.INPUT_ERROR;
        }
        return Exit.FAILURE;
    }

    /** The JDK's file exceptions carry only the path as their message; say what happened to it. */
    static String describe(Throwable ex) {
        Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return "already exists, and is not a folder: " + exists.getFile();
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    private static void printMessage(PrintWriter err, CommandLine command, String message) {
        String[] lines = message.strip().split("\\R");
        err.println(command.getCommandSpec().qualifiedName() + ": " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            err.println("    " + lines[i]);
        }
    }

    /** Whether {@code --debug} was given; the option lives on the root command and every command inherits it. */
    static boolean debug(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof OktaEntraCommand top && top.debug;
    }
}
