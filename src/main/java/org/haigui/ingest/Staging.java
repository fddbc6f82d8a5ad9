package org.haigui.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.Progress;
import org.haigui.schema.Table;
import org.haigui.store.Store;

/**
 * The staging section of an import: temporary staging tables, and every row of an input streamed
 * through {@link RowValidator} into them (the DuckDB Appender), row errors into {@code stg_errors}.
 * Memory does not grow with file size. The Java path: plain CSV files of most tables take the
 * engine's path instead ({@link EngineStaging}), whose rows the SQL does not accept come back
 * through {@link #append}.
 *
 * <p>Why the Appender and not a text file loaded by {@code COPY} (tried, December 2026): the machine
 * is CPU-bound (2 cores), so only less CPU makes the stage faster, and the file costs more. On the
 * 449,287 rows of the default city's overseas_episodes, the Appender took 1.35 s of process CPU;
 * writing the same rows as quoted CSV took 0.79 s and {@code COPY} of that file 1.0 s more (DuckDB's
 * parallel reader parses and casts every value again). The Appender's own cost is per value (a
 * column and type check, a lock, UTF-8 encoding, a JNI call for strings of 12 bytes or more, and a
 * buffer view per NULL), inside the driver.
 *
 * <p>Also tried and not kept (December 2026): a Java table function of the driver
 * ({@code DuckDBTableFunction}) that DuckDB reads the checked rows from, one {@code INSERT ... SELECT}
 * per 32 or 128 chunks, strings written a vector at a time ({@code setStrings}). On 3,000,000
 * synthetic rows alone it took 3.6 s against the Appender's 8.2-9.6 s, but in the import it lost: the
 * 250,000-person city's stage 5.6-6.6 s against 4.8-5.4 s, 1,000,000 persons' 19-20 s against 12-15 s
 * with twice the system CPU (runs back to back, same machine). The per-value setters of the vectors
 * (a check and a validity update each), the copy into per-statement batches and more garbage ate the
 * gain; while the function waited for rows inside the statement, DuckDB's thread spun on a core.
 *
 * <p>Nor (December 2026) an Appender per checking thread, each thread appending the rows it checked
 * and handing a chunk to DuckDB under one lock: on 10,000,000 persons the stage took 151 s against
 * 134 s, and the later SQL over the staging tables (whose rows were then interleaved chunk by chunk)
 * 10 s more. The hand-over to DuckDB, not the Java side of the Appender, is most of its cost.
 *
 * <p>Why (measured December 2026, DuckDB JDBC 2.0.0.1, outside the product): the Appender hands a
 * chunk to DuckDB and flushes it into the table every 2,048 rows ({@code endRow} calls {@code flush},
 * which calls {@code duckdb_appender_flush}), and that native step is most of the time. A million
 * rows of the staging table's 11 columns took 2.2-2.6 s (1.1 s with nine of them NULL, 0.25 s with
 * one column) against 0.23 s for {@code INSERT ... SELECT} of the same rows; bound as arrays
 * ({@code createArrayOf}, {@code unnest}) 11 s. The same rows written as CSV text by one Java thread
 * (0.5-0.7 s) and read by DuckDB's parallel reader (0.4 s wall) cost about 40% less CPU than the
 * Appender there, but not in the import (tried the same day, not kept): with each chunk's rows written
 * as CSV text by the checking threads, a private temporary file beside the store and one
 * {@code INSERT ... SELECT} from it at the end of the input (rows whose text would not come back
 * the same through the Appender), the 250,000-person city's persons staged in 1.18-2.17 s against
 * 1.06-1.84 s, with more CPU (2.27 s against 1.91 s in the closest pair), four runs alternating: the
 * checking threads, already the busiest, paid for the text.
 */
final class Staging {

    private final Store store;
    private final ImportOptions options;
    private final Progress progress;
    private final Importer.Inputs inputs;

    Staging(Store store, ImportOptions options, Progress progress, Importer.Inputs inputs) {
        this.store = store;
        this.options = options;
        this.progress = progress;
        this.inputs = inputs;
    }

    void createStaging(Connection c, Set<Table> tables, List<ImportSource> sources) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Table t : tables) {
                StringBuilder sb = new StringBuilder("CREATE TEMP TABLE ").append(ImportSql.stg(t)).append(" (_src INTEGER, _row BIGINT");
                for (String col : t.storeColumns()) {
                    sb.append(", ").append(col).append(' ').append(t.storeType(col));
                }
                st.execute(sb.append(")").toString());
            }
            st.execute("CREATE TEMP TABLE stg_errors (_tbl VARCHAR, _src INTEGER, _row BIGINT, col VARCHAR, val VARCHAR, reason VARCHAR)");
            st.execute("CREATE TEMP TABLE stg_sources (_src INTEGER, name VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stg_sources VALUES (?, ?)")) {
            for (ImportSource s : sources) {
                ps.setInt(1, s.index);
                ps.setString(2, s.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void dropStaging(Connection c, Set<Table> tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Table t : tables) {
                st.execute("DROP TABLE IF EXISTS " + ImportSql.stg(t));
            }
            st.execute("DROP TABLE IF EXISTS stg_errors");
            st.execute("DROP TABLE IF EXISTS stg_sources");
        }
    }

    /** Rows per chunk handed to a validating thread. */
    private static final int CHUNK = 1024;

    /** CPU time of the stage's threads by sort of work, summed over the inputs (HAIGUI_TIMINGS, the benchmark). */
    final java.util.concurrent.atomic.AtomicLong parseNanos = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong rulesNanos = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong loadNanos = new java.util.concurrent.atomic.AtomicLong();
    /** The process's CPU time (DuckDB's threads and the scan's included) while inputs were read and staged on the engine's path ({@link EngineStaging}). */
    final java.util.concurrent.atomic.AtomicLong engineNanos = new java.util.concurrent.atomic.AtomicLong();

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The CPU time of the current thread (its busy time, whatever the machine's load), or its wall time when unsupported. */
    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A chunk of rows read in order, and (once checked) their store values and errors. */
    private static final class Chunk {
        final InputRow[] rows;
        final int size;
        /** How much of the input had been read after this chunk (-1 unknown): for the progress estimate. */
        final double fraction;
        RowValidator.Checked[] checked;

        Chunk(InputRow[] rows, int size, double fraction) {
            this.rows = rows;
            this.size = size;
            this.fraction = fraction;
        }
    }

    /** The end of an input, in the queue of chunks. */
    private static final Chunk END = new Chunk(new InputRow[0], 0, 1);

    /**
     * Reads one input into its staging table on every core: one thread parses the file into chunks
     * of rows, the other cores check the chunks against the row rules ({@link RowValidator}, one per
     * thread), and this thread appends the checked rows, in file order, to the staging tables. The
     * queue between them is bounded, so memory does not grow with the file.
     */
    void stage(Connection c, ImportSource s, List<String> warnings) throws SQLException, IOException {
        Table t = s.spec.table();
        MessageDigest digest = sha256();
        s.started = now();
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        java.util.function.Supplier<org.haigui.ids.IdHasher> hashers = hashers(t);
        java.util.concurrent.BlockingQueue<RowValidator> validators = new java.util.concurrent.LinkedBlockingQueue<>();
        for (int i = 0; i < workers; i++) {
            validators.add(new RowValidator(t, s.header.headerOfSchema, options.city(), hashers, options.survey()));
        }
        int columns = t.columns().size();
        int storeWidth = validators.peek().storeWidth();
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        progress.start("import " + s.name(), -1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "haigui-import-check");
            th.setDaemon(true);
            return th;
        });
        java.util.concurrent.BlockingQueue<java.util.concurrent.Future<Chunk>> queue =
            new java.util.concurrent.ArrayBlockingQueue<>(workers + 1);
        Thread reader = null;
        try (TableInput in = inputs.open(s.spec, digest);
             DuckDBAppender rows = dc.createAppender("temp", "main", ImportSql.stg(t));
             DuckDBAppender errs = dc.createAppender("temp", "main", "stg_errors")) {
            reader = new Thread(() -> readChunks(in, s, columns, storeWidth, pool, validators, queue), "haigui-import-read");
            reader.setDaemon(true);
            reader.start();
            while (true) {
                Chunk chunk = take(queue);
                if (chunk == END) {
                    break;
                }
                long t0 = cpu();
                for (int k = 0; k < chunk.size; k++) {
                    InputRow row = chunk.rows[k];
                    RowValidator.Checked checked = chunk.checked[k];
                    s.read++;
                    append(rows, errs, t, s, row.rowNumber(), checked);
                }
                loadNanos.addAndGet(cpu() - t0);
                if (chunk.fraction > 0.02 && chunk.fraction < 1) {
                    // the rows to come, estimated from the share of the file read (the bar's percentage)
                    progress.total(Math.max(s.read, Math.round(s.read / chunk.fraction)));
                }
                progress.advance(s.read);
            }
            reader.join();
            reader = null;
            s.blank = in.blankRows();
            warnings.addAll(in.warnings());
            long t0 = cpu();
            rows.flush();
            errs.flush();
            loadNanos.addAndGet(cpu() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (reader != null) {
                // this thread failed: stop the reader (blocked on the full queue, or reading) before the input closes
                reader.interrupt();
                queue.clear();
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pool.shutdownNow();
            progress.total(s.read);
            progress.advance(s.read);
            progress.finish();
        }
        s.checksum = s.spec.sheet() == null ? HexFormat.of().formatHex(digest.digest()) : workbookChecksum(s.spec.file());
        s.finished = now();
    }

    /**
     * Reads the input again on this thread, checking with {@link RowValidator} and appending the rows
     * on the given lines (ascending) as {@link #stage} would; stops after the last. For
     * {@link EngineStaging}, whose SQL did not accept those rows. Returns {blank rows met, rows checked}:
     * a blank line of the list is not a row.
     */
    long[] stageLines(Connection c, ImportSource s, long[] lines) throws SQLException, IOException {
        Table t = s.spec.table();
        RowValidator validator = new RowValidator(t, s.header.headerOfSchema, options.city(), hashers(t), options.survey());
        int columns = t.columns().size();
        long checked = 0;
        int next = 0;
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        try (TableInput in = inputs.open(s.spec, null);
             DuckDBAppender rows = dc.createAppender("temp", "main", ImportSql.stg(t));
             DuckDBAppender errs = dc.createAppender("temp", "main", "stg_errors")) {
            InputRow row;
            while (next < lines.length && (row = in.next()) != null) {
                while (next < lines.length && lines[next] < row.rowNumber()) {
                    next++; // a blank line (the input skips it)
                }
                if (next < lines.length && lines[next] == row.rowNumber()) {
                    next++;
                    checked++;
                    append(rows, errs, t, s, row.rowNumber(), checkRow(validator, s, row, columns, validator.storeWidth()));
                }
            }
            rows.flush();
            errs.flush();
            return new long[] {in.blankRows(), checked};
        }
    }

    /** Appends one checked row to the staging table, and its errors to {@code stg_errors}. */
    static void append(DuckDBAppender rows, DuckDBAppender errs, Table t, ImportSource s, long rowNumber, RowValidator.Checked checked)
        throws SQLException {
        rows.beginRow();
        rows.append(s.index);
        rows.append(rowNumber);
        for (Object v : checked.values()) {
            appendValue(rows, v);
        }
        rows.endRow();
        List<FieldError> rowErrors = checked.errors();
        for (int i = 0; i < rowErrors.size(); i++) { // indexed: no iterator per row (most rows have no error)
            FieldError e = rowErrors.get(i);
            errs.beginRow();
            errs.append(t.name());
            errs.append(s.index);
            errs.append(rowNumber);
            errs.append(e.column());
            errs.append(e.value());
            errs.append(e.reason());
            errs.endRow();
        }
    }

    /**
     * The reading thread: parses the input into chunks, hands each to the pool to be checked, and
     * queues the pending results in file order; at the end (or on an error, which the queue carries
     * to the appending thread) it queues {@link #END}.
     */
    private void readChunks(TableInput in, ImportSource s, int columns, int storeWidth,
                            java.util.concurrent.ExecutorService pool,
                            java.util.concurrent.BlockingQueue<RowValidator> validators,
                            java.util.concurrent.BlockingQueue<java.util.concurrent.Future<Chunk>> queue) {
        try {
            while (true) {
                long t0 = cpu();
                InputRow[] batch = new InputRow[CHUNK];
                int n = 0;
                InputRow row;
                while (n < CHUNK && (row = in.next()) != null) {
                    batch[n++] = row;
                }
                parseNanos.addAndGet(cpu() - t0);
                if (n == 0) {
                    break;
                }
                Chunk chunk = new Chunk(batch, n, in.fractionRead());
                queue.put(pool.submit(() -> check(chunk, s, columns, storeWidth, validators)));
                if (n < CHUNK) {
                    break;
                }
            }
            queue.put(java.util.concurrent.CompletableFuture.completedFuture(END));
        } catch (InterruptedException e) {
            // the appending thread stopped: nothing more to do
        } catch (IOException | RuntimeException | Error e) {
            try {
                queue.put(java.util.concurrent.CompletableFuture.failedFuture(e));
            } catch (InterruptedException ignored) {
                // the appending thread stopped
            }
        }
    }

    private Chunk check(Chunk chunk, ImportSource s, int columns, int storeWidth,
                        java.util.concurrent.BlockingQueue<RowValidator> validators) throws InterruptedException {
        long t0 = cpu();
        RowValidator validator = validators.take();
        try {
            RowValidator.Checked[] out = new RowValidator.Checked[chunk.size];
            for (int k = 0; k < chunk.size; k++) {
                out[k] = checkRow(validator, s, chunk.rows[k], columns, storeWidth);
            }
            chunk.checked = out;
            return chunk;
        } finally {
            validators.add(validator);
            rulesNanos.addAndGet(cpu() - t0);
        }
    }

    /** One row through the row rules, or its row-level error (a field count the reader found wrong) as its only error. */
    private static RowValidator.Checked checkRow(RowValidator validator, ImportSource s, InputRow row, int columns, int storeWidth) {
        if (row.error() != null) {
            return new RowValidator.Checked(new Object[storeWidth], List.of(new FieldError("", "", row.error())));
        }
        return validator.check(s.header.bySchema(row, columns), s.header.numericBySchema(row, columns));
    }

    /** The next chunk in file order, checked; an error of the reading or checking threads is thrown here. */
    private static Chunk take(java.util.concurrent.BlockingQueue<java.util.concurrent.Future<Chunk>> queue)
        throws InterruptedException, IOException {
        return org.haigui.core.Tasks.result(queue.take(), IOException.class, "reading and checking the input");
    }

    /**
     * The identity-number hashers of the checking threads, one per thread (a hasher is not
     * thread-safe). The store's key is read here, on this thread (it may record the key's
     * fingerprint in the store), and only for a table with identity numbers; a key problem is
     * raised when the first identity number needs it, as before.
     */
    java.util.function.Supplier<org.haigui.ids.IdHasher> hashers(Table t) {
        boolean ids = t.columns().stream().anyMatch(col -> col.type() == org.haigui.schema.ColumnType.ID_NUMBER);
        if (!ids) {
            return () -> {
                throw new IllegalStateException("no identity numbers in " + t.name());
            };
        }
        org.haigui.ids.IdHasher first;
        try {
            first = store.hasher();
        } catch (RuntimeException e) {
            return () -> {
                throw e;
            };
        }
        java.util.concurrent.atomic.AtomicBoolean given = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> given.compareAndSet(false, true) ? first : first.copy();
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

    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Workbooks' checksums, each computed once however many of its sheets are staged. */
    private final java.util.Map<Path, String> workbookChecksums = new java.util.concurrent.ConcurrentHashMap<>();

    private String workbookChecksum(Path file) throws IOException {
        String known = workbookChecksums.get(file);
        if (known == null) {
            known = checksumOf(file);
            workbookChecksums.put(file, known);
        }
        return known;
    }

    static String checksumOf(Path file) throws IOException {
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
