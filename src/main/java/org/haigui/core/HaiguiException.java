package org.haigui.core;

/** A failure the user can act on: the message names the file, row, column or field and what is wrong. */
public final class HaiguiException extends RuntimeException {

    /** What kind of failure; decides the exit code and HTTP status. */
    public enum Kind {
        /** Wrong flags or arguments. */
        USAGE,
        /** An input file that cannot be read as a whole (missing, unreadable, not a workbook, zip bomb, bad header). */
        INPUT,
        /** The store or its key file is missing, locked, or inconsistent. */
        STORE,
        /** Something the user asked for does not exist (an enterprise id, say). */
        NOT_FOUND,
        /** A bug or an environment failure. */
        INTERNAL
    }

    private final Kind kind;

    public HaiguiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HaiguiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static HaiguiException usage(String message) {
        return new HaiguiException(Kind.USAGE, message);
    }

    public static HaiguiException input(String message) {
        return new HaiguiException(Kind.INPUT, message);
    }

    public static HaiguiException input(String message, Throwable cause) {
        return new HaiguiException(Kind.INPUT, message, cause);
    }

    public static HaiguiException store(String message, Throwable cause) {
        return new HaiguiException(Kind.STORE, message, cause);
    }
}
