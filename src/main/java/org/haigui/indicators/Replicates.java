package org.haigui.indicators;

import java.util.Arrays;

/**
 * The bootstrap replicates of one cell (one group of unit rows), for engines that compute them
 * where the rows live ({@link SqlSession#replicates}): the same Poisson weights of enterprises as
 * the embedded engine's ({@link Bootstrap}: a portable hash of seed, resample and enterprise index),
 * so that a seed gives the same replicates on every engine, up to the order of floating-point sums.
 */
public final class Replicates {

    /** What is resampled. */
    public enum Statistic {
        /** scale x sum(w a) / sum(w b); NaN where sum(w b) is 0. */
        RATIO,
        /** the weighted median of a (ties of a in enterprise order); NaN where every weight is 0. */
        MEDIAN
    }

    private Replicates() {
    }

    /**
     * The B replicates of the statistic over the unit rows {@code (eidx[i], a[i], b[i])} of one cell
     * (any order; the arrays are not changed).
     */
    public static double[] of(Statistic statistic, long[] eidx, double[] a, double[] b, long seed, int resamples, double scale) {
        int n = eidx.length;
        if (statistic == Statistic.MEDIAN) {
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> a[x] != a[y] ? Double.compare(a[x], a[y]) : Long.compare(eidx[x], eidx[y]));
            double[] v = new double[n];
            long[] e = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = a[idx[i]];
                e[i] = eidx[idx[i]];
            }
            return Bootstrap.medianReplicates(v, e, new Bootstrap.WeightCache(seed, resamples, 0, 0), resamples);
        }
        // in enterprise order, as the embedded engine adds them
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Long.compare(eidx[x], eidx[y]));
        double[] sn = new double[resamples];
        double[] sd = new double[resamples];
        byte[] w = null;
        long current = Long.MIN_VALUE;
        for (Integer i : idx) {
            if (eidx[i] != current) {
                current = eidx[i];
                w = Bootstrap.weights(seed, resamples, current);
            }
            for (int r = 0; r < resamples; r++) {
                sn[r] += w[r] * a[i];
                sd[r] += w[r] * b[i];
            }
        }
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            out[r] = sd[r] == 0 ? Double.NaN : scale * sn[r] / sd[r];
        }
        return out;
    }

    /** The unit rows of one cell, collected row by row. */
    static final class Group {
        private long[] eidx = new long[16];
        private double[] a = new double[16];
        private double[] b = new double[16];
        private int n;

        void add(long e, double x, double y) {
            if (n == eidx.length) {
                eidx = Arrays.copyOf(eidx, n * 2);
                a = Arrays.copyOf(a, n * 2);
                b = Arrays.copyOf(b, n * 2);
            }
            eidx[n] = e;
            a[n] = x;
            b[n] = y;
            n++;
        }

        double[] replicates(Statistic s, long seed, int resamples, double scale) {
            return of(s, Arrays.copyOf(eidx, n), Arrays.copyOf(a, n), Arrays.copyOf(b, n), seed, resamples, scale);
        }
    }
}
