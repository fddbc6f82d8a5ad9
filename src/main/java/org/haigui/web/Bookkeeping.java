package org.haigui.web;

import java.sql.Connection;
import java.sql.SQLException;
import org.haigui.core.HaiguiException;

/**
 * The connection that accounts, sessions and the audit log are read and written on: one of the
 * store's connections of its own (not the writer), so that these small writes never join an
 * import's transaction and go on while an import runs. Used by one thread at a time.
 */
final class Bookkeeping implements AutoCloseable {

    /** Work on the connection that may throw SQLException. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;

    Bookkeeping(Connection connection) {
        this.connection = connection;
    }

    synchronized <T> T with(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw HaiguiException.store("the store's accounts, sessions or audit log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
