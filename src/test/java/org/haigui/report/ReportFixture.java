package org.haigui.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.Progress;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.RunContext;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;

/**
 * A small synthetic city imported into a real store, every report indicator computed on it and protected: the raw
 * figures (for the tests' own checks only) beside the published ones the report is written from.
 */
final class ReportFixture {

    final RawResult raw;
    final ProtectedResult published;
    final Catalogue catalogue;
    final Blueprint blueprint;
    final SurveyDefinition survey;

    private ReportFixture(RawResult raw, ProtectedResult published, Catalogue catalogue, Blueprint blueprint, SurveyDefinition survey) {
        this.raw = raw;
        this.published = published;
        this.catalogue = catalogue;
        this.blueprint = blueprint;
        this.survey = survey;
    }

    /** The indicators of the report: every available one of the catalogue. */
    static Set<String> reportIds(Catalogue c) {
        Set<String> ids = new LinkedHashSet<>();
        for (IndicatorDefinition d : c.entries()) {
            if (d.available()) {
                ids.add(d.id());
            }
        }
        return ids;
    }

    static ReportFixture build(Path dir, int persons, int resamples) throws Exception {
        long t0 = System.nanoTime();
        SynthResult s = Synthesizer.generate(SynthOptions.defaults(dir.resolve("data")).withPersons(persons), Progress.NONE);
        Blueprint bp = BlueprintReader.shanghai();
        SurveyDefinition sv = SurveyReader.entrepreneurs2021();
        RunContext ctx = RunContext.of(Calibration.REPORT_DATE).withBlueprint(bp).withSurvey(sv).withBootstrap(RunContext.DEFAULT_SEED, resamples);
        IndicatorEngine engine = new IndicatorEngine();
        Catalogue catalogue = engine.catalogue(ctx);
        RawResult raw;
        try (Store store = Store.open(dir.resolve("store.duckdb"))) {
            new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(s.files());
            System.err.printf("fixture: generated and imported in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            try (Connection reader = store.reader()) {
                raw = engine.run(reader, IndicatorRequest.of(ctx).withOnly(reportIds(catalogue)));
            }
        }
        System.err.printf("fixture: indicators at %.1f s%n", (System.nanoTime() - t0) / 1e9);
        ProtectedResult p = Disclosure.protect(raw, DisclosureRules.DEFAULTS, catalogue::find);
        System.err.printf("fixture: protected at %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return new ReportFixture(raw, p, catalogue, bp, sv);
    }
}
