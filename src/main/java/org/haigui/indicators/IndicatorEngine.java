package org.haigui.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorDefinition.Groups;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.Intervals.Interval;

/**
 * Computes the catalogue's indicators as of a date: prepares the {@link BaseTables} once, runs each
 * definition's SQL (the database does the work, per breakdown category and group), adds the
 * difference rows and the 95% intervals, and returns the tidy values. Uses (never closes) the
 * connection it is given; the temporary tables it creates ({@code hg_*}, see {@link BaseTables})
 * are dropped at the end, so one run at a time per connection.
 *
 * <p>Portability: the definitions' SQL is plain SQL that Spark SQL also reads, except
 * {@code date_diff('day', a, b)} (Spark: {@code datediff(b, a)}), {@code CREATE TEMP TABLE}
 * (Spark: {@code CREATE TEMPORARY VIEW}), {@code percentile_cont(0.5) WITHIN GROUP} (Spark 3.4+)
 * and the quoted column names {@code "date"} and {@code "year"} (Spark: backquotes).
 */
public final class IndicatorEngine {

    static final String RETURNEE = "returnee";
    static final String OTHER = "other";
    static final String DIFFERENCE = "difference";

    private static final String SCHEME = "Poisson bootstrap of enterprises: in resample b enterprise e (dense index in "
        + "enterprise_id order) has weight w ~ Poisson(1) from u = portable integer hash of (seed, b, e) (see "
        + "org.haigui.indicators.Bootstrap); percentile interval (type 7) of the B replicates; difference = returnee minus "
        + "other replicate of the same resample";

    private final Catalogue catalogue;

    public IndicatorEngine(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** An engine over {@link Catalogue#standard()}. */
    public IndicatorEngine() {
        this(Catalogue.standard());
    }

    /** The values of the standard catalogue (indicators that are not available are left out). */
    public static List<IndicatorValue> compute(Connection c, IndicatorRequest request) {
        return new IndicatorEngine().run(c, request).values();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Runs the request. Throws {@link HaiguiException} (USAGE) for an unknown id in {@code only}. */
    public IndicatorResult run(Connection c, IndicatorRequest request) {
        List<IndicatorDefinition> defs = select(request.only());
        Map<String, String> notAvailable = new LinkedHashMap<>();
        List<IndicatorValue> out = new ArrayList<>();
        request.progress().start("indicators", defs.size());
        try {
            catalogue.prepare(c);
            BaseTables.create(c, request.asOf());
            Run run = new Run(c, request);
            int done = 0;
            for (IndicatorDefinition d : defs) {
                if (!d.available()) {
                    notAvailable.put(d.id(), d.unavailable());
                } else {
                    try {
                        out.addAll(run.compute(d));
                    } catch (SQLException e) {
                        throw new HaiguiException(HaiguiException.Kind.STORE, "cannot compute indicator " + d.id() + ": " + e.getMessage(), e);
                    }
                }
                request.progress().advance(++done);
            }
        } catch (SQLException e) {
            throw new HaiguiException(HaiguiException.Kind.STORE, "cannot prepare the indicator tables: " + e.getMessage(), e);
        } finally {
            BaseTables.drop(c);
            request.progress().finish();
        }
        return new IndicatorResult(out, notAvailable, new IndicatorResult.RunInfo(request.asOf(), request.seed(),
            request.resamples(), Catalogue.VERSION, SCHEME));
    }

    private List<IndicatorDefinition> select(Set<String> only) {
        if (only.isEmpty()) {
            return catalogue.entries();
        }
        List<String> unknown = only.stream().filter(id -> catalogue.find(id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw HaiguiException.usage("unknown indicator" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + "; known: " + String.join(", ", catalogue.entries().stream().map(IndicatorDefinition::id).toList()));
        }
        return catalogue.entries().stream().filter(d -> only.contains(d.id())).toList();
    }

    private record Cell(String period, String breakdown, String category) {
    }

    /** Per group: a = count / sum / successes / numerator sum / median, n = units / denominator sum. */
    private record Stat(BigDecimal a, BigDecimal n) {
    }

    /** One run: the connection, the request, and the lazily created bootstrap weights. */
    private static final class Run {
        private final Connection c;
        private final IndicatorRequest req;
        private Resampling resampling;

        Run(Connection c, IndicatorRequest req) {
            this.c = c;
            this.req = req;
        }

        List<IndicatorValue> compute(IndicatorDefinition d) throws SQLException {
            try (Statement st = c.createStatement()) {
                for (String p : d.prepare()) {
                    st.execute(BaseTables.bind(p, req.asOf()));
                }
            }
            String sql = BaseTables.bind(d.sql(), req.asOf());
            List<IndicatorValue> rows = switch (d.kind()) {
                case TIDY -> tidy(d, sql);
                case PERSON_COUNT -> persons(d, sql);
                default -> enterprises(d, sql);
            };
            List<String> order = new ArrayList<>();
            order.add("");
            order.addAll(d.breakdowns());
            order.add("table");
            List<String> groups = List.of("", RETURNEE, OTHER, DIFFERENCE);
            rows.sort(Comparator.comparing(IndicatorValue::period)
                .thenComparing(v -> order.indexOf(v.breakdown()))
                .thenComparing(IndicatorValue::category)
                .thenComparing(v -> groups.indexOf(v.group())));
            return rows;
        }

        private List<IndicatorValue> tidy(IndicatorDefinition d, String sql) throws SQLException {
            List<IndicatorValue> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(new IndicatorValue(d.id(), rs.getString("period"), "", rs.getString("breakdown"),
                        rs.getString("category"), Numbers.of(rs.getObject("value")), Numbers.of(rs.getObject("numerator")),
                        Numbers.of(rs.getObject("denominator")), null, null, false));
                }
            }
            return out;
        }

        private List<IndicatorValue> persons(IndicatorDefinition d, String sql) throws SQLException {
            // distinct (person, period) first, then one pass with a grouping set per breakdown
            // (grouping(x) = 1 where x is not a grouping column of the row's set)
            List<String> bd = d.breakdowns();
            StringBuilder cols = new StringBuilder();
            StringBuilder sets = new StringBuilder("(u.period)");
            for (String b : bd) {
                cols.append(", a.").append(b).append(", grouping(a.").append(b).append(')');
                sets.append(", (u.period, a.").append(b).append(')');
            }
            String q = "SELECT u.period, count(*) AS n" + cols + " FROM (SELECT DISTINCT person_id, period FROM (" + sql + ") q) u"
                + " JOIN hg_pattr a ON a.person_id = u.person_id GROUP BY "
                + (bd.isEmpty() ? "u.period" : "GROUPING SETS (" + sets + ")");
            List<IndicatorValue> out = new ArrayList<>();
            Set<String> totals = new TreeSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
                while (rs.next()) {
                    String period = rs.getString(1);
                    String breakdown = "";
                    String category = "";
                    for (int i = 0; i < bd.size(); i++) {
                        if (rs.getInt(4 + 2 * i) == 0) {
                            breakdown = bd.get(i);
                            category = rs.getString(3 + 2 * i);
                        }
                    }
                    if (breakdown.isEmpty()) {
                        totals.add(period);
                    }
                    out.add(new IndicatorValue(d.id(), period, "", breakdown, category, Numbers.of(rs.getObject(2)),
                        null, null, null, null, false));
                }
            }
            for (String p : periods(d)) {
                if (!totals.contains(p)) {
                    out.add(new IndicatorValue(d.id(), p, "", "", "", BigDecimal.ZERO, null, null, null, null, false));
                }
            }
            return out;
        }

        private List<String> periods(IndicatorDefinition d) throws SQLException {
            List<String> p = new ArrayList<>();
            if (d.periodsSql() != null) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(BaseTables.bind(d.periodsSql(), req.asOf()))) {
                    while (rs.next()) {
                        p.add(rs.getString(1));
                    }
                }
            }
            return p;
        }

        private List<IndicatorValue> enterprises(IndicatorDefinition d, String sql) throws SQLException {
            boolean both = d.groups() == Groups.RETURNEE_OTHER_DIFFERENCE;
            if (d.kind() == Kind.ENT_RATIO || d.kind() == Kind.ENT_MEDIAN) {
                // the unit rows are read twice (point estimates in SQL, then the resampling): compute them once
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS hg_units");
                    st.execute("CREATE TEMP TABLE hg_units AS SELECT * FROM (" + sql + ") q");
                }
                sql = "SELECT * FROM hg_units";
            }
            String filter = in("b.breakdown", d.breakdowns()) + (both ? "" : " AND b.grp = '" + RETURNEE + "'");
            String agg = switch (d.kind()) {
                case ENT_COUNT -> "count(*), count(*)";
                case ENT_SUM -> "sum(u.x), count(*)";
                case ENT_SHARE -> "sum(u.hit), count(*)";
                case ENT_RATIO -> "sum(u.num), sum(u.den)";
                case ENT_MEDIAN -> "percentile_cont(0.5) WITHIN GROUP (ORDER BY u.v), count(*)";
                default -> throw new IllegalStateException(d.kind().toString());
            };
            String q = "SELECT u.period, b.grp, b.breakdown, b.category, " + agg + " FROM (" + sql + ") u"
                + " JOIN hg_eb b ON b.eidx = u.eidx WHERE " + filter
                + (d.kind() == Kind.ENT_MEDIAN ? " AND u.v IS NOT NULL" : "")
                + (d.kind() == Kind.ENT_RATIO ? " AND u.num IS NOT NULL AND u.den IS NOT NULL" : "")
                + " GROUP BY u.period, b.grp, b.breakdown, b.category";
            Map<Cell, Map<String, Stat>> cells = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
                while (rs.next()) {
                    Cell cell = new Cell(rs.getString(1), rs.getString(3), rs.getString(4));
                    cells.computeIfAbsent(cell, k -> new HashMap<>())
                        .put(rs.getString(2), new Stat(Numbers.of(rs.getObject(5)), Numbers.of(rs.getObject(6))));
                }
            }
            if (d.kind() == Kind.ENT_COUNT || d.kind() == Kind.ENT_SUM) {
                for (String p : periods(d)) {
                    cells.computeIfAbsent(new Cell(p, "", ""), k -> new HashMap<>());
                }
            }
            Map<Cell, Map<String, Interval>> boot = switch (d.kind()) {
                case ENT_RATIO, ENT_MEDIAN -> bootIntervals(d, sql);
                default -> Map.of();
            };
            List<IndicatorValue> out = new ArrayList<>();
            for (Map.Entry<Cell, Map<String, Stat>> e : cells.entrySet()) {
                Cell cell = e.getKey();
                Stat r = e.getValue().get(RETURNEE);
                Stat o = e.getValue().get(OTHER);
                Map<String, Interval> ci = boot.getOrDefault(cell, Map.of());
                out.add(value(d, cell, RETURNEE, r, ci.get(RETURNEE)));
                if (both) {
                    out.add(value(d, cell, OTHER, o, ci.get(OTHER)));
                    out.add(difference(d, cell, r, o, ci.get(DIFFERENCE)));
                }
            }
            return out;
        }

        private IndicatorValue value(IndicatorDefinition d, Cell cell, String group, Stat s, Interval bootCi) {
            BigDecimal value = null;
            BigDecimal num = null;
            BigDecimal den = null;
            Interval ci = null;
            switch (d.kind()) {
                case ENT_COUNT, ENT_SUM -> value = s == null || s.a() == null ? BigDecimal.ZERO : s.a();
                case ENT_SHARE -> {
                    long x = s == null ? 0 : s.a().longValueExact();
                    long n = s == null ? 0 : s.n().longValueExact();
                    num = BigDecimal.valueOf(x);
                    den = BigDecimal.valueOf(n);
                    value = n == 0 ? null : Numbers.of((double) x / n);
                    ci = Intervals.wilson(x, n);
                }
                case ENT_RATIO -> {
                    num = s == null ? BigDecimal.ZERO : s.a();
                    den = s == null ? BigDecimal.ZERO : s.n();
                    value = ratio(d, num, den);
                    ci = bootCi;
                }
                case ENT_MEDIAN -> {
                    value = s == null ? null : s.a();
                    ci = bootCi;
                }
                default -> throw new IllegalStateException();
            }
            return row(d, cell, group, value, num, den, ci);
        }

        private IndicatorValue difference(IndicatorDefinition d, Cell cell, Stat r, Stat o, Interval bootCi) {
            IndicatorValue vr = value(d, cell, RETURNEE, r, null);
            IndicatorValue vo = value(d, cell, OTHER, o, null);
            BigDecimal value = vr.value() == null || vo.value() == null ? null : Numbers.normal(vr.value().subtract(vo.value()));
            Interval ci = null;
            if (d.kind() == Kind.ENT_SHARE) {
                ci = Intervals.newcombe(vr.numerator().longValueExact(), vr.denominator().longValueExact(),
                    vo.numerator().longValueExact(), vo.denominator().longValueExact());
                if (value != null) {
                    value = Numbers.of(vr.numerator().doubleValue() / vr.denominator().doubleValue()
                        - vo.numerator().doubleValue() / vo.denominator().doubleValue());
                }
            } else if (d.kind() == Kind.ENT_RATIO || d.kind() == Kind.ENT_MEDIAN) {
                ci = bootCi;
            }
            return row(d, cell, DIFFERENCE, value, null, null, ci);
        }

        private static BigDecimal ratio(IndicatorDefinition d, BigDecimal num, BigDecimal den) {
            if (num == null || den == null || den.signum() == 0) {
                return null;
            }
            return Numbers.normal(d.scale().multiply(num).divide(den, new MathContext(12)));
        }

        private static IndicatorValue row(IndicatorDefinition d, Cell cell, String group, BigDecimal value, BigDecimal num,
                                          BigDecimal den, Interval ci) {
            return new IndicatorValue(d.id(), cell.period(), group, cell.breakdown(), cell.category(), value, num, den,
                ci == null ? null : Numbers.of(ci.low()), ci == null ? null : Numbers.of(ci.high()), false);
        }

        private Resampling resampling() throws SQLException {
            if (resampling == null) {
                resampling = Resampling.load(c, req.seed(), req.resamples());
            }
            return resampling;
        }

        private Map<Cell, Map<String, Interval>> bootIntervals(IndicatorDefinition d, String sql) throws SQLException {
            boolean returneeOnly = d.groups() == Groups.RETURNEE_ONLY;
            Map<Resampling.Key, double[]> reps = d.kind() == Kind.ENT_RATIO
                ? resampling().ratio(c, sql, d.breakdowns(), returneeOnly, d.scale().doubleValue())
                : resampling().median(c, sql, d.breakdowns(), returneeOnly);
            Map<Cell, Map<String, Interval>> out = new HashMap<>();
            Resampling.intervals(reps).forEach((k, ci) ->
                out.computeIfAbsent(new Cell(k.period(), k.breakdown(), k.category()), x -> new HashMap<>()).put(k.group(), ci));
            return out;
        }

        private static String in(String col, List<String> breakdowns) {
            StringBuilder sb = new StringBuilder(col).append(" IN (''");
            for (String b : breakdowns) {
                sb.append(", '").append(b.replace("'", "''")).append('\'');
            }
            return sb.append(')').toString();
        }
    }
}
