package org.haigui.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an indicator run's SQL runs: the engine and every {@link IndicatorProvider} talk to a
 * session, never to an engine directly. {@link #jdbc(Connection)} is the embedded store's (DuckDB
 * over JDBC); the scale-out module implements one over a Spark session. A session executes
 * statements, reads the (small) results of queries row by row, creates and drops the run's
 * temporary tables (DuckDB: TEMP tables; Spark: cached temporary views), and computes the one step
 * that is not SQL - the bootstrap replicates per cell - where the rows live.
 *
 * <p>SQL handed to {@link #execute}, {@link #query} and {@link #replicates} is already rendered for
 * the session's {@link #dialect()}; {@link #createTemp} renders its query itself.
 */
public interface SqlSession {

    /** The dialect the session's engine speaks. */
    Dialect dialect();

    /** Executes a statement. */
    void execute(String sql) throws SQLException;

    /** Runs a query; the caller closes the rows. Meant for small results (cells, categories, periods). */
    Rows query(String sql) throws SQLException;

    /** Creates (or replaces) the run's temporary table {@code name} as {@code query} (written in the portable SQL, rendered here). */
    default void createTemp(String name, String query) throws SQLException {
        execute(dialect().createTemp(name, query));
    }

    /** Drops the temporary table {@code name} if it exists. */
    default void dropTemp(String name) throws SQLException {
        execute(dialect().dropTemp(name));
    }

    /**
     * The bootstrap replicates of {@code statistic} per group of the rows of {@code sql}, whose
     * columns are {@code keys} text columns (the group), then {@code eidx}, {@code a} and {@code b}
     * (numbers; b is used by {@link Replicates.Statistic#RATIO} only). See {@link Replicates#of}.
     * This default reads every row here; an engine with its own workers overrides it so that the
     * rows stay where they are and only the replicates (B numbers per group) come back.
     */
    default Map<List<String>, double[]> replicates(String sql, int keys, Replicates.Statistic statistic, long seed, int resamples,
                                                  double scale) throws SQLException {
        Map<List<String>, Replicates.Group> groups = new LinkedHashMap<>();
        try (Rows rs = query(sql)) {
            while (rs.next()) {
                List<String> k = new ArrayList<>(keys);
                for (int i = 1; i <= keys; i++) {
                    k.add(rs.getString(i));
                }
                groups.computeIfAbsent(List.copyOf(k), x -> new Replicates.Group())
                    .add(rs.getLong(keys + 1), rs.getDouble(keys + 2), rs.getDouble(keys + 3));
            }
        }
        Map<List<String>, double[]> out = new LinkedHashMap<>();
        groups.forEach((k, g) -> out.put(k, g.replicates(statistic, seed, resamples, scale)));
        return out;
    }

    /** The session of a JDBC connection to the embedded store (DuckDB); the connection stays the caller's. */
    static SqlSession jdbc(Connection c) {
        return new JdbcSession(c, Dialect.DUCKDB);
    }

    /**
     * The rows of a query, read forward once. Columns are numbered from 1 or named by their label
     * (case-insensitive); numbers come as {@link Number} (or {@link java.math.BigDecimal}), text as
     * {@link String}; {@link #wasNull()} tells whether the last value read was NULL.
     */
    interface Rows extends AutoCloseable {

        boolean next() throws SQLException;

        /** The column labels in lower case. */
        Set<String> columns() throws SQLException;

        Object getObject(int column) throws SQLException;

        Object getObject(String label) throws SQLException;

        boolean wasNull() throws SQLException;

        default String getString(int column) throws SQLException {
            Object o = getObject(column);
            return o == null ? null : o.toString();
        }

        default String getString(String label) throws SQLException {
            Object o = getObject(label);
            return o == null ? null : o.toString();
        }

        default long getLong(int column) throws SQLException {
            Object o = getObject(column);
            return o == null ? 0 : ((Number) o).longValue();
        }

        default long getLong(String label) throws SQLException {
            Object o = getObject(label);
            return o == null ? 0 : ((Number) o).longValue();
        }

        default int getInt(int column) throws SQLException {
            return (int) getLong(column);
        }

        default double getDouble(int column) throws SQLException {
            Object o = getObject(column);
            return o == null ? 0 : ((Number) o).doubleValue();
        }

        default double getDouble(String label) throws SQLException {
            Object o = getObject(label);
            return o == null ? 0 : ((Number) o).doubleValue();
        }

        @Override
        void close() throws SQLException;
    }
}
