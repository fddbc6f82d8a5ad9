package org.haigui.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.haigui.core.HaiguiException;
import org.haigui.schema.Column;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Migrations;
import org.haigui.store.Transactions;

/**
 * The import batches: the list, one batch with its rejected rows, and undo.
 *
 * <p>Undo of batch N, in one transaction: removes the rows N inserted, puts back the rows N
 * updated or deleted exactly as they were (their values and their batch), removes the tombstones
 * of a deletion, makes active again the tombstones an import with {@code --revive} had revived, and
 * records itself as a batch of kind {@code undo} (its before-images in the history, so that
 * {@code haigui history} shows it); N is marked undone (never erased). It is refused when a later
 * batch that is not undone changed the same rows, or holds rows that refer to rows the undo would
 * remove; with {@code cascade} those later batches are undone first, newest first, in the same
 * transaction.
 */
public final class Batches {

    /**
     * The environment variable that makes an undo print its phase markers to standard error
     * ({@code haigui-undo-phase: NAME}: apply, check, commit, committed), so that a test can kill it
     * at a known moment.
     */
    public static final String PHASES_ENV = "HAIGUI_UNDO_PHASES";

    private static final boolean MARKERS = System.getenv(PHASES_ENV) != null;

    private static void phase(String name) {
        if (MARKERS) {
            System.err.println("haigui-undo-phase: " + name);
            System.err.flush();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many keys a refusal names per batch. */
    private static final int SHOW_KEYS = 5;

    private Batches() {
    }

    /** One batch as listed. kind: import, delete or undo; undoneAt/undoneBy null when not undone. */
    public record Batch(long id, String kind, String table, String file, String sheet, String checksum, LocalDateTime started,
                        LocalDateTime finished, long read, long inserted, long updated, long unchanged, long rejected,
                        long deleted, LocalDateTime undoneAt, Long undoneBy) {

        public boolean undone() {
            return undoneAt != null;
        }
    }

    /** One problem of a rejected row (a row with three problems gives three). Identity numbers are masked. */
    public record RejectedRow(long row, String column, String value, String reason) {
    }

    /** What an undo did: the batches undone (newest first) and the undo batches recording them. */
    public record UndoResult(List<Long> undone, List<Long> undoBatches, long removed, long restored) {
    }

    private static final String SELECT = "SELECT batch_id, coalesce(kind, 'import'), table_name, file_name, sheet, checksum,"
        + " started_at, finished_at, rows_read, inserted, updated, unchanged, rejected, coalesce(deleted, 0), undone_at, undone_by"
        + " FROM import_batches";

    public static List<Batch> list(Connection c) throws SQLException {
        List<Batch> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT + " ORDER BY batch_id")) {
            while (rs.next()) {
                out.add(batch(rs));
            }
        }
        return out;
    }

    public static Optional<Batch> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE batch_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(batch(rs)) : Optional.empty();
            }
        }
    }

    /** The batch or a NOT_FOUND error naming it. */
    public static Batch get(Connection c, long id) throws SQLException {
        return find(c, id).orElseThrow(() -> new HaiguiException(HaiguiException.Kind.NOT_FOUND,
            "there is no batch " + id + " (没有批次 " + id + "); 'haigui batches' lists them"));
    }

    private static Batch batch(ResultSet rs) throws SQLException {
        return new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class), rs.getLong(9), rs.getLong(10),
            rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getObject(15, LocalDateTime.class),
            (Long) rs.getObject(16, Long.class));
    }

    /** The rejected rows of a batch from the quarantine, one entry per problem, in row order. */
    public static List<RejectedRow> rejected(Connection c, long id) throws SQLException {
        List<RejectedRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT row_number, errors FROM quarantine WHERE batch_id = ? ORDER BY row_number")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode errs;
                    try {
                        errs = JSON.readTree(rs.getString(2));
                    } catch (java.io.IOException e) {
                        throw new SQLException("quarantine row of batch " + id + " is not JSON", e);
                    }
                    for (JsonNode e : errs) {
                        out.add(new RejectedRow(rs.getLong(1), e.path("column").asText(""), e.path("value").asText(""),
                            e.path("reason").asText("")));
                    }
                }
            }
        }
        return out;
    }

    /** Undoes batch {@code id} (and, with {@code cascade}, the later batches in its way) in one transaction. */
    public static UndoResult undo(Connection c, long id, boolean cascade, AfterMerge afterUndo) throws SQLException {
        Batch b = get(c, id);
        if (b.undone()) {
            throw HaiguiException.usage("batch " + id + " was already undone on " + day(b.undoneAt()) + " (by batch " + b.undoneBy()
                + "; 批次 " + id + " 已撤销); nothing was changed");
        }
        if (b.kind().equals("undo")) {
            throw HaiguiException.usage("batch " + id + " is itself an undo (of batch " + undoneWith(c, id)
                + "); an undo cannot be undone (撤销记录不能再撤销): import the file again. Nothing was changed.");
        }
        long from = historyFrom(c);
        if (id < from) {
            throw HaiguiException.usage("batch " + id + " was imported before this store kept a history (batches from " + from
                + " on can be undone; 该批次早于变更记录，无法撤销). Nothing was changed.");
        }
        TreeSet<Long> set = new TreeSet<>();
        set.add(id);
        while (true) {
            Map<Long, List<String>> later = laterChanges(c, set);
            if (!later.isEmpty()) {
                if (!cascade) {
                    throw refusal(c, id, later, "changed the same rows (之后的批次修改了相同的记录)");
                }
                set.addAll(later.keySet());
                continue;
            }
            Optional<UndoResult> done = Optional.empty();
            Map<Long, List<String>> referring = new LinkedHashMap<>();
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Transactions.begin(c);
                Trail.settle(c); // before any table changes
                phase("apply");
                UndoResult r = apply(c, set);
                phase("check");
                List<String> broken = new ArrayList<>();
                referring = dangling(c, set, broken);
                if (!broken.isEmpty()) {
                    c.rollback();
                    throw HaiguiException.usage("batch " + id + " cannot be undone: rows would refer to rows that are no longer there"
                        + " (撤销后将有记录引用不存在的记录): " + String.join("; ", broken) + ". Nothing was changed.");
                }
                if (referring.isEmpty()) {
                    afterUndo.run(c);
                    phase("commit");
                    c.commit();
                    phase("committed");
                    done = Optional.of(r);
                } else {
                    c.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            if (done.isPresent()) {
                return done.get();
            }
            if (!cascade) {
                throw refusal(c, id, referring, "hold rows that refer to rows it would remove (之后的批次有记录引用将被删除的记录)");
            }
            set.addAll(referring.keySet());
        }
    }

    private static HaiguiException refusal(Connection c, long id, Map<Long, List<String>> later, String why) throws SQLException {
        StringBuilder sb = new StringBuilder("batch " + id + " cannot be undone: later batches " + why + ":");
        for (Map.Entry<Long, List<String>> e : later.entrySet()) {
            Batch lb = get(c, e.getKey());
            sb.append("\n  batch ").append(lb.id()).append(" (").append(lb.kind()).append(' ').append(lb.table()).append(", ")
                .append(fileName(lb.file())).append(", ").append(day(lb.finished())).append("): ")
                .append(String.join(", ", e.getValue()));
        }
        sb.append("\nUndo them first, or give --cascade to undo them too, newest first (或加 --cascade 一并撤销). Nothing was changed.");
        return HaiguiException.usage(Masking.text(sb.toString()));
    }

    static String fileName(String file) {
        int i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return i < 0 ? file : file.substring(i + 1);
    }

    static String day(LocalDateTime t) {
        return t == null ? "?" : t.toLocalDate().toString();
    }

    static long historyFrom(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = '" + Migrations.HISTORY_FROM + "'")) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : 1;
        }
    }

    private static long undoneWith(Connection c, long undoBatch) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(batch_id) FROM import_batches WHERE undone_by = " + undoBatch)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String in(java.util.Collection<Long> ids) {
        StringBuilder sb = new StringBuilder("(");
        for (Long l : ids) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(l);
        }
        return sb.append(')').toString();
    }

    /** Later batches (not undone, not undos, not in the set) that changed rows the batches of the set changed, with the keys. */
    private static Map<Long, List<String>> laterChanges(Connection c, TreeSet<Long> set) throws SQLException {
        Map<Long, List<String>> out = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        try (Statement st = c.createStatement()) {
            for (Table t : Schema.tables()) {
                String h = Trail.rows(t);
                String sql = "SELECT DISTINCT h2.change_batch, " + ImportSql.keyString(t, "h2") + " FROM " + h + " h1 JOIN " + h + " h2 ON "
                    + ImportSql.keyEq(t, "h1", "h2") + " AND h2.change_batch > h1.change_batch"
                    + " JOIN import_batches b ON b.batch_id = h2.change_batch"
                    + " WHERE h1.change_batch IN " + in(set) + " AND h1.op IN ('i', 'u', 'd') AND h2.change_batch NOT IN " + in(set)
                    + " AND b.undone_at IS NULL AND coalesce(b.kind, 'import') <> 'undo' ORDER BY 1, 2";
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        List<String> keys = out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                        addKey(keys, t.name() + " " + rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static void addKey(List<String> keys, String key) {
        if (keys.size() < SHOW_KEYS) {
            keys.add(key);
        } else if (keys.size() == SHOW_KEYS) {
            keys.add("...");
        }
    }

    /** Undoes the batches of the set, newest first, each recorded as a batch of kind undo. */
    private static UndoResult apply(Connection c, TreeSet<Long> set) throws SQLException {
        long next;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) FROM import_batches")) {
            rs.next();
            next = rs.getLong(1);
        }
        String run = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Long> undone = new ArrayList<>();
        List<Long> undos = new ArrayList<>();
        long removedAll = 0;
        long restoredAll = 0;
        try (Statement st = c.createStatement()) {
            for (Long b : set.descendingSet()) {
                long u = ++next;
                long removed = 0;
                long restored = 0;
                long updated = 0;
                for (Table t : Schema.tables()) {
                    String h = Trail.hist(t);
                    String rows = Trail.rows(t); // the same as h once settled (apply's caller settles first)
                    long[] n = counts(st, rows, b);
                    if (n[0] + n[1] + n[2] == 0) {
                        continue;
                    }
                    String changed = "EXISTS (SELECT 1 FROM " + rows + " h WHERE h.change_batch = " + b + " AND h.op IN ('i', 'u') AND "
                        + ImportSql.keyEq(t, "h", "t") + ")";
                    // the rows as they are before the undo: history of the undo batch
                    st.execute("INSERT INTO " + h + " (" + Trail.columns(t) + ", change_batch, op) SELECT " + Trail.prefixed(t, "t")
                        + ", " + u + ", 'x' FROM " + t.name() + " t WHERE " + changed);
                    st.execute("DELETE FROM " + t.name() + " t WHERE " + changed);
                    st.execute("INSERT INTO " + t.name() + " (" + Trail.columns(t) + ") SELECT " + Trail.columns(t) + " FROM " + rows
                        + " r WHERE change_batch = " + b + " AND op IN ('u', 'd')");
                    removed += n[0];
                    updated += n[1];
                    restored += n[2];
                }
                st.execute("DELETE FROM tombstones WHERE batch_id = " + b);
                st.execute("UPDATE tombstones SET revived_batch_id = NULL WHERE revived_batch_id = " + b);
                // quarantined rows resolved by this batch are pending again; its own rejections are settled by the undo
                st.execute("UPDATE quarantine SET resolved_batch_id = NULL WHERE resolved_batch_id = " + b + " AND batch_id <> " + b);
                st.execute("UPDATE quarantine SET resolved_batch_id = " + u + " WHERE batch_id = " + b + " AND resolved_batch_id IS NULL");
                st.execute("INSERT INTO import_batches (batch_id, run_id, table_name, file_name, sheet, checksum, started_at, finished_at,"
                    + " rows_read, blank_rows, inserted, updated, unchanged, rejected, kind, deleted)"
                    + " SELECT " + u + ", '" + run + "', table_name, file_name, sheet, checksum, TIMESTAMP '" + now + "', TIMESTAMP '"
                    + now + "', 0, 0, " + restored + ", " + updated + ", 0, 0, 'undo', " + removed
                    + " FROM import_batches WHERE batch_id = " + b);
                st.execute("UPDATE import_batches SET undone_at = TIMESTAMP '" + now + "', undone_by = " + u + " WHERE batch_id = " + b);
                undone.add(b);
                undos.add(u);
                removedAll += removed + updated;
                restoredAll += restored + updated;
            }
        }
        return new UndoResult(undone, undos, removedAll, restoredAll);
    }

    /** Rows of the history of batch b: {inserted, updated, deleted}. */
    private static long[] counts(Statement st, String h, long b) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE op = 'i'), count(*) FILTER (WHERE op = 'u'),"
            + " count(*) FILTER (WHERE op = 'd') FROM " + h + " WHERE change_batch = " + b)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /**
     * After the undo (inside its transaction): rows that refer to a row no longer there. Those of a
     * later batch that is not undone are returned by batch (cascade undoes them); any other is
     * described in {@code broken} (the undo is refused).
     */
    private static Map<Long, List<String>> dangling(Connection c, TreeSet<Long> set, List<String> broken) throws SQLException {
        Map<Long, List<String>> out = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        long first = set.first();
        try (Statement st = c.createStatement()) {
            for (Table t : Schema.tables()) {
                for (Column col : t.columns()) {
                    if (col.references() == null) {
                        continue;
                    }
                    Table r = Schema.table(col.references()).orElseThrow();
                    String rk = r.keyNames().get(0);
                    String sql = "SELECT x." + Schema.BATCH_COLUMN + ", " + ImportSql.keyString(t, "x") + ", x." + col.name() + ","
                        + " coalesce(b.undone_at IS NULL AND coalesce(b.kind, 'import') <> 'undo', false) FROM " + t.name() + " x"
                        + " LEFT JOIN import_batches b ON b.batch_id = x." + Schema.BATCH_COLUMN
                        + " WHERE x." + col.name() + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + r.name() + " y WHERE y." + rk
                        + " = x." + col.name() + ") ORDER BY 1, 2 LIMIT 200";
                    try (ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            long batch = rs.getLong(1);
                            String what = t.name() + " " + rs.getString(2) + " (" + col.name() + " = " + rs.getString(3) + ")";
                            if (batch > first && rs.getBoolean(4) && !set.contains(batch)) {
                                addKey(out.computeIfAbsent(batch, k -> new ArrayList<>()), what);
                            } else if (broken.size() < SHOW_KEYS) {
                                broken.add(what + " of batch " + batch);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
