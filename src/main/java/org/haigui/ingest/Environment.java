package org.haigui.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Locale;
import org.haigui.core.HaiguiException;

/**
 * Failures of the machine rather than of the data (disk full, a folder that cannot be written, a
 * file that cannot be read), said in a few words and mapped to a kind of error that names the
 * file: an input or a rejected-rows file is a file error (exit 2), the store a store error (exit 3).
 */
final class Environment {

    private Environment() {
    }

    /** The cause in a few words: "no space left on device", "permission denied", ... */
    static String why(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        String m = e.getMessage();
        if (e instanceof FileSystemException fe && fe.getReason() != null) {
            m = fe.getReason();
        }
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("not enough space")) {
            return "no space left on device (the disk is full)";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (lower.contains("permission denied")) {
            return "permission denied";
        }
        return m;
    }

    /** True when a store failure is the machine's (disk full, read-only, I/O error), not a bug. */
    static boolean isEnvironment(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("read-only file system")
                || m.contains("permission denied") || m.contains("io error") || m.contains("could not write")
                || m.contains("could not fsync") || m.contains("cannot open file")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an import that failed says: a store failure of the machine names the store file and the
     * cause (exit 3), a file-system failure names the file (exit 2), anything else is a bug.
     */
    static HaiguiException importFailed(Throwable e, String storeFile) {
        if (e instanceof SQLException se && isEnvironment(se)) {
            return HaiguiException.store(storeFile + ": cannot write the store (" + why(se) + "); nothing was changed", se);
        }
        if (e instanceof FileSystemException fe) {
            return HaiguiException.input((fe.getFile() == null ? "" : fe.getFile() + ": ") + why(fe) + "; nothing was changed", fe);
        }
        if (e instanceof IOException io && why(io).startsWith("no space left")) {
            return HaiguiException.input(why(io) + "; nothing was changed", io);
        }
        return new HaiguiException(HaiguiException.Kind.INTERNAL, "import failed, nothing was changed: " + e.getMessage(), e);
    }
}
