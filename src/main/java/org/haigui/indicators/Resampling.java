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

    /** The comparison whose two groups are resampled (group 0 = first, 1 = second). */
    private final Comparison comparison;
    /** Per enterprise index: its group (0 or 1, -1 when in neither). */
    private final int[] group;
    /**
     * Per breakdown slot (0 = total, then ENT_BREAKDOWNS): for enterprise e its category codes
     * {@code cats[j][start[j][e]] .. cats[j][start[j][e + 1] - 1]} (several where the breakdown is not a partition).
     */
    private final int[][] start;
    private final int[][] cats;
    /** Per breakdown slot: the category names by code. */
    private final List<List<String>> names;
    private final Bootstrap.WeightCache weights;
    private final int resamples;

    private Resampling(Comparison comparison, int[] group, int[][] start, int[][] cats, List<List<String>> names,
                       Bootstrap.WeightCache weights, int resamples) {
        this.comparison = comparison;
        this.group = group;
        this.start = start;
        this.cats = cats;
        this.names = names;
        this.weights = weights;
        this.resamples = resamples;
    }

    /**
     * Reads the enterprises' groups of the comparison and their breakdown categories; eidx is dense (1..N).
     *
     * <p>The loops over the rows are small methods of their own: this one runs once per run, so its loops
     * were compiled on stack (OSR) in each run anew, the whole method each time (measured in one JVM: 0.2 s
     * of the optimising compiler per run, competing with the run for the cores).
     */
    static Resampling load(Connection c, Comparison cmp, long seed, int resamples) throws SQLException {
        int max;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(eidx), 0) FROM hg_ent")) {
            rs.next();
            max = (int) rs.getLong(1);
        }
        int nSlots = 1 + ENT_BREAKDOWNS.size();
        int[] group = new int[max + 1];
        Arrays.fill(group, -1);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT eidx, grp FROM (" + cmp.groupsSql() + ") g")) {
            readGroups(rs, cmp, group);
        }
        int[][] start = new int[nSlots][];
        int[][] cats = new int[nSlots][];
        List<List<String>> names = new ArrayList<>();
        names.add(List.of(""));
        start[0] = new int[max + 2];
        cats[0] = new int[max + 1];
        Arrays.setAll(start[0], e -> e); // the total: one category (code 0) per enterprise
        for (int j = 1; j < nSlots; j++) {
            List<String> nm = new ArrayList<>();
            int[] count = new int[max + 2];
            IntList cc = new IntList();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT eidx, category FROM (" + ENT_BREAKDOWNS.get(j - 1).expr() + ") x ORDER BY eidx")) {
                readCategories(rs, nm, cc, count);
            }
            prefixSums(count);
            start[j] = count;
            cats[j] = Arrays.copyOf(cc.a, cc.n);
            names.add(nm);
        }
        // weights of every enterprise, cached up to 40% of the heap (beyond that, recomputed when needed)
        long cap = Math.min(2L << 30, (long) (Runtime.getRuntime().maxMemory() * 0.4));
        return new Resampling(cmp, group, start, cats, names, new Bootstrap.WeightCache(seed, resamples, cap, max), resamples);
    }

    /** Each enterprise's group: 0 the comparison's first, 1 its second, -1 neither. */
    private static void readGroups(ResultSet rs, Comparison cmp, int[] group) throws SQLException {
        while (rs.next()) {
            String g = rs.getString(2);
            group[(int) rs.getLong(1)] = cmp.first().equals(g) ? 0 : cmp.second().equals(g) ? 1 : -1;
        }
    }

    /**
     * The (eidx, category) rows of one breakdown, in eidx order: the categories' codes in order of first
     * appearance (names), the code of each row, and the rows per enterprise at {@code count[eidx + 1]}.
     */
    private static void readCategories(ResultSet rs, List<String> names, IntList codesOfRows, int[] count) throws SQLException {
        Map<String, Integer> codes = new HashMap<>();
        while (rs.next()) {
            int e = (int) rs.getLong(1);
            String v = rs.getString(2);
            Integer code = codes.get(v);
            if (code == null) {
                code = names.size();
                codes.put(v, code);
                names.add(v);
            }
            codesOfRows.add(code);
            count[e + 1]++;
        }
    }

    /** count[i] becomes the sum of count[0..i]. */
    private static void prefixSums(int[] count) {
        for (int i = 1; i < count.length; i++) {
            count[i] += count[i - 1];
        }
    }

    /** The enterprise breakdowns of the registry, in slot order (slot j = ENT_BREAKDOWNS.get(j - 1)). */
    private static final List<Breakdowns.Breakdown> ENT_BREAKDOWNS = Breakdowns.of(Breakdowns.Scope.ENTERPRISE);

    /** Unit rows: period (index in {@code periods}), enterprise, and one or two numbers. */
    static final class Units {
        final List<String> periods = new ArrayList<>();
        int[] period = new int[1024];
        long[] eidx = new long[1024];
        double[] a = new double[1024];
        double[] b = new double[1024];
        int n;

        void add(int p, long e, double x, double y) {
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
        // periods become small integers (a dictionary, in order of first appearance: the index only groups the
        // rows, it orders nothing) in the one pass over the rows, rather than by a second query for the distinct
        // periods and a join with it; rows without a period are left out, as that join left them out
        Units u = new Units();
        Map<String, Integer> codes = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT q.* FROM (" + sql + ") q WHERE q.period IS NOT NULL ORDER BY " + order)) {
            boolean two = rs.getMetaData().getColumnCount() > 3;
            while (rs.next()) {
                String period = rs.getString(1);
                Integer p = codes.get(period);
                if (p == null) {
                    p = u.periods.size();
                    codes.put(period, p);
                    u.periods.add(period);
                }
                u.add(p, rs.getLong(2), rs.getDouble(3), two ? rs.getDouble(4) : 0);
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

    /** The cells: keys, and the unit indices of each (in unit order; a unit is in one cell per breakdown slot it has categories in). */
    private record Cells(List<Key> keys, List<int[]> members) {
    }

    private Cells cells(Units u, List<String> breakdowns, boolean firstOnly) {
        int nSlots = 1 + ENT_BREAKDOWNS.size();
        int nPer = Math.max(1, u.periods.size());
        int maxCat = 1;
        for (List<String> nm : names) {
            maxCat = Math.max(maxCat, nm.size());
        }
        // a dense cell number (slot, category, period, group) -> cell id
        int[] idOf = new int[nSlots * maxCat * nPer * 2];
        Arrays.fill(idOf, -1);
        boolean[] use = new boolean[nSlots];
        use[0] = true;
        for (int j = 1; j < nSlots; j++) {
            use[j] = breakdowns.contains(ENT_BREAKDOWNS.get(j - 1).id());
        }
        List<Key> keys = new ArrayList<>();
        List<IntList> members = new ArrayList<>();
        for (int i = 0; i < u.n; i++) {
            int e = (int) u.eidx[i];
            int g = e < group.length ? group[e] : -1;
            for (int j = 0; j < nSlots; j++) {
                if (g >= 0 && !(firstOnly && g != 0) && use[j] && e + 1 < start[j].length) {
                    for (int q = start[j][e]; q < start[j][e + 1]; q++) {
                        int cat = cats[j][q];
                        int dense = ((j * maxCat + cat) * nPer + u.period[i]) * 2 + g;
                        int id = idOf[dense];
                        if (id < 0) {
                            id = keys.size();
                            idOf[dense] = id;
                            keys.add(new Key(u.periods.get(u.period[i]), j == 0 ? "" : ENT_BREAKDOWNS.get(j - 1).id(), names.get(j).get(cat),
                                comparison.label(g)));
                            members.add(new IntList());
                        }
                        members.get(id).add(i);
                    }
                }
            }
        }
        List<int[]> m = new ArrayList<>(members.size());
        for (IntList l : members) {
            m.add(Arrays.copyOf(l.a, l.n));
        }
        return new Cells(keys, m);
    }


    /**
     * The unit rows of a ratio (the database's part, on the run's connection; unit SQL columns eidx, period, num,
     * den); for {@link #ratio(Units, List, boolean, double)}.
     */
    Units ratioUnits(Connection c, String unitSql) throws SQLException {
        return fetch(c, "SELECT period, eidx, CAST(num AS DOUBLE) AS a, CAST(den AS DOUBLE) AS b FROM (" + unitSql + ") q"
            + " WHERE num IS NOT NULL AND den IS NOT NULL", "q.eidx");
    }

    /**
     * Replicates of scale x sum(w num) / sum(w den) per cell, from the fetched unit rows: arithmetic only (no
     * connection), so it may run on another thread.
     */
    Map<Key, double[]> ratio(Units u, List<String> breakdowns, boolean firstOnly, double scale) {
        Cells cells = cells(u, breakdowns, firstOnly);
        List<Key> keys = cells.keys();
        int bCount = resamples;
        double[][] sn = new double[keys.size()][];
        double[][] sd = new double[keys.size()][];
        // Cell by cell (the cells shared between the two threads), each cell's units in unit order
        // (by enterprise), adding w x num and w x den to the cell's two accumulators: they stay in the
        // processor's cache while the enterprises' weights stream past. (Unit by unit, every unit
        // touched its cells' accumulators in turn - 16 KB each, megabytes in all - and the run was
        // bound by memory.) Each sum is added up in the same order either way, so the figures are
        // the same to the last bit. When districts are asked for, the total is not accumulated unit
        // by unit: every enterprise has exactly one district (a partition), so the total is the sum
        // of the district cells.
        boolean totalFromDistricts = ENT_BREAKDOWNS.get(0).partition() && breakdowns.contains(ENT_BREAKDOWNS.get(0).id());
        java.util.stream.IntStream.range(0, keys.size()).parallel().forEach(k -> {
            double[] an = new double[bCount];
            double[] ad = new double[bCount];
            sn[k] = an;
            sd[k] = ad;
            if (totalFromDistricts && keys.get(k).breakdown().isEmpty()) {
                return;
            }
            for (int i : cells.members().get(k)) {
                byte[] wb = weights.get(u.eidx[i]);
                double x = u.a[i];
                double y = u.b[i];
                for (int b = 0; b < bCount; b++) {
                    double w = wb[b];
                    an[b] += w * x;
                    ad[b] += w * y;
                }
            }
        });
        if (totalFromDistricts) {
            Map<Key, Integer> index = new HashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                index.put(keys.get(k), k);
            }
            for (int k = 0; k < keys.size(); k++) {
                Key key = keys.get(k);
                if (key.breakdown().equals(ENT_BREAKDOWNS.get(0).id())) {
                    int tk = index.get(new Key(key.period(), "", "", key.group()));
                    for (int b = 0; b < bCount; b++) {
                        sn[tk][b] += sn[k][b];
                        sd[tk][b] += sd[k][b];
                    }
                }
            }
        }
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


    /**
     * The unit rows of a median, sorted by value (the database's part; unit SQL columns eidx, period, v); for
     * {@link #median(Units, List, boolean)}.
     */
    Units medianUnits(Connection c, String unitSql) throws SQLException {
        return fetch(c, "SELECT period, eidx, CAST(v AS DOUBLE) AS a FROM (" + unitSql + ") q WHERE v IS NOT NULL", "q.a, q.eidx");
    }

    /** Replicates of the median per cell from the fetched unit rows (cells run in parallel): arithmetic only, so it may run on another thread. */
    Map<Key, double[]> median(Units u, List<String> breakdowns, boolean firstOnly) {
        long t0 = System.nanoTime();
        Cells cells = cells(u, breakdowns, firstOnly);
        if (Timings.ON) {
            Timings.log("  median: " + u.n + " units put in cells", t0);
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


    /** The unit rows of a median difference, sorted by value (the database's part; unit SQL columns eidx, period, side, v). */
    Units medianDifferenceUnits(Connection c, String unitSql) throws SQLException {
        return fetch(c, "SELECT period, eidx, CAST(v AS DOUBLE) AS a, CAST(side AS DOUBLE) AS b FROM (" + unitSql + ") q"
            + " WHERE v IS NOT NULL", "q.a, q.eidx");
    }

    /**
     * Per period: the replicates of median(side 0) - median(side 1), from the fetched unit rows (side 0 or 1, may
     * differ between periods for one enterprise): arithmetic only. An enterprise's weights are those of every other
     * resampled figure (seed, resample, eidx). Periods where a side is empty have no replicates.
     */
    Map<String, double[]> medianDifference(Units u) {
        Map<String, double[]> out = new HashMap<>();
        int nPer = u.periods.size();
        IntList[][] members = new IntList[nPer][2];
        for (int i = 0; i < u.n; i++) {
            int side = u.b[i] == 0 ? 0 : 1;
            IntList l = members[u.period[i]][side];
            if (l == null) {
                l = new IntList();
                members[u.period[i]][side] = l;
            }
            l.add(i);
        }
        for (int p = 0; p < nPer; p++) {
            if (members[p][0] == null || members[p][1] == null) {
                continue;
            }
            double[][] r = new double[2][];
            for (int side = 0; side < 2; side++) {
                IntList l = members[p][side];
                double[] v = new double[l.n];
                long[] ex = new long[l.n];
                for (int i = 0; i < l.n; i++) {
                    v[i] = u.a[l.a[i]];
                    ex[i] = u.eidx[l.a[i]];
                }
                r[side] = Bootstrap.medianReplicates(v, ex, weights, resamples);
            }
            double[] d = new double[resamples];
            for (int b = 0; b < resamples; b++) {
                d[b] = r[0][b] - r[1][b];
            }
            out.put(u.periods.get(p), d);
        }
        return out;
    }

    /** Percentile intervals per cell: each group, and the difference replicate by replicate. */
    static Map<Key, Intervals.Interval> intervals(Comparison comparison, Map<Key, double[]> reps) {
        Map<Key, Intervals.Interval> out = new HashMap<>();
        for (Map.Entry<Key, double[]> e : reps.entrySet()) {
            Key k = e.getKey();
            Intervals.Interval ci = Intervals.percentile(e.getValue());
            if (ci != null) {
                out.put(k, ci);
            }
            if (comparison.first().equals(k.group())) {
                double[] o = reps.get(new Key(k.period(), k.breakdown(), k.category(), comparison.second()));
                if (o != null) {
                    double[] r = e.getValue();
                    double[] d = new double[r.length];
                    for (int b = 0; b < r.length; b++) {
                        d[b] = r[b] - o[b];
                    }
                    Intervals.Interval dc = Intervals.percentile(d);
                    if (dc != null) {
                        out.put(new Key(k.period(), k.breakdown(), k.category(), comparison.difference()), dc);
                    }
                }
            }
        }
        return out;
    }
}
