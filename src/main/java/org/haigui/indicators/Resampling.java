package org.haigui.indicators;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bootstrap replicates of ratios and medians, per (period, breakdown, category, group) cell.
 * The database computes each enterprise's contribution (the definition's unit rows); only the
 * resampling arithmetic - B weighted sums or weighted medians per cell, with the weights of
 * {@link Bootstrap} - runs here, in tight loops over primitive arrays. Measured on the benchmark,
 * the same arithmetic as one set-based DuckDB query (kept as {@link Bootstrap#ratioReplicatesSql},
 * for engines such as Spark) was about ten times slower than the speed target allows.
 */
final class Resampling {

    /** A cell of one group. */
    record Key(String period, String breakdown, String category, String group) {
    }

    private final Map<Long, String[]> enterprises;
    private final Bootstrap.WeightCache weights;
    private final int resamples;

    private Resampling(Map<Long, String[]> enterprises, Bootstrap.WeightCache weights, int resamples) {
        this.enterprises = enterprises;
        this.weights = weights;
        this.resamples = resamples;
    }

    /** Reads the grouped enterprises' breakdown values (hg_ent). */
    static Resampling load(Connection c, long seed, int resamples) throws SQLException {
        Map<Long, String[]> ent = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT eidx, grp, district, section, zone FROM hg_ent WHERE grp IS NOT NULL")) {
            while (rs.next()) {
                ent.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
        // weights of every enterprise, cached up to 40% of the heap (beyond that, recomputed when needed)
        long cap = Math.min(2L << 30, (long) (Runtime.getRuntime().maxMemory() * 0.4));
        return new Resampling(ent, new Bootstrap.WeightCache(seed, resamples, cap), resamples);
    }

    private static final boolean TRACE = Boolean.getBoolean("haigui.indicators.trace");

    private static final List<String> ENT_BREAKDOWNS = List.of("district", "industry_section", "zone");

    /** Unit rows: period, enterprise, and one or two numbers. */
    private static final class Units {
        String[] period = new String[1024];
        long[] eidx = new long[1024];
        double[] a = new double[1024];
        double[] b = new double[1024];
        int n;

        void add(String p, long e, double x, double y) {
            if (n == eidx.length) {
                period = Arrays.copyOf(period, n * 2);
                eidx = Arrays.copyOf(eidx, n * 2);
                a = Arrays.copyOf(a, n * 2);
                b = Arrays.copyOf(b, n * 2);
            }
            period[n] = p;
            eidx[n] = e;
            a[n] = x;
            b[n] = y;
            n++;
        }
    }

    /** Unit rows of {@code sql} (columns period, eidx, a [, b]) in {@code order} (columns of q). */
    private Units fetch(Connection c, String sql, String order) throws SQLException {
        // periods travel as small integers (a dictionary), not as one string per row
        List<String> periods = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT period FROM (" + sql + ") q ORDER BY period")) {
            while (rs.next()) {
                periods.add(rs.getString(1));
            }
        }
        Units u = new Units();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("WITH q AS (" + sql + "), pd AS (SELECT period, row_number() OVER (ORDER BY period) - 1 AS pidx"
                 + " FROM (SELECT DISTINCT period FROM q) x) SELECT pd.pidx, q.* FROM q JOIN pd ON pd.period = q.period ORDER BY " + order)) {
            boolean two = rs.getMetaData().getColumnCount() > 4;
            while (rs.next()) {
                u.add(periods.get(rs.getInt(1)), rs.getLong(3), rs.getDouble(4), two ? rs.getDouble(5) : 0);
            }
        }
        return u;
    }

    /** A growable list of unit indices. */
    private static final class IntList {
        int[] a = new int[8];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    /**
     * The cells: keys, the unit indices of each (in unit order), and for each unit its cell in each
     * slot (0 = total, 1.. = the enterprise breakdowns in {@link #ENT_BREAKDOWNS} order; -1 = none).
     */
    private record Cells(List<Key> keys, List<int[]> members, int[][] slots) {
    }

    private Cells cells(Units u, List<String> breakdowns, boolean returneeOnly) {
        Map<Key, Integer> ids = new HashMap<>();
        List<Key> keys = new ArrayList<>();
        List<IntList> members = new ArrayList<>();
        int nSlots = 1 + ENT_BREAKDOWNS.size();
        int[][] slots = new int[nSlots][u.n];
        for (int[] sl : slots) {
            Arrays.fill(sl, -1);
        }
        for (int i = 0; i < u.n; i++) {
            String[] e = enterprises.get(u.eidx[i]);
            if (e == null || (returneeOnly && !IndicatorEngine.RETURNEE.equals(e[0]))) {
                continue;
            }
            for (int j = 0; j < nSlots; j++) {
                if (j > 0 && !breakdowns.contains(ENT_BREAKDOWNS.get(j - 1))) {
                    continue;
                }
                Key k = j == 0 ? new Key(u.period[i], "", "", e[0]) : new Key(u.period[i], ENT_BREAKDOWNS.get(j - 1), e[j], e[0]);
                Integer id = ids.get(k);
                if (id == null) {
                    id = keys.size();
                    ids.put(k, id);
                    keys.add(k);
                    members.add(new IntList());
                }
                members.get(id).add(i);
                slots[j][i] = id;
            }
        }
        List<int[]> m = new ArrayList<>(members.size());
        for (IntList l : members) {
            m.add(Arrays.copyOf(l.a, l.n));
        }
        return new Cells(keys, m, slots);
    }

    /** Replicates of scale x sum(w num) / sum(w den) per cell; unit SQL columns eidx, period, num, den. */
    Map<Key, double[]> ratio(Connection c, String unitSql, List<String> breakdowns, boolean returneeOnly, double scale)
        throws SQLException {
        Units u = fetch(c, "SELECT period, eidx, CAST(num AS DOUBLE) AS a, CAST(den AS DOUBLE) AS b FROM (" + unitSql + ") q"
            + " WHERE num IS NOT NULL AND den IS NOT NULL", "q.eidx");
        Cells cells = cells(u, breakdowns, returneeOnly);
        List<Key> keys = cells.keys();
        int bCount = resamples;
        double[][] sn = new double[keys.size()][bCount];
        double[][] sd = new double[keys.size()][bCount];
        // one pass over the units (sorted by enterprise, so that its weights are converted once per
        // pass) adding w x num and w x den to the unit's cells; the slots are shared out between two
        // threads, each owning the accumulators of its slots
        int nSlots = cells.slots().length;
        java.util.stream.IntStream.range(0, 2).parallel().forEach(t -> {
            double[] w = new double[bCount];
            long current = Long.MIN_VALUE;
            for (int i = 0; i < u.n; i++) {
                for (int j = t; j < nSlots; j += 2) {
                    int k = cells.slots()[j][i];
                    if (k < 0) {
                        continue;
                    }
                    if (u.eidx[i] != current) {
                        current = u.eidx[i];
                        byte[] wb = weights.get(current);
                        for (int b = 0; b < bCount; b++) {
                            w[b] = wb[b];
                        }
                    }
                    double x = u.a[i];
                    double y = u.b[i];
                    double[] an = sn[k];
                    double[] ad = sd[k];
                    for (int b = 0; b < bCount; b++) {
                        an[b] += w[b] * x;
                        ad[b] += w[b] * y;
                    }
                }
            }
        });
        Map<Key, double[]> out = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            double[] r = new double[bCount];
            for (int b = 0; b < bCount; b++) {
                r[b] = sd[k][b] == 0 ? Double.NaN : scale * sn[k][b] / sd[k][b];
            }
            out.put(keys.get(k), r);
        }
        return out;
    }

    /** Replicates of the median per cell; unit SQL columns eidx, period, v. Cells run in parallel. */
    Map<Key, double[]> median(Connection c, String unitSql, List<String> breakdowns, boolean returneeOnly) throws SQLException {
        long t0 = System.nanoTime();
        Units u = fetch(c, "SELECT period, eidx, CAST(v AS DOUBLE) AS a FROM (" + unitSql + ") q WHERE v IS NOT NULL", "q.a, q.eidx");
        Cells cells = cells(u, breakdowns, returneeOnly);
        if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "median: %d units fetched and celled in %.2f s%n", u.n, (System.nanoTime() - t0) / 1e9);
        }
        Map<Key, double[]> out = new java.util.concurrent.ConcurrentHashMap<>();
        // unit indices are in value order already (the query sorts), so each cell's list is sorted
        java.util.stream.IntStream.range(0, cells.keys().size()).parallel().forEach(k -> {
            int[] idx = cells.members().get(k);
            double[] v = new double[idx.length];
            long[] ex = new long[idx.length];
            for (int i = 0; i < idx.length; i++) {
                v[i] = u.a[idx[i]];
                ex[i] = u.eidx[idx[i]];
            }
            out.put(cells.keys().get(k), Bootstrap.medianReplicates(v, ex, weights, resamples));
        });
        return out;
    }

    /** Percentile intervals per cell: each group, and the difference replicate by replicate. */
    static Map<Key, Intervals.Interval> intervals(Map<Key, double[]> reps) {
        Map<Key, Intervals.Interval> out = new HashMap<>();
        for (Map.Entry<Key, double[]> e : reps.entrySet()) {
            Key k = e.getKey();
            Intervals.Interval ci = Intervals.percentile(e.getValue());
            if (ci != null) {
                out.put(k, ci);
            }
            if (IndicatorEngine.RETURNEE.equals(k.group())) {
                double[] o = reps.get(new Key(k.period(), k.breakdown(), k.category(), IndicatorEngine.OTHER));
                if (o != null) {
                    double[] r = e.getValue();
                    double[] d = new double[r.length];
                    for (int b = 0; b < r.length; b++) {
                        d[b] = r[b] - o[b];
                    }
                    Intervals.Interval dc = Intervals.percentile(d);
                    if (dc != null) {
                        out.put(new Key(k.period(), k.breakdown(), k.category(), IndicatorEngine.DIFFERENCE), dc);
                    }
                }
            }
        }
        return out;
    }
}
