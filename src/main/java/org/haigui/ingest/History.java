package org.haigui.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/**
 * Every change to the records with a key, oldest first, from the history tables: a row's
 * before-image is kept by each batch that changed it, so what a change made is the next change's
 * before-image, or the row as it is now. A record matches when its key is the key given (a
 * composite key written {@code E1|2020}) or when one of the columns of its composite key is (so
 * {@code P1} also finds the enterprise_people rows of person P1). Identity numbers are never keys
 * and never shown (only their hash is stored, and it is not shown).
 */
public final class History {

    private History() {
    }

    /** One column's change. */
    public record ColumnChange(String column, String before, String after) {
    }

    /**
     * One change. what: inserted, updated, deleted, or undone (an undo batch putting back what the
     * batch {@code undoOf} did); columns: the columns changed, old and new (for updates and undos).
     */
    public record Change(String table, String key, long batch, String kind, LocalDateTime time, String file, String what,
                         List<ColumnChange> columns, LocalDateTime undoneAt, Long undoneBy) {
    }

    public static List<Change> of(Connection c, String key, Table only) throws SQLException {
        List<Change> out = new ArrayList<>();
        for (Table t : Schema.tables()) {
            if (only != null && only != t) {
                continue;
            }
            List<String> keys = t.keyNames();
            StringBuilder match = new StringBuilder(ImportSql.keyString(t, "h") + " = ?");
            if (keys.size() > 1) {
                for (String k : keys) {
                    match.append(" OR CAST(h.").append(k).append(" AS VARCHAR) = ?");
                }
            }
            int params = keys.size() > 1 ? keys.size() + 1 : 1;
            List<String> cols = new ArrayList<>(t.storeColumns());
            cols.removeIf(col -> col.equals(Schema.ID_HASH_COLUMN));
            String colList = String.join(", ", cols.stream().map(col -> "CAST(h." + col + " AS VARCHAR)").toList());
            // the history rows, then the current rows (change_batch null), per key
            String sql = "SELECT " + ImportSql.keyString(t, "h") + " AS k, h.change_batch, h.op, " + colList
                + ", b.kind, b.finished_at, b.file_name, b.undone_at, b.undone_by"
                + " FROM " + Trail.rows(t) + " h JOIN import_batches b ON b.batch_id = h.change_batch WHERE " + match
                + " UNION ALL SELECT " + ImportSql.keyString(t, "h") + ", NULL, 'now', " + colList + ", NULL, NULL, NULL, NULL, NULL FROM "
                + t.name() + " h WHERE " + match + " ORDER BY 1, 2 NULLS LAST";
            Map<String, List<Object[]>> byKey = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= 2 * params; i++) {
                    ps.setString(i, key);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int n = cols.size();
                    while (rs.next()) {
                        Object[] row = new Object[3 + n + 5];
                        row[0] = rs.getString(1);
                        row[1] = rs.getObject(2) == null ? null : rs.getLong(2);
                        row[2] = rs.getString(3);
                        for (int i = 0; i < n; i++) {
                            row[3 + i] = rs.getString(4 + i);
                        }
                        row[3 + n] = rs.getString(4 + n);
                        row[4 + n] = rs.getObject(5 + n, LocalDateTime.class);
                        row[5 + n] = rs.getString(6 + n);
                        row[6 + n] = rs.getObject(7 + n, LocalDateTime.class);
                        row[7 + n] = rs.getObject(8 + n) == null ? null : rs.getLong(8 + n);
                        byKey.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row);
                    }
                }
            }
            Map<Long, Long> undoOf = undoOf(c);
            for (Map.Entry<String, List<Object[]>> e : byKey.entrySet()) {
                List<Object[]> rows = e.getValue();
                int n = cols.size();
                for (int i = 0; i < rows.size(); i++) {
                    Object[] r = rows.get(i);
                    if (r[1] == null) {
                        continue;
                    }
                    Object[] next = i + 1 < rows.size() ? rows.get(i + 1) : null;
                    String op = (String) r[2];
                    String what;
                    List<ColumnChange> changes = new ArrayList<>();
                    long batch = (Long) r[1];
                    switch (op) {
                        case "i" -> what = "inserted";
                        case "d" -> what = "deleted";
                        case "x" -> what = "undone (batch " + undoOf.getOrDefault(batch, 0L) + ")";
                        default -> what = "updated";
                    }
                    if ((op.equals("u") || op.equals("x")) && next != null && !next[2].equals("i")) {
                        for (int k = 0; k < n; k++) {
                            if (keys.contains(cols.get(k))) {
                                continue;
                            }
                            if (!Objects.equals(r[3 + k], next[3 + k])) {
                                changes.add(new ColumnChange(cols.get(k), (String) r[3 + k], (String) next[3 + k]));
                            }
                        }
                    }
                    if (op.equals("x") && (next == null || next[2].equals("i"))) {
                        what += ": removed";
                    }
                    out.add(new Change(t.name(), e.getKey(), batch, (String) r[3 + n], (LocalDateTime) r[4 + n],
                        Batches.fileName(String.valueOf(r[5 + n])), what, changes, (LocalDateTime) r[6 + n], (Long) r[7 + n]));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(Change::batch));
        return out;
    }

    private static Map<Long, Long> undoOf(Connection c) throws SQLException {
        Map<Long, Long> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT undone_by, batch_id FROM import_batches WHERE undone_by IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return m;
    }
}
