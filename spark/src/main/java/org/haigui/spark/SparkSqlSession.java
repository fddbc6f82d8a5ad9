package org.haigui.spark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.haigui.indicators.Dialect;
import org.haigui.indicators.Replicates;
import org.haigui.indicators.SqlSession;

/**
 * A {@link SqlSession} over a {@link SparkSession}: the run's temporary tables are temporary views
 * of local checkpoints (materialised at once), queries come back as rows (the engine asks only
 * for cells, categories and periods), and the bootstrap replicates are computed per cell on the
 * executors. {@link #close()} drops every view the session created and releases its rows.
 */
public final class SparkSqlSession implements SqlSession, AutoCloseable {

    private final SparkSession spark;
    private final Map<String, Dataset<Row>> views = new LinkedHashMap<>();

    public SparkSqlSession(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SPARK;
    }

    @Override
    public void execute(String sql) throws SQLException {
        try {
            spark.sql(sql);
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /**
     * The query's rows, materialised at once on the executors as a local checkpoint (kept by the
     * block managers, memory then disk) and registered as a temporary view. A checkpoint, not a
     * cache: the view's plan is a scan of the materialised rows, not the plan that made them, so
     * that plans stay small however many tables build on one another.
     */
    @Override
    public void createTemp(String name, String query) throws SQLException {
        dropTemp(name);
        String sql = dialect().render(query);
        try {
            Dataset<Row> df = spark.sql(sql).localCheckpoint(true);
            df.createOrReplaceTempView(name);
            views.put(name, df);
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    @Override
    public void dropTemp(String name) throws SQLException {
        Dataset<Row> df = views.remove(name);
        if (df != null) {
            spark.catalog().dropTempView(name);
            if (df.queryExecution().logical() instanceof LogicalRDD r) {
                r.rdd().unpersist(false);
            }
        }
    }

    @Override
    public Rows query(String sql) throws SQLException {
        try {
            Dataset<Row> df = spark.sql(sql);
            String[] cols = df.columns();
            return new ListRows(cols, df.collectAsList());
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    @Override
    public Map<List<String>, double[]> replicates(String sql, int keys, Replicates.Statistic statistic, long seed, int resamples,
                                                 double scale) throws SQLException {
        try {
            Dataset<Row> df = spark.sql(sql);
            String[] cols = df.columns();
            Column[] group = new Column[keys];
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                group[i] = functions.col(cols[i]).cast("string").as("k" + i);
                fields.add(DataTypes.createStructField("k" + i, DataTypes.StringType, true));
            }
            fields.add(DataTypes.createStructField("r", DataTypes.createArrayType(DataTypes.DoubleType, false), false));
            Dataset<Row> cells = df.groupBy(group).agg(functions.collect_list(functions.struct(
                functions.col(cols[keys]).cast("long"), functions.col(cols[keys + 1]).cast("double"),
                functions.col(cols[keys + 2]).cast("double"))).as("u"));
            List<Row> rows = cells.map(new CellReplicates(keys, statistic, seed, resamples, scale),
                Encoders.row(new StructType(fields.toArray(new StructField[0])))).collectAsList();
            Map<List<String>, double[]> out = new LinkedHashMap<>();
            for (Row r : rows) {
                List<String> k = new ArrayList<>(keys);
                for (int i = 0; i < keys; i++) {
                    k.add(r.getString(i));
                }
                List<Double> v = r.getList(keys);
                double[] d = new double[v.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = v.get(i);
                }
                out.put(Collections.unmodifiableList(k), d);
            }
            return out;
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** On an executor: the replicates of one cell from its unit rows (eidx, a, b). */
    private static final class CellReplicates implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final int keys;
        private final Replicates.Statistic statistic;
        private final long seed;
        private final int resamples;
        private final double scale;

        CellReplicates(int keys, Replicates.Statistic statistic, long seed, int resamples, double scale) {
            this.keys = keys;
            this.statistic = statistic;
            this.seed = seed;
            this.resamples = resamples;
            this.scale = scale;
        }

        @Override
        public Row call(Row r) {
            List<Row> units = r.getList(keys);
            int n = units.size();
            long[] e = new long[n];
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                Row u = units.get(i);
                e[i] = u.getLong(0);
                a[i] = u.isNullAt(1) ? Double.NaN : u.getDouble(1);
                b[i] = u.isNullAt(2) ? Double.NaN : u.getDouble(2);
            }
            double[] reps = Replicates.of(statistic, e, a, b, seed, resamples, scale);
            Object[] out = new Object[keys + 1];
            for (int i = 0; i < keys; i++) {
                out[i] = r.getString(i);
            }
            out[keys] = Arrays.stream(reps).boxed().toArray(Double[]::new);
            return RowFactory.create(out);
        }
    }

    /** Drops the views this session created and releases their rows. */
    @Override
    public void close() {
        for (String t : new ArrayList<>(views.keySet())) {
            try {
                dropTemp(t);
            } catch (SQLException e) {
                // best effort: the views end with the Spark session anyway
            }
        }
    }

    private static SQLException failure(String sql, Exception e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(e.toString());
        return new SQLException(msg + " [Spark SQL: " + sql.substring(0, Math.min(200, sql.length())).replace('\n', ' ') + "]", e);
    }

    /** Collected rows (a query's small result). */
    private static final class ListRows implements Rows {
        private final String[] cols;
        private final List<Row> rows;
        private int i = -1;
        private boolean lastNull;

        ListRows(String[] cols, List<Row> rows) {
            this.cols = cols;
            this.rows = rows;
        }

        @Override
        public boolean next() {
            return ++i < rows.size();
        }

        @Override
        public Set<String> columns() {
            Set<String> s = new LinkedHashSet<>();
            for (String c : cols) {
                s.add(c.toLowerCase(Locale.ROOT));
            }
            return s;
        }

        @Override
        public Object getObject(int column) throws SQLException {
            if (column < 1 || column > cols.length) {
                throw new SQLException("no column " + column);
            }
            Object o = rows.get(i).get(column - 1);
            lastNull = o == null;
            return o;
        }

        @Override
        public Object getObject(String label) throws SQLException {
            for (int c = 0; c < cols.length; c++) {
                if (cols[c].equalsIgnoreCase(label)) {
                    return getObject(c + 1);
                }
            }
            throw new SQLException("no column " + label);
        }

        @Override
        public boolean wasNull() {
            return lastNull;
        }

        @Override
        public void close() {
        }
    }
}
