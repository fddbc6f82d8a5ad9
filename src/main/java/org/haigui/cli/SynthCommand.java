package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Write synthetic, calibrated records (every table of the import format) for demos, tests and benchmarks.")
final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path out;

    @Option(names = "--persons", paramLabel = "N", description = "Number of persons (default: ${DEFAULT-VALUE}, a Shanghai-like city).")
    long persons = Calibration.DEFAULT_PERSONS;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}); the same seed gives the same bytes.")
    long seed = Calibration.DEFAULT_SEED;

    @Option(names = "--format", paramLabel = "csv|xlsx", description = "csv: DIR/<table>.csv; xlsx: DIR/haigui.xlsx with a sheet per table (default: ${DEFAULT-VALUE}).")
    String format = "csv";

    @Option(names = "--dirty", paramLabel = "RATE", description = "Damage this share of rows (0..1) and list them in DIR/dirty-rows.csv (default: 0).")
    double dirty;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors); the output does not depend on it.")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--force", description = "Overwrite data files that exist in DIR (without it, nothing is overwritten).")
    boolean force;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() {
        org.haigui.labels.Language l = lang.language();
        SynthOptions.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> SynthOptions.Format.CSV;
            case "xlsx" -> SynthOptions.Format.XLSX;
            default -> throw org.haigui.core.HaiguiException.usage("synth: --format must be csv or xlsx, got " + format);
        };
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (String t : org.haigui.schema.Schema.tableNames()) {
            files.add(out.resolve(t + ".csv"));
        }
        files.add(out.resolve(Synthesizer.WORKBOOK));
        files.add(out.resolve(Synthesizer.DIRTY_FILE));
        Outputs.checkInFolder(files, force, "--out");
        SynthResult r = Synthesizer.generate(new SynthOptions(out, persons, seed, f, dirty, threads), ConsoleProgress.create());
        PrintWriter pw = spec.commandLine().getOut();
        print(pw, r, l);
        pw.flush();
        return ErrorMapper.OK;
    }

    static void print(PrintWriter pw, SynthResult r) {
        print(pw, r, org.haigui.labels.Language.EN);
    }

    /** What was generated, in one language (table names stay codes in English, get their Chinese names in Chinese). */
    static void print(PrintWriter pw, SynthResult r, org.haigui.labels.Language l) {
        boolean zh = l == org.haigui.labels.Language.ZH;
        for (Map.Entry<String, Long> e : r.rows().entrySet()) {
            String name = zh ? org.haigui.schema.Schema.table(e.getKey()).map(t -> t.zhName() + " " + t.name()).orElse(e.getKey()) : e.getKey();
            pw.println("  " + org.haigui.labels.Language.pad(name, zh ? 30 : 20) + String.format(Locale.ROOT, " %,12d %s", e.getValue(), zh ? "行" : "rows"));
        }
        double secs = r.millis() / 1000.0;
        double rate = r.totalRows() * 1000.0 / Math.max(1, r.millis());
        pw.println("  " + org.haigui.labels.Language.pad(zh ? "合计" : "total", zh ? 30 : 20) + (zh
            ? String.format(Locale.ROOT, " %,12d 行，用时 %.1f 秒（每秒 %,.0f 行）", r.totalRows(), secs, rate)
            : String.format(Locale.ROOT, " %,12d rows in %.1f s (%,.0f rows/s)", r.totalRows(), secs, rate)));
        if (r.damaged() + r.accepted() > 0) {
            pw.println(zh ? String.format(Locale.ROOT, "  有意损坏的行：%,d 行应被拒绝（含连带拒绝），%,d 行应被接受", r.damaged(), r.accepted())
                : String.format(Locale.ROOT, "  damaged rows: %,d to be rejected (cascades included), %,d to be accepted", r.damaged(), r.accepted()));
        }
        for (var p : r.files()) {
            pw.println((zh ? "  已写入 " : "  wrote ") + p);
        }
    }
}
