package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.cli.Main;
import org.haigui.core.Progress;
import org.haigui.store.Store;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.Synthesizer;
import org.haigui.testing.ShortTempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person counts of several definitions with the same breakdowns counted in one query
 * ({@link IndicatorEngine#personQuery(List, List)}) give every cell, in the same order, that each
 * definition's own query gives: the whole catalogue (with the blueprint's) on a synthetic city, and a
 * subset whose first definition is not the first of its batch in the catalogue.
 */
class PersonCountBatchTest {

    @TempDir(factory = ShortTempDirs.class)
    Path dir;

    @AfterEach
    void restore() {
        IndicatorEngine.batchPersons = true;
    }

    private static List<IndicatorValue> run(Connection c, Set<String> only, boolean batch) {
        IndicatorEngine.batchPersons = batch;
        IndicatorRequest r = IndicatorRequest.of(RunContext.of(Calibration.REPORT_DATE).withBlueprint(BlueprintReader.shanghai()));
        return new IndicatorEngine().run(c, only == null ? r : r.withOnly(only)).values();
    }

    @Test
    void batchedPersonCountsGiveEachDefinitionsOwnCells() throws Exception {
        Path data = dir.resolve("data");
        Synthesizer.generate(SynthOptions.defaults(data).withPersons(3_000), Progress.NONE);
        Path db = dir.resolve("city.duckdb");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "import", "--db", db.toString(), data.toString()))
            .as(out + "" + err).isZero();
        try (Store store = Store.openReadOnly(db); Connection reader = store.reader()) {
            long batched = IndicatorEngine.BATCHED.get();
            List<IndicatorValue> together = run(reader, null, true);
            assertThat(IndicatorEngine.BATCHED.get() - batched).as("person counts computed with another's").isGreaterThanOrEqualTo(3);
            List<IndicatorValue> alone = run(reader, null, false);
            assertThat(together).hasSizeGreaterThan(10_000).isEqualTo(alone);
            Set<String> some = Set.of("stock", "inflow.window5", "inflow.ytd", "inflow.quarter");
            assertThat(run(reader, some, true)).isEqualTo(run(reader, some, false))
                .extracting(IndicatorValue::indicator).containsAll(some);
        }
    }
}
