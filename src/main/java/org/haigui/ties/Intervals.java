package org.haigui.ties;

import java.util.Arrays;
import java.util.List;
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
     * number of units; a draw picks profile k with probability counts[k] / n, by Walker's alias
     * method); every statistic is computed on the same resamples from the resampled counts. Returns
     * per statistic the 2.5th and 97.5th percentiles (nearest rank: the 25th and 975th of 1,000
     * sorted values), or null when there are no units.
     */
    static double[][] bootstrap(long[] counts, List<ToDoubleFunction<long[]>> statistics, long seed) {
        long n = Arrays.stream(counts).sum();
        double[][] out = new double[statistics.size()][];
        if (n == 0) {
            return out;
        }
        int k = counts.length;
        double[] prob = new double[k];
        int[] alias = new int[k];
        aliasTable(counts, n, prob, alias);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] stats = new double[statistics.size()][RESAMPLES];
        long[] sample = new long[k];
        for (int b = 0; b < RESAMPLES; b++) {
            Arrays.fill(sample, 0);
            for (long i = 0; i < n; i++) {
                int j = rnd.nextInt(k);
                sample[rnd.nextDouble() < prob[j] ? j : alias[j]]++;
            }
            for (int s = 0; s < statistics.size(); s++) {
                stats[s][b] = statistics.get(s).applyAsDouble(sample);
            }
        }
        int lo = (int) Math.ceil(0.025 * RESAMPLES) - 1;
        int hi = (int) Math.ceil(0.975 * RESAMPLES) - 1;
        for (int s = 0; s < statistics.size(); s++) {
            Arrays.sort(stats[s]);
            out[s] = new double[] {stats[s][lo], stats[s][hi]};
        }
        return out;
    }

    /** Vose's alias table for drawing index j with probability counts[j] / n. */
    private static void aliasTable(long[] counts, long n, double[] prob, int[] alias) {
        int k = counts.length;
        double[] scaled = new double[k];
        int[] small = new int[k];
        int[] large = new int[k];
        int ns = 0;
        int nl = 0;
        for (int j = 0; j < k; j++) {
            scaled[j] = (double) counts[j] * k / n;
            alias[j] = j;
            if (scaled[j] < 1.0) {
                small[ns++] = j;
            } else {
                large[nl++] = j;
            }
        }
        while (ns > 0 && nl > 0) {
            int l = small[--ns];
            int g = large[--nl];
            prob[l] = scaled[l];
            alias[l] = g;
            scaled[g] = scaled[g] + scaled[l] - 1.0;
            if (scaled[g] < 1.0) {
                small[ns++] = g;
            } else {
                large[nl++] = g;
            }
        }
        while (nl > 0) {
            prob[large[--nl]] = 1.0;
        }
        while (ns > 0) {
            prob[small[--ns]] = 1.0; // rounding leftovers
        }
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
