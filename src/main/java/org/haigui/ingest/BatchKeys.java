package org.haigui.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/**
 * The keys a batch deleted, read from the audit trail: the before-images a deletion (and its
 * {@code --cascade}) kept in {@code hist_<table>} with op {@code d}. So {@code haigui batches show N}
 * of a deletion lists what it deleted, as {@code haigui history KEY} shows it per key. Keys are
 * written as in the files (a composite key {@code E1|2020}); identity numbers are never keys.
 */
public final class BatchKeys {

    private BatchKeys() {
    }

    /** One deleted record: its table and key. */
    public record Key(String table, String key) {
    }

    /** The records batch {@code id} deleted, table by table in schema order, keys sorted; empty for other batches. */
    public static List<Key> deleted(Connection c, long id) throws SQLException {
        List<Key> out = new ArrayList<>();
        for (Table t : Schema.tables()) {
            String k = ImportSql.keyString(t, "h");
            String sql = "SELECT " + k + " FROM " + Trail.rows(t) + " h WHERE h.change_batch = ? AND h.op = 'd' ORDER BY "
                + String.join(", ", t.keyNames().stream().map(n -> "h." + n).toList());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Key(t.name(), rs.getString(1)));
                    }
                }
            }
        }
        return out;
    }
}
