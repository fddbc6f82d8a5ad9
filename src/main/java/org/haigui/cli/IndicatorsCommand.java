package org.haigui.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.Timings;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "indicators", mixinStandardHelpOptions = true,
    description = {"Compute the indicators of the catalogue as of a date, in the tidy form (CSV or JSON lines).",
        "With --out FILE the bootstrap seed, resamples and as-of date are written to FILE.meta.json; on standard output "
            + "they go to standard error."})
final class IndicatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date D, YYYY-MM-DD (default: the newest date in the store).")
    String asOf;

    @Option(names = "--allow-future", description = "Allow an --as-of after the newest date in the store.")
    boolean allowFuture;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Only these indicator ids (comma-separated).")
    List<String> only;

    @Option(names = "--format", paramLabel = "csv|json|xlsx", defaultValue = "csv",
        description = "csv (default; a file gets a UTF-8 byte-order mark for Excel), json (JSON lines), or xlsx (with --out; codes as text cells).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--force", description = "Overwrite the --out file (and its .meta.json) if it exists.")
    boolean force;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: " + IndicatorRequest.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--publish", description = "Write the protected form for publication: disclosure control (minimum "
        + "frequency, dominance, secondary suppression over linked tables, LP-audited) withholds cells (suppressed = true, "
        + "value, numerator, denominator and interval empty). Without it: the raw figures, for the analyst role only.")
    boolean publish;

    @Option(names = "--disclosure", paramLabel = "FILE", description = "Disclosure rules (YAML; default: minimum frequency 5, "
        + "(2,85) dominance, 10%% exposure margin). Only with --publish.")
    Path disclosure;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples, at least 1000 (default: 1000).")
    Integer resamples;

    @Option(names = "--labels", paramLabel = "zh|en", description = "Add the names of the codes in Chinese or English "
        + "(indicator title, group, breakdown, category: 徐汇区, 美国, 硕士, ...) as columns after the tidy ones.")
    String labels;

    @picocli.CommandLine.Mixin
    Blueprints.Flags city = new Blueprints.Flags();

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws Exception {
        if (Timings.ON) {
            System.err.printf(java.util.Locale.ROOT, "indicators %8.3f s  JVM start to the command%n",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        }
        long t0 = System.nanoTime();
        org.haigui.labels.Language l = lang.language();
        LabelColumns.check(labels);
        if (out != null) {
            Outputs.check(List.of(out, IndicatorWriter.metaFile(out)), force, "--out");
        }
        if (asOf != null) {
            AsOf.parse(asOf, "--as-of");
        }
        boolean xlsx = format.equalsIgnoreCase("xlsx");
        if (xlsx && out == null) {
            throw HaiguiException.usage("--format xlsx needs --out FILE.xlsx");
        }
        IndicatorWriter.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv", "xlsx" -> IndicatorWriter.Format.CSV;
            case "json", "jsonl" -> IndicatorWriter.Format.JSON;
            default -> throw HaiguiException.usage("--format must be csv or json, not '" + format + "'");
        };
        int b = resamples == null ? IndicatorRequest.DEFAULT_RESAMPLES : resamples;
        if (b < 1000) {
            throw HaiguiException.usage("--resamples must be at least 1000 (indicators.md), not " + b);
        }
        Set<String> ids = new LinkedHashSet<>();
        if (only != null) {
            only.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        if (disclosure != null && !publish) {
            throw HaiguiException.usage("--disclosure FILE sets the rules of --publish; give --publish too");
        }
        DisclosureRules rules = disclosure == null ? DisclosureRules.DEFAULTS : DisclosureRules.read(disclosure);
        IndicatorResult result;
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        PrintWriter err = spec.commandLine().getErr();
        LabelColumns labeller;
        long t3 = 0;
        try (Store store = Store.openReadOnly(Store.resolve(db)); java.sql.Connection reader = store.reader()) {
            Timings.log("opening the store", t0);
            long t1 = System.nanoTime();
            LocalDate d = AsOf.resolve(asOf, allowFuture, store, err);
            Timings.log("as-of date", t1);
            org.haigui.blueprint.Blueprint blueprint = city.blueprint();
            org.haigui.blueprint.SurveyDefinition survey = city.survey();
            IndicatorRequest req = IndicatorRequest.of(org.haigui.indicators.RunContext.of(d).withBlueprint(blueprint)
                    .withSurvey(survey)).withOnly(ids)
                .withBootstrap(seed == null ? IndicatorRequest.DEFAULT_SEED : seed, b);
            IndicatorEngine engine = new IndicatorEngine();
            long t2 = System.nanoTime();
            RawResult raw = engine.run(reader, req);
            Timings.log("engine run", t2);
            t3 = System.nanoTime();
            // without --survey the built-in definition names the options (labels only: the figures do not use it)
            labeller = LabelColumns.of(labels, org.haigui.labels.CodeLabels.of(blueprint,
                    survey != null ? survey : org.haigui.blueprint.SurveyReader.entrepreneurs2021()),
                engine.catalogue(req.context())::find);
            if (publish) {
                ProtectedResult p = Disclosure.protect(raw, rules, engine.catalogue(req.context())::find);
                result = p.asIndicatorResult();
                extra.put("form", "protected (disclosure control applied; publishable)");
                extra.put("disclosure", rules.asMap());
                ProtectedResult.Stats st = p.stats();
                extra.put("suppressed", Map.of("primary", st.primary(), "secondary", st.secondary(), "cells", st.cells()));
                err.println(l.pick(String.format(java.util.Locale.ROOT, "haigui：披露控制：%d 个单元格中隐去 %d 个（一次 %d，二次 %d）",
                        st.cells(), st.suppressed(), st.primary(), st.secondary()),
                    String.format(java.util.Locale.ROOT, "haigui: disclosure control: %d of %d cells suppressed (%d primary, %d secondary)",
                        st.suppressed(), st.cells(), st.primary(), st.secondary())));
            } else {
                result = raw.asIndicatorResult();
                extra.put("form", "raw (unsuppressed: for the analyst role only, not for publication)");
            }
            Timings.log("labels and result", t3);
            t3 = System.nanoTime();
        }
        Timings.log("closing the store", t3);
        long t4 = System.nanoTime();
        for (Map.Entry<String, String> e : result.notAvailable().entrySet()) {
            err.println(l.pick("haigui：警告：未输出 " + e.getKey() + "：", "haigui: warning: " + e.getKey() + " omitted: ") + e.getValue());
        }
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            IndicatorWriter.write(result.values(), f, w, labeller);
            w.flush();
            err.println("haigui: " + IndicatorWriter.metadata(result, extra));
        } else {
            if (xlsx) {
                IndicatorWriter.writeXlsx(result, extra, out, labeller);
            } else if (f == IndicatorWriter.Format.CSV) {
                IndicatorWriter.writeCsvFile(result.values(), out, labeller);
            } else {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    IndicatorWriter.write(result.values(), f, w, labeller);
                }
            }
            Timings.log("writing the values", t4);
            long t5 = System.nanoTime();
            IndicatorWriter.writeMetadata(result, extra, IndicatorWriter.metaFile(out));
            Timings.log("writing the metadata", t5);
            err.println(l.pick("haigui：" + result.values().size() + " 个数值已写入 " + out + "（元数据：" + IndicatorWriter.metaFile(out) + "）",
                "haigui: " + result.values().size() + " values written to " + out + " (metadata: " + IndicatorWriter.metaFile(out) + ")"));
        }
        err.flush();
        return ErrorMapper.OK;
    }
}
