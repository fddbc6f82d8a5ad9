package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Interval code against published worked examples: Wilson score intervals of Newcombe (1998a,
 * "Two-sided confidence intervals for the single proportion", Stat Med 17:857-872, Table I) and
 * method 10 of Newcombe (1998b, "Interval estimation for the difference between independent
 * proportions", Stat Med 17:873-890, Table II), to the four decimals printed there.
 */
class IntervalsTest {

    @Test
    void zIsTheNormalQuantile() {
        assertThat(Intervals.Z95).isCloseTo(1.959963984540054, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
    void wilson(long x, long n, double low, double high) {
        Intervals.Interval ci = Intervals.wilson(x, n);
        assertThat(ci.low()).isCloseTo(low, within(5e-5));
        assertThat(ci.high()).isCloseTo(high, within(5e-5));
    }

    @ParameterizedTest
    @CsvSource({
        "56, 70, 48, 80, 0.0524, 0.3339",
        "9, 10, 3, 10, 0.1705, 0.8090",
        "6, 7, 2, 7, 0.0582, 0.8062",
        "5, 56, 0, 29, -0.0381, 0.1926",
        "0, 10, 0, 20, -0.1611, 0.2775",
        "0, 10, 0, 10, -0.2775, 0.2775",
        "10, 10, 0, 20, 0.6791, 1.0000",
        "10, 10, 0, 10, 0.6075, 1.0000"})
    void newcombeHybridScore(long x1, long n1, long x2, long n2, double low, double high) {
        Intervals.Interval ci = Intervals.newcombe(x1, n1, x2, n2);
        assertThat(ci.low()).isCloseTo(low, within(5e-5));
        assertThat(ci.high()).isCloseTo(high, within(5e-5));
    }

    @Test
    void emptyGroupsHaveNoInterval() {
        assertThat(Intervals.wilson(0, 0)).isNull();
        assertThat(Intervals.newcombe(1, 2, 0, 0)).isNull();
    }

    @Test
    void percentileInterpolatesAndSkipsUndefinedReplicates() {
        double[] r = new double[1001];
        for (int i = 0; i <= 1000; i++) {
            r[i] = 1000 - i;
        }
        r[5] = Double.NaN; // 995 gone: 1000 values 0..1000 without 995
        Intervals.Interval ci = Intervals.percentile(r);
        // type 7: h = 999 * 0.025 = 24.975 -> 24 + 0.975 * (25 - 24)
        assertThat(ci.low()).isCloseTo(24.975, within(1e-9));
        // h = 999 * 0.975 = 974.025: sorted[974] = 974, sorted[975] = 975 (995 missing is above)
        assertThat(ci.high()).isCloseTo(974.025, within(1e-9));
        assertThat(Intervals.percentile(new double[] {Double.NaN})).isNull();
    }

    /**
     * The percentile interval picks its order statistics by selection: the same bits as sorting
     * (the sorted reference below), on replicates with many ties, signed zeros, NaNs and every
     * length up to a few hundred, and on the 1,000 of a run.
     */
    @Test
    void selectionGivesTheSortedOrderStatistics() {
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 3000; trial++) {
            int n = trial < 2000 ? 1 + rnd.nextInt(300) : 1000;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = switch (rnd.nextInt(6)) {
                    case 0 -> rnd.nextInt(5);            // ties
                    case 1 -> rnd.nextBoolean() ? 0.0 : -0.0;
                    case 2 -> rnd.nextInt(20) == 0 ? Double.NaN : rnd.nextGaussian();
                    default -> rnd.nextGaussian() * 1e3;
                };
            }
            double[] sorted = java.util.Arrays.stream(r).filter(d -> !Double.isNaN(d)).sorted().toArray();
            Intervals.Interval ci = Intervals.percentile(r.clone());
            if (sorted.length == 0) {
                assertThat(ci).isNull();
                continue;
            }
            assertThat(Double.doubleToRawLongBits(ci.low())).as("low, trial %d", trial)
                .isEqualTo(Double.doubleToRawLongBits(Intervals.quantile(sorted, 0.025)));
            assertThat(Double.doubleToRawLongBits(ci.high())).as("high, trial %d", trial)
                .isEqualTo(Double.doubleToRawLongBits(Intervals.quantile(sorted, 0.975)));
        }
    }
}
