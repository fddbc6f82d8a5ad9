package org.haigui.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.haigui.core.HaiguiException;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/**
 * Finds the inputs behind the paths a user gives: a directory holds {@code <table>.csv} files
 * (if it has none, its .xlsx workbooks); a file is a CSV named after its table
 * ({@code persons.csv}, {@code persons.2021.csv}, {@code persons.rejected.csv} after correction,
 * or the Chinese table name) or an .xlsx workbook with one sheet per table. Rejected-rows files
 * that import wrote are never taken from a directory, so re-importing it is safe.
 */
final class Sources {

    /** One input to read: a CSV file, or a sheet of a workbook. */
    record Spec(Table table, Path file, String sheet) {
    }

    private Sources() {
    }

    /** Table named by a file or sheet name: the part before the first dot, English or Chinese. */
    static Optional<Table> tableFor(String name) {
        String stem = name;
        int dot = stem.indexOf('.');
        if (dot >= 0) {
            stem = stem.substring(0, dot);
        }
        String s = HeaderMap.normalise(stem);
        for (Table t : Schema.tables()) {
            if (t.name().equals(s) || HeaderMap.normalise(t.zhName()).equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static boolean isRejectedFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".rejected.csv") || n.endsWith(".rejected.xlsx");
    }

    static boolean isXlsx(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Files to read (workbooks are expanded into sheets by the importer), with warnings for what is ignored. */
    static List<Path> files(List<Path> paths, List<String> warnings) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                if (Files.isSymbolicLink(p)) {
                    throw HaiguiException.input(p + ": a symbolic link that leads nowhere (its target is missing, or links loop)");
                }
                throw HaiguiException.input(p + ": no such file or directory");
            }
            if (Files.isDirectory(p)) {
                List<Path> csv = new ArrayList<>();
                List<Path> xlsx = new ArrayList<>();
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.sorted().toList()) {
                        String n = f.getFileName().toString();
                        String lower = n.toLowerCase(Locale.ROOT);
                        if (isRejectedFile(n) || Files.isDirectory(f)) {
                            continue;
                        }
                        if (!Files.isRegularFile(f)) {
                            if ((lower.endsWith(".csv") && tableFor(n).isPresent()) || lower.endsWith(".xlsx")) {
                                refuseNotRegular(f);
                            }
                            continue;
                        }
                        if (lower.endsWith(".csv")) {
                            if (tableFor(n).isPresent()) {
                                csv.add(f);
                            } else {
                                warnings.add(f + ": ignored (not named after a table: " + String.join(", ", Schema.tableNames()) + ")");
                            }
                        } else if (lower.endsWith(".xlsx") && !lower.startsWith("~$")) {
                            xlsx.add(f);
                        }
                    }
                } catch (IOException e) {
                    throw HaiguiException.input(p + ": cannot list the directory: " + e.getMessage(), e);
                }
                if (!csv.isEmpty()) {
                    out.addAll(sortByTable(csv));
                    for (Path x : xlsx) {
                        warnings.add(x + ": ignored (the directory has CSV tables; give the workbook explicitly to import it)");
                    }
                } else if (!xlsx.isEmpty()) {
                    out.addAll(xlsx);
                } else {
                    throw HaiguiException.input(p + ": no table files in the directory (expected "
                        + String.join(".csv, ", Schema.tableNames()) + ".csv, or .xlsx workbooks)");
                }
            } else {
                refuseNotRegular(p);
                String n = p.getFileName().toString();
                String lower = n.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".xlsx")) {
                    out.add(p);
                } else if (lower.endsWith(".xls")) {
                    throw HaiguiException.input(p + ": old-style .xls workbooks are not supported; save it as .xlsx");
                } else if (tableFor(n).isEmpty()) {
                    throw HaiguiException.input(p + ": cannot tell which table this file holds; name it after its table ("
                        + String.join(".csv, ", Schema.tableNames()) + ".csv)");
                } else {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * A table must be a regular file: a FIFO would block the import (and cannot be read twice), a
     * device such as /dev/zero never ends, a socket cannot be read. Refused, never skipped silently.
     */
    private static void refuseNotRegular(Path f) {
        if (Files.isRegularFile(f)) {
            return;
        }
        if (!Files.exists(f)) {
            throw HaiguiException.input(f + ": a symbolic link that leads nowhere (its target is missing, or links loop)");
        }
        String what = "not a regular file";
        try {
            Object type = Files.getAttribute(f, "unix:mode");
            int mode = type instanceof Integer m ? m : 0;
            int fmt = mode & 0170000;
            what = fmt == 0010000 ? "a named pipe (FIFO), not a regular file"
                : fmt == 0020000 || fmt == 0060000 ? "a device, not a regular file"
                : fmt == 0140000 ? "a socket, not a regular file" : what;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // the plain wording
        }
        throw HaiguiException.input(f + ": " + what + "; import reads tables from regular files only (copy it to a file first)");
    }

    private static List<Path> sortByTable(List<Path> csv) {
        List<Path> sorted = new ArrayList<>(csv);
        sorted.sort(java.util.Comparator.comparingInt(f -> Schema.tables().indexOf(tableFor(f.getFileName().toString()).get())));
        return sorted;
    }
}
