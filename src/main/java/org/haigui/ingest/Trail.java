package org.haigui.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Migrations;

/**
 * The audit trail's SQL, shared by the import's merge, deletions and undo: before-images in
 * {@code hist_<table>} (see {@link Migrations#HISTORY_VERSION}), written set-wise with
 * {@code INSERT ... SELECT}, never row by row; and the tombstones of deleted keys.
 *
 * <p>Tombstones: a key deleted by {@code haigui delete} keeps a tombstone, so that importing an
 * old file that still holds the row does not bring it back silently: such a row is rejected into
 * the quarantine, with the reason naming the deletion batch and the two ways back ({@code haigui
 * batches undo N}, or importing with {@code --revive}). An import with {@code --revive} inserts the
 * row and marks the tombstone revived by its batch (undoing that import makes it active again).
 */
final class Trail {

    private Trail() {
    }

    /**
     * Whether an import that updates no row of a table notes its inserts in {@code hist_pending} instead of
     * writing them as {@code i} rows ({@link #recordMerge}); off, every insert is written at once. Only the
     * tests turn it off, to see that both give the same history through {@link #rows}.
     */
    static volatile boolean notes = true;

    /** The history table of t, to write to; readers read {@link #rows} instead. */
    static String hist(Table t) {
        return Migrations.history(t);
    }

    /**
     * The history of t as readers see it, a subquery to put after FROM (with an alias): the rows of
     * {@code hist_<table>}, and one {@code i} row (key only, as {@link #recordMerge} writes one) for each
     * row of t whose batch is noted in {@code hist_pending} (see {@link Migrations#PENDING_VERSION}): a
     * bulk load's inserted keys, not yet written out. {@link #settle} leaves what this gives unchanged.
     */
    static String rows(Table t) {
        StringBuilder implicit = new StringBuilder();
        for (String c : t.storeColumns()) {
            implicit.append(t.keyNames().contains(c) ? c : "NULL").append(", ");
        }
        return "(SELECT " + columns(t) + ", change_batch, op FROM " + hist(t) + " UNION ALL SELECT " + implicit + "NULL, "
            + Schema.BATCH_COLUMN + ", 'i' " + noted(t) + ")";
    }

    /** FROM and WHERE of the rows of t whose batch is noted in {@code hist_pending}: the keys {@link #rows} adds, {@link #settle} writes. */
    private static String noted(Table t) {
        return "FROM " + t.name() + " WHERE " + Schema.BATCH_COLUMN + " IN (SELECT batch_id FROM " + Migrations.PENDING
            + " WHERE table_name = '" + t.name() + "')";
    }

    /**
     * Writes out the noted bulk loads' inserted keys as {@code i} rows of the history tables, and
     * deletes the notes: called inside the transaction of everything that changes a canonical table
     * (the import's merge, a deletion, an undo) before it changes one, while the rows of a noted batch
     * are still exactly the rows it inserted. What {@link #rows} gives stays the same.
     */
    static void settle(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            java.util.Set<String> noted = new java.util.HashSet<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT DISTINCT table_name FROM " + Migrations.PENDING)) {
                while (rs.next()) {
                    noted.add(rs.getString(1));
                }
            }
            for (Table t : Schema.tables()) {
                if (!noted.contains(t.name())) {
                    continue;
                }
                String keys = String.join(", ", t.keyNames());
                ImportSql.exec(st, "INSERT INTO " + hist(t) + " (" + keys + ", change_batch, op) SELECT " + keys + ", "
                    + Schema.BATCH_COLUMN + ", 'i' " + noted(t));
                ImportSql.exec(st, "DELETE FROM " + Migrations.PENDING + " WHERE table_name = '" + t.name() + "'");
            }
        }
    }

    /** The table's store columns and batch_id, as a list. */
    static String columns(Table t) {
        return String.join(", ", t.storeColumns()) + ", " + Schema.BATCH_COLUMN;
    }

    static String prefixed(Table t, String alias) {
        StringBuilder sb = new StringBuilder();
        for (String c : t.storeColumns()) {
            sb.append(alias).append('.').append(c).append(", ");
        }
        return sb.append(alias).append('.').append(Schema.BATCH_COLUMN).toString();
    }

    /**
     * Records the merge of table t: the stored rows that the classified rows {@code cls} (with
     * {@code _cls} i/u and {@code _src}) replace, and the keys they insert (when no row of t is
     * updated, a note per inserting batch instead: see {@link #rows}); and marks revived the
     * tombstones of inserted keys (only rows of an import with {@code --revive} get that far).
     * {@code inserting} holds the batches that insert rows into t.
     */
    static void recordMerge(Statement st, Table t, String cls, long base, List<Long> inserting, boolean anyUpdated)
        throws SQLException {
        boolean anyInserted = !inserting.isEmpty();
        if (anyUpdated) {
            ImportSql.exec(st, "INSERT INTO " + hist(t) + " (" + columns(t) + ", change_batch, op) SELECT " + prefixed(t, "t") + ", "
                + (base + 1) + " + s._src, 'u' FROM " + t.name() + " t JOIN " + cls + " s ON " + ImportSql.keyEq(t, "s", "t")
                + " WHERE s._cls = 'u'");
        }
        if (anyInserted) {
            if (anyUpdated || !notes) {
                String keys = String.join(", ", t.keyNames());
                ImportSql.exec(st, "INSERT INTO " + hist(t) + " (" + keys + ", change_batch, op) SELECT " + keys + ", " + (base + 1)
                    + " + _src, 'i' FROM " + cls + " WHERE _cls = 'i'");
            } else {
                // no row of t is updated by this import: after it, the rows of t whose batch is one of these are the rows
                // they inserted, so a note says so (see rows and settle)
                StringBuilder values = new StringBuilder();
                for (long b : inserting) {
                    values.append(values.length() == 0 ? "" : ", ").append("('").append(t.name()).append("', ").append(b).append(')');
                }
                ImportSql.exec(st, "INSERT INTO " + Migrations.PENDING + " VALUES " + values);
            }
            if (activeTombstones(st, t)) {
                ImportSql.exec(st, "UPDATE tombstones SET revived_batch_id = (SELECT " + (base + 1) + " + min(s._src) FROM " + cls
                    + " s WHERE s._cls = 'i' AND " + ImportSql.keyString(t, "s") + " = tombstones.row_key)"
                    + " WHERE table_name = '" + t.name() + "' AND revived_batch_id IS NULL AND row_key IN (SELECT "
                    + ImportSql.keyString(t, "s") + " FROM " + cls + " s WHERE s._cls = 'i')");
            }
        }
    }

    static boolean activeTombstones(Statement st, Table t) throws SQLException {
        return ImportSql.any(st, "tombstones WHERE table_name = '" + t.name() + "' AND revived_batch_id IS NULL");
    }

    /**
     * Rejects staged rows of t whose key was deleted (an active tombstone), unless the import
     * revives them. Runs before the reference checks, so rows referring to them are rejected too.
     */
    static void checkTombstones(Connection c, Table t, boolean revive) throws SQLException {
        if (revive) {
            return;
        }
        try (Statement st = c.createStatement()) {
            if (!activeTombstones(st, t)) {
                return;
            }
            String k = t.keyNames().get(0);
            ImportSql.exec(st, "INSERT INTO stg_errors SELECT '" + t.name() + "', s._src, s._row, '" + k + "', " + ImportSql.keyString(t, "s")
                + ", 'deleted in batch ' || ts.batch_id || ' on ' || strftime(ts.deleted_at, '%Y-%m-%d')"
                + " || '; `haigui batches undo ' || ts.batch_id || '` or import with --revive brings it back"
                + " (已于 ' || strftime(ts.deleted_at, '%Y-%m-%d') || ' 在批次 ' || ts.batch_id || ' 中删除；"
                + "撤销该批次或以 --revive 导入可恢复)'"
                + " FROM " + ImportSql.stg(t) + " s JOIN tombstones ts ON ts.table_name = '" + t.name()
                + "' AND ts.revived_batch_id IS NULL AND ts.row_key = " + ImportSql.keyString(t, "s")
                + " WHERE " + ImportSql.keysNotNull(t, "s"));
        }
    }

    /** The key string of a row (as in the quarantine and the tombstones) for a list of key values. */
    static String keyOf(List<String> values) {
        return String.join("|", values);
    }
}
