package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.ids.IdText;
import org.haigui.ingest.History;
import org.haigui.labels.Language;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Every change to the record(s) with a key, oldest first: batch, time, file, and what (inserted; updated, with "
        + "the columns changed old -> new; deleted; undone). Read-only.",
        "KEY is the record's key as written in the files (person_id, enterprise_id, ...; a composite key as E1|2020, or one "
            + "part of it); identity numbers are never keys.",
        "Exit codes: 0 found, 2 usage error, 3 the store is missing or in use, 4 no change to that key."})
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "The key (person_id P1001, enterprise_id, ...).")
    String key;

    @Option(names = "--table", paramLabel = "T", description = "Only this table.")
    String table;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws Exception {
        Language l = lang.language();
        if (IdText.containsValid(key)) {
            throw HaiguiException.usage("an identity number is never a key (身份证号不是主键): give the person_id");
        }
        Table only = table == null ? null : Schema.tables().stream()
            .filter(x -> x.name().equals(table.trim()) || x.zhName().equals(table.trim())).findFirst()
            .orElseThrow(() -> HaiguiException.usage("--table: no table '" + table + "' (没有该表); tables: "
                + String.join(", ", Schema.tableNames())));
        List<History.Change> changes;
        try (Store store = Store.openReadOnly(Store.resolve(db)); Connection c = store.reader()) {
            changes = History.of(c, key.trim(), only);
        }
        if (changes.isEmpty()) {
            throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, "no change recorded for key '" + key + "'"
                + (only == null ? "" : " in " + only.name()) + " (没有该主键的变更记录)");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (History.Change ch : changes) {
            if (l == Language.ZH) {
                out.println(ch.table() + " " + ch.key() + "：批次 " + ch.batch() + "（" + BatchesCommand.kind(l, ch.kind()) + "），"
                    + BatchesCommand.minute(ch.time()) + "（UTC），" + ch.file() + "：" + what(ch.what())
                    + (ch.undoneAt() != null ? "［已于 " + BatchesCommand.minute(ch.undoneAt()) + " 由批次 " + ch.undoneBy() + " 撤销］" : ""));
            } else {
                out.println(ch.table() + " " + ch.key() + ": batch " + ch.batch() + " (" + ch.kind() + "), "
                    + BatchesCommand.minute(ch.time()) + " UTC, " + ch.file() + ": " + ch.what()
                    + (ch.undoneAt() != null ? " [undone " + BatchesCommand.minute(ch.undoneAt()) + " by batch " + ch.undoneBy() + "]" : ""));
            }
            for (History.ColumnChange cc : ch.columns()) {
                out.println("    " + cc.column() + ": " + show(l, cc.before()) + " -> " + show(l, cc.after()));
            }
        }
        out.flush();
        return ErrorMapper.OK;
    }

    private static String show(Language l, String v) {
        return v == null ? l.pick("（空）", "(empty)") : v;
    }

    /** What a change did, in Chinese: inserted, updated, deleted, undone (batch N)[: removed]. */
    static String what(String en) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("undone \\(batch (\\d+)\\)(: removed)?").matcher(en);
        if (m.matches()) {
            return "撤销批次 " + m.group(1) + (m.group(2) != null ? "：已移除" : "");
        }
        return switch (en) {
            case "inserted" -> "新增";
            case "updated" -> "更新";
            case "deleted" -> "删除";
            default -> en;
        };
    }
}
