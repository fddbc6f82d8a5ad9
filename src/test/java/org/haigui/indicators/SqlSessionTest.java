package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.haigui.core.Progress;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through a {@link SqlSession} that is not the embedded store's own: the statements go
 * to the same DuckDB connection, but the bootstrap takes the set-based path of other engines
 * (unit rows joined with their cells in SQL, {@link SqlSession#replicates} per cell, as Spark
 * computes it on its executors). The figures equal the in-process path's; the intervals, from the
 * same weights added in another order, to a relative 1e-9.
 */
class SqlSessionTest {

    /** Forwards to a JDBC session; being another class, it gets the engine's general (set-based) bootstrap. */
    private record Forwarding(SqlSession s) implements SqlSession {
        @Override
        public Dialect dialect() {
            return s.dialect();
        }

        @Override
        public void execute(String sql) throws SQLException {
            s.execute(sql);
        }

        @Override
        public Rows query(String sql) throws SQLException {
            return s.query(sql);
        }
    }

    @Test
    void theSetBasedBootstrapOfOtherEnginesGivesTheEmbeddedEnginesFigures(@TempDir(factory = org.haigui.testing.ShortTempDirs.class) Path tmp)
        throws Exception {
        SynthResult data = Synthesizer.generate(SynthOptions.defaults(tmp.resolve("data")).withPersons(1_500), Progress.NONE);
        try (Store store = Store.open(tmp.resolve("s.duckdb"))) {
            assertThat(new Importer(store, ImportOptions.forCity(org.haigui.schema.City.load("shanghai")), Progress.NONE)
                .run(data.files()).rejectedRows()).isZero();
            LocalDate d = store.newestDate().orElseThrow();
            IndicatorRequest req = IndicatorRequest.of(RunContext.of(d).withBlueprint(org.haigui.blueprint.BlueprintReader.shanghai()));
            RawResult embedded;
            RawResult general;
            try (Connection c = store.reader()) {
                embedded = new IndicatorEngine().run(c, req);
            }
            try (Connection c = store.reader()) {
                c.setAutoCommit(false);
                general = new IndicatorEngine().run(new Forwarding(SqlSession.jdbc(c)), req);
                c.rollback();
            }
            assertThat(general.cells()).hasSameSizeAs(embedded.cells());
            List<String> diffs = new ArrayList<>();
            int intervals = 0;
            for (int i = 0; i < embedded.cells().size(); i++) {
                IndicatorValue a = embedded.cells().get(i).value();
                IndicatorValue b = general.cells().get(i).value();
                assertThat(withoutInterval(b)).as("cell %d", i).isEqualTo(withoutInterval(a));
                assertThat(general.cells().get(i).contributors()).isEqualTo(embedded.cells().get(i).contributors());
                if (!close(a.ciLow(), b.ciLow()) || !close(a.ciHigh(), b.ciHigh())) {
                    diffs.add(a + " vs " + b);
                }
                intervals += a.ciLow() != null && (a.indicator().startsWith("ent.") || a.indicator().startsWith("bp.")) ? 1 : 0;
            }
            assertThat(diffs).isEmpty();
            assertThat(intervals).as("bootstrap and Wilson intervals compared").isGreaterThan(20);
        }
    }

    private static IndicatorValue withoutInterval(IndicatorValue v) {
        return new IndicatorValue(v.indicator(), v.period(), v.group(), v.breakdown(), v.category(), v.value(), v.numerator(),
            v.denominator(), null, null, v.suppressed());
    }

    private static boolean close(BigDecimal p, BigDecimal q) {
        if (p == null || q == null) {
            return p == q;
        }
        double s = Math.max(Math.abs(p.doubleValue()), 1e-12);
        return Math.abs(p.doubleValue() - q.doubleValue()) <= 1e-9 * s;
    }
}
