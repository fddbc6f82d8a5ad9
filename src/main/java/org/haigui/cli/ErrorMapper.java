package org.haigui.cli;

import java.io.PrintWriter;
import org.haigui.core.HaiguiException;
import org.haigui.ids.IdText;
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

    /**
     * Every failure ends here. A {@link HaiguiException} carries its kind and a message for the
     * user; a file-system failure names the file and the cause (exit 2); anything else is a bug or an
     * environment failure: one line on the terminal (never a stack trace) and the stack trace in a
     * file whose path the line gives, for a bug report (exit 70).
     */
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        Throwable t = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof HaiguiException he) {
            // the one last net: no message leaves with an identity number in clear
            err.println("haigui: " + IdText.maskAll(org.haigui.csv.CsvReader.visible(he.getMessage())));
            err.flush();
            return exitCode(he.kind());
        }
        if (t instanceof java.nio.file.FileSystemException fe) {
            String why = fe instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : fe instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : fe.getReason() == null ? fe.getClass().getSimpleName() : fe.getReason();
            err.println("haigui: " + IdText.maskAll(fe.getFile()) + ": " + why + (fe.getOtherFile() == null ? "" : " (" + fe.getOtherFile() + ")"));
            err.flush();
            return USAGE_OR_FILE;
        }
        err.println("haigui: internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + IdText.maskAll(t.getMessage()))
            + " - this is a bug; " + report(t));
        err.flush();
        return INTERNAL;
    }

    /** Writes the stack trace to a file for a bug report; says where (or that it could not). */
    private static String report(Throwable t) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("haigui-error-", ".txt");
            java.io.StringWriter sw = new java.io.StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            java.nio.file.Files.writeString(f, sw.toString(), java.nio.charset.StandardCharsets.UTF_8);
            return "details for a bug report are in " + f;
        } catch (java.io.IOException | RuntimeException e) {
            return "the details could not be saved (" + e.getMessage() + ")";
        }
    }

    /** What kind of command-line fault {@code e} is, in Chinese. */
    static String chinese(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException) {
            return "缺少必需的参数";
        } else if (e instanceof CommandLine.UnmatchedArgumentException) {
            return "未知的选项或多余的参数";
        } else if (e instanceof CommandLine.OverwrittenOptionException) {
            return "同一选项给了不止一次";
        } else if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "这些选项不能同时使用";
        } else if (e.getCause() instanceof CommandLine.TypeConversionException) {
            return "选项的值有误";
        }
        return "命令行有误";
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        CommandLine.ParameterException shown = ex;
        if (ex instanceof CommandLine.MissingParameterException && !cmd.getUnmatchedArguments().isEmpty()) {
            // picocli checks the required parameters first: "import --no-such" said "Missing required parameter:
            // 'PATH'" about a command whose real fault is the unknown option (as "import --no-such DIR" says)
            shown = new CommandLine.UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        // picocli's message, and what it is in Chinese (every message a person reads is in both languages)
        err.println("haigui: " + shown.getMessage() + " (" + chinese(shown) + ")");
        err.println("Try 'haigui " + (cmd.getCommandName().equals("haigui") ? "" : cmd.getCommandName() + " ") + "--help'"
            + " (查看用法).");
        err.flush();
        return USAGE_OR_FILE;
    }
}
