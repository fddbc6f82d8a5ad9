package org.haigui.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorDefinition.Groups;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.Intervals.Interval;

/**
 * Computes the catalogue's indicators for a {@link RunContext}: prepares the {@link BaseTables}
 * once, runs each definition's SQL (the database does the work, per breakdown category and group),
 * adds the difference rows and the 95% intervals, and returns the raw cells with their
 * contributors and the linear relations between them ({@link RawResult}).
 *
 * <p><b>A run only reads.</b> It runs in one transaction on the connection it is given (its own:
 * one run per connection at a time; the store hands out a fresh read connection per run), so it
 * sees one snapshot of the store - the data before or after a concurrent import's commit, never a
 * mix - and everything it creates is a TEMP table private to that connection ({@code hg_*}, see
 * {@link BaseTables}), dropped by the transaction's rollback at the end. Two runs on two
 * connections never collide. The connection may be read-only.
 *
 * <p>The SQL is rendered for one {@link Dialect} (DuckDB here; Spark SQL for the scale-out module).
 */
public final class IndicatorEngine {

    static final String RETURNEE = "returnee";
    static final String OTHER = "other";
    static final String DIFFERENCE = "difference";

    private static final String SCHEME = "Poisson bootstrap of enterprises: in resample b enterprise e (dense index in "
        + "enterprise_id order) has weight w ~ Poisson(1) from u = portable integer hash of (seed, b, e) (see "
        + "org.haigui.indicators.Bootstrap); percentile interval (type 7) of the B replicates; difference = returnee minus "
        + "other replicate of the same resample";

    private final Function<RunContext, Catalogue> catalogues;

    /** An engine over a fixed catalogue (whatever the run's context). */
    public IndicatorEngine(Catalogue catalogue) {
        this.catalogues = ctx -> catalogue;
    }

    /** An engine over {@link Catalogue#standard(RunContext)}: the core entries and every provider's, for the run's context. */
    public IndicatorEngine() {
        this.catalogues = Catalogue::standard;
    }

    /** The catalogue this engine computes for a run of {@code context}. */
    public Catalogue catalogue(RunContext context) {
        return catalogues.apply(context);
    }

    /**
     * Runs the request on the embedded store's connection, in one transaction that is rolled back at
     * the end (the run's temp tables go with it). Throws {@link HaiguiException} (USAGE) for an unknown id in {@code only}.
     */
    public RawResult run(Connection c, IndicatorRequest request) {
        boolean auto = autoCommit(c);
        try {
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                throw new HaiguiException(HaiguiException.Kind.STORE, "cannot prepare the indicator tables: " + e.getMessage(), e);
            }
            return run(new JdbcSession(c, Dialect.DUCKDB), request);
        } finally {
            end(c, auto);
        }
    }

    /**
     * Runs the request in a session of any engine (the embedded store's, or Spark's in the scale-out
     * module): the same catalogue, rendered for the session's dialect. The temporary tables the run
     * creates stay in the session; the caller ends it. Throws {@link HaiguiException} (USAGE) for an
     * unknown id in {@code only}.
     */
    public RawResult run(SqlSession s, IndicatorRequest request) {
        RunContext ctx = request.context();
        Catalogue catalogue = catalogues.apply(ctx);
        List<IndicatorDefinition> defs = select(catalogue, request.only());
        Map<String, String> notAvailable = new LinkedHashMap<>();
        List<RawCell> out = new ArrayList<>();
        request.progress().start("indicators", defs.size());
        try {
            Dialect dialect = s.dialect();
            long t0 = System.nanoTime();
            BlueprintIndicators.createTables(ctx, s);
            BaseTables.create(s, ctx.asOf(), ctx.blueprint() != null);
            Timings.log("base tables", t0);
            long t1 = System.nanoTime();
            catalogue.prepare(ctx, s);
            Timings.log("providers' tables", t1);
            try (Run run = new Run(s, ctx, dialect)) {
                run.plan(defs.stream().filter(IndicatorDefinition::available).toList());
                // each definition's rows, in catalogue order; a bootstrap's arithmetic may still be running on the
                // run's pool while the next definitions' SQL runs on this thread (see Run.later)
                List<java.util.concurrent.Future<List<RawCell>>> rows = new ArrayList<>();
                int done = 0;
                for (IndicatorDefinition d : defs) {
                    if (!d.available()) {
                        notAvailable.put(d.id(), d.unavailable());
                    } else {
                        try {
                            long q0 = System.nanoTime();
                            rows.add(run.compute(d));
                            Timings.log(d.id(), q0);
                        } catch (SQLException e) {
                            throw new HaiguiException(HaiguiException.Kind.STORE, "cannot compute indicator " + d.id() + ": " + e.getMessage(), e);
                        }
                    }
                    request.progress().advance(++done);
                }
                long w0 = System.nanoTime();
                for (java.util.concurrent.Future<List<RawCell>> f : rows) {
                    out.addAll(Run.join(f));
                }
                Timings.log("waiting for the bootstraps", w0);
            }
        } catch (SQLException e) {
            throw new HaiguiException(HaiguiException.Kind.STORE, "cannot prepare the indicator tables: " + e.getMessage(), e);
        } finally {
            request.progress().finish();
        }
        long r0 = System.nanoTime();
        out.addAll(counterparts(out, catalogue));
        Timings.log("absent counterparts", r0);
        long r1 = System.nanoTime();
        List<CellRelation> relations = Relations.derive(out.stream().map(RawCell::key).toList(), catalogue::find);
        Timings.log("relations", r1);
        return new RawResult(out, relations, notAvailable, new IndicatorResult.RunInfo(ctx.asOf(), ctx.seed(),
            ctx.resamples(), Catalogue.VERSION, SCHEME));
    }

    /**
     * The zero rows a breakdown table leaves out (a category with no row is zero) whose absence an identity would let an
     * intruder read next to a row that is there ({@link Relations#absentCounterparts}; e.g. {@code ent.gazelle_share}
     * where a district has no high-growth enterprise, next to {@code ent.gazelles} and {@code ent.high_growth_rate}):
     * given as rows with no contributors - a count or sum of 0, a share or ratio with numerator and denominator 0 and no
     * value - so that disclosure control sees them like every other cell (and may withhold them).
     */
    static List<RawCell> counterparts(List<RawCell> cells, Catalogue catalogue) {
        List<CellKey> keys = new ArrayList<>(cells.size());
        Set<CellKey> known = new java.util.HashSet<>();
        for (RawCell c : cells) {
            keys.add(c.key());
            known.add(c.key());
        }
        // to a fixpoint: each round asks only about the cells the previous one added (Relations#absentCounterparts),
        // with every cell so far present - the same cells, in the same order, as asking about all of them each round
        List<RawCell> added = new ArrayList<>();
        for (List<CellKey> more = Relations.absentCounterparts(keys, known); ; more = Relations.absentCounterparts(more, known)) {
            more.removeIf(k -> !known.add(k));
            if (more.isEmpty()) {
                return added;
            }
            for (CellKey k : more) {
                IndicatorDefinition.Kind kind = catalogue.find(k.indicator()).map(IndicatorDefinition::kind).orElse(null);
                boolean parts = kind == IndicatorDefinition.Kind.ENT_SHARE || kind == IndicatorDefinition.Kind.ENT_RATIO;
                added.add(new RawCell(new IndicatorValue(k.indicator(), k.period(), k.group(), k.breakdown(), k.category(),
                    parts ? null : BigDecimal.ZERO, parts ? BigDecimal.ZERO : null, parts ? BigDecimal.ZERO : null, null, null, false),
                    new Contributors(0, parts ? 0 : -1, null, null, null, null)));
            }
        }
    }

    private static boolean autoCommit(Connection c) {
        try {
            return c.getAutoCommit();
        } catch (SQLException e) {
            throw new HaiguiException(HaiguiException.Kind.STORE, "cannot use the store's connection: " + e.getMessage(), e);
        }
    }

    /** Rolls the run's transaction back (its temp tables go with it) and restores the connection. */
    private static void end(Connection c, boolean auto) {
        try {
            c.rollback();
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            // the connection is unusable; nothing of the store was changed by the run
        }
    }

    private static List<IndicatorDefinition> select(Catalogue catalogue, Set<String> only) {
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

    /** Whether a run counts persons of several definitions in one query ({@link #personQuery(List, List)}); the tests compare both ways. */
    static volatile boolean batchPersons = true;

    /** Person counts computed with an earlier definition's since the program started (the tests see that some were). */
    static final java.util.concurrent.atomic.AtomicLong BATCHED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The query that counts a person definition's rows ({@code person_id, period}) per period and
     * breakdown category: distinct (person, period) first, then one pass with a grouping set per
     * breakdown (grouping(x) = 1 where x is not a grouping column of the row's set).
     */
    static String personQuery(List<String> bd, String sql) {
        StringBuilder cols = new StringBuilder();
        StringBuilder sets = new StringBuilder("(u.period)");
        for (String b : bd) {
            cols.append(", a.").append(b).append(", grouping(a.").append(b).append(')');
            sets.append(", (u.period, a.").append(b).append(')');
        }
        return "SELECT u.period, count(*) AS n" + cols + " FROM (SELECT DISTINCT person_id, period FROM (" + sql + ") q) u"
            + " JOIN hg_pattr a ON a.person_id = u.person_id GROUP BY "
            + (bd.isEmpty() ? "u.period" : "GROUPING SETS (" + sets + ")");
    }

    /**
     * {@link #personQuery} of several definitions with the same breakdowns in one query: each one's
     * distinct (person, period) rows tagged with its place in {@code sqls} ({@code ind}, the first
     * column), joined to the persons' attributes once and counted in one set of grouping sets, each
     * set within {@code ind}. Row i of a definition's counts is the row {@link #personQuery} gives.
     * Measured on the 250,000-person city: inflow.year, inflow.window5 and stock 0.36 s together against
     * 0.48 s one by one, inflow.quarter and inflow.ytd 0.04 s against 0.10 s.
     */
    static String personQuery(List<String> bd, List<String> sqls) {
        StringBuilder cols = new StringBuilder();
        StringBuilder sets = new StringBuilder("(u.ind, u.period)");
        for (String b : bd) {
            cols.append(", a.").append(b).append(", grouping(a.").append(b).append(')');
            sets.append(", (u.ind, u.period, a.").append(b).append(')');
        }
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < sqls.size(); i++) {
            units.append(i == 0 ? "" : " UNION ALL ").append("SELECT DISTINCT ").append(i).append(" AS ind, person_id, period FROM (")
                .append(sqls.get(i)).append(") q").append(i);
        }
        return "SELECT u.ind, u.period, count(*) AS n" + cols + " FROM (" + units + ") u"
            + " JOIN hg_pattr a ON a.person_id = u.person_id GROUP BY "
            + (bd.isEmpty() ? "u.ind, u.period" : "GROUPING SETS (" + sets + ")");
    }

    /**
     * The query that aggregates an enterprise definition's unit rows ({@code sql}) per period,
     * group, breakdown and category of the group table {@code eb}: the value, the units, and (sums
     * and ratios of amounts) the two largest contributions, in one query.
     */
    static String enterpriseQuery(IndicatorDefinition d, String sql, String eb, Dialect dialect) {
        Comparison cmp = d.comparison();
        boolean both = d.groups() == Groups.RETURNEE_OTHER_DIFFERENCE;
        String filter = Run.in("b.breakdown", d.breakdowns()) + (both ? "" : " AND b.grp = '" + cmp.first().replace("'", "''") + "'")
            + (d.kind() == Kind.ENT_MEDIAN ? " AND u.v IS NOT NULL" : "")
            + (d.kind() == Kind.ENT_RATIO ? " AND u.num IS NOT NULL AND u.den IS NOT NULL" : "");
        String partition = "PARTITION BY u.period, b.grp, b.breakdown, b.category";
        // the two largest contributions: DuckDB's top-n aggregate max(x, 2) in the same pass (several
        // times faster than ranking every row with a window); engines without one rank the rows
        boolean topAggregate = dialect.hasTopTwo();
        String inner;
        String agg;
        switch (d.kind()) {
            case ENT_COUNT -> {
                inner = "";
                agg = "count(*), count(*), count(*), -1, NULL, NULL, NULL, NULL";
            }
            case ENT_SUM -> {
                inner = topAggregate ? "" : ", row_number() OVER (" + partition + " ORDER BY u.x DESC) AS rk";
                agg = "sum(z.x), count(*), count(*), -1, " + Run.top(dialect, "z.x", "z.rk", 1) + ", " + Run.top(dialect, "z.x", "z.rk", 2)
                    + ", NULL, NULL";
            }
            case ENT_SHARE -> {
                inner = "";
                agg = "sum(z.hit), count(*), count(*), sum(z.hit), NULL, NULL, NULL, NULL";
            }
            case ENT_RATIO -> {
                inner = topAggregate ? "" : ", row_number() OVER (" + partition + " ORDER BY u.num DESC) AS rk,"
                    + " row_number() OVER (" + partition + " ORDER BY u.den DESC) AS rkd";
                agg = "sum(z.num), sum(z.den), count(*), sum(CASE WHEN z.num <> 0 THEN 1 ELSE 0 END), " + Run.top(dialect, "z.num", "z.rk", 1)
                    + ", " + Run.top(dialect, "z.num", "z.rk", 2) + ", " + Run.top(dialect, "z.den", "z.rkd", 1) + ", "
                    + Run.top(dialect, "z.den", "z.rkd", 2);
            }
            case ENT_MEDIAN -> {
                inner = "";
                agg = "@median(z.v), count(*), count(*), -1, NULL, NULL, NULL, NULL";
            }
            default -> throw new IllegalStateException(d.kind().toString());
        }
        return dialect.render("SELECT z.period, z.grp, z.breakdown, z.category, " + agg + " FROM (SELECT u.*, b.grp, b.breakdown, b.category"
            + inner + " FROM (" + sql + ") u JOIN " + eb + " b ON b.eidx = u.eidx WHERE " + filter + ") z"
            + " GROUP BY z.period, z.grp, z.breakdown, z.category");
    }

    /**
     * Per group and cell: a = count / sum / successes / numerator sum / median, n = units / denominator
     * sum, and the contributors (units, numerator units, the two largest contributions of the sum or
     * numerator and of the denominator).
     */
    private record Stat(BigDecimal a, BigDecimal n, long units, long numUnits, BigDecimal top1, BigDecimal top2, BigDecimal dTop1,
                        BigDecimal dTop2) {

        Contributors contributors() {
            return new Contributors(units, numUnits, top1, top2, dTop1, dTop2);
        }
    }

    /**
     * One run: the connection, the context, the lazily created bootstrap weights and comparison tables, and the
     * pool that finishes the definitions' bootstraps.
     *
     * <p>Why a pool: a bootstrap's SQL part (the unit rows) needs the run's connection and transaction, its
     * arithmetic (B replicates per cell, the percentile intervals) needs only those rows. On the embedded engine the
     * rows are fetched on the run's thread and the arithmetic is handed to the pool (as many threads as cores), while
     * the run's thread goes on with the next definitions' SQL - the statements are short and leave cores idle. The
     * results are joined in catalogue order at the end, and every figure is computed by the same code from the same
     * rows, so the output does not depend on the threads. At most {@link #MAX_PENDING} definitions wait in the pool
     * (their unit rows are held in memory until then). Spark's sessions compute the replicates where the rows live
     * ({@link SessionResampling}), synchronously: no pool.
     */
    private static final class Run implements AutoCloseable {
        private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
        private static final int MAX_PENDING = 2 * THREADS;
        private final SqlSession c;
        private final RunContext ctx;
        private final Dialect dialect;
        private final Map<String, Resampling> resampling = new HashMap<>();
        private final Map<String, SessionResampling> sessionResampling = new HashMap<>();
        private final Set<String> groupTables = new java.util.HashSet<>();
        /** TIDY definitions whose rows keep the query's order within a period and breakdown. */
        private final Set<String> keepCategoryOrder = new java.util.HashSet<>();
        /** The definitions' temp tables created in this run (each once, by the first definition that needs it). */
        private final Set<String> temps = new java.util.HashSet<>();
        /** The run's definitions, in order ({@link #plan}), for counting persons of several in one query. */
        private List<IndicatorDefinition> planned = List.of();
        /** Rows of person counts computed with an earlier definition's, by id, until their turn. */
        private final Map<String, List<RawCell>> counted = new HashMap<>();

        private final java.util.concurrent.ExecutorService pool;
        private final java.util.ArrayDeque<java.util.concurrent.Future<List<RawCell>>> pending = new java.util.ArrayDeque<>();

        Run(SqlSession c, RunContext ctx, Dialect dialect) {
            this.c = c;
            this.ctx = ctx;
            this.dialect = dialect;
            this.pool = c instanceof JdbcSession ? java.util.concurrent.Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "haigui-bootstrap");
                t.setDaemon(true);
                return t;
            }) : null;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        /** The rows {@code task} computes: on the pool (at most MAX_PENDING waiting), or here and now without one. */
        private java.util.concurrent.Future<List<RawCell>> later(java.util.concurrent.Callable<List<RawCell>> task) {
            if (pool == null) {
                try {
                    return java.util.concurrent.CompletableFuture.completedFuture(task.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            pending.removeIf(java.util.concurrent.Future::isDone);
            while (pending.size() >= MAX_PENDING) {
                join(pending.poll());
            }
            java.util.concurrent.Future<List<RawCell>> f = pool.submit(task);
            pending.add(f);
            return f;
        }

        /** The rows of a finished (or finishing) definition; its failure as the task threw it. */
        static List<RawCell> join(java.util.concurrent.Future<List<RawCell>> f) {
            return org.haigui.core.Tasks.result(f, RuntimeException.class, "computing the bootstrap intervals");
        }

        private String bind(String sql) {
            return BaseTables.bind(sql, ctx.asOf(), dialect);
        }

        /** The run's definitions, in the order {@link #compute} will be given them. */
        void plan(List<IndicatorDefinition> defs) {
            planned = List.copyOf(defs);
        }

        private void prepare(IndicatorDefinition d) throws SQLException {
            for (IndicatorDefinition.TempTable t : d.prepare()) {
                if (temps.add(t.name())) {
                    c.createTemp(t.name(), BaseTables.bind(t.sql(), ctx.asOf()));
                }
            }
        }

        java.util.concurrent.Future<List<RawCell>> compute(IndicatorDefinition d) throws SQLException {
            List<RawCell> done = counted.remove(d.id());
            if (done != null) {
                return java.util.concurrent.CompletableFuture.completedFuture(order(d, done, false));
            }
            prepare(d);
            String sql = bind(d.sql());
            switch (d.kind()) {
                case TIDY -> {
                    List<RawCell> rows = tidy(d, sql);
                    return java.util.concurrent.CompletableFuture.completedFuture(order(d, rows, keepCategoryOrder.contains(d.id())));
                }
                case PERSON_COUNT -> {
                    return java.util.concurrent.CompletableFuture.completedFuture(order(d, persons(d, sql), false));
                }
                default -> {
                    // the SQL here; the bootstrap's arithmetic and the rows' assembly may follow on the pool
                    java.util.concurrent.Callable<List<RawCell>> rows = d.kind() == Kind.ENT_MEDIAN_DIFFERENCE
                        ? medianDifference(d, sql) : enterprises(d, sql);
                    return later(() -> order(d, rows.call(), false));
                }
            }
        }

        /** The definition's rows in output order (sorted in place). */
        private static List<RawCell> order(IndicatorDefinition d, List<RawCell> rows, boolean keepCategoryOrder) {
            List<String> order = new ArrayList<>();
            order.add("");
            order.addAll(d.breakdowns());
            order.add("table");
            Comparison cmp = d.comparison();
            List<String> groups = List.of("", cmp.first(), cmp.second(), cmp.difference());
            if (keepCategoryOrder) {
                // stable: within a period and breakdown the query's order stays; breakdowns not declared
                // (survey questions) keep their first appearance's order
                List<String> seen = new ArrayList<>();
                rows.forEach(r -> {
                    if (!seen.contains(r.value().breakdown())) {
                        seen.add(r.value().breakdown());
                    }
                });
                rows.sort(Comparator.comparing((RawCell r) -> r.value().period())
                    .thenComparing(r -> order.indexOf(r.value().breakdown()))
                    .thenComparing(r -> seen.indexOf(r.value().breakdown())));
            } else {
                rows.sort(Comparator.comparing((RawCell r) -> r.value().period())
                    .thenComparing(r -> order.indexOf(r.value().breakdown()))
                    .thenComparing(r -> r.value().category(), IndicatorEngine::compareCategories)
                    .thenComparing(r -> groups.indexOf(r.value().group())));
            }
            return rows;
        }

        /**
         * TIDY rows (with {@code ci_low}, {@code ci_high} when the query gives them). Contributors: a column {@code units} (and {@code numerator_units}) when the query
         * gives one; else, for figures about persons with a numerator and denominator, the denominator
         * and numerator counts; data-quality rows ({@code data.*}, about rows and records, not persons)
         * have none.
         */
        private List<RawCell> tidy(IndicatorDefinition d, String sql) throws SQLException {
            List<RawCell> out = new ArrayList<>();
            List<Long> ords = new ArrayList<>();
            boolean ordered;
            try (SqlSession.Rows rs = c.query(sql)) {
                Set<String> cols = rs.columns();
                ordered = cols.contains("ord");
                while (rs.next()) {
                    BigDecimal value = Numbers.of(rs.getObject("value"));
                    Interval ci = null;
                    if (cols.contains("wilson_n") && value != null) {
                        double n = rs.getDouble("wilson_n");
                        ci = rs.wasNull() ? null : Intervals.wilson(value.doubleValue(), n);
                    }
                    // a row may carry its own interval (ci_low, ci_high), e.g. a prediction interval
                    BigDecimal low = ci != null ? Numbers.of(ci.low()) : cols.contains("ci_low") ? Numbers.of(rs.getObject("ci_low")) : null;
                    BigDecimal high = ci != null ? Numbers.of(ci.high()) : cols.contains("ci_high") ? Numbers.of(rs.getObject("ci_high")) : null;
                    IndicatorValue v = new IndicatorValue(d.id(), rs.getString("period"), cols.contains("grp") ? rs.getString("grp") : "",
                        rs.getString("breakdown"), rs.getString("category"), value, Numbers.of(rs.getObject("numerator")),
                        Numbers.of(rs.getObject("denominator")), low, high, false);
                    Contributors k;
                    if (cols.contains("units")) {
                        k = new Contributors(rs.getLong("units"), cols.contains("numerator_units") ? rs.getLong("numerator_units") : -1,
                            null, null, null, null);
                    } else if (d.id().startsWith("data.")) {
                        k = Contributors.UNKNOWN;
                    } else if (v.denominator() != null) {
                        k = new Contributors(v.denominator().longValue(), v.numerator() == null ? -1 : v.numerator().longValue(),
                            null, null, null, null);
                    } else {
                        k = v.value() == null ? Contributors.UNKNOWN : Contributors.count(v.value().longValue());
                    }
                    out.add(new RawCell(v, k));
                    ords.add(ordered ? rs.getLong("ord") : 0L);
                }
            }
            if (ordered) {
                // the query's order (e.g. priority industries in tier order, survey options in the definition's order)
                // replaces the category's; the engine's sort of the rows is stable, so it is kept within a breakdown
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < out.size(); i++) {
                    idx.add(i);
                }
                idx.sort(Comparator.comparing((Integer i) -> ords.get(i)).thenComparing(i -> out.get(i).value().category()));
                List<RawCell> sorted = new ArrayList<>();
                idx.forEach(i -> sorted.add(out.get(i)));
                keepCategoryOrder.add(d.id());
                return sorted;
            }
            return out;
        }

        /**
         * The rows of person count d, with those of the run's later person counts of the same breakdowns
         * (kept in {@link #counted} until their turn): one query for all ({@link #personQuery(List, List)}).
         */
        private List<RawCell> persons(IndicatorDefinition d, String sql) throws SQLException {
            List<String> bd = d.breakdowns();
            List<IndicatorDefinition> batch = new ArrayList<>(List.of(d));
            List<String> sqls = new ArrayList<>(List.of(sql));
            int at = planned.indexOf(d);
            for (IndicatorDefinition o : batchPersons && at >= 0 ? planned.subList(at + 1, planned.size()) : List.<IndicatorDefinition>of()) {
                if (o.available() && o.kind() == Kind.PERSON_COUNT && o.breakdowns().equals(bd) && !counted.containsKey(o.id())) {
                    prepare(o);
                    batch.add(o);
                    sqls.add(bind(o.sql()));
                }
            }
            BATCHED.addAndGet(batch.size() - 1);
            List<List<RawCell>> out = new ArrayList<>();
            List<Set<String>> totals = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                out.add(new ArrayList<>());
                totals.add(new TreeSet<>());
            }
            if (!batchPersons) {
                // the definition's own query, batch being d alone (the tests compare the two)
                try (SqlSession.Rows rs = c.query(personQuery(bd, sql))) {
                    while (rs.next()) {
                        personRow(d.id(), bd, rs, 0, out.get(0), totals.get(0));
                    }
                }
            } else {
                try (SqlSession.Rows rs = c.query(personQuery(bd, sqls))) {
                    while (rs.next()) {
                        int k = rs.getInt(1);
                        personRow(batch.get(k).id(), bd, rs, 1, out.get(k), totals.get(k));
                    }
                }
            }
            for (int k = 0; k < batch.size(); k++) {
                for (String p : periods(batch.get(k))) {
                    if (!totals.get(k).contains(p)) {
                        out.get(k).add(new RawCell(new IndicatorValue(batch.get(k).id(), p, "", "", "", BigDecimal.ZERO, null, null, null, null,
                            false), Contributors.count(0)));
                    }
                }
                if (k > 0) {
                    counted.put(batch.get(k).id(), out.get(k));
                }
            }
            return out.get(0);
        }

        /**
         * One row of {@link #personQuery(List, String)} ({@code o} 0) or of {@link #personQuery(List, List)} (1: after its
         * ind) as a cell of definition id; a total's period noted.
         */
        private static void personRow(String id, List<String> bd, SqlSession.Rows rs, int o, List<RawCell> out, Set<String> totals)
            throws SQLException {
            String period = rs.getString(1 + o);
            String breakdown = "";
            String category = "";
            for (int i = 0; i < bd.size(); i++) {
                if (rs.getInt(4 + o + 2 * i) == 0) {
                    breakdown = bd.get(i);
                    category = rs.getString(3 + o + 2 * i);
                }
            }
            if (breakdown.isEmpty()) {
                totals.add(period);
            }
            long n = rs.getLong(2 + o);
            out.add(new RawCell(new IndicatorValue(id, period, "", breakdown, category, Numbers.of(rs.getObject(2 + o)),
                null, null, null, null, false), Contributors.count(n)));
        }

        private List<String> periods(IndicatorDefinition d) throws SQLException {
            List<String> p = new ArrayList<>();
            if (d.periodsSql() != null) {
                try (SqlSession.Rows rs = c.query(bind(d.periodsSql()))) {
                    while (rs.next()) {
                        p.add(rs.getString(1));
                    }
                }
            }
            return p;
        }

        /** The (eidx, grp, breakdown, category) table of a comparison; built on first use. */
        private String groupTable(Comparison cmp) throws SQLException {
            if (cmp.equals(Comparison.RETURNEE_OTHER)) {
                return "hg_eb";
            }
            String name = "hg_eb_" + cmp.id();
            if (groupTables.add(name)) {
                c.createTemp(name, BaseTables.groupedBreakdowns(cmp));
            }
            return name;
        }

        private java.util.concurrent.Callable<List<RawCell>> enterprises(IndicatorDefinition d, String sql) throws SQLException {
            Comparison cmp = d.comparison();
            if (d.kind() == Kind.ENT_RATIO || d.kind() == Kind.ENT_MEDIAN) {
                // the unit rows are read twice (point estimates in SQL, then the resampling): compute them once
                c.createTemp("hg_units", "SELECT * FROM (" + sql + ") q");
                sql = "SELECT * FROM hg_units";
            }
            String q = enterpriseQuery(d, sql, groupTable(cmp), dialect);
            Map<Cell, Map<String, Stat>> cells = new LinkedHashMap<>();
            try (SqlSession.Rows rs = c.query(q)) {
                while (rs.next()) {
                    Cell cell = new Cell(rs.getString(1), rs.getString(3), rs.getString(4));
                    cells.computeIfAbsent(cell, k -> new HashMap<>())
                        .put(rs.getString(2), new Stat(Numbers.of(rs.getObject(5)), Numbers.of(rs.getObject(6)), rs.getLong(7),
                            rs.getLong(8), Numbers.of(rs.getObject(9)), Numbers.of(rs.getObject(10)), Numbers.of(rs.getObject(11)),
                            Numbers.of(rs.getObject(12))));
                }
            }
            if (d.kind() == Kind.ENT_COUNT || d.kind() == Kind.ENT_SUM) {
                for (String p : periods(d)) {
                    cells.computeIfAbsent(new Cell(p, "", ""), k -> new HashMap<>());
                }
            }
            long e0 = System.nanoTime();
            java.util.concurrent.Callable<Map<Cell, Map<String, Interval>>> intervals = switch (d.kind()) {
                case ENT_RATIO, ENT_MEDIAN -> bootIntervals(d, sql);
                default -> Map::of;
            };
            if (d.kind() == Kind.ENT_RATIO || d.kind() == Kind.ENT_MEDIAN) {
                Timings.log("  units of " + d.id() + " for the bootstrap", e0);
            }
            return () -> {
                long e1 = System.nanoTime();
                Map<Cell, Map<String, Interval>> boot = intervals.call();
                if (!boot.isEmpty()) {
                    Timings.log("  bootstrap of " + d.id() + " (" + Thread.currentThread().getName() + ")", e1);
                }
                return enterpriseRows(d, cells, boot);
            };
        }

        private List<RawCell> enterpriseRows(IndicatorDefinition d, Map<Cell, Map<String, Stat>> cells, Map<Cell, Map<String, Interval>> boot) {
            Comparison cmp = d.comparison();
            boolean both = d.groups() == Groups.RETURNEE_OTHER_DIFFERENCE;
            List<RawCell> out = new ArrayList<>();
            for (Map.Entry<Cell, Map<String, Stat>> e : cells.entrySet()) {
                Cell cell = e.getKey();
                Stat r = e.getValue().get(cmp.first());
                Stat o = e.getValue().get(cmp.second());
                Map<String, Interval> ci = boot.getOrDefault(cell, Map.of());
                out.add(new RawCell(value(d, cell, cmp.first(), r, ci.get(cmp.first())), contributors(r)));
                if (both) {
                    out.add(new RawCell(value(d, cell, cmp.second(), o, ci.get(cmp.second())), contributors(o)));
                    out.add(new RawCell(difference(d, cell, r, o, ci.get(cmp.difference())), differenceContributors(r, o)));
                }
            }
            return out;
        }

        /**
         * {@link Kind#ENT_MEDIAN_DIFFERENCE}: per period, median(side 0) - median(side 1) in the comparison's first
         * group, the percentile bootstrap of the per-resample difference (the engine's weights of each enterprise),
         * contributors as for a difference row (the smaller side's enterprises).
         */
        private java.util.concurrent.Callable<List<RawCell>> medianDifference(IndicatorDefinition d, String sql) throws SQLException {
            if (d.groups() != Groups.RETURNEE_ONLY || !d.breakdowns().isEmpty()) {
                throw new IllegalStateException(d.id() + ": a median difference is given in one group, without breakdowns");
            }
            c.createTemp("hg_units", "SELECT * FROM (" + sql + ") q");
            Map<String, BigDecimal[]> med = new java.util.TreeMap<>();
            Map<String, long[]> n = new java.util.TreeMap<>();
            try (SqlSession.Rows rs = c.query(dialect.render(
                "SELECT period, side, @median(v), count(*) FROM hg_units WHERE v IS NOT NULL GROUP BY period, side"))) {
                while (rs.next()) {
                    int side = rs.getInt(2);
                    med.computeIfAbsent(rs.getString(1), k -> new BigDecimal[2])[side] = Numbers.of(rs.getObject(3));
                    n.computeIfAbsent(rs.getString(1), k -> new long[2])[side] = rs.getLong(4);
                }
            }
            java.util.concurrent.Callable<Map<String, double[]>> replicates;
            if (c instanceof JdbcSession j) {
                Resampling rs = resampling(d.comparison());
                Resampling.Units u = rs.medianDifferenceUnits(j.connection(), "SELECT * FROM hg_units");
                replicates = () -> rs.medianDifference(u);
            } else {
                Map<String, double[]> r = sessionResampling(d.comparison()).medianDifference("SELECT * FROM hg_units");
                replicates = () -> r;
            }
            return () -> medianDifferenceRows(d, med, n, replicates.call());
        }

        private List<RawCell> medianDifferenceRows(IndicatorDefinition d, Map<String, BigDecimal[]> med, Map<String, long[]> n,
                                                   Map<String, double[]> reps) {
            List<RawCell> out = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> e : med.entrySet()) {
                BigDecimal[] m = e.getValue();
                long[] k = n.get(e.getKey());
                BigDecimal value = m[0] == null || m[1] == null ? null
                    : Numbers.of(m[0].doubleValue() - m[1].doubleValue());
                Interval ci = value == null || !reps.containsKey(e.getKey()) ? null : Intervals.percentile(reps.get(e.getKey()));
                out.add(new RawCell(row(d, new Cell(e.getKey(), "", ""), d.comparison().first(), value, null, null, ci),
                    new Contributors(Math.min(k[0], k[1]), -1, null, null, null, null)));
            }
            return out;
        }

        /** The k-th largest (1 or 2) of x in the group: a top-n aggregate, or the row ranked k by {@code rank}. */
        static String top(Dialect dialect, String x, String rank, int k) {
            return dialect.hasTopTwo() ? "list_extract(max(" + x + ", 2), " + k + ")" : "sum(CASE WHEN " + rank + " = " + k + " THEN " + x + " END)";
        }

        private static Contributors contributors(Stat s) {
            return s == null ? new Contributors(0, -1, null, null, null, null) : s.contributors();
        }

        private static Contributors differenceContributors(Stat r, Stat o) {
            long ur = r == null ? 0 : r.units();
            long uo = o == null ? 0 : o.units();
            long nr = r == null ? -1 : r.numUnits();
            long no = o == null ? -1 : o.numUnits();
            return new Contributors(Math.min(ur, uo), nr < 0 || no < 0 ? -1 : Math.min(nr, no), null, null, null, null);
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
            Comparison cmp = d.comparison();
            IndicatorValue vr = value(d, cell, cmp.first(), r, null);
            IndicatorValue vo = value(d, cell, cmp.second(), o, null);
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
            return row(d, cell, cmp.difference(), value, null, null, ci);
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

        private SessionResampling sessionResampling(Comparison cmp) throws SQLException {
            SessionResampling r = sessionResampling.get(cmp.id());
            if (r == null) {
                r = new SessionResampling(c, cmp, groupTable(cmp), ctx.seed(), ctx.resamples());
                sessionResampling.put(cmp.id(), r);
            }
            return r;
        }

        private Resampling resampling(Comparison cmp) throws SQLException {
            Resampling r = resampling.get(cmp.id());
            if (r == null) {
                r = Resampling.load(((JdbcSession) c).connection(), cmp, ctx.seed(), ctx.resamples());
                resampling.put(cmp.id(), r);
            }
            return r;
        }

        /**
         * The percentile intervals of a ratio or median definition per cell and group: the unit rows are fetched
         * now (on the run's connection); the returned task does the arithmetic (on the embedded engine).
         */
        private java.util.concurrent.Callable<Map<Cell, Map<String, Interval>>> bootIntervals(IndicatorDefinition d, String sql)
            throws SQLException {
            boolean firstOnly = d.groups() == Groups.RETURNEE_ONLY;
            if (c instanceof JdbcSession j) {
                Resampling rs = resampling(d.comparison());
                if (d.kind() == Kind.ENT_RATIO) {
                    Resampling.Units u = rs.ratioUnits(j.connection(), sql);
                    double scale = d.scale().doubleValue();
                    return () -> cellIntervals(d, rs.ratio(u, d.breakdowns(), firstOnly, scale));
                }
                Resampling.Units u = rs.medianUnits(j.connection(), sql);
                return () -> cellIntervals(d, rs.median(u, d.breakdowns(), firstOnly));
            }
            SessionResampling rs = sessionResampling(d.comparison());
            Map<Resampling.Key, double[]> reps = d.kind() == Kind.ENT_RATIO
                ? rs.ratio(sql, d.breakdowns(), firstOnly, d.scale().doubleValue())
                : rs.median(sql, d.breakdowns(), firstOnly);
            Map<Cell, Map<String, Interval>> out = cellIntervals(d, reps);
            return () -> out;
        }

        private static Map<Cell, Map<String, Interval>> cellIntervals(IndicatorDefinition d, Map<Resampling.Key, double[]> reps) {
            Map<Cell, Map<String, Interval>> out = new HashMap<>();
            Resampling.intervals(d.comparison(), reps).forEach((k, ci) ->
                out.computeIfAbsent(new Cell(k.period(), k.breakdown(), k.category()), x -> new HashMap<>()).put(k.group(), ci));
            return out;
        }

        static String in(String col, List<String> breakdowns) {
            return inList(col, breakdowns);
        }
    }

    /** {@code col IN ('', breakdown, ...)}. */
    static String inList(String col, List<String> breakdowns) {
        StringBuilder sb = new StringBuilder(col).append(" IN (''");
        for (String b : breakdowns) {
            sb.append(", '").append(b.replace("'", "''")).append('\'');
        }
        return sb.append(')').toString();
    }

    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("(<)?(\\d+)(?:-\\d+|\\+)?");

    /**
     * Categories in their natural order: ranges by their lower bound ({@code <30}, {@code 30-39},
     * ..., {@code 50+}), other codes as text, {@code unknown} last.
     */
    static int compareCategories(String a, String b) {
        boolean ua = "unknown".equals(a);
        boolean ub = "unknown".equals(b);
        if (ua || ub) {
            return ua && ub ? 0 : ua ? 1 : -1;
        }
        double ra = rangeStart(a);
        double rb = rangeStart(b);
        if (!Double.isNaN(ra) && !Double.isNaN(rb)) {
            return Double.compare(ra, rb);
        }
        return a.compareTo(b);
    }

    private static double rangeStart(String c) {
        if (c.isEmpty() || !(c.startsWith("<") || c.contains("-") || c.endsWith("+"))) {
            return Double.NaN;
        }
        java.util.regex.Matcher m = RANGE.matcher(c);
        if (!m.matches()) {
            return Double.NaN;
        }
        double n = Double.parseDouble(m.group(2));
        return m.group(1) != null ? n - 0.5 : n;
    }
}
