package org.haigui.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.Progress;
import org.haigui.schema.Table;

/**
 * The engine's path of the staging section, for a plain CSV file: DuckDB's own parallel CSV reader
 * reads the file's cells as text straight into the staging table, the row rules as SQL
 * ({@link EngineRules}) in the same {@code INSERT ... SELECT}; every row they do not accept (each
 * error, every unusual form) is read again by the Java reader and goes through {@link RowValidator}
 * exactly as on the Java path, so messages and values are the same.
 *
 * <p>"Plain" is checked, not assumed, and anything else takes the Java path ({@link Staging#stage})
 * unchanged: the file is read as UTF-8 (the default encoding), its header is its first record, and a
 * scan of its bytes ({@link CsvScan}, which also computes the file's checksum) proves what DuckDB's
 * strict reader checks: well-formed UTF-8, quotes only as RFC 4180 has them, no line break inside a
 * quoted field, no lone carriage return, no NUL byte, no blank line, the header's number of fields on
 * every line, no line over 1 MiB or over what the Java reader takes ({@link CsvInput#limits}). Then
 * DuckDB's reader and {@link org.haigui.csv.CsvReader} give the same cells and one record per line,
 * so a record's row number is its line: its place among the rows the reader gave, plus one.
 *
 * <p>The scans run before DuckDB reads, on one background thread, while the files before them are
 * staged ({@link #scans}); DuckDB reads inside the import's transaction ({@link #stage}). DuckDB ends
 * a transaction at a failed statement: should its reader refuse a file the scan found plain, or read
 * another number of records, {@link Refused} makes {@link Importer} run the import again with every
 * file on the Java path (nothing was kept: no file is written before the commit).
 *
 * <p>Identity numbers never pass through DuckDB in clear: a file with an identity-number column
 * (persons) takes the Java path, which hashes them before anything reaches the database. A file of
 * another table that holds one by mistake passes through DuckDB's memory (and its temporary folder
 * only under memory pressure) while the row rules find it and send the row to the row checker,
 * which rejects it; it is never stored.
 *
 * <p>Measured (December 2026, 2 cores, runs back to back): on the 250,000-person city the six tables
 * that take this path (773,000 rows) stage in about 1.7 s; "parse+row rules" took 3.5-4.1 s against
 * 4.2-5.2 s with every file on the Java path. 10,000,000 persons imported in 113 s against 125 s when
 * DuckDB read every file into a temporary table before the transaction with the scan alongside
 * (the design before the one before this), and against 158 s with every file on the Java path (an
 * earlier hour); for reading straight into the staging table see {@link #read}.
 * Row rules as SQL cost per value about what the Java checker does, so the SQL leaves out what
 * {@link CsvScan} shows every value to pass, and computes each value once per row ({@link #stage}).
 *
 * <p>Tried and not kept (December 2026): reading with DuckDB's ordinality (WITH ORDINALITY) for the
 * lines: its window runs everything after it on one thread. {@code persons} on this path, its identity numbers checked
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
    /** This run may use the path ({@link #enabled}, and not a run again after {@link Refused}). */
    private final boolean on;

    EngineStaging(Staging staging, ImportOptions options, Progress progress, boolean on) {
        this.staging = staging;
        this.options = options;
        this.progress = progress;
        this.on = on;
    }

    /**
     * Whether the engine's path is tried at all: on unless the system property {@code haigui.import.engine}
     * is {@code off} (to compare the two paths, as the tests do, or to rule the path out).
     */
    static boolean enabled = !"off".equals(System.getProperty("haigui.import.engine"));

    /** The tests make every file's staging end in {@link Refused} after DuckDB read it (the run again must give the same). */
    static volatile boolean refuseForTests;

    /** Imports run again after {@link Refused} since the program started (the tests see that the scan kept DuckDB from refusing). */
    static final java.util.concurrent.atomic.AtomicLong REFUSED = new java.util.concurrent.atomic.AtomicLong();

    /** Inputs staged on this path since the program started (the tests see which path a file took). */
    static final java.util.concurrent.atomic.AtomicLong STAGED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * DuckDB's reader failed on a file the scan found plain, or read another number of records: the
     * import's transaction has ended (DuckDB ends it at a failed statement), and {@link Importer}
     * runs the import again with every file on the Java path. Not expected; the scan is there so that
     * it does not happen.
     */
    static final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Starts scanning, one after the other on one background thread and in the order of
     * {@code sources}, every file that may take this path; the scan of source {@code i} is entry
     * {@code i}, null for the others. The
     * scans run while the import stages the files before them (persons first, on the Java path), so
     * that on two cores they mostly fill the core that path leaves idle. The executor is the caller's
     * to shut down.
     */
    List<Future<CsvScan>> scans(List<ImportSource> sources, ExecutorService scanner) {
        List<Future<CsvScan>> scans = new java.util.ArrayList<>();
        for (ImportSource s : sources) {
            if (!eligible(s)) {
                scans.add(null);
                continue;
            }
            int width = s.header.schemaIndexOfHeader.length;
            Path file = s.spec.file();
            scans.add(scanner.submit(() -> {
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu = mx.getCurrentThreadCpuTime();
                try {
                    return CsvScan.of(file, width, maxLineBytes());
                } finally {
                    staging.engineNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                }
            }));
        }
        return scans;
    }

    /** Whether {@code s} may take this path: a UTF-8 CSV file with its header on line 1, of a table with a SQL form. */
    private boolean eligible(ImportSource s) {
        if (!on || s.spec.sheet() != null || !options.encoding().equals(StandardCharsets.UTF_8) || !Files.isRegularFile(s.spec.file())) {
            return false;
        }
        if (s.spec.file().toAbsolutePath().toString().matches(".*[*?\\[\\]{}'\\\\].*")) {
            return false; // DuckDB would read the name as a pattern (or the quoting would need care): the Java path reads it
        }
        if (s.header.headerRow != 1) {
            return false; // title rows above the header: DuckDB's reader would take them for data
        }
        return EngineRules.of(s.spec.table(), s.header.schemaIndexOfHeader, options.city(), options.survey()) != null;
    }

    /**
     * Stages {@code s} on this path, inside the import's transaction: DuckDB reads the file and the
     * rows the SQL accepts go to the staging table in one statement, the others through
     * {@link RowValidator}. Returns false, having done nothing, when the file may not take this path
     * or its scan found it not plain: then the Java path stages it. Throws {@link Refused} when DuckDB's
     * reader does not read the file as the scan did.
     */
    boolean stage(Connection c, ImportSource s, Future<CsvScan> scanning) throws SQLException {
        if (scanning == null) {
            return false;
        }
        CsvScan scan;
        try {
            scan = org.haigui.core.Tasks.result(scanning, IOException.class, "scanning " + s.name());
        } catch (IOException e) {
            return false; // the Java path reads it again, and says what is wrong
        }
        if (!scan.plain) {
            return false;
        }
        long start = Importer.Timer.cpuNanos();
        Table t = s.spec.table();
        EngineRules rules = EngineRules.of(t, s.header.schemaIndexOfHeader, options.city(), options.survey(), scan);
        long records = scan.records - 1;
        int width = s.header.schemaIndexOfHeader.length;
        progress.start("import " + s.name(), -1);
        try (Statement st = c.createStatement()) {
            s.started = Staging.now();
            long[] lines;
            long t1;
            long[] counts;
            try {
                lines = read(st, s, t, rules, width, records);
                t1 = System.nanoTime();
                counts = lines.length == 0 ? new long[] {0, 0} : others(c, s, t, lines);
            } catch (SQLException | IOException e) {
                throw new Refused(s.name() + ": DuckDB's reader refused a file the scan found plain: " + e.getMessage(), e);
            }
            if (refuseForTests) {
                throw new Refused(s.name() + ": refused for a test", null);
            }
            if (TIMINGS) {
                System.err.printf(java.util.Locale.ROOT, "  sql %7.3f s  %d rows not taken by the SQL, through the row checker%n",
                    (System.nanoTime() - t1) / 1e9, lines.length);
            }
            s.read = records - counts[0];
            s.blank = counts[0];
            s.checksum = scan.sha256;
            s.finished = Staging.now();
            progress.total(s.read);
            progress.advance(s.read);
            STAGED.incrementAndGet();
            return true;
        } finally {
            progress.finish();
            staging.engineNanos.addAndGet(Importer.Timer.cpuNanos() - start);
        }
    }

    /**
     * DuckDB's reader straight into the staging table, the row rules as SQL in the same statement:
     * every record becomes a staging row in file order, those the rules accept under the input's
     * index, the others under {@code -1 - index}. A row's line is its rowid less the first one, plus
     * two: rows made inside a transaction number from a base of DuckDB's own, one run of numbers per
     * statement (checked: as many as the scan's records, none missing), written to {@code _row} after
     * the read. The rows the rules did not accept are deleted, and their lines returned (ascending)
     * for {@link #others}.
     *
     * <p>The values and the rules in one projection, so that DuckDB computes each value once (its
     * common-subexpression step works within a projection); OFFSET 0 keeps the projection whole.
     * Measured on the 250,000-person city (December 2026, back to back): the episodes' 500,000 rows
     * staged in 0.34-0.40 s against 0.63-0.66 s when the reader first filled a temporary table of the
     * cells and the rules ran over it (the design before this one), and the import's peak resident
     * memory 550-600 MB against 630-710 MB. Reading with the reader's ordinality (WITH ORDINALITY) for
     * the lines was slower still: its window runs everything after it on one thread.
     */
    private long[] read(Statement st, ImportSource s, Table t, EngineRules rules, int width, long records) throws SQLException {
        String stg = ImportSql.stg(t);
        int notTaken = -1 - s.index;
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(stg).append(" SELECT CASE WHEN _ok THEN ").append(s.index)
            .append(" ELSE ").append(notTaken).append(" END, NULL, * EXCLUDE (_ok) FROM (SELECT ");
        for (int i = 0; i < rules.values.size(); i++) {
            insert.append(i == 0 ? "" : ",\n ").append(rules.values.get(i)).append(" AS v").append(i);
        }
        insert.append(",\n ").append(rules.clean).append(" AS _ok FROM ").append(read(s.spec.file(), width)).append(" OFFSET 0)");
        execute(st, insert.toString());
        String mine = " WHERE _src = " + s.index + " OR _src = " + notTaken;
        long first;
        long others;
        try (ResultSet rs = st.executeQuery("SELECT coalesce(min(rowid), 0), coalesce(max(rowid), -1), count(*),"
            + " count(*) FILTER (WHERE _src = " + notTaken + ") FROM " + stg + mine)) {
            rs.next();
            first = rs.getLong(1);
            if (rs.getLong(3) != records || rs.getLong(2) - first + 1 != records) {
                throw new Refused(s.name() + ": DuckDB's reader read " + rs.getLong(3) + " records (rowids " + first + " to "
                    + rs.getLong(2) + "), the scan " + records, null);
            }
            others = rs.getLong(4);
        }
        execute(st, "UPDATE " + stg + " SET _row = rowid - " + first + " + 2" + mine);
        long[] lines = new long[Math.toIntExact(others)];
        if (others > 0) {
            int n = 0;
            try (ResultSet rs = st.executeQuery("SELECT _row FROM " + stg + " WHERE _src = " + notTaken + " ORDER BY _row")) {
                while (rs.next()) {
                    lines[n++] = rs.getLong(1);
                }
            }
            execute(st, "DELETE FROM " + stg + " WHERE _src = " + notTaken);
        }
        return lines;
    }

    /**
     * The rows the SQL did not accept (at {@code lines}, ascending), read again by the Java reader
     * and checked by {@link RowValidator} in file order, exactly as the Java path reads and checks
     * them (the scan showed one record per line, so the reader's row numbers are the lines); returns
     * {blank rows, rows read again}. The reader stops after the last of them.
     */
    private long[] others(Connection c, ImportSource s, Table t, long[] lines) throws SQLException, IOException {
        RowValidator validator = new RowValidator(t, s.header.headerOfSchema, options.city(), staging.hashers(t), options.survey());
        int columns = t.columns().size();
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        long checked = 0;
        try (TableInput in = CsvInput.open(t, s.spec.file(), StandardCharsets.UTF_8, null);
             DuckDBAppender rows = dc.createAppender("temp", "main", ImportSql.stg(t));
             DuckDBAppender errs = dc.createAppender("temp", "main", "stg_errors")) {
            int k = 0;
            InputRow row;
            while (k < lines.length && (row = in.next()) != null) {
                while (k < lines.length && lines[k] < row.rowNumber()) {
                    k++; // a blank row: the reader skipped it (and counted it)
                }
                if (k < lines.length && lines[k] == row.rowNumber()) {
                    k++;
                    checked++;
                    RowValidator.Checked v = row.error() != null
                        ? new RowValidator.Checked(new Object[validator.storeWidth()], List.of(new FieldError("", "", row.error())))
                        : validator.check(s.header.bySchema(row, columns), s.header.numericBySchema(row, columns));
                    Staging.append(rows, errs, t, s, row.rowNumber(), v);
                }
            }
            rows.flush();
            errs.flush();
        }
        return new long[] {lines.length - checked, lines.length};
    }

    /** DuckDB's strict reader over the file's cells as text (c0 .. c(width-1)). */
    private static String read(Path file, int width) {
        StringBuilder columns = new StringBuilder();
        for (int k = 0; k < width; k++) {
            columns.append(k == 0 ? "" : ", ").append("'c").append(k).append("': 'VARCHAR'");
        }
        return "read_csv(" + EngineRules.literal(file.toAbsolutePath().toString())
            + ", header = false, skip = 1, auto_detect = false, columns = {" + columns + "}, delim = ',', quote = '\"',"
            + " escape = '\"', strict_mode = true, null_padding = false, encoding = 'utf-8', max_line_size = "
            + maxLineBytes() + ")";
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
}
