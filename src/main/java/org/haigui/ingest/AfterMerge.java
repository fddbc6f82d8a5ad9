package org.haigui.ingest;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that an import runs inside its own transaction, after the merge (every accepted row, batch
 * and quarantined row written) and just before the commit, on the import's connection: what it
 * writes commits or rolls back with the import. It is not run on a dry run, nor when the import
 * inserted or updated nothing. Used by the command line to keep derived tables (the institution
 * name keys) up to date with the data.
 */
@FunctionalInterface
public interface AfterMerge {

    /** Does nothing. */
    AfterMerge NONE = c -> { };

    void run(Connection c) throws SQLException;
}
