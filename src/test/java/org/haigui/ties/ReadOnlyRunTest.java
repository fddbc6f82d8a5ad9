package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.haigui.core.Progress;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorValue;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An indicator run only reads the store: the tie indicators on a store opened read-only. */
class ReadOnlyRunTest {

    private static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2021, 9, 30);

    private static List<IndicatorValue> run(Connection c) {
        return new IndicatorEngine().run(c, IndicatorRequest.of(AS_OF).withOnly(Set.copyOf(TieIndicatorProvider.IDS))).values();
    }

    @Test
    void theTieIndicatorsOnAReadOnlyStoreGiveTheFiguresOfAReadWriteOne(@TempDir Path tmp) throws Exception {
        SynthResult data = Synthesizer.generate(SynthOptions.defaults(tmp.resolve("data")).withPersons(3_000), Progress.NONE);
        Path db = tmp.resolve("store.duckdb");
        List<IndicatorValue> readWrite;
        try (Store store = Store.open(db)) {
            assertThat(new Importer(store, ImportOptions.forCity(org.haigui.schema.City.load("shanghai")), Progress.NONE).run(data.files()).rejectedRows()).isZero();
            InstitutionRegistry.refreshNameKeys(store.connection()); // the after-import hook
            readWrite = run(store.connection());
        }
        assertThat(readWrite).extracting(IndicatorValue::indicator).containsAll(TieIndicatorProvider.IDS);
        assertThat(readWrite).filteredOn(v -> v.indicator().equals("team.tie_share"))
            .allSatisfy(v -> assertThat(v.numerator().signum()).isPositive());

        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection ro = DriverManager.getConnection("jdbc:duckdb:" + db, p)) {
            try (Statement st = ro.createStatement()) {
                assertThat(st.execute("SELECT 1")).isTrue();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("DELETE FROM institution_norms"))
                    .as("the connection is read-only").hasMessageContaining("read-only");
            }
            assertThat(run(ro)).isEqualTo(readWrite);
            // a second run on the same read-only connection too
            assertThat(run(ro)).isEqualTo(readWrite);
            try (Statement st = ro.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM institution_norms")) {
                rs.next();
                assertThat(rs.getLong(1)).as("import loaded the registry's norms").isPositive();
            }
        }
    }
}
