package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.haigui.core.Progress;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.Synthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An indicator run on a reader, in one process with an import that commits on the writer in the
 * middle of the run, gets the figures of before the import - never a mix - and the next run gets
 * those of after.
 */
class RunDuringImportTest {

    @TempDir
    Path dir;

    @Test
    void aRunSeesTheStoreBeforeOrAfterAnImportNeverAMix() throws Exception {
        List<Path> first = Synthesizer.generate(SynthOptions.defaults(dir.resolve("a")).withPersons(600).withSeed(1), Progress.NONE).files();
        List<Path> second = Synthesizer.generate(SynthOptions.defaults(dir.resolve("b")).withPersons(1_000).withSeed(2), Progress.NONE).files();
        ImportOptions options = ImportOptions.forCity(City.load("shanghai")).withWriteRejected(false);
        IndicatorEngine engine = new IndicatorEngine(Catalogue.core());
        IndicatorRequest req = IndicatorRequest.of(java.time.LocalDate.of(2021, 9, 30)).withOnly(java.util.Set.of("inflow.year", "stock",
            "ent.active", "ent.revenue", "ent.rd_intensity", "ent.revenue_growth_median", "ent.high_tech_share"));
        try (Store store = Store.open(dir.resolve("s.duckdb"))) {
            new Importer(store, options, Progress.NONE).run(first);
            List<IndicatorValue> before;
            try (Connection r = store.reader()) {
                before = engine.run(r, req).values();
            }
            CountDownLatch between = new CountDownLatch(1);
            CountDownLatch imported = new CountDownLatch(1);
            Progress pause = new Progress() {
                @Override
                public void start(String step, long total) {
                }

                @Override
                public void advance(long done) {
                    if (done == 3) { // after three indicators, wait for the import to commit
                        between.countDown();
                        try {
                            imported.await(120, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void finish() {
                }
            };
            ExecutorService ex = Executors.newSingleThreadExecutor();
            List<IndicatorValue> during;
            try (Connection r = store.reader()) {
                Future<List<IndicatorValue>> f = ex.submit(() -> engine.run(r, req.withProgress(pause)).values());
                assertThat(between.await(120, TimeUnit.SECONDS)).isTrue();
                var report = new Importer(store, options, Progress.NONE).run(second);
                assertThat(report.rejectedRows()).isZero();
                imported.countDown();
                during = f.get(300, TimeUnit.SECONDS);
            } finally {
                ex.shutdownNow();
            }
            List<IndicatorValue> after;
            try (Connection r = store.reader()) {
                after = engine.run(r, req).values();
            }
            assertThat(after).as("the import changes the figures").isNotEqualTo(before);
            assertThat(during).as("a run that started before the import's commit").isEqualTo(before);
        }
    }
}
