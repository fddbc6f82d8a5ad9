package org.haigui.indicators;

import java.util.ArrayList;
import java.util.List;

/**
 * The resampling scheme of every bootstrap interval: a <b>Poisson bootstrap</b> of enterprises.
 * In resample b (0 .. B-1) enterprise e (its dense index {@code eidx}, 1.. in enterprise_id order)
 * gets the weight w(seed, b, e) ~ Poisson(1), drawn by inverting the Poisson(1) distribution
 * function at a pseudo-random integer u computed with portable 64-bit integer arithmetic
 * (M = 2^31 - 1, every product below 2^63):
 * <pre>
 *   h1 = (e * 1000003 + (seed mod M)) mod M
 *   h2 = (h1 * h1 + b * 7919 + 12345) mod M
 *   h3 = (h2 * 48271) mod M
 *   u  = (h3 * h3 + e) mod M
 *   w  = number of j in 0..8 with u >= floor(M * P(Poisson(1) <= j))   (so w is 0..9)
 * </pre>
 * The Poisson bootstrap (independent Poisson(1) weights instead of a multinomial draw of n
 * enterprises) is the usual large-sample approximation of the ordinary bootstrap; it lets every
 * resample be one set-based query. Weights are the same in SQL (ratios, computed by the database
 * with K = 50 resamples per row, see {@link #weightsTableSql}) and in Java (medians, see
 * {@link #medianReplicates}), so a run is reproducible from (data, D, seed, B).
 */
final class Bootstrap {

    static final long M = 2147483647L;
    /** Resamples per row of the wide weights table. */
    static final int K = 50;
    /** floor(M * P(Poisson(1) <= j)), j = 0..8. */
    static final long[] THRESHOLDS = thresholds();

    private Bootstrap() {
    }

    private static long[] thresholds() {
        long[] t = new long[9];
        double f = 0;
        double fact = 1;
        for (int j = 0; j < 9; j++) {
            if (j > 0) {
                fact *= j;
            }
            f += Math.exp(-1) / fact;
            t[j] = (long) Math.floor(f * M);
        }
        return t;
    }

    /** The weight of enterprise {@code eidx} in resample {@code b}. */
    static int weight(long seed, long b, long eidx) {
        long h1 = (eidx * 1000003L + Math.floorMod(seed, M)) % M;
        long h2 = (h1 * h1 + b * 7919L + 12345L) % M;
        long h3 = (h2 * 48271L) % M;
        long u = (h3 * h3 + eidx) % M;
        int w = 0;
        while (w < THRESHOLDS.length && u >= THRESHOLDS[w]) {
            w++;
        }
        return w;
    }

    /**
     * The weights of one enterprise in all B resamples: {@link #weight} for b = 0 .. B-1, with the
     * part that does not depend on b computed once and the remainders mod M taken by folding
     * (M = 2^31 - 1 is a Mersenne prime), which gives the same integers several times faster.
     */
    static byte[] weights(long seed, int resamples, long eidx) {
        byte[] w = new byte[resamples];
        long h1 = (eidx * 1000003L + Math.floorMod(seed, M)) % M;
        long h1sq = mod(h1 * h1);
        for (int b = 0; b < resamples; b++) {
            long h2 = mod(h1sq + b * 7919L + 12345L);
            long h3 = mod(h2 * 48271L);
            long u = mod(h3 * h3 + eidx);
            int k = 0;
            while (k < THRESHOLDS.length && u >= THRESHOLDS[k]) {
                k++;
            }
            w[b] = (byte) k;
        }
        return w;
    }

    /** x mod M for 0 <= x < 2^63. */
    static long mod(long x) {
        long r = (x & M) + (x >>> 31);
        r = (r & M) + (r >>> 31);
        return r >= M ? r - M : r;
    }

    static int blocks(int resamples) {
        return (resamples + K - 1) / K;
    }

    /**
     * SQL creating {@code hg_bw(eidx, blk, w0 .. w49)}: the weight of enterprise eidx in resample
     * blk * 50 + k is column wk, for the enterprises of {@code hg_eb}.
     */
    static String weightsTableSql(long seed, int resamples) {
        long s = Math.floorMod(seed, M);
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < blocks(resamples); i++) {
            blocks.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
        }
        StringBuilder h3 = new StringBuilder();
        StringBuilder u = new StringBuilder();
        StringBuilder w = new StringBuilder();
        for (int k = 0; k < K; k++) {
            h3.append(", ((h1 * h1 + (blk * ").append(K).append(" + ").append(k).append(") * 7919 + 12345) % ").append(M)
                .append(") * 48271 % ").append(M).append(" AS h").append(k);
            u.append(", (h").append(k).append(" * h").append(k).append(" + eidx) % ").append(M).append(" AS u").append(k);
            w.append(", CASE");
            for (int j = 0; j < THRESHOLDS.length; j++) {
                w.append(" WHEN u").append(k).append(" < ").append(THRESHOLDS[j]).append(" THEN ").append(j);
            }
            w.append(" ELSE ").append(THRESHOLDS.length).append(" END AS w").append(k);
        }
        return "CREATE TEMP TABLE hg_bw AS SELECT eidx, blk" + w + " FROM (SELECT eidx, blk" + u
            + " FROM (SELECT eidx, blk" + h3 + " FROM (SELECT e.eidx, CAST(k.blk AS BIGINT) AS blk, (e.eidx * 1000003 + " + s
            + ") % " + M + " AS h1 FROM (SELECT DISTINCT eidx FROM hg_eb) e CROSS JOIN (VALUES " + blocks
            + ") AS k(blk)) a) b) c";
    }

    /**
     * The bootstrap replicates of a ratio, as a statement creating {@code hg_boot(period, grp,
     * breakdown, category, r, s)}: for every cell, group and resample r the replicate
     * s = scale x sum(w num) / sum(w den) (NULL where sum(w den) is 0). One set-based pass: each unit
     * row is joined with its enterprise's wide weights row (50 resamples per row).
     */
    static String ratioReplicatesSql(String unitSql, String ebFilter, double scale, int resamples) {
        StringBuilder sums = new StringBuilder();
        StringBuilder cases = new StringBuilder("CASE k.k");
        StringBuilder ks = new StringBuilder();
        for (int k = 0; k < K; k++) {
            sums.append(", sum(w.w").append(k).append(" * u.num) AS n").append(k)
                .append(", sum(w.w").append(k).append(" * u.den) AS d").append(k);
            cases.append(" WHEN ").append(k).append(" THEN n").append(k).append(" / nullif(d").append(k).append(", 0)");
            ks.append(k == 0 ? "" : ", ").append('(').append(k).append(')');
        }
        cases.append(" END");
        return "CREATE TEMP TABLE hg_boot AS\n"
            + "WITH u AS (SELECT eidx, period, CAST(num AS DOUBLE) AS num, CAST(den AS DOUBLE) AS den FROM (" + unitSql + ") q),\n"
            + "a AS (SELECT u.period, b.grp, b.breakdown, b.category, w.blk" + sums
            + " FROM u JOIN hg_eb b ON b.eidx = u.eidx JOIN hg_bw w ON w.eidx = u.eidx WHERE " + ebFilter
            + " GROUP BY u.period, b.grp, b.breakdown, b.category, w.blk)\n"
            + "SELECT period, grp, breakdown, category, blk * " + K + " + k.k AS r, " + scale + " * (" + cases
            + ") AS s FROM a CROSS JOIN (VALUES " + ks + ") AS k(k) WHERE blk * " + K + " + k.k < " + resamples;
    }

    /**
     * The percentile intervals of the replicates in {@code hg_boot}: per cell and group, and for
     * group {@code difference} of the returnee minus the other replicate of the same resample.
     * Columns: period, grp, breakdown, category, lo, hi.
     */
    static String ratioIntervalSql() {
        return "WITH d AS (SELECT x.period, 'difference' AS grp, x.breakdown, x.category, x.r, x.s - y.s AS s FROM hg_boot x"
            + " JOIN hg_boot y ON x.period = y.period AND x.breakdown = y.breakdown AND x.category = y.category AND x.r = y.r"
            + " WHERE x.grp = 'returnee' AND y.grp = 'other')\n"
            // DuckDB: quantile_cont (type 7); Spark SQL: percentile(s, 0.025)
            + "SELECT period, grp, breakdown, category, quantile_cont(s, 0.025) AS lo, quantile_cont(s, 0.975) AS hi"
            + " FROM (SELECT period, grp, breakdown, category, r, s FROM hg_boot UNION ALL SELECT * FROM d) z"
            + " GROUP BY period, grp, breakdown, category";
    }

    /**
     * Weights of the enterprises seen so far, cached by enterprise index up to a byte budget;
     * safe for concurrent use (two threads may compute the same weights; they are equal).
     */
    static final class WeightCache {
        private final long seed;
        private final int resamples;
        private final byte[][] cache;
        private final long maxEntries;
        private final java.util.concurrent.atomic.AtomicLong entries = new java.util.concurrent.atomic.AtomicLong();

        WeightCache(long seed, int resamples, long maxBytes, int maxEidx) {
            this.seed = seed;
            this.resamples = resamples;
            this.cache = new byte[maxEidx + 1][];
            this.maxEntries = maxBytes / Math.max(1, resamples);
        }

        byte[] get(long eidx) {
            byte[] w = eidx < cache.length ? cache[(int) eidx] : null;
            if (w == null) {
                w = weights(seed, resamples, eidx);
                if (eidx < cache.length && entries.incrementAndGet() <= maxEntries) {
                    cache[(int) eidx] = w;
                }
            }
            return w;
        }
    }

    /**
     * The B bootstrap replicates of the median of one cell: values sorted ascending with their
     * enterprises. In resample b the sorted multiset has W = sum of weights elements; its median is
     * the mean of the elements at 1-based positions floor((W+1)/2) and floor(W/2)+1 (one element
     * when W is odd). NaN where W is 0.
     */
    static double[] medianReplicates(double[] sortedValues, long[] eidx, WeightCache weights, int resamples) {
        int n = sortedValues.length;
        double[] out = new double[resamples];
        if (n == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        // Pass 1: the total weight of every resample, noting the running weight before element
        // `start`, a little below the middle: the weighted median of a resample lies within a few
        // sqrt(n) ranks of the middle (its rank has standard deviation about sqrt(n) / 2), so pass 2
        // can begin there. If some resample's median lies below `start` after all, pass 2 begins at 0.
        List<byte[]> ws = new ArrayList<>(n);
        int start = Math.max(0, n / 2 - (int) (4 * Math.sqrt(n)) - 16);
        int[] total = new int[resamples];
        int[] before = new int[resamples];
        for (int i = 0; i < n; i++) {
            if (i == start) {
                System.arraycopy(total, 0, before, 0, resamples);
            }
            byte[] w = weights.get(eidx[i]);
            ws.add(w);
            for (int b = 0; b < resamples; b++) {
                total[b] += w[b];
            }
        }
        int[] p1 = new int[resamples];
        int[] p2 = new int[resamples];
        boolean fromStart = true;
        for (int b = 0; b < resamples; b++) {
            // an empty resample has no median: positions 0 are passed at once, the result is NaN
            p1[b] = total[b] == 0 ? 0 : (total[b] + 1) / 2;
            p2[b] = total[b] == 0 ? 0 : total[b] / 2 + 1;
            if (total[b] > 0 && before[b] >= p1[b]) {
                fromStart = false;
            }
        }
        if (!fromStart) {
            start = 0;
        }
        int[] cum = new int[resamples];
        int[] c1 = new int[resamples];
        int[] c2 = new int[resamples];
        if (start > 0) {
            System.arraycopy(before, 0, cum, 0, resamples);
            for (int b = 0; b < resamples; b++) {
                // every element before start has a running weight below p1 (and p2) in every resample
                c1[b] = total[b] == 0 ? 0 : start;
                c2[b] = c1[b];
            }
        }
        for (int i = start; i < n; i++) {
            byte[] w = ws.get(i);
            int pending = 0;
            for (int b = 0; b < resamples; b++) {
                int c = cum[b] + w[b];
                cum[b] = c;
                // (c - p) >>> 31 is 1 when c < p (all values are small and non-negative): branch-free
                int below2 = (c - p2[b]) >>> 31;
                c1[b] += (c - p1[b]) >>> 31;
                c2[b] += below2;
                pending |= below2;
            }
            if (pending == 0) {
                break; // every resample has passed both middle positions
            }
        }
        for (int b = 0; b < resamples; b++) {
            out[b] = total[b] == 0 ? Double.NaN : (sortedValues[c1[b]] + sortedValues[c2[b]]) / 2.0;
        }
        return out;
    }
}
