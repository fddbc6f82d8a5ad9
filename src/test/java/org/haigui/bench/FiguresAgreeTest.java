package org.haigui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.cli.Main;
import org.haigui.core.Progress;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RunContext;
import org.haigui.store.Store;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.Synthesizer;
import org.haigui.testing.ShortTempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the comparison benchmark ({@link FiguresBenchmark}) from comparing different work: on a
 * synthetic city of 5,000 persons, imported by the CLI, the figures of the hand-written DuckDB
 * script {@code bench/figures.sql} (straight from the CSVs) equal the engine's for the same
 * indicators ({@link SqlFigures#IDS}), cell by cell.
 */
class FiguresAgreeTest {

    @TempDir(factory = ShortTempDirs.class)
    Path dir;

    @Test
    void theScriptGivesTheEnginesFigures() throws Exception {
        LocalDate asOf = Calibration.REPORT_DATE;
        Path data = dir.resolve("data");
        Synthesizer.generate(SynthOptions.defaults(data).withPersons(5_000), Progress.NONE);
        Path db = dir.resolve("city.duckdb");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "import", "--db", db.toString(), data.toString());
        assertEquals(0, code, () -> "import failed: " + out + err);

        List<IndicatorValue> engine;
        try (Store store = Store.openReadOnly(db); Connection reader = store.reader()) {
            engine = new IndicatorEngine().run(reader, IndicatorRequest.of(RunContext.of(asOf).withBlueprint(BlueprintReader.shanghai()))
                .withOnly(Set.copyOf(SqlFigures.IDS))).values();
        }
        Path ref = dir.resolve("ref");
        SqlFigures.writeReference(ref, BlueprintReader.shanghai());
        List<SqlFigures.Figure> sql;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            sql = SqlFigures.run(c, SqlFigures.script(data, ref, asOf));
        }

        List<String> diff = SqlFigures.differences(sql, engine);
        assertTrue(diff.isEmpty(), () -> diff.size() + " cells differ, e.g.\n" + String.join("\n", diff.subList(0, Math.min(30, diff.size()))));
        // the comparison is not empty: every indicator of the subset has a figure above zero, in both
        Set<String> positive = sql.stream().filter(f -> f.value() != null && f.value() > 0).map(SqlFigures.Figure::indicator)
            .collect(Collectors.toSet());
        assertEquals(Set.copyOf(SqlFigures.IDS), positive, "indicators with a positive figure");
        assertTrue(sql.size() > 1_000, "cells compared: " + sql.size());
        assertTrue(sql.stream().anyMatch(f -> f.indicator().equals("ent.survival_3y") && f.group().equals("difference")
            && f.breakdown().equals("zone") && f.ciLow() != null), "Newcombe intervals by zone compared");
    }
}
