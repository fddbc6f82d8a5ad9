package org.haigui.ties;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The 95% intervals of the spec's "Groups" paragraph. TODO(ties): use the indicators engine's
 * shared interval code once it is on main.
 */
final class Intervals {

    /** The standard normal 97.5% quantile. */
    static final double Z = 1.959963984540054;
    /** Bootstrap resamples (the spec asks for at least 1,000). */
    static final int RESAMPLES = 1000;

    private Intervals() {
    }

    /** Wilson score interval of x successes in n; null when n is 0. */
    static double[] wilson(long x, long n) {
        if (n <= 0) {
            return null;
        }
        double p = (double) x / n;
        double z2 = Z * Z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * Percentile bootstrap over units (enterprises) given as a frequency table: {@code counts[k]}
     * units have the k-th distinct profile. Each resample draws n units with replacement (n = the
     * number of units); {@code statistic} maps the resampled counts to the figure. Returns the
     * 2.5th and 97.5th percentiles (nearest rank: the 25th and 975th of 1,000 sorted values), or
     * null when there are no units.
     */
    static double[] bootstrap(long[] counts, ToDoubleFunction<long[]> statistic, long seed) {
        long n = Arrays.stream(counts).sum();
        if (n == 0) {
            return null;
        }
        long[] cumulative = new long[counts.length];
        long acc = 0;
        for (int i = 0; i < counts.length; i++) {
            acc += counts[i];
            cumulative[i] = acc;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] stats = new double[RESAMPLES];
        long[] sample = new long[counts.length];
        for (int b = 0; b < RESAMPLES; b++) {
            Arrays.fill(sample, 0);
            for (long i = 0; i < n; i++) {
                long u = rnd.nextLong(n);
                // the first profile whose cumulative count exceeds u
                int lo = 0;
                int hi = cumulative.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cumulative[mid] > u) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                sample[lo]++;
            }
            stats[b] = statistic.applyAsDouble(sample);
        }
        Arrays.sort(stats);
        int lo = (int) Math.ceil(0.025 * RESAMPLES) - 1;
        int hi = (int) Math.ceil(0.975 * RESAMPLES) - 1;
        return new double[] {stats[lo], stats[hi]};
    }

    /**
     * Median of values given as (value, count) with values ascending; of an even number of values
     * the mean of the two middle ones. NaN when there are none.
     */
    static double median(long[] values, long[] counts) {
        long n = Arrays.stream(counts).sum();
        if (n == 0) {
            return Double.NaN;
        }
        long lo = (n - 1) / 2;
        long hi = n / 2;
        return (nth(values, counts, lo) + nth(values, counts, hi)) / 2.0;
    }

    private static long nth(long[] values, long[] counts, long index) {
        long acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += counts[i];
            if (index < acc) {
                return values[i];
            }
        }
        throw new IllegalStateException("index beyond the counts");
    }
}
