package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    /** Mean and variance of many draws against n p and n p (1 - p), on both sampling paths. */
    @Test
    void binomialDrawsHaveTheRightMoments() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] cases = {{5, 0.2}, {40, 0.1}, {1000, 0.3}, {1_000_000, 0.7}, {200, 0.5}, {30, 0.9}};
        for (double[] cs : cases) {
            long n = (long) cs[0];
            double p = cs[1];
            int draws = 40_000;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < draws; i++) {
                long x = Intervals.binomial(n, p, rnd);
                assertThat(x).isBetween(0L, n);
                sum += x;
                sq += (double) x * x;
            }
            double mean = sum / draws;
            double var = sq / draws - mean * mean;
            double sd = Math.sqrt(n * p * (1 - p));
            // 6 standard errors of the mean; variance within 5%
            assertThat(mean).as("mean n=%d p=%s", n, p).isCloseTo(n * p, within(6 * sd / Math.sqrt(draws)));
            assertThat(var).as("variance n=%d p=%s", n, p).isCloseTo(n * p * (1 - p), within(0.05 * n * p * (1 - p)));
        }
    }

    @Test
    void multinomialKeepsTheTotalAndTheProportions() {
        SplittableRandom rnd = new SplittableRandom(11);
        long[] counts = {500, 0, 1500, 8000};
        long[] out = new long[4];
        long[] total = new long[4];
        for (int i = 0; i < 2000; i++) {
            Intervals.multinomial(10_000, counts, out, rnd);
            assertThat(Arrays.stream(out).sum()).isEqualTo(10_000);
            assertThat(out[1]).isZero();
            for (int j = 0; j < 4; j++) {
                total[j] += out[j];
            }
        }
        assertThat(total[0] / 2000.0).isCloseTo(500, within(5.0));
        assertThat(total[2] / 2000.0).isCloseTo(1500, within(5.0));
    }

    @Test
    void bootstrapOfAShareIsCloseToWilson() {
        // 300 of 1,000 units: the bootstrap interval of the mean of a 0/1 variable is close to Wilson's
        long[] counts = {700, 300};
        double[][] ci = Intervals.bootstrap(counts, List.of(s -> (double) s[1] / (s[0] + s[1])), 3);
        double[] w = Intervals.wilson(300, 1000);
        assertThat(ci[0][0]).isCloseTo(w[0], within(0.01));
        assertThat(ci[0][1]).isCloseTo(w[1], within(0.01));
        assertThat(Intervals.bootstrap(new long[] {0, 0}, List.of(s -> 0.0), 3)[0]).isNull();
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(Intervals.median(new long[] {1, 2, 3}, new long[] {2, 1, 1})).isEqualTo(1.5);
        assertThat(Intervals.median(new long[] {1, 2, 3}, new long[] {1, 1, 1})).isEqualTo(2.0);
        assertThat(Intervals.median(new long[] {4}, new long[] {0})).isNaN();
    }
}
