package org.haigui.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.Progress;
import org.haigui.core.SpreadsheetCells;
import org.haigui.schema.Table;

/**
 * The engine's path of the staging section, for a plain CSV file: DuckDB's own parallel CSV reader
 * loads the file's cells as text into a temporary table, the row rules run over it as SQL
 * ({@link EngineRules}), the rows they accept go into the staging table in one
 * {@code INSERT ... SELECT}, and every other row (each error, every unusual form) goes through
 * {@link RowValidator} exactly as on the Java path, so messages and values are the same.
 *
 * <p>"Plain" is checked, not assumed, and anything else takes the Java path ({@link Staging#stage})
 * unchanged: the file is read as UTF-8 (the default encoding), its header is its first record, and
 * a scan of its bytes (which also computes the file's checksum, while DuckDB reads) finds quotes only
 * as RFC 4180 has them (a quoted field starts at the field's start and its closing quote ends the
 * field), no line break inside a quoted field, no lone carriage return, no NUL byte. Then DuckDB's
 * reader and {@link org.haigui.csv.CsvReader} give the same cells and one record per line, so a
 * record's row number is its line; DuckDB must also read every line (a blank line, which it skips,
 * sends the file to the Java path) and find the header's number of fields on each (strict mode), and
 * a line may hold at most 1 MiB and no more than the Java reader takes ({@link CsvInput#limits}).
 *
 * <p>DuckDB's reader runs before the import's transaction ({@link #load}: DuckDB ends a transaction
 * at a failed statement, and a file its reader refuses must not end the import), into a temporary
 * table, so the store is not touched before the transaction whatever happens; the rows go into the
 * staging table inside it ({@link #stage}), as the Java path's do.
 *
 * <p>Identity numbers never pass through DuckDB in clear: a file with an identity-number column
 * (persons) takes the Java path, which hashes them before anything reaches the database. A file of
 * another table that holds one by mistake has it in a temporary table (memory; the database's
 * temporary folder only under memory pressure) until the row checker rejects the row.
 *
 * <p>Measured (December 2026, 2 cores, runs back to back): on the 250,000-person city the six tables
 * that take this path (773,000 rows) stage in about 1.7 s; "parse+row rules" takes 3.5-4.1 s against
 * 4.2-5.2 s with every file on the Java path, the import 6.2-7.1 s against 6.6-7.9 s; 10,000,000
 * persons import in 146 s against 158 s. Row rules as SQL cost per value about what the Java checker
 * does, so the SQL leaves out what {@link CsvScan} shows every value to pass, and computes each
 * value once per row ({@link #stage}).
 *
 * <p>Tried and not kept (December 2026): {@code persons} on this path, its identity numbers checked
 * and hashed (HMAC-SHA-256 written in SQL, the key's padded blocks as statement parameters) as
 * DuckDB read them, never kept in clear, and the rows the SQL did not accept read again by the Java
 * reader. It gave the same store (hashes included, under one key) and was faster at 250,000 persons
 * (1.2 s against 1.5 s) but slower at 10,000,000 (48 s against 39 s, 10.6 GB resident against 9.3):
 * seventeen weighted digits and two hashes per row cost DuckDB more than the Java checker.
 */
final class EngineStaging {

    /** Longest line DuckDB's reader takes (bytes); a longer one sends the file to the Java path. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final Staging staging;
    private final ImportOptions options;
    private final Progress progress;

    EngineStaging(Staging staging, ImportOptions options, Progress progress) {
        this.staging = staging;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Whether the engine's path is tried at all: on unless the system property {@code haigui.import.engine}
     * is {@code off} (to compare the two paths, as the tests do, or to rule the path out).
     */
    static boolean enabled = !"off".equals(System.getProperty("haigui.import.engine"));

    /** Inputs staged on this path since the program started (the tests see which path a file took). */
    static final java.util.concurrent.atomic.AtomicLong STAGED = new java.util.concurrent.atomic.AtomicLong();

    /** A file DuckDB has read into a temporary table, its scan, and the row rules that know it. */
    static final class Loaded {
        final String raw;
        final CsvScan scan;
        final long records;
        final EngineRules rules;
        final int width;

        Loaded(String raw, CsvScan scan, long records, EngineRules rules, int width) {
            this.raw = raw;
            this.scan = scan;
            this.records = records;
            this.rules = rules;
            this.width = width;
        }
    }

    /**
     * Reads {@code s} into a temporary table with DuckDB's reader, outside any transaction (a file
     * DuckDB refuses fails only its own statement); null (nothing kept) when the file is not plain or
     * its table has no SQL form: then the Java path stages it.
     */
    Loaded load(Connection c, ImportSource s) throws SQLException, IOException {
        if (!enabled || s.spec.sheet() != null || !options.encoding().equals(StandardCharsets.UTF_8) || !Files.isRegularFile(s.spec.file())) {
            return null;
        }
        if (s.spec.file().toAbsolutePath().toString().matches(".*[*?\\[\\]{}'\\\\].*")) {
            return null; // DuckDB would read the name as a pattern (or the quoting would need care): the Java path reads it
        }
        Table t = s.spec.table();
        if (EngineRules.of(t, s.header.schemaIndexOfHeader, options.city(), options.survey()) == null) {
            return null;
        }
        if (s.header.headerRow != 1) {
            return null; // title rows above the header: DuckDB's reader would take them for data
        }
        int width = s.header.schemaIndexOfHeader.length;
        long start = Importer.Timer.cpuNanos();
        Path file = s.spec.file();
        CompletableFuture<CsvScan> scanning = new CompletableFuture<>();
        Thread scanner = new Thread(() -> {
            try {
                scanning.complete(CsvScan.of(file, width));
            } catch (IOException | RuntimeException e) {
                scanning.completeExceptionally(e);
            }
        }, "haigui-import-scan");
        scanner.setDaemon(true);
        scanner.start();
        String raw = raw(s);
        boolean kept = false;
        progress.start("read " + s.name(), -1);
        try (Statement st = c.createStatement()) {
            StringBuilder columns = new StringBuilder();
            for (int k = 0; k < width; k++) {
                columns.append(k == 0 ? "" : ", ").append("'c").append(k).append("': 'VARCHAR'");
            }
            boolean loaded;
            try {
                execute(st, "CREATE TEMP TABLE " + raw + " AS SELECT * FROM read_csv(" + EngineRules.literal(file.toAbsolutePath().toString())
                    + ", header = false, skip = 1, auto_detect = false, columns = {" + columns + "}, delim = ',', quote = '\"',"
                    + " escape = '\"', strict_mode = true, null_padding = false, encoding = 'utf-8', max_line_size = "
                    + maxLineBytes() + ")");
                loaded = true;
            } catch (SQLException e) {
                loaded = false; // not plain to DuckDB: the Java path reads it, and says what is wrong
            }
            CsvScan scan = org.haigui.core.Tasks.result(scanning, IOException.class, "scanning " + s.name());
            long records = loaded ? count(st, raw) : -1;
            if (!loaded || !scan.plain || records != scan.records - 1) {
                return null;
            }
            kept = true;
            return new Loaded(raw, scan, records, EngineRules.of(t, s.header.schemaIndexOfHeader, options.city(), options.survey(), scan),
                width);
        } finally {
            progress.finish();
            staging.engineNanos.addAndGet(Importer.Timer.cpuNanos() - start);
            if (!kept) {
                drop(c, raw);
            }
        }
    }

    /**
     * Stages a file {@link #load} read, inside the import's transaction (so that the staging table's
     * rows are the transaction's, as on the Java path): the rows the SQL accepts in one statement,
     * the others through {@link RowValidator}; then drops the file's table.
     */
    void stage(Connection c, ImportSource s, Loaded in) throws SQLException {
        long start = Importer.Timer.cpuNanos();
        Table t = s.spec.table();
        progress.start("import " + s.name(), -1);
        try (Statement st = c.createStatement()) {
            s.started = Staging.now();
            // the values and the rules in one projection, so that DuckDB computes each value once (its
            // common-subexpression step works within a projection), and OFFSET 0 keeps the filter on ok
            // from being pushed below it as the whole condition again (measured: 0.33 s against 1.05 s
            // on the 374,428 episodes of the 250,000-person city)
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(ImportSql.stg(t)).append(" SELECT ").append(s.index)
                .append(", * EXCLUDE (_ok) FROM (SELECT rowid + 2 AS _row");
            for (int i = 0; i < in.rules.values.size(); i++) {
                insert.append(",\n ").append(in.rules.values.get(i)).append(" AS v").append(i);
            }
            insert.append(",\n ").append(in.rules.clean).append(" AS _ok FROM ").append(in.raw).append(" OFFSET 0) WHERE _ok");
            long accepted = execute(st, insert.toString());
            long t1 = System.nanoTime();
            long[] counts = accepted == in.records ? new long[] {0, 0} : others(c, st, s, t, in.raw, in.rules, in.width);
            if (TIMINGS) {
                System.err.printf(java.util.Locale.ROOT, "  sql %7.3f s  %d rows not taken by the SQL, through the row checker%n",
                    (System.nanoTime() - t1) / 1e9, counts[1]);
            }
            s.read = in.records - counts[0];
            s.blank = counts[0];
            s.checksum = in.scan.sha256;
            s.finished = Staging.now();
            progress.total(s.read);
            progress.advance(s.read);
            STAGED.incrementAndGet();
        } finally {
            progress.finish();
            staging.engineNanos.addAndGet(Importer.Timer.cpuNanos() - start);
            drop(c, in.raw);
        }
    }

    /** The temporary table DuckDB's reader fills from an input. */
    static String raw(ImportSource s) {
        return "raw_" + s.index;
    }

    /** Drops a file's table (after a failure too: it is the connection's until dropped). */
    static void drop(Connection c, String raw) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + raw);
        }
    }

    /**
     * The longest line DuckDB may read: within the Java reader's bounds ({@link CsvInput#limits}), so
     * that a line it would refuse sends the file to it (a character is at least a byte).
     */
    private static int maxLineBytes() {
        org.haigui.csv.CsvReader.Limits l = CsvInput.limits;
        return Math.min(MAX_LINE_BYTES, Math.min(l.maxFieldChars(), l.maxRecordChars()));
    }

    private static final boolean TIMINGS = System.getenv("HAIGUI_TIMINGS") != null;

    /** Runs one statement; with {@code HAIGUI_TIMINGS} set, prints its wall time (as the import's other SQL does). */
    private static long execute(Statement st, String sql) throws SQLException {
        long t0 = System.nanoTime();
        long n = st.executeLargeUpdate(sql);
        if (TIMINGS) {
            String one = sql.replaceAll("\\s+", " ");
            System.err.printf(java.util.Locale.ROOT, "  sql %7.3f s  %s%n", (System.nanoTime() - t0) / 1e9,
                one.length() > 110 ? one.substring(0, 110) + "..." : one);
        }
        return n;
    }

    private static long count(Statement st, String raw) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + raw)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The rows the SQL did not accept, through {@link RowValidator} in file order (as the Java path
     * would check them); returns {blank rows, rows checked}.
     */
    private long[] others(Connection c, Statement st, ImportSource s, Table t, String raw, EngineRules rules, int width)
        throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * EXCLUDE (_ok) FROM (SELECT rowid + 2 AS _row");
        for (int k = 0; k < width; k++) {
            sql.append(", c").append(k);
        }
        sql.append(", ").append(rules.clean).append(" AS _ok FROM ").append(raw).append(" OFFSET 0) WHERE NOT _ok ORDER BY _row");
        RowValidator validator = new RowValidator(t, s.header.headerOfSchema, options.city(), staging.hashers(t), options.survey());
        int columns = t.columns().size();
        long blank = 0;
        long others = 0;
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        try (ResultSet rs = st.executeQuery(sql.toString());
             DuckDBAppender rows = dc.createAppender("temp", "main", ImportSql.stg(t));
             DuckDBAppender errs = dc.createAppender("temp", "main", "stg_errors")) {
            while (rs.next()) {
                long row = rs.getLong(1);
                String[] cells = new String[width];
                boolean isBlank = true;
                for (int k = 0; k < width; k++) {
                    String v = rs.getString(k + 2);
                    v = v == null ? "" : v;
                    isBlank &= v.isBlank(); // as CsvInput: the cells as written
                    cells[k] = SpreadsheetCells.restore(v);
                }
                others++;
                if (isBlank) {
                    blank++;
                    continue;
                }
                InputRow input = new InputRow(row, cells, null, null);
                Staging.append(rows, errs, t, s, row, validator.check(s.header.bySchema(input, columns), null));
            }
            rows.flush();
            errs.flush();
        }
        return new long[] {blank, others};
    }
}
