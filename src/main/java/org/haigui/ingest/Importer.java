package org.haigui.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.ingest.xlsx.XlsxWorkbook;
import org.haigui.schema.Column;
import org.haigui.schema.Rule;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Store;

/**
 * Imports files into the store, all in one transaction: if anything fails or the process is
 * killed, the store is as it was before.
 *
 * <ol>
 *   <li>Find the inputs and check every header first: a file error stops the import before the
 *       store is touched.</li>
 *   <li>Stream every row through {@link RowValidator} into a temporary staging table per table
 *       (the DuckDB Appender), row errors into a staging error table. Memory does not grow with
 *       file size.</li>
 *   <li>In SQL, table by table in reference order: references to the store or this import,
 *       unique values, values that must agree across rows, and keys seen twice (the last one
 *       wins; earlier ones are rejected, naming the row that replaces them).</li>
 *   <li>Merge: rows whose key is new are inserted, rows that differ from the stored row replace
 *       it, identical rows change nothing (so re-importing the same files changes nothing).</li>
 *   <li>Read the inputs that had rejected rows once more, writing those rows with their errors
 *       to {@code <table>.rejected.csv/.xlsx} beside the input and to the quarantine (identity
 *       numbers masked).</li>
 * </ol>
 */
public final class Importer {

    private static final int PROGRESS_EVERY = 20_000;

    private final Store store;
    private final ImportOptions options;
    private final Progress progress;
    /** Workbooks open during a run: each is opened (and its shared strings read) once, however many sheets it has. */
    private final Map<Path, XlsxWorkbook> workbooks = new HashMap<>();

    public Importer(Store store, ImportOptions options, Progress progress) {
        this.store = store;
        this.options = options;
        this.progress = progress;
    }

    /** One input being imported. */
    private static final class Source {
        final int index;
        final Sources.Spec spec;
        HeaderMap header;
        String checksum;
        long read;
        long blank;
        long inserted;
        long updated;
        long unchanged;
        long rejected;
        LocalDateTime started;
        LocalDateTime finished;

        Source(int index, Sources.Spec spec) {
            this.index = index;
            this.spec = spec;
        }

        String name() {
            return spec.sheet() == null ? spec.file().getFileName().toString() : spec.file().getFileName() + ", sheet " + spec.sheet();
        }
    }

    public ImportReport run(List<Path> paths) {
        try {
            return runOnce(paths);
        } finally {
            for (XlsxWorkbook wb : workbooks.values()) {
                wb.close();
            }
            workbooks.clear();
        }
    }

    private ImportReport runOnce(List<Path> paths) {
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        List<Sources.Spec> specs = expand(Sources.files(paths, warnings), warnings);
        List<Source> sources = new ArrayList<>();
        for (Sources.Spec spec : specs) {
            Source s = new Source(sources.size(), spec);
            try (TableInput in = open(spec, null)) {
                s.header = HeaderMap.of(spec.table(), in.header(), s.name());
                warnings.addAll(s.header.warnings);
            } catch (IOException e) {
                throw HaiguiException.input(s.name() + ": cannot read: " + e.getMessage(), e);
            }
            sources.add(s);
        }
        Connection c = store.connection();
        List<Path> rejectedFiles = new ArrayList<>();
        Map<Path, Path> pendingMoves = new LinkedHashMap<>();
        try {
            c.setAutoCommit(false);
            Set<Table> tables = new LinkedHashSet<>();
            for (Table t : Schema.tables()) {
                for (Source s : sources) {
                    if (s.spec.table() == t) {
                        tables.add(t);
                    }
                }
            }
            Timer timer = new Timer();
            createStaging(c, tables, sources);
            for (Source s : sources) {
                stage(c, s, warnings);
            }
            timer.lap("stage");
            for (Table t : tables) {
                check(c, t, tables);
            }
            timer.lap("check");
            long base = nextBatchBase(c);
            for (Table t : tables) {
                merge(c, t, sources, base);
            }
            timer.lap("merge");
            countRejected(c, sources);
            writeRejected(c, sources, base, pendingMoves, rejectedFiles);
            recordBatches(c, sources, base);
            dropStaging(c, tables);
            timer.lap("rejected");
            if (options.dryRun()) {
                c.rollback();
            } else {
                c.commit();
            }
            timer.lap("commit");
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(c);
            cleanup(pendingMoves);
            if (e instanceof HaiguiException he) {
                throw he;
            }
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "import failed, nothing was changed: " + e.getMessage(), e);
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is gone
            }
        }
        for (Map.Entry<Path, Path> m : pendingMoves.entrySet()) {
            try {
                Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                warnings.add("could not write " + m.getValue() + ": " + e.getMessage());
            }
        }
        List<ImportReport.SourceSummary> summaries = new ArrayList<>();
        for (Source s : sources) {
            summaries.add(new ImportReport.SourceSummary(s.spec.table().name(), s.name(), s.read, s.blank, s.inserted,
                s.updated, s.unchanged, s.rejected));
        }
        return new ImportReport(summaries, warnings, rejectedFiles, options.dryRun(), (System.nanoTime() - t0) / 1_000_000);
    }

    private List<Sources.Spec> expand(List<Path> files, List<String> warnings) {
        List<Sources.Spec> specs = new ArrayList<>();
        for (Path f : files) {
            if (Sources.isXlsx(f)) {
                specs.addAll(XlsxInput.sheets(f, workbooks.computeIfAbsent(f, XlsxWorkbook::open), warnings));
            } else {
                specs.add(new Sources.Spec(Sources.tableFor(f.getFileName().toString()).orElseThrow(), f, null));
            }
        }
        // reference order, so that a table's references are settled before it is checked
        specs.sort(java.util.Comparator.comparingInt(s -> Schema.tables().indexOf(s.table())));
        return specs;
    }

    private TableInput open(Sources.Spec spec, MessageDigest digest) {
        if (spec.sheet() != null) {
            return XlsxInput.open(spec, workbooks.computeIfAbsent(spec.file(), XlsxWorkbook::open));
        }
        return CsvInput.open(spec.table(), spec.file(), options.encoding(), digest);
    }

    // ---------------------------------------------------------------- staging

    private static String stg(Table t) {
        return "stg_" + t.name();
    }

    private void createStaging(Connection c, Set<Table> tables, List<Source> sources) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Table t : tables) {
                StringBuilder sb = new StringBuilder("CREATE TEMP TABLE ").append(stg(t)).append(" (_src INTEGER, _row BIGINT");
                for (String col : t.storeColumns()) {
                    sb.append(", ").append(col).append(' ').append(t.storeType(col));
                }
                st.execute(sb.append(")").toString());
            }
            st.execute("CREATE TEMP TABLE stg_errors (_tbl VARCHAR, _src INTEGER, _row BIGINT, col VARCHAR, val VARCHAR, reason VARCHAR)");
            st.execute("CREATE TEMP TABLE stg_sources (_src INTEGER, name VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stg_sources VALUES (?, ?)")) {
            for (Source s : sources) {
                ps.setInt(1, s.index);
                ps.setString(2, s.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void dropStaging(Connection c, Set<Table> tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Table t : tables) {
                st.execute("DROP TABLE IF EXISTS " + stg(t));
                st.execute("DROP TABLE IF EXISTS cls_" + t.name());
            }
            st.execute("DROP TABLE IF EXISTS stg_errors");
            st.execute("DROP TABLE IF EXISTS stg_sources");
        }
    }

    private void stage(Connection c, Source s, List<String> warnings) throws SQLException, IOException {
        Table t = s.spec.table();
        MessageDigest digest = sha256();
        s.started = now();
        RowValidator validator = new RowValidator(t, s.header.headerOfSchema, options.city(), store::hasher);
        int columns = t.columns().size();
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        progress.start("import " + s.name(), -1);
        try (TableInput in = open(s.spec, digest);
             DuckDBAppender rows = dc.createAppender("temp", "main", stg(t));
             DuckDBAppender errs = dc.createAppender("temp", "main", "stg_errors")) {
            InputRow row;
            while ((row = in.next()) != null) {
                s.read++;
                RowValidator.Checked checked;
                if (row.error() != null) {
                    checked = new RowValidator.Checked(new Object[validator.storeWidth()],
                        List.of(new FieldError("", "", row.error())));
                } else {
                    checked = validator.check(s.header.bySchema(row, columns), s.header.numericBySchema(row, columns));
                }
                rows.beginRow();
                rows.append(s.index);
                rows.append(row.rowNumber());
                for (Object v : checked.values()) {
                    appendValue(rows, v);
                }
                rows.endRow();
                for (FieldError e : checked.errors()) {
                    errs.beginRow();
                    errs.append(t.name());
                    errs.append(s.index);
                    errs.append(row.rowNumber());
                    errs.append(e.column());
                    errs.append(e.value());
                    errs.append(e.reason());
                    errs.endRow();
                }
                if (s.read % PROGRESS_EVERY == 0) {
                    progress.advance(s.read);
                }
            }
            s.blank = in.blankRows();
            warnings.addAll(in.warnings());
            rows.flush();
            errs.flush();
        } finally {
            progress.advance(s.read);
            progress.finish();
        }
        s.checksum = s.spec.sheet() == null ? HexFormat.of().formatHex(digest.digest()) : checksumOf(s.spec.file());
        s.finished = now();
    }

    private static void appendValue(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else if (v instanceof String s) {
            a.append(s);
        } else if (v instanceof Long l) {
            a.append(l.longValue());
        } else if (v instanceof BigDecimal d) {
            a.append(d);
        } else if (v instanceof LocalDate d) {
            a.append(d);
        } else if (v instanceof Boolean b) {
            a.append(b.booleanValue());
        } else {
            throw new IllegalStateException("unexpected value type " + v.getClass());
        }
    }

    // ---------------------------------------------------------------- checks across rows

    private static String ok(Table t, String alias) {
        return "NOT EXISTS (SELECT 1 FROM stg_errors e WHERE e._tbl = '" + t.name() + "' AND e._src = " + alias
            + "._src AND e._row = " + alias + "._row)";
    }

    private static String keyEq(Table t, String a, String b) {
        StringBuilder sb = new StringBuilder();
        for (String k : t.keyNames()) {
            if (sb.length() > 0) {
                sb.append(" AND ");
            }
            sb.append(a).append('.').append(k).append(" = ").append(b).append('.').append(k);
        }
        return sb.toString();
    }

    private static String keyString(Table t, String alias) {
        List<String> parts = new ArrayList<>();
        for (String k : t.keyNames()) {
            parts.add("CAST(" + alias + "." + k + " AS VARCHAR)");
        }
        return parts.size() == 1 ? parts.get(0) : "concat_ws('|', " + String.join(", ", parts) + ")";
    }

    private static String keysNotNull(Table t, String alias) {
        List<String> parts = new ArrayList<>();
        for (String k : t.keyNames()) {
            parts.add(alias + "." + k + " IS NOT NULL");
        }
        return String.join(" AND ", parts);
    }

    /** Rows of table r as they will be after this import: accepted staged rows, and stored rows not replaced. */
    private static String effective(Table r, Set<Table> staged, String cols) {
        if (!staged.contains(r)) {
            return "SELECT " + cols + " FROM " + r.name();
        }
        return "SELECT " + cols + " FROM " + stg(r) + " a WHERE " + ok(r, "a")
            + " UNION ALL SELECT " + cols + " FROM " + r.name() + " t WHERE NOT EXISTS (SELECT 1 FROM " + stg(r)
            + " a WHERE " + keyEq(r, "a", "t") + " AND " + ok(r, "a") + ")";
    }

    private void check(Connection c, Table t, Set<Table> staged) throws SQLException {
        String s = stg(t);
        try (Statement st = c.createStatement()) {
            for (Column col : t.columns()) {
                if (col.references() == null) {
                    continue;
                }
                Table r = Schema.table(col.references()).orElseThrow();
                String rk = r.keyNames().get(0);
                String sql = "INSERT INTO stg_errors SELECT '" + t.name() + "', s._src, s._row, '" + col.name() + "', s." + col.name()
                    + ", 'no " + r.name() + " row with " + rk + " = ' || s." + col.name() + " || ' in the store or in this import'"
                    + " FROM " + s + " s WHERE s." + col.name() + " IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM " + r.name() + " x WHERE x." + rk + " = s." + col.name() + ")";
                if (staged.contains(r)) {
                    sql += " AND NOT EXISTS (SELECT 1 FROM " + stg(r) + " a WHERE a." + rk + " = s." + col.name() + " AND " + ok(r, "a") + ")";
                }
                st.execute(sql);
            }
            for (Rule rule : t.rules()) {
                if (rule instanceof Rule.Unique u) {
                    String k = t.keyNames().get(0);
                    st.execute("INSERT INTO stg_errors SELECT '" + t.name() + "', s._src, s._row, '" + u.column() + "', s." + u.column()
                        + ", 'already used by " + t.name() + " ' || min(x.other) || ' (must be unique)'"
                        + " FROM " + s + " s JOIN (SELECT " + u.column() + " AS v, " + k + " AS other FROM ("
                        + effective(t, staged, u.column() + ", " + k) + ")) x ON x.v = s." + u.column() + " AND x.other <> s." + k
                        + " WHERE s." + u.column() + " IS NOT NULL GROUP BY s._src, s._row, s." + u.column());
                } else if (rule instanceof Rule.SameWithin sw) {
                    String def = "CAST('" + sw.defaultValue() + "' AS " + t.storeType(sw.column()) + ")";
                    String g = sw.groupColumn();
                    String v = sw.column();
                    st.execute("INSERT INTO stg_errors SELECT '" + t.name() + "', s._src, s._row, '" + v + "',"
                        + " CAST(coalesce(s." + v + ", " + def + ") AS VARCHAR),"
                        + " 'rows of " + g + " ' || s." + g + " || ' have different " + v + " values (' || b.vals || '); they must be the same'"
                        + " FROM " + s + " s JOIN (SELECT g, string_agg(DISTINCT CAST(v AS VARCHAR), ', ') AS vals"
                        + " FROM (SELECT x." + g + " AS g, coalesce(x." + v + ", " + def + ") AS v FROM (" + effective(t, staged, g + ", " + v)
                        + ") x) GROUP BY g HAVING count(DISTINCT v) > 1) b ON b.g = s." + g
                        + " WHERE " + ok(t, "s"));
                } else if (rule instanceof Rule.YearNotBeforeReferenced y) {
                    Table r = Schema.table(y.referencedTable()).orElseThrow();
                    String rk = r.keyNames().get(0);
                    st.execute("INSERT INTO stg_errors SELECT '" + t.name() + "', s._src, s._row, '" + y.yearColumn() + "', CAST(s."
                        + y.yearColumn() + " AS VARCHAR), 'is before the founding year of " + r.name() + " ' || s." + y.referenceColumn()
                        + " || ' (' || CAST(f.fy AS VARCHAR) || ')'"
                        + " FROM " + s + " s JOIN (SELECT " + rk + " AS id, year(" + y.referencedDateColumn() + ") AS fy FROM ("
                        + effective(r, staged, rk + ", " + y.referencedDateColumn()) + ")) f ON f.id = s." + y.referenceColumn()
                        + " WHERE s." + y.yearColumn() + " IS NOT NULL AND s." + y.yearColumn() + " < f.fy");
                }
            }
            // a key seen twice in this import: the last occurrence wins, earlier ones are rejected
            String keys = String.join(", ", t.keyNames().stream().map(k -> "s." + k).toList());
            st.execute("INSERT INTO stg_errors SELECT '" + t.name() + "', d._src, d._row, '" + t.keyNames().get(0) + "', d.k,"
                + " 'the same key appears again in ' || src.name || ' row ' || CAST(d.last_row AS VARCHAR) || ', which replaces this row'"
                + " FROM (SELECT s._src, s._row, " + keyString(t, "s") + " AS k,"
                + " row_number() OVER w AS rn, first_value(s._src) OVER w AS last_src, first_value(s._row) OVER w AS last_row"
                + " FROM " + s + " s WHERE " + keysNotNull(t, "s") + " AND " + ok(t, "s")
                + " WINDOW w AS (PARTITION BY " + keys + " ORDER BY s._src DESC, s._row DESC)) d"
                + " JOIN stg_sources src ON src._src = d.last_src WHERE d.rn > 1");
        }
    }

    // ---------------------------------------------------------------- merge

    private static long nextBatchBase(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) FROM import_batches")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void merge(Connection c, Table t, List<Source> sources, long base) throws SQLException {
        String s = stg(t);
        List<String> cols = t.storeColumns();
        StringBuilder diff = new StringBuilder();
        for (String col : cols) {
            if (t.keyNames().contains(col)) {
                continue;
            }
            if (diff.length() > 0) {
                diff.append(" OR ");
            }
            diff.append("s.").append(col).append(" IS DISTINCT FROM t.").append(col);
        }
        String cls = "cls_" + t.name();
        String firstKey = t.keyNames().get(0);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE " + cls + " AS SELECT s.*, CASE WHEN t." + firstKey + " IS NULL THEN 'i' WHEN "
                + (diff.length() == 0 ? "false" : "(" + diff + ")") + " THEN 'u' ELSE 'n' END AS _cls"
                + " FROM " + s + " s LEFT JOIN " + t.name() + " t ON " + keyEq(t, "s", "t") + " WHERE " + ok(t, "s"));
            Map<Integer, Source> byIndex = new HashMap<>();
            for (Source src : sources) {
                byIndex.put(src.index, src);
            }
            try (ResultSet rs = st.executeQuery("SELECT _src, _cls, count(*) FROM " + cls + " GROUP BY _src, _cls")) {
                while (rs.next()) {
                    Source src = byIndex.get(rs.getInt(1));
                    long n = rs.getLong(3);
                    switch (rs.getString(2)) {
                        case "i" -> src.inserted += n;
                        case "u" -> src.updated += n;
                        default -> src.unchanged += n;
                    }
                }
            }
            st.execute("DELETE FROM " + t.name() + " WHERE EXISTS (SELECT 1 FROM " + cls + " s WHERE s._cls = 'u' AND "
                + keyEq(t, "s", t.name()) + ")");
            String colList = String.join(", ", cols);
            st.execute("INSERT INTO " + t.name() + " (" + colList + ", " + Schema.BATCH_COLUMN + ") SELECT " + colList + ", "
                + (base + 1) + " + _src FROM " + cls + " WHERE _cls IN ('i', 'u')");
            // quarantined rows of this table whose key has now been accepted are resolved
            boolean anyQuarantined;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM quarantine WHERE table_name = '" + t.name()
                + "' AND resolved_batch_id IS NULL")) {
                rs.next();
                anyQuarantined = rs.getLong(1) > 0;
            }
            if (anyQuarantined) {
                st.execute("UPDATE quarantine SET resolved_batch_id = " + (base + 1) + " + (SELECT min(_src) FROM " + cls + ")"
                    + " WHERE table_name = '" + t.name() + "' AND resolved_batch_id IS NULL AND row_key IN (SELECT "
                    + keyString(t, "s") + " FROM " + cls + " s)");
            }
        }
    }

    private void countRejected(Connection c, List<Source> sources) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT _src, count(DISTINCT _row) FROM stg_errors GROUP BY _src")) {
            Map<Integer, Long> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getInt(1), rs.getLong(2));
            }
            for (Source s : sources) {
                s.rejected = m.getOrDefault(s.index, 0L);
            }
        }
    }

    private void recordBatches(Connection c, List<Source> sources, long base) throws SQLException {
        String run = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO import_batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Source s : sources) {
                int i = 1;
                ps.setLong(i++, base + 1 + s.index);
                ps.setString(i++, run);
                ps.setString(i++, s.spec.table().name());
                ps.setString(i++, s.spec.file().toAbsolutePath().normalize().toString());
                ps.setString(i++, s.spec.sheet());
                ps.setString(i++, s.checksum);
                ps.setObject(i++, s.started);
                ps.setObject(i++, s.finished);
                ps.setLong(i++, s.read);
                ps.setLong(i++, s.blank);
                ps.setLong(i++, s.inserted);
                ps.setLong(i++, s.updated);
                ps.setLong(i++, s.unchanged);
                ps.setLong(i++, s.rejected);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- rejected rows

    private void writeRejected(Connection c, List<Source> sources, long base, Map<Path, Path> moves, List<Path> written)
        throws SQLException, IOException {
        Set<Path> used = new java.util.HashSet<>();
        for (Source s : sources) {
            if (s.rejected == 0) {
                continue;
            }
            Table t = s.spec.table();
            long batch = base + 1 + s.index;
            Path dir = s.spec.file().toAbsolutePath().getParent();
            Path csvOut = uniqueOut(dir, t.name(), ".csv", used);
            Path xlsxOut = uniqueOut(dir, t.name(), ".xlsx", used);
            Path csvTmp = dir.resolve("." + csvOut.getFileName() + ".tmp");
            Path xlsxTmp = dir.resolve("." + xlsxOut.getFileName() + ".tmp");
            if (options.writeRejected()) {
                moves.put(csvTmp, csvOut);
                moves.put(xlsxTmp, xlsxOut);
                written.add(csvOut);
                written.add(xlsxOut);
            }
            try (RejectedRowsWriter w = options.writeRejected()
                     ? RejectedRowsWriter.open(csvTmp, xlsxTmp, options.encoding(), t.name()) : RejectedRowsWriter.none();
                 QuarantineWriter q = new QuarantineWriter(c, t, batch, s.name(), s.header);
                 TableInput in = open(s.spec, null);
                 PreparedStatement ps = c.prepareStatement("SELECT e._row, e.col, e.val, e.reason, " + keyString(t, "k")
                     + " FROM stg_errors e LEFT JOIN " + stg(t) + " k ON k._src = e._src AND k._row = e._row"
                     + " WHERE e._src = ? ORDER BY e._row, e.col, e.reason")) {
                w.header(in.header());
                q.headerCells(in.header());
                ps.setInt(1, s.index);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean more = rs.next();
                    InputRow row = in.next();
                    while (more) {
                        long target = rs.getLong(1);
                        String key = rs.getString(5);
                        List<FieldError> errors = new ArrayList<>();
                        while (more && rs.getLong(1) == target) {
                            errors.add(new FieldError(s.header.userHeader(t, rs.getString(2)), rs.getString(3), rs.getString(4)));
                            more = rs.next();
                        }
                        while (row != null && row.rowNumber() < target) {
                            row = in.next();
                        }
                        if (row == null || row.rowNumber() != target) {
                            throw new IllegalStateException(s.name() + ": row " + target + " not found on re-reading the file");
                        }
                        w.row(row, errors);
                        q.add(row, key, errors);
                    }
                }
            }
        }
        // earlier unresolved quarantine entries for keys quarantined again are superseded by the new ones
        try (Statement st = c.createStatement()) {
            st.execute("UPDATE quarantine SET resolved_batch_id = (SELECT min(n.batch_id) FROM quarantine n WHERE n.batch_id > " + base
                + " AND n.table_name = quarantine.table_name AND n.row_key = quarantine.row_key)"
                + " WHERE batch_id <= " + base + " AND resolved_batch_id IS NULL AND row_key IS NOT NULL"
                + " AND EXISTS (SELECT 1 FROM quarantine n WHERE n.batch_id > " + base
                + " AND n.table_name = quarantine.table_name AND n.row_key = quarantine.row_key)");
        }
    }

    private static Path uniqueOut(Path dir, String table, String ext, Set<Path> used) {
        Path p = dir.resolve(table + ".rejected" + ext);
        for (int i = 2; used.contains(p); i++) {
            p = dir.resolve(table + ".rejected." + i + ext);
        }
        used.add(p);
        return p;
    }

    private static void cleanup(Map<Path, Path> moves) {
        for (Path tmp : moves.keySet()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    /** Phase timings on stderr when HAIGUI_TIMINGS is set (for profiling the import). */
    private static final class Timer {
        private final boolean on = System.getenv("HAIGUI_TIMINGS") != null;
        private long last = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            if (on) {
                System.err.printf(java.util.Locale.ROOT, "import %-9s %8.2f s%n", phase, (now - last) / 1e9);
            }
            last = now;
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checksumOf(Path file) throws IOException {
        MessageDigest d = sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
