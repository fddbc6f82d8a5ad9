package org.haigui.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection: commit when it returns, roll back when it throws. */
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
