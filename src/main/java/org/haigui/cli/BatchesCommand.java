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
import org.haigui.ingest.BatchKeys;
import org.haigui.ingest.Batches;
import org.haigui.labels.Language;
import org.haigui.schema.Schema;
import org.haigui.store.Store;
import org.haigui.ties.InstitutionRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batches", mixinStandardHelpOptions = true,
    description = {"The import batches of the store (imports, deletions, undos): file, checksum, time, counts, and whether undone.",
        "Read-only. 'batches show N' lists a batch's rejected rows (and, for a deletion, the keys it deleted); 'batches undo N' undoes it.",
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

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws Exception {
        Language l = lang.language();
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
            out.println(l.pick("尚无导入批次", "no batches yet"));
        } else {
            print(out, l, list);
        }
        out.flush();
        return ErrorMapper.OK;
    }

    static String minute(java.time.LocalDateTime t) {
        return t == null ? "" : t.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** A batch's kind in the language: import, delete, undo. */
    static String kind(Language l, String kind) {
        return switch (kind) {
            case "import" -> l.pick("导入", "import");
            case "delete" -> l.pick("删除", "delete");
            case "undo" -> l.pick("撤销", "undo");
            default -> kind;
        };
    }

    /** Batches as a table, one line each: the list prints them all, 'show' its one batch. */
    static void print(PrintWriter out, Language l, List<Batches.Batch> batches) {
        String[] head = {l.pick("批次", "batch"), l.pick("类型", "kind"), l.pick("表", "table"), l.pick("时间（UTC）", "time (UTC)"),
            l.pick("读入", "read"), l.pick("新增", "inserted"), l.pick("更新", "updated"), l.pick("未变", "unchanged"),
            l.pick("拒绝", "rejected"), l.pick("删除", "deleted"), "sha-256", l.pick("文件 / 撤销", "file / undone")};
        out.println(line(head));
        for (Batches.Batch b : batches) {
            String file = b.file() + (b.sheet() == null ? "" : " [" + b.sheet() + "]") + (b.undone()
                ? "  " + l.pick("（已于 " + minute(b.undoneAt()) + " 由批次 " + b.undoneBy() + " 撤销）",
                "(undone " + minute(b.undoneAt()) + " by batch " + b.undoneBy() + ")") : "");
            out.println(line(new String[] {Long.toString(b.id()), kind(l, b.kind()), b.table(), minute(b.finished()),
                String.valueOf(b.read()), String.valueOf(b.inserted()), String.valueOf(b.updated()), String.valueOf(b.unchanged()),
                String.valueOf(b.rejected()), String.valueOf(b.deleted()),
                b.checksum().length() > 12 ? b.checksum().substring(0, 12) : b.checksum(), file}));
        }
    }

    /** Column widths of the batch table; negative: left-aligned. */
    private static final int[] WIDTHS = {5, -6, -17, -16, 9, 9, 9, 9, 9, 9, -12, 0};

    private static String line(String[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            int w = WIDTHS[i];
            sb.append(i == 0 ? "" : i == 4 || i == 10 || i == 11 ? "  " : i < 4 ? "  " : " ");
            sb.append(w < 0 ? Language.pad(cells[i], -w) : w > 0 ? Language.padLeft(cells[i], w) : cells[i]);
        }
        return sb.toString().stripTrailing();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        description = {"A batch: its line of the list, its times and checksum, its rejected rows (row, column, value, reason; "
            + "identity numbers masked) and, for a deletion, the records it deleted (table and key); optionally as .xlsx "
            + "(a sheet of rejected rows, and a sheet 'deleted' of the keys)."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "N", description = "The batch number (see 'haigui batches').")
        long id;

        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the rejected rows (and the deleted keys) to this workbook.")
        Path xlsx;

        @Option(names = "--force", description = "Overwrite the --xlsx file if it exists.")
        boolean force;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() throws Exception {
            Language l = lang.language();
            if (xlsx != null) {
                Outputs.check(xlsx, force, "--xlsx");
            }
            Batches.Batch b;
            List<Batches.RejectedRow> rows;
            List<BatchKeys.Key> deleted;
            try (Store store = Store.openReadOnly(Store.resolve(db)); Connection c = store.reader()) {
                b = Batches.get(c, id);
                rows = Batches.rejected(c, id);
                deleted = BatchKeys.deleted(c, id);
            }
            PrintWriter out = spec.commandLine().getOut();
            print(out, l, List.of(b));
            out.println(l.pick("开始 " + minute(b.started()) + "，结束 " + minute(b.finished()) + "（UTC）；sha-256 " + b.checksum(),
                "started " + minute(b.started()) + ", finished " + minute(b.finished()) + " UTC; sha-256 " + b.checksum()));
            if (rows.isEmpty()) {
                out.println(l.pick("没有被拒绝的行", "no rejected rows"));
            } else {
                out.println(l.pick("被拒绝的行：", "rejected rows:"));
                out.println(Language.padLeft(l.pick("行", "row"), 8) + "  " + Language.pad(l.pick("列", "column"), 20) + "  "
                    + Language.pad(l.pick("值", "value"), 24) + "  " + l.pick("原因", "reason"));
                for (Batches.RejectedRow r : rows) {
                    out.printf(Locale.ROOT, "%8d  %s  %s  %s%n", r.row(), Language.pad(r.column(), 20), Language.pad(r.value(), 24), r.reason());
                }
            }
            if (!deleted.isEmpty()) {
                out.println(l.pick("删除的记录（" + deleted.size() + " 条）：", deleted.size() + (deleted.size() == 1 ? " record deleted:" : " records deleted:")));
                for (BatchKeys.Key k : deleted) {
                    String table = l == Language.ZH ? Schema.table(k.table()).map(t -> t.zhName() + " " + t.name()).orElse(k.table()) : k.table();
                    out.println("  " + Language.pad(table, 28) + "  " + k.key());
                }
            }
            if (xlsx != null) {
                write(xlsx, b, rows, deleted);
                out.println(l.pick("已写入：", "written: ") + xlsx);
            }
            out.flush();
            return ErrorMapper.OK;
        }

        /** Writes the rejected rows (and the deleted keys) beside the target, then moves the file into place. */
        private static void write(Path file, Batches.Batch b, List<Batches.RejectedRow> rows, List<BatchKeys.Key> deleted)
            throws IOException {
            Path abs = file.toAbsolutePath();
            Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                Workbook wb = new Workbook(os, "HaiguiObservatory", "1.0");
                Worksheet ws = wb.newWorksheet("batch " + b.id());
                head(ws, "行 row", "列 column", "值 value", "原因 reason");
                int r = 1;
                for (Batches.RejectedRow row : rows) {
                    ws.value(r, 0, row.row());
                    ws.value(r, 1, row.column());
                    ws.value(r, 2, row.value());
                    ws.value(r, 3, row.reason());
                    r++;
                }
                if (!deleted.isEmpty()) {
                    Worksheet ds = wb.newWorksheet("deleted");
                    head(ds, "表 table", "主键 key");
                    r = 1;
                    for (BatchKeys.Key k : deleted) {
                        ds.value(r, 0, k.table());
                        ds.value(r, 1, k.key());
                        r++;
                    }
                }
                wb.finish();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        private static void head(Worksheet ws, String... head) {
            for (int i = 0; i < head.length; i++) {
                ws.value(0, i, head[i]);
                ws.style(0, i).bold().set();
            }
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

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() throws SQLException {
            Language l = lang.language();
            Batches.UndoResult r;
            try (Store store = Store.openExisting(Store.resolve(db))) {
                r = Batches.undo(store.writer(), id, cascade, InstitutionRegistry::refreshNameKeys);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < r.undone().size(); i++) {
                out.println(l.pick("已撤销批次 " + r.undone().get(i) + "（记为批次 " + r.undoBatches().get(i) + "）",
                    "undone batch " + r.undone().get(i) + " (recorded as batch " + r.undoBatches().get(i) + ")"));
            }
            out.println(l.pick("移除 " + r.removed() + " 行，恢复 " + r.restored() + " 行",
                r.removed() + " rows removed, " + r.restored() + " rows restored"));
            out.flush();
            return ErrorMapper.OK;
        }
    }
}
