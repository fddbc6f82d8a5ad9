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
     * number of units); the resampled counts of the profiles are then multinomial(n, counts / n),
     * which is drawn exactly as a chain of binomials (profile k gets Binomial(n left, counts[k] /
     * counts left)), so a resample costs one binomial draw per profile however many units there
     * are. Every statistic is computed on the same resamples. Returns per statistic the 2.5th and
     * 97.5th percentiles (nearest rank: the 25th and 975th of 1,000 sorted values), or null when
     * there are no units.
     */
    static double[][] bootstrap(long[] counts, List<ToDoubleFunction<long[]>> statistics, long seed) {
        long n = Arrays.stream(counts).sum();
        double[][] out = new double[statistics.size()][];
        if (n == 0) {
            return out;
        }
        int k = counts.length;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] stats = new double[statistics.size()][RESAMPLES];
        long[] sample = new long[k];
        for (int b = 0; b < RESAMPLES; b++) {
            multinomial(n, counts, sample, rnd);
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

    /** Multinomial(n, counts / sum(counts)) into {@code out}, by conditional binomials. */
    static void multinomial(long n, long[] counts, long[] out, SplittableRandom rnd) {
        long left = n;
        long mass = Arrays.stream(counts).sum();
        for (int i = 0; i < counts.length; i++) {
            if (left == 0 || mass == 0) {
                out[i] = 0;
                continue;
            }
            long x = counts[i] >= mass ? left : binomial(left, (double) counts[i] / mass, rnd);
            out[i] = x;
            left -= x;
            mass -= counts[i];
        }
    }

    /**
     * An exact Binomial(n, p) draw: by inversion (summing geometric waiting times) when n p is
     * small, else by Hörmann's transformed rejection with squeeze (BTRS, 1993).
     */
    static long binomial(long n, double p, SplittableRandom rnd) {
        if (p <= 0 || n == 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p, rnd);
        }
        if (n * p < 10) {
            return inversion(n, p, rnd);
        }
        return btrs(n, p, rnd);
    }

    private static long inversion(long n, double p, SplittableRandom rnd) {
        double logq = Math.log1p(-p);
        long successes = 0;
        double trials = 0;
        while (true) {
            double u = 1.0 - rnd.nextDouble(); // (0, 1]
            trials += Math.ceil(Math.log(u) / logq);
            if (trials > n) {
                return successes;
            }
            successes++;
        }
    }

    private static final double[] STIRLING_TAIL = {0.0810614667953272, 0.0413406959554092, 0.0276779256849983,
        0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
        0.00925546218271273, 0.00833056343336287};

    /** log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi)/2]: the Stirling series tail. */
    private static double stirlingTail(double k) {
        if (k <= 9) {
            return STIRLING_TAIL[(int) k];
        }
        double kp1sq = (k + 1) * (k + 1);
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
    }

    private static long btrs(long count, double p, SplittableRandom rnd) {
        double n = count;
        double spq = Math.sqrt(n * p * (1 - p));
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double r = p / (1 - p);
        double alpha = (2.83 + 5.1 / b) * spq;
        double m = Math.floor((n + 1) * p);
        while (true) {
            double u = rnd.nextDouble() - 0.5;
            double v = rnd.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return (long) k;
            }
            v = Math.log(v * alpha / (a / (us * us) + b));
            double bound = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1)))
                + (n + 1) * Math.log((n - m + 1) / (n - k + 1))
                + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1))
                + stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
            if (v <= bound) {
                return (long) k;
            }
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
