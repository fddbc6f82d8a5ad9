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
import org.haigui.core.SpreadsheetCells;
import org.haigui.schema.Table;

/**
 * The engine's path of the staging section, for a plain CSV file: DuckDB's own parallel CSV reader
 * reads the file's cells as text into a temporary table, the row rules run over it as SQL
 * ({@link EngineRules}), and the rows they accept go into the staging table in one
 * {@code INSERT ... SELECT}; every other row (each error, every unusual form) goes through
 * {@link RowValidator} exactly as on the Java path, so messages and values are the same.
 *
 * <p>"Plain" is checked, not assumed, and anything else takes the Java path ({@link Staging#stage})
 * unchanged: the file is read as UTF-8 (the default encoding), its header is its first record, and a
 * scan of its bytes ({@link CsvScan}, which also computes the file's checksum) proves what DuckDB's
 * strict reader checks: well-formed UTF-8, quotes only as RFC 4180 has them, no line break inside a
 * quoted field, no lone carriage return, no NUL byte, no blank line, the header's number of fields on
 * every line, no line over 1 MiB or over what the Java reader takes ({@link CsvInput#limits}). Then
 * DuckDB's reader and {@link org.haigui.csv.CsvReader} give the same cells and one record per line,
 * so a record's row number is its line: its place in the temporary table plus one.
 *
 * <p>The scans run before DuckDB reads, on one background thread, while the files before them are
 * staged ({@link #scans}); DuckDB reads inside the import's transaction ({@link #stage}). DuckDB ends
 * a transaction at a failed statement: should its reader refuse a file the scan found plain, or read
 * another number of records, {@link Refused} makes {@link Importer} run the import again with every
 * file on the Java path (nothing was kept: no file is written before the commit).
 *
 * <p>Identity numbers never reach a DuckDB value in clear. In a file with an identity-number column
 * (persons) DuckDB's reader leaves that column out ({@code SELECT * EXCLUDE}: it parses past the
 * bytes without making a value of them), and {@link IdColumn} reads it in Java on the scans' thread
 * while DuckDB reads the rest: the numbers in the plain form checked and hashed there, their hashes,
 * area codes and the gender and birth date they imply appended to a temporary table and joined by
 * line. The rows the SQL does not accept (a number in another form among them) are read again by the
 * Java reader and checked whole by {@link RowValidator} ({@link Staging#stageLines}). A file of
 * another table that holds a number by mistake passes through DuckDB's memory (and its temporary
 * folder only under memory pressure) while the row rules find it and send the row to the row
 * checker, which rejects it; it is never stored.
 *
 * <p>Measured (December 2026, 2 cores): on the 250,000-person city persons staged in 0.6-1.0 s
 * against 1.84-2.45 s on the Java path (whose one appending thread bound it), the import 3.2-3.7 s
 * against 4.0-5.3 s; on 10,000,000 persons 25.7 s against 37.0 s (another hour), with an 11.4 GB
 * peak resident against 9.2 GB (the join holds the cells and the hashes). The join gives the rows in
 * no order, so they are staged in the file's ({@code ORDER BY _row}): the store's table takes them
 * in half the time.
 *
 * <p>Measured (December 2026, 2 cores, runs back to back): on the 250,000-person city the six tables
 * that take this path (773,000 rows) stage in about 1.7 s; "parse+row rules" took 3.5-4.1 s against
 * 4.2-5.2 s with every file on the Java path. 10,000,000 persons import in 113 s against 125 s when
 * DuckDB read every file into its temporary table before the transaction with the scan alongside
 * (the design before this one), and against 158 s with every file on the Java path (an earlier hour).
 * Row rules as SQL cost per value about what the Java checker does, so the SQL leaves out what
 * {@link CsvScan} shows every value to pass, and computes each value once per row ({@link #stage}).
 *
 * <p>Tried and not kept (December 2026): reading straight into the staging table, with DuckDB's
 * ordinality (WITH ORDINALITY) for the lines: its window runs everything after it on one thread.
 * Reading straight into the staging table with the rules in the same statement, each row's line
 * taken from its place (rowid) afterwards: faster (the episodes of the 250,000-person city 0.34-0.40 s
 * against 0.63-0.66 s, 10,000,000 persons' import peak resident 6.8 GB against 9.2) but wrong: with
 * the reader on several threads the rows did not keep the file's order, neither by
 * {@code INSERT ... SELECT} nor by {@code CREATE TABLE ... AS} with the rules' projection (with or
 * without {@code OFFSET 0}, and with the long IN lists, which DuckDB may turn into joins, written as
 * {@code list_contains}), so rows got other rows' line numbers; only {@code CREATE TABLE ... AS
 * SELECT * FROM read_csv(...)} keeps it ({@link #smallBuffersForTests} makes the tests see this on a
 * small file; the damaged synthetic city of {@code EnginePathTest} failed on the others).
 * {@code persons} on this path, its identity numbers checked
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
     * scans run while the import stages the files before them, and a file with identity numbers has
     * them read right after its scan ({@link IdColumn}), while DuckDB reads its other columns. The
     * executor is the caller's to shut down.
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
            CsvScan.Keys keys = keys(s);
            Future<CsvScan> scan = scanner.submit(() -> {
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu = mx.getCurrentThreadCpuTime();
                try {
                    return CsvScan.of(file, width, maxLineBytes(), keys);
                } finally {
                    staging.engineNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                }
            });
            scans.add(scan);
            int k = idPosition(s);
            if (k >= 0) {
                // right after the file's scan, on the same thread: its identity numbers, while DuckDB reads the rest
                IdTask task = new IdTask();
                task.result = scanner.submit(() -> {
                    CsvScan done = scan.get(); // run before this task, on this thread
                    if (!done.plain) {
                        return null;
                    }
                    java.util.function.Supplier<org.haigui.ids.IdHasher> hashers = task.hashers.get(); // when the file is staged
                    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    long cpu = mx.getCurrentThreadCpuTime();
                    try {
                        task.column.read(file, k, hashers);
                        return task.column;
                    } finally {
                        staging.engineNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                    }
                });
                idTasks.put(s.index, task);
            }
        }
        return scans;
    }

    /**
     * The identity numbers of one file being read in Java ({@link IdColumn}) on the scans' thread: it
     * waits for the hashers, given when the file is staged (inside the import's transaction, as the Java
     * path asks for the store's key), or for {@link #release} when the file is not staged this way.
     */
    private static final class IdTask {
        final java.util.concurrent.CompletableFuture<java.util.function.Supplier<org.haigui.ids.IdHasher>> hashers =
            new java.util.concurrent.CompletableFuture<>();
        final IdColumn column = new IdColumn();
        Future<IdColumn> result;

        /** Ends the task without reading (the scans after it on the thread go on). */
        void release() {
            hashers.completeExceptionally(new java.util.concurrent.CancellationException("not needed"));
        }
    }

    /** The ID tasks of this run, by source index. */
    private final java.util.Map<Integer, IdTask> idTasks = new java.util.HashMap<>();

    /**
     * The header positions of the table's key columns (the last of repeated headers, as EngineRules reads
     * them), for the scan to tell whether the keys increase; none when a key column is missing.
     */
    static CsvScan.Keys keys(ImportSource s) {
        List<org.haigui.schema.Column> cols = s.spec.table().columns();
        List<org.haigui.schema.Column> key = s.spec.table().keyColumns();
        int[] positions = new int[key.size()];
        boolean[] integer = new boolean[key.size()];
        for (int p = 0; p < key.size(); p++) {
            int c = cols.indexOf(key.get(p));
            positions[p] = -1;
            for (int i = 0; i < s.header.schemaIndexOfHeader.length; i++) {
                if (s.header.schemaIndexOfHeader[i] == c) {
                    positions[p] = i;
                }
            }
            org.haigui.schema.ColumnType type = key.get(p).type();
            if (positions[p] < 0 || (type != org.haigui.schema.ColumnType.ID && type != org.haigui.schema.ColumnType.INT)) {
                return CsvScan.Keys.NONE; // a key the scan cannot compare as the rules read it
            }
            integer[p] = type == org.haigui.schema.ColumnType.INT;
        }
        return new CsvScan.Keys(positions, integer);
    }

    /** The header position of the source's identity-number column (the last one, as in HeaderMap.bySchema), or -1. */
    private static int idPosition(ImportSource s) {
        List<Integer> all = idPositions(s);
        return all.isEmpty() ? -1 : all.get(all.size() - 1);
    }

    /** The header positions of every identity-number column of the source, in order. */
    private static List<Integer> idPositions(ImportSource s) {
        List<org.haigui.schema.Column> cols = s.spec.table().columns();
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < s.header.schemaIndexOfHeader.length; i++) {
            int c = s.header.schemaIndexOfHeader[i];
            if (c >= 0 && cols.get(c).type() == org.haigui.schema.ColumnType.ID_NUMBER) {
                out.add(i);
            }
        }
        return out;
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

    /** The tests make {@link #readEarly} read the first file even when its scan has already ended (on a small file it has). */
    static volatile boolean earlyForTests;

    /** Files DuckDB read before the import's transaction since the program started (the tests see that it did). */
    static final java.util.concurrent.atomic.AtomicLong READ_EARLY = new java.util.concurrent.atomic.AtomicLong();

    /** The sources whose file DuckDB read before the import's transaction ({@link #readEarly}): their raw_ table is made. */
    private final java.util.Set<Integer> early = new java.util.HashSet<>();

    /**
     * Before the import's transaction, while the scans' thread still scans {@code first} (the first
     * file staged): DuckDB reads it into its raw_ table meanwhile, and its identity numbers' reading may
     * begin as soon as the scan ends, instead of DuckDB waiting for the scan's verdict inside the
     * transaction (measured: 0.08 s of the 250,000-person city, 2.5 s of 10,000,000 persons).
     * {@link #stage} uses the table when the scan finds the file plain, and drops it otherwise. Outside
     * the transaction, a failure of DuckDB's reader ends nothing: the table is dropped, and
     * {@link #stage} reads the file as it would have. {@link #dropEarly} drops what a failed or
     * dry run leaves (a table made outside the transaction outlives its rollback). In a file that is not
     * plain (a line break inside quotes) DuckDB may find an identity number in a cell of another column:
     * it is held in DuckDB's memory only until the scan's verdict drops the table, never stored (as a
     * number in another table's file is until the row rules reject its row).
     */
    void readEarly(Connection c, ImportSource first, Future<CsvScan> scanning) {
        if (scanning == null || (scanning.isDone() && !earlyForTests)) {
            return;
        }
        IdTask idTask = idTasks.get(first.index);
        String raw = "raw_" + first.index;
        try (Statement st = c.createStatement()) {
            if (idTask != null) {
                idTask.hashers.complete(staging.hashers(first.spec.table()));
            }
            first.started = Staging.now();
            execute(st, "CREATE OR REPLACE TEMP TABLE " + raw + " AS SELECT " + cells(first, idTask != null) + " FROM "
                + read(first.spec.file(), first.header.schemaIndexOfHeader.length));
            early.add(first.index);
            READ_EARLY.incrementAndGet();
        } catch (SQLException e) {
            dropEarly(c);
        }
    }

    /**
     * Drops the raw_ tables {@link #readEarly} made, outside a transaction, once the import has ended:
     * {@link #stage} drops them inside the import's transaction, which a failure or a dry run rolls back.
     */
    void dropEarly(Connection c) {
        for (Integer i : early) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS raw_" + i);
            } catch (SQLException ignored) {
                // the connection is gone
            }
        }
        early.clear();
    }

    /**
     * Drops the raw_ table {@link #readEarly} made of s, if it did: the file takes the Java path. Inside
     * the transaction: should it roll back, {@link #dropEarly(Connection)} drops the table again.
     */
    private void dropEarly(Connection c, ImportSource s) throws SQLException {
        if (early.contains(s.index)) {
            try (Statement st = c.createStatement()) {
                execute(st, "DROP TABLE IF EXISTS raw_" + s.index);
            }
        }
    }

    /** The cells DuckDB's reader keeps: every column but the identity numbers' (it parses past them, never keeping one). */
    private static String cells(ImportSource s, boolean ids) {
        return ids ? "* EXCLUDE (" + String.join(", ", idPositions(s).stream().map(k -> "c" + k).toList()) + ")" : "*";
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
        IdTask idTask = idTasks.remove(s.index);
        CsvScan scan;
        long waited = System.nanoTime();
        try {
            scan = org.haigui.core.Tasks.result(scanning, IOException.class, "scanning " + s.name());
            if (TIMINGS) {
                System.err.printf(java.util.Locale.ROOT, "  scan %6.3f s  waited for the scan%n", (System.nanoTime() - waited) / 1e9);
            }
        } catch (IOException e) {
            if (idTask != null) {
                idTask.release();
            }
            dropEarly(c, s);
            return false; // the Java path reads it again, and says what is wrong
        }
        if (!scan.plain) {
            dropEarly(c, s);
            if (idTask != null) {
                idTask.release();
            }
            return false;
        }
        long start = Importer.Timer.cpuNanos();
        Table t = s.spec.table();
        EngineRules rules = EngineRules.of(t, s.header.schemaIndexOfHeader, options.city(), options.survey(), scan);
        long records = scan.records - 1;
        int width = s.header.schemaIndexOfHeader.length;
        String raw = "raw_" + s.index;
        progress.start("import " + s.name(), -1);
        try (Statement st = c.createStatement()) {
            if (!early.contains(s.index)) {
                s.started = Staging.now();
            }
            // DuckDB's reader into a temporary table first, then the rules over it: the rows stay in file
            // order, and both statements run on every core. A row's line is its rowid less the table's first
            // one, plus two: rows made inside a transaction number from a base of DuckDB's own (checked to be
            // one run of numbers, as many as the scan's records). Reading
            // straight into the staging table would need the reader's ordinality (WITH ORDINALITY), a
            // window that runs everything after it on one thread: measured, a regular expression over 6
            // million values took 15 s after it against 7.6 s over the temporary table.
            // The values and the rules in one projection, so that DuckDB computes each value once (its
            // common-subexpression step works within a projection), and OFFSET 0 keeps the filter on ok
            // from being pushed below it as the whole condition again (measured: 0.33 s against 1.05 s
            // on the episodes).
            long accepted;
            long[] counts;
            long t1;
            String ids = "ids_" + s.index;
            try {
                if (!early.contains(s.index)) {
                    if (idTask != null) {
                        idTask.hashers.complete(staging.hashers(t));
                    }
                    execute(st, "CREATE TEMP TABLE " + raw + " AS SELECT " + cells(s, idTask != null) + " FROM " + read(s.spec.file(), width));
                }
                long first;
                try (ResultSet rs = st.executeQuery("SELECT coalesce(min(rowid), 0), coalesce(max(rowid), -1), count(*) FROM " + raw)) {
                    rs.next();
                    first = rs.getLong(1);
                    if (rs.getLong(3) != records || rs.getLong(2) - first + 1 != records) {
                        throw new Refused(s.name() + ": DuckDB's reader read " + rs.getLong(3) + " records (rowids " + first + " to "
                            + rs.getLong(2) + "), the scan " + records, null);
                    }
                }
                String line = raw + ".rowid - " + first + " + 2";
                String from = raw;
                if (idTask != null) {
                    // the identity numbers' results as the scans' thread reads them (it began when the hashers were given)
                    IdColumn numbers = idTask.column;
                    long w0 = System.nanoTime();
                    execute(st, IdColumn.createTable(ids));
                    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("temp", "main", ids)) {
                        numbers.append(a);
                        org.haigui.core.Tasks.result(idTask.result, IOException.class, "reading " + s.name() + "'s identity numbers");
                    } catch (IOException e) {
                        throw new Refused(s.name() + ": " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new Refused(s.name() + ": interrupted", e);
                    }
                    if (TIMINGS) {
                        System.err.printf(java.util.Locale.ROOT, "  ids %7.3f s  appended %d numbers, %d for the row checker%n",
                            (System.nanoTime() - w0) / 1e9, numbers.numbers, numbers.others);
                    }
                    if (numbers.records != records) {
                        throw new Refused(s.name() + ": the identity numbers' reader read " + numbers.records + " records, the scan "
                            + records, null);
                    }
                    from = raw + " LEFT JOIN " + IdColumn.columns(ids) + " ON _idrow = " + line;
                }
                StringBuilder insert = new StringBuilder("INSERT INTO ").append(ImportSql.stg(t)).append(" SELECT ").append(s.index)
                    .append(", * EXCLUDE (_ok) FROM (SELECT ").append(line).append(" AS _row");
                for (int i = 0; i < rules.values.size(); i++) {
                    insert.append(",\n ").append(rules.values.get(i)).append(" AS v").append(i);
                }
                insert.append(",\n ").append(rules.clean).append(" AS _ok FROM ").append(from).append(" OFFSET 0) WHERE _ok");
                if (idTask != null) {
                    // the join gives the rows in no order: in the file's, the store's table takes them in half the time
                    // (measured: 250,000 persons 0.25 s against 0.47 s) and keeps its zone maps by key
                    insert.append(" ORDER BY _row");
                }
                accepted = execute(st, insert.toString());
                t1 = System.nanoTime();
                counts = accepted == records ? new long[] {0, 0}
                    : idTask != null ? readAgain(c, st, s, from, line, rules) : others(c, st, s, t, raw, line, rules, width);
                execute(st, "DROP TABLE " + raw);
                if (idTask != null) {
                    execute(st, "DROP TABLE " + ids);
                }
            } catch (SQLException e) {
                throw new Refused(s.name() + ": DuckDB's reader refused a file the scan found plain: " + e.getMessage(), e);
            }
            if (refuseForTests) {
                throw new Refused(s.name() + ": refused for a test", null);
            }
            if (accepted + counts[1] != records) {
                throw new Refused(s.name() + ": DuckDB's reader read " + (accepted + counts[1]) + " records, the scan " + records, null);
            }
            if (TIMINGS) {
                System.err.printf(java.util.Locale.ROOT, "  sql %7.3f s  %d rows not taken by the SQL, through the row checker%n",
                    (System.nanoTime() - t1) / 1e9, counts[1]);
            }
            s.read = records - counts[0];
            s.blank = counts[0];
            // every row as the SQL took it, its key cells as written (no space to trim: see EngineRules), and the
            // keys increasing in the file: no key twice (CrossRowChecks leaves its check out when the table has no
            // other input)
            s.keysDistinct = scan.keysIncreasing && accepted == records && !keysSpaced(s, scan);
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

    /** Whether a key cell of the file starts or ends with a space (SQL trims it: two cells, one key). */
    private static boolean keysSpaced(ImportSource s, CsvScan scan) {
        for (int at : keys(s).positions()) {
            if (scan.spaced[at] || scan.apostrophes[at]) {
                return true;
            }
        }
        return false;
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
            + maxLineBytes() + (smallBuffersForTests > 0 ? ", buffer_size = " + smallBuffersForTests : "") + ")";
    }

    /**
     * The longest line DuckDB may read: within the Java reader's bounds ({@link CsvInput#limits}), so
     * that a line it would refuse sends the file to it (a character is at least a byte).
     */
    private static int maxLineBytes() {
        org.haigui.csv.CsvReader.Limits l = CsvInput.limits;
        int most = Math.min(MAX_LINE_BYTES, Math.min(l.maxFieldChars(), l.maxRecordChars()));
        return smallBuffersForTests > 0 ? Math.min(most, smallBuffersForTests) : most;
    }

    /**
     * When positive, DuckDB's reader takes its file in buffers of this many bytes (and lines of at most
     * that): the tests make it read a small file on several threads, as it reads a large one, so that
     * the rows keeping the file's order in the temporary table (their line numbers come from it) is
     * tested at a small size.
     */
    static volatile int smallBuffersForTests;

    private static final boolean TIMINGS = System.getenv("HAIGUI_TIMINGS") != null;

    /** Runs one statement; with {@code HAIGUI_TIMINGS} set, prints its wall time (as the import's other SQL does). */
    private static long execute(Statement st, String sql) throws SQLException {
        long t0 = System.nanoTime();
        long n = st.executeLargeUpdate(sql);
        if (TIMINGS) {
            String one = sql.replaceAll("\\s+", " ");
            System.err.printf(java.util.Locale.ROOT, "  sql %7.3f s  %s%n", (System.nanoTime() - t0) / 1e9,
                one.length() > 110 && System.getenv("HAIGUI_SQL_FULL") == null ? one.substring(0, 110) + "..." : one);
        }
        return n;
    }

    /**
     * The rows the SQL did not accept of a file whose identity numbers DuckDB did not read: read again by
     * the Java reader, which stops after the last of them, and checked whole by {@link RowValidator}
     * (the identity numbers too); returns {blank rows, rows checked}.
     */
    private long[] readAgain(Connection c, Statement st, ImportSource s, String from, String line, EngineRules rules)
        throws SQLException {
        List<Long> rows = new java.util.ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT _row FROM (SELECT " + line + " AS _row, " + rules.clean + " AS _ok FROM " + from
            + " OFFSET 0) WHERE NOT _ok ORDER BY _row")) {
            while (rs.next()) {
                rows.add(rs.getLong(1));
            }
        }
        long[] lines = rows.stream().mapToLong(Long::longValue).toArray();
        long[] counts;
        try {
            counts = staging.stageLines(c, s, lines);
        } catch (IOException e) {
            throw new Refused(s.name() + ": the Java reader could not read the file again: " + e.getMessage(), e);
        }
        if (counts[0] + counts[1] != lines.length) {
            throw new Refused(s.name() + ": the Java reader found " + (counts[0] + counts[1]) + " of the " + lines.length
                + " rows the SQL did not take", null);
        }
        return new long[] {counts[0], lines.length};
    }

    /**
     * The rows the SQL did not accept, through {@link RowValidator} in file order (as the Java path
     * would check them); returns {blank rows, rows checked}.
     */
    private long[] others(Connection c, Statement st, ImportSource s, Table t, String raw, String line, EngineRules rules, int width)
        throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * EXCLUDE (_ok) FROM (SELECT ").append(line).append(" AS _row");
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
