package org.haigui.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection: commit when it returns, roll back when it throws.
 * Work started while the connection is already inside a transaction (auto-commit off, for example
 * an import's after-merge hook) joins that transaction: it commits or rolls back with it, and is
 * neither committed nor rolled back here.
 *
 * <p>DuckDB starts a transaction lazily, at the first statement: an Appender flushed before any
 * statement ran would commit on its own, outside the transaction (a kill then leaves the work
 * torn). So the transaction is begun with a statement before the work runs, and the work may use
 * appenders.
 */
public final class Transactions {

    /** Work against the database. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Makes sure the connection (auto-commit off) is inside a started transaction, so that
     * appenders join it instead of committing by themselves.
     */
    public static void begin(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        }
    }

    /** Runs {@code work} in a transaction and restores the connection's auto-commit mode afterwards. */
    public static void run(Connection c, Work work) throws SQLException {
        boolean auto = c.getAutoCommit();
        if (!auto) {
            // inside the caller's transaction: the caller commits or rolls back
            begin(c);
            work.run();
            return;
        }
        c.setAutoCommit(false);
        try {
            begin(c);
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
