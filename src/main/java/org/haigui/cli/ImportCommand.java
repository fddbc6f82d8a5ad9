package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.ImportReport;
import org.haigui.labels.Language;
import org.haigui.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import CSV files, directories of CSV files, or .xlsx workbooks into the store.",
        "Exit codes: 0 all rows accepted, 1 some rows rejected, 2 usage or file errors (nothing changed), "
            + "3 the store is missing, in use, or cannot be opened (nothing changed)."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A directory of <table>.csv files, a CSV file, or an .xlsx workbook.")
    List<Path> paths;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--encoding", paramLabel = "UTF-8|GB18030", defaultValue = "UTF-8", description = "Encoding of CSV input (default UTF-8; GBK and GB2312 are read as GB18030).")
    String encoding;

    @Option(names = "--dry-run", description = "Check everything and write the rejected-rows files, but change nothing in the store.")
    boolean dryRun;

    @Option(names = "--revive", description = "Import rows whose key was deleted with 'haigui delete' (by default they are "
        + "rejected, naming the deletion batch).")
    boolean revive;

    @picocli.CommandLine.Mixin
    Blueprints.Flags city = new Blueprints.Flags();

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() {
        org.haigui.labels.Language language = lang.language();
        Charset cs = Encodings.parse(encoding);
        ImportOptions options = Imports.options(city.blueprint(), city.survey()).withEncoding(cs).withDryRun(dryRun).withRevive(revive);
        ImportReport report = Imports.run(Store.resolve(db), options, paths, ConsoleProgress.create());
        print(spec.commandLine().getOut(), report, language);
        return report.rejectedRows() > 0 ? ErrorMapper.SOME_REJECTED : ErrorMapper.OK;
    }

    static void print(PrintWriter out, ImportReport r) {
        print(out, r, org.haigui.labels.Language.EN);
    }

    /** The import's summary in one language (table names stay codes in English, get their Chinese names in Chinese). */
    static void print(PrintWriter out, ImportReport r, org.haigui.labels.Language l) {
        boolean zh = l == org.haigui.labels.Language.ZH;
        for (String w : r.warnings()) {
            out.println((zh ? "警告：" : "warning: ") + w);
        }
        if (zh) {
            // padded in terminal columns: a Chinese character takes two
            out.println(Language.pad("表", 30) + Stream.of("读入", "新增", "更新", "未变", "拒绝", "空行")
                .map(h -> " " + Language.padLeft(h, 10)).collect(Collectors.joining()));
        } else {
            out.printf(Locale.ROOT, "%-20s %10s %10s %10s %10s %10s %10s%n", "table", "read", "inserted", "updated", "unchanged",
                "rejected", "blank");
        }
        for (ImportReport.SourceSummary s : r.perTable()) {
            String name = zh ? org.haigui.schema.Schema.table(s.table()).map(t -> t.zhName() + " " + t.name()).orElse(s.table())
                : s.table();
            out.printf(Locale.ROOT, "%s %10d %10d %10d %10d %10d %10d%n", Language.pad(name, zh ? 30 : 20), s.read(), s.inserted(),
                s.updated(), s.unchanged(), s.rejected(), s.blank());
        }
        double secs = Math.max(r.millis(), 1) / 1000.0;
        if (zh) {
            out.printf(Locale.ROOT, "共 %d 行，用时 %.1f 秒（每秒 %.0f 行）%s%n", r.readRows(), secs, r.readRows() / secs,
                r.dryRun() ? "；试运行：数据库未作任何改动" : "");
        } else {
            out.printf(Locale.ROOT, "%d rows in %.1f s (%.0f rows/s)%s%n", r.readRows(), secs, r.readRows() / secs,
                r.dryRun() ? "; dry run: nothing was changed in the store" : "");
        }
        if (!r.rejectedFiles().isEmpty()) {
            out.println(zh ? "被拒绝的 " + r.rejectedRows() + " 行及其错误原因已写入："
                : r.rejectedRows() + " rejected rows, with their errors, written to:");
            for (Path p : r.rejectedFiles()) {
                out.println("  " + p);
            }
        }
        out.flush();
    }
}
