package org.haigui.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haigui.core.HaiguiException;

/**
 * The one check every command makes before it writes a file for the user, and before it does the
 * work: the folder must exist (a clear error up front, exit 2, never after minutes of computing),
 * and an existing file is never overwritten without {@code --force}. All files a command would
 * overwrite are named at once.
 */
final class Outputs {

    private Outputs() {
    }

    /** Checks one output file given by {@code flag} (e.g. {@code --out}). */
    static void check(Path file, boolean force, String flag) {
        check(List.of(file), force, flag);
    }

    /** Checks the files a command would write; nothing is written when one of them fails. */
    static void check(List<Path> files, boolean force, String flag) {
        check(files, force, flag, false);
    }

    /**
     * Checks the files a command would write into a folder it creates when missing (templates,
     * synthetic data): only that none of them exists, unless {@code force}.
     */
    static void checkInFolder(List<Path> files, boolean force, String flag) {
        check(files, force, flag, true);
    }

    private static void check(List<Path> files, boolean force, String flag, boolean folderCreated) {
        StringBuilder existing = new StringBuilder();
        for (Path f : files) {
            Path abs = f.toAbsolutePath();
            Path parent = abs.getParent();
            if (!folderCreated && parent != null && !Files.isDirectory(parent)) {
                throw HaiguiException.usage(flag + ": the folder " + parent + " does not exist; create it first "
                    + "(文件夹不存在，请先创建), then run the command again. Nothing was computed or written.");
            }
            if (Files.isDirectory(abs)) {
                throw HaiguiException.usage(flag + ": " + f + " is a folder; give a file name (应为文件名，而非文件夹).");
            }
            if (Files.exists(abs) && !force) {
                existing.append("\n  ").append(f);
            }
        }
        if (existing.length() > 0) {
            throw HaiguiException.usage(flag + ": these files exist and would be overwritten (文件已存在，不会覆盖):" + existing
                + "\nMove them away, choose another name, or give --force to overwrite them. Nothing was written.");
        }
    }
}
