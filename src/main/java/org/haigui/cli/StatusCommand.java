package org.haigui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haigui.store.Store;
import org.haigui.store.StoreStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Rows per table, import batches and quarantined rows of the store.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--json", description = "Print {\"tables\": {...}, \"batches\": N, \"quarantined\": N}.")
    boolean json;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws Exception {
        boolean zh = lang.language() == org.haigui.labels.Language.ZH;
        Path file = Store.resolve(db);
        StoreStatus s;
        try (Store store = Store.openReadOnly(file)) {
            s = store.status();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            ObjectNode tables = root.putObject("tables");
            s.tables().forEach(tables::put);
            root.put("batches", s.batches());
            root.put("quarantined", s.quarantined());
            out.println(m.writeValueAsString(root));
        } else {
            out.println(zh ? "数据库：" + file.toAbsolutePath() + "（结构版本 " + s.schemaVersion() + "）"
                : "database: " + file.toAbsolutePath() + " (schema version " + s.schemaVersion() + ")");
            for (Map.Entry<String, Long> e : s.tables().entrySet()) {
                String name = zh ? org.haigui.schema.Schema.table(e.getKey()).map(t -> t.zhName() + " " + t.name()).orElse(e.getKey())
                    : e.getKey();
                line(out, name, e.getValue(), zh ? 30 : 20);
            }
            line(out, zh ? "导入批次" : "import batches", s.batches(), zh ? 30 : 20);
            line(out, zh ? "隔离行" : "quarantined rows", s.quarantined(), zh ? 30 : 20);
        }
        out.flush();
        return ErrorMapper.OK;
    }

    /** A name and a count, the counts aligned in terminal columns (a Chinese character takes two). */
    private static void line(java.io.PrintWriter out, String name, long n, int width) {
        out.printf(java.util.Locale.ROOT, "  %s %,12d%n", org.haigui.labels.Language.pad(name, width), n);
    }
}
