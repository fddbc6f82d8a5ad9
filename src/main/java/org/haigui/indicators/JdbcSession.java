package org.haigui.indicators;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A {@link SqlSession} over a JDBC connection: statements and result sets, nothing more. */
final class JdbcSession implements SqlSession {

    private final Connection c;
    private final Dialect dialect;

    JdbcSession(Connection c, Dialect dialect) {
        this.c = c;
        this.dialect = dialect;
    }

    Connection connection() {
        return c;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void execute(String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        if (Timings.ON) {
            Timings.log(Timings.sql(sql), t0);
        }
    }

    @Override
    public Rows query(String sql) throws SQLException {
        Statement st = c.createStatement();
        try {
            long t0 = System.nanoTime();
            return new JdbcRows(st, st.executeQuery(sql), sql, t0);
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    private static final class JdbcRows implements Rows {
        private final Statement st;
        private final ResultSet rs;

        private final String sql;
        private final long t0;

        /** Rows of {@code sql}, started at {@code t0} (for {@link Timings}: a query's time is until its rows are read). */
        JdbcRows(Statement st, ResultSet rs, String sql, long t0) {
            this.st = st;
            this.rs = rs;
            this.sql = sql;
            this.t0 = t0;
        }

        @Override
        public boolean next() throws SQLException {
            return rs.next();
        }

        @Override
        public Set<String> columns() throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            Set<String> s = new HashSet<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                s.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return s;
        }

        @Override
        public Object getObject(int column) throws SQLException {
            return rs.getObject(column);
        }

        @Override
        public Object getObject(String label) throws SQLException {
            return rs.getObject(label);
        }

        @Override
        public boolean wasNull() throws SQLException {
            return rs.wasNull();
        }

        @Override
        public String getString(int column) throws SQLException {
            return rs.getString(column);
        }

        @Override
        public String getString(String label) throws SQLException {
            return rs.getString(label);
        }

        @Override
        public long getLong(int column) throws SQLException {
            return rs.getLong(column);
        }

        @Override
        public long getLong(String label) throws SQLException {
            return rs.getLong(label);
        }

        @Override
        public int getInt(int column) throws SQLException {
            return rs.getInt(column);
        }

        @Override
        public double getDouble(int column) throws SQLException {
            return rs.getDouble(column);
        }

        @Override
        public double getDouble(String label) throws SQLException {
            return rs.getDouble(label);
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
            } finally {
                st.close();
            }
            if (Timings.ON) {
                Timings.log(Timings.sql(sql), t0);
            }
        }
    }
}
