package org.haigui.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.xlsx.XlsxWorkbook;
import org.haigui.schema.Column;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Store;

/**
 * Deletes records by key, listed in a CSV file or a sheet named after the table: the table's key
 * column(s), with the header as in an import (Chinese names accepted, other columns ignored). One
 * batch of kind {@code delete}, in one transaction: the rows as they were go to the history (so
 * {@code haigui batches undo N} puts them back) and each deleted key keeps a tombstone (a later
 * import of a file that still holds the row rejects it, unless {@code --revive}).
 *
 * <p>References are checked: when rows of other tables refer to a record being deleted (a person's
 * episodes, say), the deletion is refused, naming the referring table and rows, unless
 * {@code cascade}, which deletes those rows too (and what refers to them), in the same batch.
 * A key that is not in the store is an error (nothing is deleted), except a key already deleted
 * earlier, which is reported and skipped.
 */
public final class Deletion {

    private static final int SHOW = 10;

    private Deletion() {
    }

    /** What a deletion did: its batch, rows deleted per table, keys already deleted before (skipped). */
    public record Result(long batch, Map<String, Long> deleted, long read, List<String> alreadyDeleted) {
    }

    public static Result run(Store store, Table t, Path file, Charset encoding, boolean cascade, AfterMerge after) {
        Connection c = store.writer();
        List<String[]> keys = read(t, file, encoding);
        String checksum;
        try {
            checksum = Staging.checksumOf(file);
        } catch (IOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
        LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC);
        try {
            c.setAutoCommit(false);
            org.haigui.store.Transactions.begin(c);
            Trail.settle(c); // before any table changes
            Result r = delete(c, t, file, keys, checksum, started, cascade);
            after.run(c);
            c.commit();
            return r;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone
            }
            if (e instanceof HaiguiException he) {
                throw he;
            }
            throw Environment.importFailed(e, String.valueOf(store.file()));
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is gone
            }
        }
    }

    /** The key values of every non-blank row, as text; a row with a key cell empty is an error. */
    private static List<String[]> read(Table t, Path file, Charset encoding) {
        List<String[]> out = new ArrayList<>();
        XlsxWorkbook wb = null;
        try {
            TableInput in;
            if (Sources.isXlsx(file)) {
                wb = XlsxWorkbook.open(file);
                Sources.Spec spec = null;
                for (Sources.Spec s : XlsxInput.sheets(file, wb, new ArrayList<>())) {
                    if (s.table() == t) {
                        spec = s;
                    }
                }
                if (spec == null) {
                    throw HaiguiException.input(file + ": no sheet is named " + t.name() + " or " + t.zhName()
                        + " (没有名为该表的工作表)");
                }
                in = XlsxInput.open(spec, wb);
            } else {
                in = CsvInput.open(t, file, encoding, null);
            }
            try (TableInput input = in) {
                List<Column> keyCols = t.keyColumns();
                int[] at = new int[keyCols.size()];
                List<String> header = input.header();
                List<String> missing = new ArrayList<>();
                for (int k = 0; k < keyCols.size(); k++) {
                    at[k] = -1;
                    for (int i = 0; i < header.size(); i++) {
                        String h = HeaderMap.normalise(header.get(i));
                        if (h.equals(keyCols.get(k).name()) || h.equals(HeaderMap.normalise(keyCols.get(k).zhAlias()))) {
                            at[k] = i;
                        }
                    }
                    if (at[k] < 0) {
                        missing.add(keyCols.get(k).name() + " (" + keyCols.get(k).zhAlias() + ")");
                    }
                }
                if (!missing.isEmpty()) {
                    throw HaiguiException.input(input.displayName() + ": the header (row " + input.headerRow() + ": "
                        + String.join(", ", header) + ") lacks the key column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " of " + t.name() + " (缺少主键列). Nothing was deleted.");
                }
                InputRow row;
                List<String> bad = new ArrayList<>();
                while ((row = input.next()) != null) {
                    String[] key = new String[at.length];
                    for (int k = 0; k < at.length; k++) {
                        String v = at[k] < row.cells().length ? row.cells()[at[k]] : null;
                        v = v == null ? "" : v.trim();
                        if (row.error() != null) {
                            bad.add("row " + row.rowNumber() + ": " + row.error());
                        } else if (v.isEmpty()) {
                            bad.add("row " + row.rowNumber() + ", " + keyCols.get(k).name() + ": empty (主键为空)");
                        } else if (keyCols.get(k).type() == org.haigui.schema.ColumnType.INT && !v.matches("-?\\d{1,18}")) {
                            bad.add("row " + row.rowNumber() + ", " + keyCols.get(k).name() + ": '" + v + "' is not a whole number");
                        }
                        key[k] = v;
                    }
                    out.add(key);
                }
                if (!bad.isEmpty()) {
                    throw HaiguiException.input(Masking.text(input.displayName() + ": " + bad.size() + " rows cannot be read"
                        + " (无法读取的行); nothing was deleted:\n  " + String.join("\n  ", bad.subList(0, Math.min(SHOW, bad.size())))));
                }
            }
        } catch (IOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        } finally {
            if (wb != null) {
                wb.close();
            }
        }
        if (out.isEmpty()) {
            throw HaiguiException.input(file + ": no keys to delete (文件中没有要删除的记录). Nothing was deleted.");
        }
        return out;
    }

    private static String delTable(Table t) {
        return "del_" + t.name();
    }

    private static Result delete(Connection c, Table t, Path file, List<String[]> keys, String checksum, LocalDateTime started,
                                 boolean cascade) throws SQLException {
        List<String> keyNames = t.keyNames();
        try (Statement st = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE del_input (");
            for (int k = 0; k < keyNames.size(); k++) {
                ddl.append(k > 0 ? ", " : "").append(keyNames.get(k)).append(" VARCHAR");
            }
            st.execute(ddl.append(")").toString());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO del_input VALUES (" + "?, ".repeat(keyNames.size() - 1) + "?)")) {
            for (String[] k : keys) {
                for (int i = 0; i < k.length; i++) {
                    ps.setString(i + 1, k[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long batch;
        List<String> already = new ArrayList<>();
        Map<Table, Long> deleted = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) + 1 FROM import_batches")) {
                rs.next();
                batch = rs.getLong(1);
            }
            StringBuilder cast = new StringBuilder();
            for (String k : keyNames) {
                cast.append(cast.length() > 0 ? ", " : "").append("CAST(").append(k).append(" AS ").append(t.storeType(k)).append(") AS ").append(k);
            }
            st.execute("CREATE TEMP TABLE " + delTable(t) + " AS SELECT DISTINCT " + cast + " FROM del_input");
            String inStore = "EXISTS (SELECT 1 FROM " + t.name() + " x WHERE " + ImportSql.keyEq(t, "d", "x") + ")";
            String dead = "EXISTS (SELECT 1 FROM tombstones ts WHERE ts.table_name = '" + t.name()
                + "' AND ts.revived_batch_id IS NULL AND ts.row_key = " + ImportSql.keyString(t, "d") + ")";
            List<String> missing = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT " + ImportSql.keyString(t, "d") + ", " + dead + " FROM " + delTable(t) + " d WHERE NOT "
                + inStore + " ORDER BY 1")) {
                while (rs.next()) {
                    (rs.getBoolean(2) ? already : missing).add(rs.getString(1));
                }
            }
            if (!missing.isEmpty()) {
                throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, Masking.text(file.getFileName() + ": " + missing.size() + " "
                    + t.name() + " key" + (missing.size() > 1 ? "s are" : " is") + " not in the store (存储中没有这些记录): "
                    + shown(missing) + ". Nothing was deleted."));
            }
            st.execute("DELETE FROM " + delTable(t) + " d WHERE NOT " + inStore);
            // what refers to the rows being deleted, table by table, until nothing more does
            List<Table> order = new ArrayList<>(List.of(t));
            for (int i = 0; i < order.size(); i++) {
                Table p = order.get(i);
                for (Table r : Schema.tables()) {
                    for (Column col : r.columns()) {
                        if (!p.name().equals(col.references())) {
                            continue;
                        }
                        String pk = p.keyNames().get(0);
                        String refers = " FROM " + r.name() + " x WHERE x." + col.name() + " IN (SELECT " + pk + " FROM " + delTable(p) + ")";
                        List<String> rows = new ArrayList<>();
                        long n = 0;
                        try (ResultSet rs = st.executeQuery("SELECT " + ImportSql.keyString(r, "x") + ", x." + col.name() + refers
                            + " ORDER BY 1")) {
                            while (rs.next()) {
                                n++;
                                if (rows.size() < SHOW) {
                                    rows.add(rs.getString(1) + " (" + col.name() + " = "
                                        + rs.getString(2) + ")");
                                }
                            }
                        }
                        if (n == 0) {
                            continue;
                        }
                        if (!cascade) {
                            throw HaiguiException.usage(Masking.text(n + " " + r.name() + " row" + (n > 1 ? "s refer" : " refers")
                                + " to " + p.name() + " rows being deleted (其他表的记录引用了要删除的记录): " + String.join(", ", rows)
                                + (n > rows.size() ? ", ..." : "") + ". Delete those rows first (haigui delete " + r.name()
                                + " FILE), or give --cascade to delete them too. Nothing was deleted."));
                        }
                        String keysOfR = String.join(", ", r.keyNames());
                        if (order.contains(r)) {
                            st.execute("INSERT INTO " + delTable(r) + " SELECT " + keysOfR + refers);
                        } else {
                            st.execute("CREATE TEMP TABLE " + delTable(r) + " AS SELECT " + keysOfR + refers);
                            order.add(r);
                        }
                    }
                }
            }
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            long total = 0;
            for (Table d : order) {
                String h = Trail.hist(d);
                String sel = " FROM " + d.name() + " t WHERE EXISTS (SELECT 1 FROM " + delTable(d) + " d WHERE "
                    + ImportSql.keyEq(d, "d", "t") + ")";
                st.execute("INSERT INTO " + h + " (" + Trail.columns(d) + ", change_batch, op) SELECT DISTINCT " + Trail.prefixed(d, "t")
                    + ", " + batch + ", 'd'" + sel);
                long n;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + h + " WHERE change_batch = " + batch)) {
                    rs.next();
                    n = rs.getLong(1);
                }
                st.execute("INSERT INTO tombstones SELECT '" + d.name() + "', " + ImportSql.keyString(d, "t") + ", " + batch
                    + ", TIMESTAMP '" + now + "', NULL" + sel);
                st.execute("DELETE" + sel);
                deleted.put(d, n);
                total += n;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_batches (batch_id, run_id, table_name, file_name, sheet,"
                + " checksum, started_at, finished_at, rows_read, blank_rows, inserted, updated, unchanged, rejected, kind, deleted)"
                + " VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 0, 0, 0, 0, 0, 'delete', ?)")) {
                ps.setLong(1, batch);
                ps.setString(2, UUID.randomUUID().toString());
                ps.setString(3, t.name());
                ps.setString(4, file.toAbsolutePath().normalize().toString());
                ps.setString(5, checksum);
                ps.setObject(6, started);
                ps.setObject(7, now);
                ps.setLong(8, keys.size());
                ps.setLong(9, total);
                ps.executeUpdate();
            }
            for (Table d : order) {
                st.execute("DROP TABLE IF EXISTS " + delTable(d));
            }
            st.execute("DROP TABLE IF EXISTS del_input");
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        deleted.forEach((k, v) -> byName.put(k.name(), v));
        return new Result(batch, byName, keys.size(), already);
    }

    private static String shown(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(SHOW, keys.size()))) + (keys.size() > SHOW ? ", ..." : "");
    }
}
