package org.haigui.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection: commit when it returns, roll back when it throws.
 * Work started while the connection is already inside a transaction (auto-commit off, for example
 * an import's after-merge hook) joins that transaction: it commits or rolls back with it, and is
 * neither committed nor rolled back here.
 */
public final class Transactions {

    /** Work against the database. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in a transaction and restores the connection's auto-commit mode afterwards. */
    public static void run(Connection c, Work work) throws SQLException {
        boolean auto = c.getAutoCommit();
        if (!auto) {
            // inside the caller's transaction: the caller commits or rolls back
            work.run();
            return;
        }
        c.setAutoCommit(false);
        try {
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
