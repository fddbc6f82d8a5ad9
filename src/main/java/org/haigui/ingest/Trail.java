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

    static String hist(Table t) {
        return Migrations.history(t);
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
     * {@code _cls} i/u and {@code _src}) replace, and the keys they insert; and marks revived the
     * tombstones of inserted keys (only rows of an import with {@code --revive} get that far).
     */
    static void recordMerge(Statement st, Table t, String cls, long base, boolean anyInserted, boolean anyUpdated)
        throws SQLException {
        if (anyUpdated) {
            ImportSql.exec(st, "INSERT INTO " + hist(t) + " (" + columns(t) + ", change_batch, op) SELECT " + prefixed(t, "t") + ", "
                + (base + 1) + " + s._src, 'u' FROM " + t.name() + " t JOIN " + cls + " s ON " + ImportSql.keyEq(t, "s", "t")
                + " WHERE s._cls = 'u'");
        }
        if (anyInserted) {
            String keys = String.join(", ", t.keyNames());
            ImportSql.exec(st, "INSERT INTO " + hist(t) + " (" + keys + ", change_batch, op) SELECT " + keys + ", " + (base + 1)
                + " + _src, 'i' FROM " + cls + " WHERE _cls = 'i'");
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
