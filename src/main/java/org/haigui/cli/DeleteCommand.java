package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.Deletion;
import org.haigui.labels.Language;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Store;
import org.haigui.ties.InstitutionRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "delete", mixinStandardHelpOptions = true,
    description = {"Delete records by key, listed in a CSV file or a sheet named after the table (the key column(s), header as in "
        + "import; other columns are ignored), as one batch that 'haigui batches undo N' can undo.",
        "Refused when other rows refer to a record being deleted (a person's episodes, say), naming them, unless --cascade.",
        "Each deleted key keeps a tombstone: importing a file that still holds the row rejects it (import --revive brings it back).",
        "Exit codes: 0 done, 2 usage or file error or references (nothing changed), 3 the store is missing or in use, "
            + "4 a key is not in the store (nothing changed)."})
final class DeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table (persons, overseas_episodes, ... or 人员, 海外经历, ...).")
    String table;

    @Parameters(index = "1", paramLabel = "FILE", description = "A CSV file or an .xlsx workbook with the keys to delete.")
    Path file;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--encoding", paramLabel = "UTF-8|GB18030", defaultValue = "UTF-8", description = "Encoding of a CSV file (default UTF-8).")
    String encoding;

    @Option(names = "--cascade", description = "Also delete the rows of other tables that refer to the records deleted.")
    boolean cascade;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() {
        Language l = lang.language();
        Table t = Schema.tables().stream().filter(x -> x.name().equals(table.trim()) || x.zhName().equals(table.trim())).findFirst()
            .orElseThrow(() -> HaiguiException.usage("no table '" + table + "' (没有该表); tables: " + String.join(", ", Schema.tableNames())));
        Deletion.Result r;
        try (Store store = Store.openExisting(Store.resolve(db))) {
            r = Deletion.run(store, t, file, Encodings.parse(encoding), cascade, InstitutionRegistry::refreshNameKeys);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String k : r.alreadyDeleted()) {
            out.println(l.pick("注意：" + t.name() + " " + k + " 已被删除，跳过", "note: " + t.name() + " " + k + " was already deleted; skipped"));
        }
        for (Map.Entry<String, Long> e : r.deleted().entrySet()) {
            String name = l == Language.ZH ? Schema.table(e.getKey()).map(x -> x.zhName() + " " + x.name()).orElse(e.getKey()) : e.getKey();
            out.println(Language.pad(name, 28) + String.format(Locale.ROOT, " %10d ", e.getValue()) + l.pick("行已删除", "deleted"));
        }
        out.println(l.pick("批次 " + r.batch() + "（'haigui batches undo " + r.batch() + "' 可恢复；'haigui batches show " + r.batch()
                + "' 列出删除的主键）",
            "batch " + r.batch() + " ('haigui batches undo " + r.batch() + "' puts them back; 'haigui batches show " + r.batch()
                + "' lists the keys deleted)"));
        out.flush();
        return ErrorMapper.OK;
    }
}
