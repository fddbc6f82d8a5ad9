package org.haigui.cli;

import java.io.PrintWriter;
import org.haigui.core.HaiguiException;
import picocli.CommandLine;

/** The one place that turns failures into exit codes and messages. */
final class ErrorMapper implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** All rows accepted, or the command did what was asked. */
    static final int OK = 0;
    /** The import finished but some rows were rejected. */
    static final int SOME_REJECTED = 1;
    /** Usage or file errors: nothing was changed. */
    static final int USAGE_OR_FILE = 2;
    /** The store is missing, locked or inconsistent. */
    static final int STORE = 3;
    /** Something was not found. */
    static final int NOT_FOUND = 4;
    /** A bug: please report it. */
    static final int INTERNAL = 70;

    static int exitCode(HaiguiException.Kind kind) {
        return switch (kind) {
            case USAGE, INPUT -> USAGE_OR_FILE;
            case STORE -> STORE;
            case NOT_FOUND -> NOT_FOUND;
            case INTERNAL -> INTERNAL;
        };
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof HaiguiException he) {
            err.println("haigui: " + he.getMessage());
            err.flush();
            return exitCode(he.kind());
        }
        err.println("haigui: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("haigui: " + ex.getMessage());
        err.println("Try 'haigui " + (cmd.getCommandName().equals("haigui") ? "" : cmd.getCommandName() + " ") + "--help'.");
        err.flush();
        return USAGE_OR_FILE;
    }
}
