package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.export.ParquetExport;
import org.haigui.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export the store's tables as Parquet files with a manifest, for Apache Spark (haigui-spark) and other engines.",
        "One file per table (enterprise_years partitioned by year), identity numbers only hashed as stored; accounts, "
            + "sessions and the audit log are not exported, of the quarantine only table, batch and resolution (never a "
            + "rejected row's content). The store is opened read-only."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--format", paramLabel = "parquet", defaultValue = "parquet", description = "parquet (the only format).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The export folder (created when missing; "
        + "an existing one must be empty unless --force).")
    Path out;

    @Option(names = "--force", description = "Replace the export's files in a non-empty --out folder (other files stay).")
    boolean force;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() {
        org.haigui.labels.Language l = lang.language();
        if (!format.equalsIgnoreCase("parquet")) {
            throw HaiguiException.usage("--format must be parquet, not '" + format + "' (仅支持 parquet)");
        }
        ParquetExport.Result r;
        try (Store store = Store.openReadOnly(Store.resolve(db)); java.sql.Connection reader = store.reader()) {
            r = ParquetExport.export(reader, out, force);
        } catch (java.sql.SQLException e) {
            throw HaiguiException.store("cannot read the store: " + e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        long rows = r.tables().stream().mapToLong(ParquetExport.Entry::rows).sum();
        err.println(l.pick("haigui：已导出 " + r.tables().size() + " 张表、" + rows + " 行到 " + r.folder() + "（清单：" + r.manifest() + "）",
            "haigui: " + r.tables().size() + " tables, " + rows + " rows exported to " + r.folder() + " (manifest: " + r.manifest() + ")"));
        err.flush();
        return ErrorMapper.OK;
    }
}
