package org.haigui.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.blueprint.SurveyReader;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.RunContext;
import org.haigui.store.Store;
import org.haigui.synth.Calibration;

/**
 * Benchmark (not a unit test): the report's own work - content, HTML, font subsets, both PDFs and the workbook - for
 * the store of a city (e.g. the default synthetic city: {@code haigui demo --no-serve --dir /tmp/d}), both languages,
 * three times after one computation and protection of the indicators, with the time of each.
 *
 * <pre>java -Xmx4g -cp target/haigui.jar:target/test-classes org.haigui.report.ReportBenchmark /tmp/d/haigui.duckdb</pre>
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "demo/haigui.duckdb");
        Blueprint bp = BlueprintReader.shanghai();
        SurveyDefinition sv = SurveyReader.entrepreneurs2021();
        RunContext ctx = RunContext.of(Calibration.REPORT_DATE).withBlueprint(bp).withSurvey(sv);
        IndicatorEngine engine = new IndicatorEngine();
        Catalogue catalogue = engine.catalogue(ctx);
        long t0 = System.nanoTime();
        RawResult raw;
        try (Store store = Store.openReadOnly(db); Connection reader = store.reader()) {
            raw = engine.run(reader, IndicatorRequest.of(ctx).withOnly(ReportFixture.reportIds(catalogue)));
        }
        long t1 = System.nanoTime();
        ProtectedResult p = Disclosure.protect(raw, DisclosureRules.DEFAULTS, catalogue::find);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: indicators %.1f s, disclosure %.1f s (%,d cells, %,d withheld)%n", db, (t1 - t0) / 1e9,
            (t2 - t1) / 1e9, p.stats().cells(), p.stats().suppressed());
        Path out = Files.createTempDirectory("haigui-report-bench");
        for (int run = 0; run < 3; run++) {
            long s = System.nanoTime();
            Report.Written w = Report.write(p, catalogue, ReportOptions.of(out, List.of(Lang.ZH, Lang.EN)).withBlueprint(bp).withSurvey(sv)
                .withForce(true));
            long html = System.nanoTime();
            Report.write(p, catalogue, ReportOptions.of(out, List.of(Lang.ZH, Lang.EN)).withBlueprint(bp).withSurvey(sv).withForce(true)
                .withPdf(false));
            long e = System.nanoTime();
            long bytes = 0;
            for (Path f : w.files()) {
                bytes += Files.size(f);
            }
            System.out.printf(Locale.ROOT, "run %d: report, both languages, with PDFs %.1f s (%,d bytes in %d files); without PDFs %.1f s%n",
                run + 1, (html - s) / 1e9, bytes, w.files().size(), (e - html) / 1e9);
        }
    }
}
