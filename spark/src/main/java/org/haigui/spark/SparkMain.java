package org.haigui.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.HaiguiException;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.RunContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class org.haigui.spark.SparkMain haigui-spark.jar --input DIR --as-of DATE
 * [--blueprint FILE] --out PATH}: the indicators of the catalogue on Spark, written as
 * {@code haigui indicators} writes them (tidy CSV with a {@code .meta.json} sidecar).
 */
@Command(name = "haigui-spark", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compute the indicator catalogue on Apache Spark over a Parquet export of the store (haigui export), "
        + "in the tidy form of haigui indicators.",
        "--out ending in .csv names the file (its metadata goes to FILE.meta.json); any other --out is a folder that gets "
            + "indicators.csv and indicators.csv.meta.json. Paths may be on any file system Spark reads (hdfs://, s3a://, ...)."})
public final class SparkMain implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "DIR", required = true, description = "The export folder (haigui export --format parquet).")
    String input;

    @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "As-of date D, YYYY-MM-DD.")
    String asOf;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "Output: a .csv file, or a folder.")
    String out;

    @Option(names = "--force", description = "Overwrite existing output files.")
    boolean force;

    @Option(names = "--blueprint", paramLabel = "FILE", description = "The city's blueprint (YAML or JSON, a file on the driver), "
        + "or a built-in name: shanghai (the default), shenzhen; none: no blueprint.")
    String blueprint;

    @Option(names = "--survey", paramLabel = "FILE", description = "The survey definition, or a built-in name (entrepreneurs2021). Default: none.")
    String survey;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Only these indicator ids (comma-separated).")
    List<String> only;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: " + RunContext.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples, at least 1000 (default: 1000).")
    Integer resamples;

    @Option(names = "--publish", description = "Write the protected form (disclosure control, as haigui indicators --publish). "
        + "Without it: the raw figures, for the analyst role only.")
    boolean publish;

    @Option(names = "--disclosure", paramLabel = "FILE", description = "Disclosure rules (YAML), with --publish.")
    java.nio.file.Path disclosure;

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code (0 ok, 2 usage or input, 3 store/engine, 70 internal). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof HaiguiException h) {
                err.println("haigui-spark: error: " + h.getMessage());
                err.flush();
                return switch (h.kind()) {
                    case USAGE, INPUT -> 2;
                    case STORE -> 3;
                    case NOT_FOUND -> 4;
                    case INTERNAL -> 70;
                };
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        LocalDate d;
        try {
            d = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw HaiguiException.usage("--as-of must be a date YYYY-MM-DD, not '" + asOf + "' (日期格式应为 YYYY-MM-DD)");
        }
        int b = resamples == null ? RunContext.DEFAULT_RESAMPLES : resamples;
        if (b < 1000) {
            throw HaiguiException.usage("--resamples must be at least 1000 (indicators.md), not " + b);
        }
        if (disclosure != null && !publish) {
            throw HaiguiException.usage("--disclosure FILE sets the rules of --publish; give --publish too");
        }
        DisclosureRules rules = disclosure == null ? DisclosureRules.DEFAULTS : DisclosureRules.read(disclosure);
        Set<String> ids = new LinkedHashSet<>();
        if (only != null) {
            only.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        RunContext ctx = RunContext.of(d).withBlueprint(BlueprintReader.resolve(blueprint)).withSurvey(SurveyReader.resolve(survey))
            .withBootstrap(seed == null ? RunContext.DEFAULT_SEED : seed, b);
        boolean file = out.toLowerCase(Locale.ROOT).endsWith(".csv");
        SparkSession spark = SparkSession.builder().appName("haigui indicators " + d).getOrCreate();
        Path csv = file ? new Path(out) : new Path(out, "indicators.csv");
        Path meta = new Path(csv.getParent(), csv.getName() + ".meta.json");
        FileSystem fs = csv.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!force && (fs.exists(csv) || fs.exists(meta))) {
            throw HaiguiException.usage("--out: " + csv + " or " + meta + " exists and would be overwritten (文件已存在，不会覆盖); "
                + "give --force to overwrite. Nothing was computed.");
        }
        long t0 = System.nanoTime();
        RawResult raw = SparkIndicators.run(spark, input, IndicatorRequest.of(ctx).withOnly(ids));
        IndicatorResult result;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("engine", "spark " + spark.version() + " (" + spark.sparkContext().master() + ")");
        if (publish) {
            ProtectedResult p = Disclosure.protect(raw, rules, Catalogue.standard(ctx)::find);
            result = p.asIndicatorResult();
            extra.put("form", "protected (disclosure control applied; publishable)");
            extra.put("disclosure", rules.asMap());
            ProtectedResult.Stats st = p.stats();
            extra.put("suppressed", Map.of("primary", st.primary(), "secondary", st.secondary(), "cells", st.cells()));
        } else {
            result = raw.asIndicatorResult();
            extra.put("form", "raw (unsuppressed: for the analyst role only, not for publication)");
        }
        for (Map.Entry<String, String> e : result.notAvailable().entrySet()) {
            System.err.println("haigui-spark: warning: " + e.getKey() + " omitted: " + e.getValue());
        }
        // written locally by the product's own writer (the same bytes as haigui indicators), then copied to --out
        java.nio.file.Path tmp = Files.createTempDirectory("haigui-spark");
        try {
            java.nio.file.Path lc = tmp.resolve("indicators.csv");
            IndicatorWriter.writeCsvFile(result.values(), lc);
            java.nio.file.Path lm = IndicatorWriter.metaFile(lc);
            IndicatorWriter.writeMetadata(result, extra, lm);
            fs.mkdirs(csv.getParent());
            fs.copyFromLocalFile(false, true, new Path(lc.toUri()), csv);
            fs.copyFromLocalFile(false, true, new Path(lm.toUri()), meta);
        } finally {
            for (java.nio.file.Path p : List.of(tmp.resolve("indicators.csv"), tmp.resolve("indicators.csv.meta.json"), tmp)) {
                Files.deleteIfExists(p);
            }
        }
        System.err.printf(Locale.ROOT, "haigui-spark: %d values written to %s (metadata: %s) in %.1f s%n", result.values().size(), csv, meta,
            (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
