package org.haigui.indicators;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bootstrap of ratios and medians through a {@link SqlSession}'s {@link SqlSession#replicates}:
 * the unit rows are joined with their cells in SQL, the replicates computed per cell where the rows
 * live (on Spark: on the executors), and only B numbers per cell come back. Same weights and the
 * same cells as {@link Resampling}, the embedded engine's in-process form.
 */
final class SessionResampling {

    private final SqlSession s;
    private final Comparison cmp;
    private final String groupTable;
    private final long seed;
    private final int resamples;

    SessionResampling(SqlSession s, Comparison cmp, String groupTable, long seed, int resamples) {
        this.s = s;
        this.cmp = cmp;
        this.groupTable = groupTable;
        this.seed = seed;
        this.resamples = resamples;
    }

    private String cells(String unitCols, String unitSql, String where, List<String> breakdowns, boolean firstOnly) {
        return s.dialect().render("SELECT @str(u.period) AS period, g.grp, g.breakdown, g.category, u.eidx, " + unitCols + " FROM (" + unitSql + ") u JOIN "
            + groupTable + " g ON g.eidx = u.eidx WHERE " + IndicatorEngine.inList("g.breakdown", breakdowns) + " AND g.grp IN ("
            + lit(cmp.first()) + (firstOnly ? "" : ", " + lit(cmp.second())) + ") AND " + where);
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static Map<Resampling.Key, double[]> keyed(Map<List<String>, double[]> reps) {
        Map<Resampling.Key, double[]> out = new HashMap<>();
        reps.forEach((k, v) -> out.put(new Resampling.Key(k.get(0), k.get(2), k.get(3), k.get(1)), v));
        return out;
    }

    Map<Resampling.Key, double[]> ratio(String unitSql, List<String> breakdowns, boolean firstOnly, double scale) throws SQLException {
        return keyed(s.replicates(cells("CAST(u.num AS DOUBLE) AS a, CAST(u.den AS DOUBLE) AS b", unitSql,
            "u.num IS NOT NULL AND u.den IS NOT NULL", breakdowns, firstOnly), 4, Replicates.Statistic.RATIO, seed, resamples, scale));
    }

    Map<Resampling.Key, double[]> median(String unitSql, List<String> breakdowns, boolean firstOnly) throws SQLException {
        return keyed(s.replicates(cells("CAST(u.v AS DOUBLE) AS a, CAST(0 AS DOUBLE) AS b", unitSql, "u.v IS NOT NULL", breakdowns,
            firstOnly), 4, Replicates.Statistic.MEDIAN, seed, resamples, 1));
    }

    /** As {@link Resampling#medianDifference}: per period, median(side 0) - median(side 1), replicate by replicate. */
    Map<String, double[]> medianDifference(String unitSql) throws SQLException {
        Map<List<String>, double[]> reps = s.replicates(s.dialect().render("SELECT @str(period) AS period, CASE WHEN CAST(side AS DOUBLE) = 0"
            + " THEN '0' ELSE '1' END AS side, eidx, CAST(v AS DOUBLE) AS a, CAST(0 AS DOUBLE) AS b FROM (" + unitSql + ") q"
            + " WHERE v IS NOT NULL"), 2, Replicates.Statistic.MEDIAN, seed, resamples, 1);
        Map<String, double[]> out = new HashMap<>();
        reps.forEach((k, r0) -> {
            if (k.get(1).equals("0")) {
                double[] r1 = reps.get(List.of(k.get(0), "1"));
                if (r1 != null) {
                    double[] d = new double[resamples];
                    for (int b = 0; b < resamples; b++) {
                        d[b] = r0[b] - r1[b];
                    }
                    out.put(k.get(0), d);
                }
            }
        });
        return out;
    }
}
