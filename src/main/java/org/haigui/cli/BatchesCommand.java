package org.haigui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haigui.ingest.Batches;
import org.haigui.store.Store;
import org.haigui.ties.InstitutionRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batches", mixinStandardHelpOptions = true,
    description = {"The import batches of the store (imports, deletions, undos): file, checksum, time, counts, and whether undone.",
        "Read-only. 'batches show N' lists a batch's rejected rows; 'batches undo N' undoes it.",
        "Exit codes: 0 done, 2 usage error or undo refused (nothing changed), 3 the store is missing or in use, 4 no such batch."},
    subcommands = {BatchesCommand.Show.class, BatchesCommand.Undo.class})
final class BatchesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--json", description = "Print a JSON list of objects: id, kind, table, file, checksum, time, rows, inserted, "
        + "updated, unchanged, rejected, deleted, undone, undone_at, undone_by.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Batches.Batch> list;
        try (Store store = Store.openReadOnly(Store.resolve(db)); Connection c = store.reader()) {
            list = Batches.list(c);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ArrayNode arr = m.createArrayNode();
            for (Batches.Batch b : list) {
                ObjectNode o = arr.addObject();
                o.put("id", b.id());
                o.put("kind", b.kind());
                o.put("table", b.table());
                o.put("file", b.file());
                if (b.sheet() != null) {
                    o.put("sheet", b.sheet());
                }
                o.put("checksum", b.checksum());
                o.put("time", b.finished().toString());
                o.put("rows", b.read());
                o.put("inserted", b.inserted());
                o.put("updated", b.updated());
                o.put("unchanged", b.unchanged());
                o.put("rejected", b.rejected());
                o.put("deleted", b.deleted());
                o.put("undone", b.undone());
                if (b.undone()) {
                    o.put("undone_at", b.undoneAt().toString());
                    o.put("undone_by", b.undoneBy());
                }
            }
            out.println(m.writeValueAsString(arr));
        } else if (list.isEmpty()) {
            out.println("no batches yet (尚无导入批次)");
        } else {
            out.printf(Locale.ROOT, "%5s  %-6s  %-17s  %-16s  %9s %9s %9s %9s %9s %9s  %-12s  %s%n", "batch", "kind", "table", "time (UTC)",
                "read", "inserted", "updated", "unchanged", "rejected", "deleted", "sha-256", "file / undone");
            for (Batches.Batch b : list) {
                out.printf(Locale.ROOT, "%5d  %-6s  %-17s  %-16s  %9d %9d %9d %9d %9d %9d  %-12s  %s%s%s%n", b.id(), b.kind(), b.table(),
                    minute(b.finished()), b.read(), b.inserted(), b.updated(), b.unchanged(), b.rejected(), b.deleted(),
                    b.checksum().length() > 12 ? b.checksum().substring(0, 12) : b.checksum(), b.file(),
                    b.sheet() == null ? "" : " [" + b.sheet() + "]",
                    b.undone() ? "  (undone " + minute(b.undoneAt()) + " by batch " + b.undoneBy() + "; 已撤销)" : "");
            }
        }
        out.flush();
        return ErrorMapper.OK;
    }

    static String minute(java.time.LocalDateTime t) {
        return t == null ? "" : t.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "A batch and its rejected rows (row, column, value, reason; identity numbers masked), optionally as .xlsx.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", description = "The batch number (see 'haigui batches').")
        long id;

        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the rejected rows to this workbook.")
        Path xlsx;

        @Option(names = "--force", description = "Overwrite the --xlsx file if it exists.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            if (xlsx != null) {
                Outputs.check(xlsx, force, "--xlsx");
            }
            Batches.Batch b;
            List<Batches.RejectedRow> rows;
            try (Store store = Store.openReadOnly(Store.resolve(db)); Connection c = store.reader()) {
                b = Batches.get(c, id);
                rows = Batches.rejected(c, id);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("batch " + b.id() + " (" + b.kind() + "): " + b.table() + " from " + b.file() + (b.sheet() == null ? "" : " [" + b.sheet() + "]"));
            out.println("  time " + minute(b.started()) + " - " + minute(b.finished()) + " UTC, sha-256 " + b.checksum());
            out.printf(Locale.ROOT, "  read %d, inserted %d, updated %d, unchanged %d, rejected %d, deleted %d%n", b.read(), b.inserted(),
                b.updated(), b.unchanged(), b.rejected(), b.deleted());
            if (b.undone()) {
                out.println("  undone " + minute(b.undoneAt()) + " UTC by batch " + b.undoneBy() + " (已撤销)");
            }
            if (rows.isEmpty()) {
                out.println("no rejected rows (没有被拒绝的行)");
            } else {
                out.println("rejected rows (被拒绝的行):");
                out.printf(Locale.ROOT, "%8s  %-20s  %-24s  %s%n", "row", "column", "value", "reason");
                for (Batches.RejectedRow r : rows) {
                    out.printf(Locale.ROOT, "%8d  %-20s  %-24s  %s%n", r.row(), r.column(), r.value(), r.reason());
                }
            }
            if (xlsx != null) {
                write(xlsx, b, rows);
                out.println("written: " + xlsx);
            }
            out.flush();
            return ErrorMapper.OK;
        }

        /** Writes the rejected rows beside the target, then moves the file into place. */
        private static void write(Path file, Batches.Batch b, List<Batches.RejectedRow> rows) throws IOException {
            Path abs = file.toAbsolutePath();
            Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                Workbook wb = new Workbook(os, "HaiguiObservatory", "1.0");
                Worksheet ws = wb.newWorksheet("batch " + b.id());
                String[] head = {"行 row", "列 column", "值 value", "原因 reason"};
                for (int i = 0; i < head.length; i++) {
                    ws.value(0, i, head[i]);
                    ws.style(0, i).bold().set();
                }
                int r = 1;
                for (Batches.RejectedRow row : rows) {
                    ws.value(r, 0, row.row());
                    ws.value(r, 1, row.column());
                    ws.value(r, 2, row.value());
                    ws.value(r, 3, row.reason());
                    r++;
                }
                wb.finish();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Undo a batch in one transaction: remove what it inserted, put back what it updated or deleted.",
            "Refused when a later batch changed the same rows or refers to them, unless --cascade (which undoes those first, newest first).",
            "The batch is marked undone, not erased; the undo is itself a batch (kind undo)."})
    static final class Undo implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", description = "The batch number (see 'haigui batches').")
        long id;

        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Option(names = "--cascade", description = "Also undo the later batches that changed the same rows or refer to them, newest first.")
        boolean cascade;

        @Override
        public Integer call() throws SQLException {
            Batches.UndoResult r;
            try (Store store = Store.openExisting(Store.resolve(db))) {
                r = Batches.undo(store.writer(), id, cascade, InstitutionRegistry::refreshNameKeys);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < r.undone().size(); i++) {
                out.println("undone batch " + r.undone().get(i) + " (recorded as batch " + r.undoBatches().get(i) + "; 已撤销)");
            }
            out.printf(Locale.ROOT, "%d rows removed, %d rows restored%n", r.removed(), r.restored());
            out.flush();
            return ErrorMapper.OK;
        }
    }
}
