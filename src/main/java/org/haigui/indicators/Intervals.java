package org.haigui.indicators;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * 95% intervals: Wilson score interval for a share, Newcombe's hybrid score interval (method 10
 * of Newcombe 1998, Statistics in Medicine 17:873-890) for a difference of two independent shares,
 * and percentile intervals over bootstrap replicates.
 */
public final class Intervals {

    /** An interval; {@code low <= high}. */
    public record Interval(double low, double high) {
    }

    /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal (1.959963985...). */
    public static final double Z95 = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);

    private Intervals() {
    }

    /** The Wilson score interval for x successes in n trials; null when n is 0. */
    public static Interval wilson(long x, long n) {
        return wilson(x, n, Z95);
    }

    static Interval wilson(long x, long n, double z) {
        if (n <= 0) {
            return null;
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("successes " + x + " not in 0.." + n);
        }
        double p = (double) x / n;
        double z2 = z * z;
        double centre = 2 * x + z2;
        double half = z * Math.sqrt(z2 + 4.0 * x * (1 - p));
        double den = 2 * (n + z2);
        double low = x == 0 ? 0.0 : (centre - half) / den;
        double high = x == n ? 1.0 : (centre + half) / den;
        return new Interval(Math.max(0.0, low), Math.min(1.0, high));
    }

    /**
     * The Wilson score interval for a share p on a sample of size n, which may be an effective
     * sample size that is not a whole number (Kish's n_eff of a weighted share): the same formula
     * as {@link #wilson(long, long)} with x = p n. Null when n is not positive.
     */
    public static Interval wilson(double p, double n) {
        if (!(n > 0) || Double.isNaN(p)) {
            return null;
        }
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("share " + p + " not in 0..1");
        }
        double z = Z95;
        double z2 = z * z;
        double den = 1 + z2 / n;
        double centre = p + z2 / (2 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double low = p == 0 ? 0.0 : (centre - half) / den;
        double high = p == 1 ? 1.0 : (centre + half) / den;
        return new Interval(Math.max(0.0, low), Math.min(1.0, high));
    }

    /**
     * Newcombe's hybrid score interval for p1 - p2 = x1/n1 - x2/n2 (method 10): with Wilson
     * limits (l1, u1) and (l2, u2), low = d - sqrt((p1 - l1)^2 + (u2 - p2)^2) and
     * high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2). Null when either n is 0.
     */
    public static Interval newcombe(long x1, long n1, long x2, long n2) {
        Interval a = wilson(x1, n1);
        Interval b = wilson(x2, n2);
        if (a == null || b == null) {
            return null;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - a.low()) + sq(b.high() - p2));
        double high = d + Math.sqrt(sq(a.high() - p1) + sq(p2 - b.low()));
        return new Interval(low, high);
    }

    /**
     * The 2.5% and 97.5% percentiles of bootstrap replicates, by linear interpolation between order
     * statistics (type 7 of Hyndman and Fan, as DuckDB's quantile_cont and Spark's percentile).
     * NaN replicates (a resample where the statistic is undefined) are left out; null when none
     * is left.
     */
    public static Interval percentile(double[] replicates) {
        double[] v = new double[replicates.length];
        int n = 0;
        for (double d : replicates) {
            if (!Double.isNaN(d)) {
                v[n++] = d;
            }
        }
        if (n == 0) {
            return null;
        }
        // only four order statistics are needed, not the whole order: selection (in the order of
        // Double.compare, that of Arrays.sort, so the values are the same to the bit) is several
        // times faster than sorting the 1,000 replicates of every cell
        return new Interval(quantileOf(v, n, 0.025), quantileOf(v, n, 0.975));
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Type-7 quantile of the first n values of v (reordered in place), as {@link #quantile} of them sorted. */
    static double quantileOf(double[] v, int n, double q) {
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double a = select(v, n, lo);
        double b = a;
        if (hi > lo) {
            // after selecting lo, every value right of it comes at or after it: the next is their least
            b = v[lo + 1];
            for (int i = lo + 2; i < n; i++) {
                if (Double.compare(v[i], b) < 0) {
                    b = v[i];
                }
            }
        }
        return a + (h - lo) * (b - a);
    }

    /**
     * The k-th (0-based) of the first n values in the order of {@link Double#compare}; reorders v so
     * that v[k] is it, those before it come at or before it and those after at or after it.
     */
    static double select(double[] v, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (right > left) {
            // median of three as the pivot, then a three-way partition (many equal replicates occur)
            int mid = (left + right) >>> 1;
            double x = v[left];
            double y = v[mid];
            double z = v[right];
            double pivot = Double.compare(x, y) < 0
                ? (Double.compare(y, z) < 0 ? y : Double.compare(x, z) < 0 ? z : x)
                : (Double.compare(x, z) < 0 ? x : Double.compare(y, z) < 0 ? z : y);
            int lt = left;
            int gt = right;
            int i = left;
            while (i <= gt) {
                int c = Double.compare(v[i], pivot);
                if (c < 0) {
                    double t = v[lt];
                    v[lt++] = v[i];
                    v[i++] = t;
                } else if (c > 0) {
                    double t = v[gt];
                    v[gt--] = v[i];
                    v[i] = t;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                right = lt - 1;
            } else if (k > gt) {
                left = gt + 1;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    private static double sq(double a) {
        return a * a;
    }
}
