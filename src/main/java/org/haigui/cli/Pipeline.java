package org.haigui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.RunContext;
import org.haigui.report.Report;
import org.haigui.report.ReportOptions;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.indicators.RunContext;
import org.haigui.ingest.ImportReport;
import org.haigui.ingest.Importer;
import org.haigui.schema.Schema;
import org.haigui.store.Store;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;

/**
 * The whole pipeline on synthetic data, stage by stage, measured: used by {@code haigui demo}
 * and {@code haigui bench} (and the report stage by {@code haigui report}). Stages that are not built yet are reported as such. It lives in
 * {@code cli} because it joins the features (synth, ingest, store, indicators), which the
 * generator itself does not use.
 */
final class Pipeline {

    /**
     * One measured stage.
     *
     * @param name     generate, import, indicators, report, dashboard
     * @param built    false when the stage does not exist yet (nothing was run)
     * @param millis   wall time
     * @param rows     rows produced or processed (0 when not meaningful)
     * @param peakHeap peak heap in bytes during the stage: the sum over heap memory pools of their
     *                 peak usage, the peaks reset at the start of the stage (an upper bound of the
     *                 true simultaneous peak)
     * @param detail   what the stage did, in one line
     * @param phases   the stage's phases, measured (the import's: parse and row rules, cross-row rules, merge, ...;
     *                 see {@link ImportReport.Phase}); empty for the other stages
     */
    record Stage(String name, boolean built, long millis, long rows, long peakHeap, String detail, List<ImportReport.Phase> phases) {
        Stage {
            phases = List.copyOf(phases);
        }

        Stage(String name, boolean built, long millis, long rows, long peakHeap, String detail) {
            this(name, built, millis, rows, peakHeap, detail, List.of());
        }

        public double rowsPerSecond() {
            return millis == 0 ? 0 : rows * 1000.0 / millis;
        }
    }

    private Pipeline() {
    }

    /** True when the folder already holds synthetic data (CSV files or the workbook). */
    static boolean hasData(Path dir) {
        return Files.isRegularFile(dir.resolve("persons.csv")) || Files.isRegularFile(dir.resolve(Synthesizer.WORKBOOK));
    }

    /** The data files of a folder, in table order (the CSV files, or the workbook). */
    static List<Path> dataFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(Synthesizer.WORKBOOK))) {
            out.add(dir.resolve(Synthesizer.WORKBOOK));
        }
        for (var t : Schema.tables()) {
            Path p = dir.resolve(t.name() + ".csv");
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    static Stage generate(SynthOptions o, Progress progress) {
        org.haigui.core.Peaks.reset();
        SynthResult r = Synthesizer.generate(o, progress);
        return new Stage("generate", true, r.millis(), r.totalRows(), org.haigui.core.Peaks.heap(),
            String.format(java.util.Locale.ROOT, "%,d persons, %,d rows -> %s", o.persons(), r.totalRows(), o.out().toAbsolutePath()));
    }

    /** Imports the data files into the database (created if missing). */
    static Stage importFiles(Path db, List<Path> files, Progress progress, Blueprint blueprint, SurveyDefinition survey) {
        org.haigui.core.Peaks.reset();
        long t0 = System.nanoTime();
        ImportReport rep;
        try (Store store = Store.open(db)) {
            rep = new Importer(store, Imports.options(blueprint, survey), progress).run(files);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long inserted = rep.perTable().stream().mapToLong(ImportReport.SourceSummary::inserted).sum();
        long updated = rep.perTable().stream().mapToLong(ImportReport.SourceSummary::updated).sum();
        long unchanged = rep.perTable().stream().mapToLong(ImportReport.SourceSummary::unchanged).sum();
        return new Stage("import", true, ms, rep.readRows(), org.haigui.core.Peaks.heap(),
            String.format(java.util.Locale.ROOT, "%,d rows read: %,d inserted, %,d updated, %,d unchanged, %,d rejected -> %s",
                rep.readRows(), inserted, updated, unchanged, rep.rejectedRows(), db.toAbsolutePath()), rep.phases());
    }

    /**
     * The as-of date of the demo and the benchmark: the report date the synthetic records are
     * calibrated to (facts.md: the 2021 report counts to 30 September 2021); the records run to the
     * end of 2021, so "as of D" matters.
     */
    static final LocalDate AS_OF = Calibration.REPORT_DATE;

    /**
     * Computes every indicator of the standard catalogue as of {@code asOf} on the database and,
     * when {@code out} is given, writes them (tidy CSV) with the metadata beside
     * ({@code out.meta.json}), for the city of the blueprint and with the survey definition (or none).
     * The stage's rows are the rows of the store it read.
     */
    static Stage indicators(Path db, LocalDate asOf, Path out, Progress progress, Blueprint blueprint, SurveyDefinition survey) {
        return computeIndicators(db, asOf, out, progress, blueprint, survey).stage();
    }

    /** A measured indicator stage and what it computed (raw figures: the analyst's view). */
    record Computed(Stage stage, IndicatorResult result) {
    }

    static Computed computeIndicators(Path db, LocalDate asOf, Path out, Progress progress, Blueprint blueprint, SurveyDefinition survey) {
        org.haigui.core.Peaks.reset();
        long t0 = System.nanoTime();
        IndicatorResult result;
        long storeRows;
        try (Store store = Store.openExisting(db)) {
            storeRows = store.status().tables().values().stream().mapToLong(Long::longValue).sum();
            RunContext ctx = RunContext.of(asOf).withBlueprint(blueprint).withSurvey(survey);
            try (java.sql.Connection reader = store.reader()) {
                result = new IndicatorEngine().run(reader, IndicatorRequest.of(ctx).withProgress(progress)).asIndicatorResult();
            } catch (java.sql.SQLException e) {
                throw new HaiguiException(HaiguiException.Kind.STORE, "cannot read the store " + db + ": " + e.getMessage(), e);
            }
        }
        if (out != null) {
            try {
                IndicatorWriter.writeCsvFile(result.values(), out);
                IndicatorWriter.writeMetadata(result, IndicatorWriter.metaFile(out));
            } catch (IOException e) {
                throw HaiguiException.input("cannot write the indicators to " + out + ": " + e.getMessage(), e);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String omitted = result.notAvailable().isEmpty() ? "" : " (" + result.notAvailable().size() + " not available yet: "
            + String.join(", ", new java.util.TreeSet<>(result.notAvailable().keySet())) + ")";
        return new Computed(new Stage("indicators", true, ms, storeRows, org.haigui.core.Peaks.heap(),
            String.format(java.util.Locale.ROOT, "%,d values as of %s%s%s", result.values().size(), asOf, omitted,
                out == null ? "" : " -> " + out.toAbsolutePath())), result);
    }

    /**
     * The report as of {@code asOf}: every indicator of the standard catalogue for the options' blueprint and survey
     * definition, computed on a reader of the store, protected ({@code Disclosure.protect}), and handed as a
     * {@link ProtectedResult} to {@link Report#write}. Existing report files are refused before anything is computed
     * (unless the options say force). The stage's rows are the published cells.
     */
    static Stage report(Path db, LocalDate asOf, DisclosureRules rules, ReportOptions options) {
        org.haigui.core.Peaks.reset();
        long t0 = System.nanoTime();
        if (!options.force()) {
            for (Path f : Report.files(options)) {
                if (Files.exists(f)) {
                    throw HaiguiException.input(f + " already exists: use --force to overwrite the report");
                }
            }
        }
        RunContext ctx = RunContext.of(asOf).withBlueprint(options.blueprint()).withSurvey(options.survey());
        IndicatorEngine engine = new IndicatorEngine();
        Catalogue catalogue = engine.catalogue(ctx);
        RawResult raw;
        try (Store store = Store.openReadOnly(db); java.sql.Connection reader = store.reader()) {
            raw = engine.run(reader, IndicatorRequest.of(ctx).withOnly(REPORT_IDS.apply(catalogue)));
        } catch (java.sql.SQLException e) {
            throw HaiguiException.store("cannot read " + db + ": " + e.getMessage(), e);
        }
        long computed = System.nanoTime();
        ProtectedResult published = Disclosure.protect(raw, rules, catalogue::find);
        long protectedAt = System.nanoTime();
        Report.Written w = Report.write(published, catalogue, options);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String files = w.files().stream().map(p -> p.toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(", "));
        return new Stage("report", true, ms, published.values().size(), org.haigui.core.Peaks.heap(),
            String.format(java.util.Locale.ROOT, "as of %s (indicators %.1f s, disclosure %.1f s, writing %.1f s; %,d of %,d cells withheld) -> %s",
                asOf, (computed - t0) / 1e9, (protectedAt - computed) / 1e9, w.millis() / 1000.0, published.stats().suppressed(),
                published.stats().cells(), files));
    }

    /** The indicators the report computes: every available indicator of the catalogue. */
    static final java.util.function.Function<Catalogue, java.util.Set<String>> REPORT_IDS = c -> c.entries().stream()
        .filter(d -> d.available()).map(d -> d.id())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));

    /** A stage whose feature has not landed yet. */
    static Stage notBuilt(String name) {
        return new Stage(name, false, 0, 0, 0, "not built yet");
    }


}
