package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Poisson bootstrap weights and the resampled statistics. */
class BootstrapTest {

    @TempDir
    Path dir;

    @Test
    void weightsArePoissonOneAndIndependentAcrossResamples() {
        int n = 200_000;
        double sum = 0;
        double sq = 0;
        double cross = 0;
        int zeros = 0;
        for (long e = 1; e <= n; e++) {
            int a = Bootstrap.weight(42, 3, e);
            int b = Bootstrap.weight(42, 4, e);
            sum += a;
            sq += a * a;
            cross += (a - 1.0) * (b - 1.0);
            zeros += a == 0 ? 1 : 0;
        }
        assertThat(sum / n).isCloseTo(1.0, within(0.01));
        assertThat(sq / n - (sum / n) * (sum / n)).isCloseTo(1.0, within(0.02));
        assertThat(cross / n).isCloseTo(0.0, within(0.01));
        assertThat((double) zeros / n).isCloseTo(Math.exp(-1), within(0.005));
        assertThat(Bootstrap.weight(42, 3, 17)).isEqualTo(Bootstrap.weight(42, 3, 17));
    }

    /** The fast form of a whole enterprise's weights (folded remainders) gives the weights of the definition. */
    @Test
    void fastWeightsEqualTheDefinition() {
        java.util.Random rnd = new java.util.Random(3);
        long[] seeds = {20211028L, 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 2147483646L, 2147483647L};
        for (long seed : seeds) {
            for (int i = 0; i < 300; i++) {
                long e = i < 100 ? i : i < 200 ? rnd.nextInt(Integer.MAX_VALUE) : 1 + rnd.nextInt(20_000_000);
                byte[] w = Bootstrap.weights(seed, 1000, e);
                for (int b = 0; b < 1000; b++) {
                    assertThat((int) w[b]).as("seed %d, e %d, b %d", seed, e, b).isEqualTo(Bootstrap.weight(seed, b, e));
                }
            }
        }
        java.util.stream.LongStream.of(0, 1, Bootstrap.M - 1, Bootstrap.M, Bootstrap.M + 1, 2 * Bootstrap.M, Long.MAX_VALUE,
            (Bootstrap.M - 1) * (Bootstrap.M - 1)).forEach(x -> assertThat(Bootstrap.mod(x)).as("%d mod M", x).isEqualTo(x % Bootstrap.M));
    }

    @Test
    void sqlWeightsEqualJavaWeights() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.sql("CREATE TEMP TABLE hg_eb AS SELECT CAST(range AS BIGINT) AS eidx FROM range(1, 40)");
            f.sql(Bootstrap.weightsTableSql(-123456789L, 120));
            try (Statement st = f.store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM hg_bw ORDER BY eidx, blk")) {
                int rows = 0;
                while (rs.next()) {
                    long e = rs.getLong("eidx");
                    long blk = rs.getLong("blk");
                    for (int k = 0; k < Bootstrap.K; k++) {
                        assertThat(rs.getInt("w" + k)).as("e %d b %d", e, blk * Bootstrap.K + k)
                            .isEqualTo(Bootstrap.weight(-123456789L, blk * Bootstrap.K + k, e));
                    }
                    rows++;
                }
                assertThat(rows).isEqualTo(39 * 3);
            }
        }
    }

    @Test
    void medianReplicatesFollowTheWeightedMultiset() {
        double[] v = {1, 2, 3, 4};
        long[] e = {11, 12, 13, 14};
        Bootstrap.WeightCache cache = new Bootstrap.WeightCache(5, 300, 1 << 20, 100);
        double[] reps = Bootstrap.medianReplicates(v, e, cache, 300);
        for (int b = 0; b < 300; b++) {
            // expand the resample and take its median by hand
            List<Double> xs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < Bootstrap.weight(5, b, e[i]); k++) {
                    xs.add(v[i]);
                }
            }
            if (xs.isEmpty()) {
                assertThat(reps[b]).isNaN();
            } else {
                int m = xs.size();
                double med = m % 2 == 1 ? xs.get(m / 2) : (xs.get(m / 2 - 1) + xs.get(m / 2)) / 2;
                assertThat(reps[b]).as("resample %d", b).isEqualTo(med);
            }
        }
    }

    @Test
    void medianReplicatesOfLargerCellsEqualABruteForceScan() {
        for (int n : new int[] {150, 3001}) {
            java.util.Random rnd = new java.util.Random(n);
            double[] v = new double[n];
            long[] e = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.floor(rnd.nextDouble() * 50); // ties on purpose
                e[i] = 1 + rnd.nextInt(1_000_000);
            }
            java.util.Arrays.sort(v);
            int resamples = 400;
            Bootstrap.WeightCache cache = new Bootstrap.WeightCache(11, resamples, 1 << 30, 1_000_001);
            double[] reps = Bootstrap.medianReplicates(v, e, cache, resamples);
            for (int b = 0; b < resamples; b++) {
                long total = 0;
                for (int i = 0; i < n; i++) {
                    total += Bootstrap.weight(11, b, e[i]);
                }
                long lo = (total + 1) / 2;
                long hi = total / 2 + 1;
                double a = Double.NaN;
                double z = Double.NaN;
                long cum = 0;
                for (int i = 0; i < n; i++) {
                    cum += Bootstrap.weight(11, b, e[i]);
                    if (Double.isNaN(a) && cum >= lo) {
                        a = v[i];
                    }
                    if (Double.isNaN(z) && cum >= hi) {
                        z = v[i];
                    }
                }
                assertThat(reps[b]).as("n %d resample %d", n, b).isEqualTo((a + z) / 2);
            }
        }
    }

    @Test
    void javaRatioReplicatesEqualTheSetBasedSqlOnes() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            for (int i = 0; i < 12; i++) {
                String id = "r" + i;
                if (i % 3 == 0) {
                    f.otherFirm(id, "2015-01-01", null);
                } else {
                    f.returneeFirm(id, "2015-01-01", null);
                }
                f.year(id, 2020, "rd_expense = " + (i + 1) + ", revenue = " + (10 * i + 5));
            }
            LocalDate d = LocalDate.of(2020, 12, 31);
            var c = f.store.connection();
            BaseTables.create(SqlSession.jdbc(c), d);
            try {
                String unit = BaseTables.bind(Catalogue.core().find("ent.rd_intensity").orElseThrow().sql(), d, Dialect.DUCKDB);
                Resampling rs0 = Resampling.load(c, Comparison.RETURNEE_OTHER, 99, 120);
                Map<Resampling.Key, double[]> java = rs0.ratio(rs0.ratioUnits(c, unit), List.of("district"), false, 1.0);
                try (Statement st = c.createStatement()) {
                    st.execute(Bootstrap.weightsTableSql(99, 120));
                    st.execute(Bootstrap.ratioReplicatesSql(unit, "b.breakdown IN ('', 'district')", 1.0, 120));
                }
                Map<Resampling.Key, double[]> sql = new HashMap<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT period, breakdown, category, grp, r, s FROM hg_boot")) {
                    while (rs.next()) {
                        double s = rs.getDouble(6);
                        sql.computeIfAbsent(new Resampling.Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            k -> new double[120])[rs.getInt(5)] = rs.wasNull() ? Double.NaN : s;
                    }
                }
                assertThat(sql.keySet()).isEqualTo(java.keySet());
                // the set-based form (per cell, where the rows live: Spark's) gives the same replicates
                Map<Resampling.Key, double[]> cells = new SessionResampling(SqlSession.jdbc(c), Comparison.RETURNEE_OTHER, "hg_eb", 99, 120)
                    .ratio(unit, List.of("district"), false, 1.0);
                assertThat(cells.keySet()).isEqualTo(java.keySet());
                for (var k : java.keySet()) {
                    for (int b = 0; b < 120; b++) {
                        double x = java.get(k)[b];
                        if (Double.isNaN(x)) {
                            assertThat(cells.get(k)[b]).isNaN();
                        } else {
                            assertThat(cells.get(k)[b]).isCloseTo(x, within(1e-12));
                        }
                    }
                }
                for (var k : java.keySet()) {
                    for (int b = 0; b < 120; b++) {
                        double x = java.get(k)[b];
                        double y = sql.get(k)[b];
                        if (Double.isNaN(x)) {
                            assertThat(y).isNaN();
                        } else {
                            assertThat(y).isCloseTo(x, within(1e-12));
                        }
                    }
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(Bootstrap.ratioIntervalSql())) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    assertThat(n).isEqualTo(6); // returnee, other, difference for the total and the one district
                }
            } finally {
                BaseTables.drop(SqlSession.jdbc(c));
            }
        }
    }
}
