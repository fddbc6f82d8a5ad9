package org.haigui.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haigui.core.Progress;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorValue;
import org.haigui.ingest.ImportOptions;
import org.haigui.schema.City;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two independent readings of indicators.md agree on the synthetic city: the calibration SQL over
 * the generated files, and the indicators engine over the imported store.
 */
class SynthIndicatorsTest {

    @TempDir
    Path tmp;

    @Test
    void calibrationSqlAndTheIndicatorEngineAgree() throws Exception {
        Path dir = tmp.resolve("data");
        SynthResult r = Synthesizer.generate(SynthOptions.defaults(dir).withPersons(12_000), Progress.NONE);
        Map<String, Double> sql;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("cal.duckdb"))) {
            sql = CalibrationSql.measure(c, dir);
        }
        List<IndicatorValue> v;
        try (Store store = Store.open(tmp.resolve("store.duckdb"))) {
            assertThat(new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(r.files()).rejectedRows()).isZero();
            v = new IndicatorEngine().run(store.connection(), IndicatorRequest.of(Calibration.REPORT_DATE).withOnly(Set.of("stock",
                "inflow.window5", "inflow.year", "inflow.ytd", "ent.profitable_within_1y", "ent.profitable_within_3y"))).values();
        }
        assertThat(total(v, "stock", "")).isEqualTo(sql.get("stock"));
        assertThat(total(v, "inflow.window5", "2016-2020")).isEqualTo(sql.get("inflow.window5.2016-2020"));
        assertThat(total(v, "inflow.window5", "2011-2015")).isEqualTo(sql.get("inflow.window5.2011-2015"));
        assertThat(total(v, "inflow.year", "2020")).isEqualTo(sql.get("inflow.year.2020"));
        assertThat(total(v, "inflow.ytd", "2021-01-01..2021-09-30")).isEqualTo(sql.get("inflow.ytd.2021-09-30"));
        // profitable within n years, pooled over the birth cohorts of the calibration
        assertThat(pooled(v, "ent.profitable_within_1y", 2011, 2020)).isCloseTo(sql.get("ent.profitable_within_1y"),
            org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pooled(v, "ent.profitable_within_3y", 2013, 2020)).isCloseTo(sql.get("ent.profitable_within_3y"),
            org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double total(List<IndicatorValue> v, String id, String period) {
        return v.stream().filter(x -> x.indicator().equals(id) && x.period().equals(period) && x.breakdown().isEmpty()
                && x.group().isEmpty())
            .findFirst().orElseThrow(() -> new AssertionError("no " + id + " " + period)).value().doubleValue();
    }

    private static double pooled(List<IndicatorValue> v, String id, int from, int to) {
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        for (IndicatorValue x : v) {
            if (x.indicator().equals(id) && x.group().equals("returnee") && x.breakdown().isEmpty()
                && x.period().length() == 4 && Integer.parseInt(x.period()) >= from && Integer.parseInt(x.period()) <= to
                && x.denominator() != null) {
                num = num.add(x.numerator());
                den = den.add(x.denominator());
            }
        }
        return num.doubleValue() / den.doubleValue();
    }
}
