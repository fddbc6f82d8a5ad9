package org.haigui.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.ingest.xlsx.XlsxWorkbook;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Store;

/**
 * Imports files into the store, all in one transaction: if anything fails or the process is
 * killed, the store is as it was before. This class is the orchestration and owns the one
 * transaction; each section is its own class.
 *
 * <ol>
 *   <li>Find the inputs and check every header first: a file error stops the import before the
 *       store is touched.</li>
 *   <li>{@link Staging}: stream every row through {@link RowValidator} into a temporary staging
 *       table per table (the DuckDB Appender), row errors into a staging error table, on every
 *       core: one thread parses, the others check chunks of rows, this one appends them in file
 *       order. Memory does not grow with file size (a bounded queue of chunks). A plain CSV file
 *       takes {@link EngineStaging} instead: DuckDB's reader and the row rules as SQL, the rows they
 *       do not accept through the same validator; should DuckDB refuse a file its scan found plain,
 *       the whole import runs again with every file on the Java path.</li>
 *   <li>Rows whose key was deleted ({@code haigui delete}) are rejected, naming the deletion,
 *       unless the import revives them ({@link ImportOptions#revive()}; see {@link Trail}).</li>
 *   <li>{@link CrossRowChecks}: in SQL, table by table in reference order: references to the store
 *       or this import, unique values, values that must agree across rows, and keys seen twice
 *       (the last one wins; earlier ones are rejected, naming the row that replaces them).</li>
 *   <li>{@link MergeBatches}: rows whose key is new are inserted, rows that differ from the stored
 *       row replace it, identical rows change nothing (so re-importing the same files changes
 *       nothing); the rows replaced and the keys inserted go to the history ({@link Trail}).</li>
 *   <li>{@link RejectedRows}: read the inputs that had rejected rows once more, writing those rows
 *       with their errors to {@code <table>.rejected.csv/.xlsx} beside the input and to the
 *       quarantine (identity numbers masked); then the batches are recorded.</li>
 *   <li>The options' {@link AfterMerge} hook, in the same transaction (not on a dry run, not when
 *       nothing was inserted or updated), then the commit.</li>
 * </ol>
 *
 * <p>With the environment variable {@value #PHASES_ENV} set, each phase prints a line
 * {@code haigui-import-phase: NAME} to standard error as it starts (read, stage, check, merge,
 * rejected, after-merge, commit, committed), so that a test can act at a known moment whatever the
 * machine's speed. With {@code HAIGUI_TIMINGS} set, each phase prints its wall and CPU time as it
 * ends, and each SQL statement of the cross-row checks and the merge its time; the same phases are
 * in the report ({@link ImportReport#phases()}).
 */
public final class Importer {

    /** The environment variable that makes the import print its phase markers to standard error. */
    public static final String PHASES_ENV = "HAIGUI_IMPORT_PHASES";

    /** Opens an input (a CSV file or a sheet), feeding the digest when one is given. */
    @FunctionalInterface
    interface Inputs {
        TableInput open(Sources.Spec spec, MessageDigest digest);
    }

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

    public ImportReport run(List<Path> paths) {
        try {
            try {
                return runOnce(paths, EngineStaging.enabled);
            } catch (EngineStaging.Refused e) {
                EngineStaging.REFUSED.incrementAndGet();
                // nothing was kept (the transaction ended, no file was written): every file the Java way
                if (System.getenv("HAIGUI_TIMINGS") != null) {
                    System.err.println("import: " + e.getMessage() + "; importing again on the Java path");
                }
                return runOnce(paths, false);
            }
        } finally {
            for (XlsxWorkbook wb : workbooks.values()) {
                wb.close();
            }
            workbooks.clear();
        }
    }

    private ImportReport runOnce(List<Path> paths, boolean engineOn) {
        long t0 = System.nanoTime();
        Timer timer = new Timer();
        timer.phase("read");
        List<String> warnings = new ArrayList<>();
        List<Sources.Spec> specs = expand(Sources.files(paths, warnings), warnings);
        List<ImportSource> sources = new ArrayList<>();
        // every file's header is checked, and every bad one reported at once
        List<String> fileErrors = new ArrayList<>();
        for (Sources.Spec spec : specs) {
            ImportSource s = new ImportSource(sources.size(), spec);
            try (TableInput in = open(spec, null)) {
                s.header = HeaderMap.of(spec.table(), in.header(), s.name(), in.headerRow());
                warnings.addAll(s.header.warnings);
            } catch (HaiguiException e) {
                if (e.kind() != HaiguiException.Kind.INPUT) {
                    throw e;
                }
                fileErrors.add(e.getMessage());
            } catch (IOException e) {
                fileErrors.add(s.name() + ": cannot read: " + e.getMessage());
            }
            sources.add(s);
        }
        if (fileErrors.size() == 1) {
            throw HaiguiException.input(fileErrors.get(0));
        } else if (!fileErrors.isEmpty()) {
            throw HaiguiException.input(fileErrors.size() + " files cannot be imported; nothing was changed "
                + "(" + fileErrors.size() + " 个文件有误，未做任何更改):\n  " + String.join("\n  ", fileErrors));
        }
        Staging staging = new Staging(store, options, progress, this::open);
        RejectedRows rejected = new RejectedRows(options, this::open);
        Connection c = store.writer();
        java.util.concurrent.ExecutorService scanner = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "haigui-import-scan");
            th.setDaemon(true);
            return th;
        });
        List<Path> rejectedFiles = new ArrayList<>();
        Map<Path, Path> pendingMoves = new LinkedHashMap<>();
        EngineStaging engine = null; // made in the stage phase; the finally drops what it read before the transaction
        Set<Table> tables = new LinkedHashSet<>();
        for (Table t : Schema.tables()) {
            for (ImportSource s : sources) {
                if (s.spec.table() == t) {
                    tables.add(t);
                }
            }
        }
        try {
            timer.lap("read");
            timer.phase("stage");
            // the staging tables are temporary (not in the store), made before the transaction; the engine's
            // path scans its files meanwhile, and DuckDB reads them inside it (see EngineStaging.Refused), but
            // for the first, which it reads while that one's scan runs (EngineStaging.readEarly)
            staging.createStaging(c, tables, sources);
            engine = new EngineStaging(staging, options, progress, engineOn);
            List<java.util.concurrent.Future<CsvScan>> scans = engine.scans(sources, scanner);
            if (!sources.isEmpty()) {
                engine.readEarly(c, sources.get(0), scans.get(0));
            }
            c.setAutoCommit(false);
            org.haigui.store.Transactions.begin(c); // appenders join the transaction instead of committing alone
            for (ImportSource s : sources) {
                long w0 = System.nanoTime();
                long c0 = Timer.cpuNanos();
                boolean engined = engine.stage(c, s, scans.get(s.index));
                if (!engined) {
                    staging.stage(c, s, warnings);
                }
                timer.source(s.name() + (engined ? " (engine)" : " (java)"), System.nanoTime() - w0, Timer.cpuNanos() - c0);
            }
            timer.lap("parse+row rules");
            timer.part("engine path", staging.engineNanos.get());
            timer.part("parse", staging.parseNanos.get());
            timer.part("row rules", staging.rulesNanos.get());
            timer.part("load", staging.loadNanos.get());
            timer.phase("check");
            progress.startPhase("checking references and keys (检查引用与键)", tables.size());
            int checked = 0;
            for (Table t : tables) {
                Trail.checkTombstones(c, t, options.revive());
                // keys proved distinct: the table's one input, whose scan found its keys increasing
                List<ImportSource> inputs = sources.stream().filter(s -> s.spec.table() == t).toList();
                CrossRowChecks.check(c, t, tables, inputs.size() == 1 && inputs.get(0).keysDistinct);
                progress.advance(++checked);
            }
            progress.finish();
            timer.lap("cross-row rules");
            timer.phase("merge");
            progress.startPhase("merging into the store (合并入库)", tables.size());
            checked = 0;
            // the notes of earlier bulk loads written out before any table changes (see Trail.settle)
            Trail.settle(c);
            long base = MergeBatches.nextBatchBase(c);
            for (Table t : tables) {
                MergeBatches.merge(c, t, sources, base);
                progress.advance(++checked);
            }
            progress.finish();
            timer.lap("merge");
            timer.phase("rejected");
            MergeBatches.countRejected(c, sources);
            rejected.writeRejected(c, sources, base, pendingMoves, rejectedFiles);
            MergeBatches.recordBatches(c, sources, base);
            staging.dropStaging(c, tables);
            timer.lap("rejected rows");
            if (!options.dryRun() && sources.stream().anyMatch(s -> s.inserted + s.updated > 0)) {
                timer.phase("after-merge");
                progress.startPhase("updating derived tables (更新派生表)", -1);
                options.afterMerge().run(c);
                progress.finish();
                timer.lap("after-merge");
            }
            timer.phase("commit");
            progress.startPhase(options.dryRun() ? "rolling back (dry run) (试运行，撤回)" : "committing (提交)", -1);
            if (options.dryRun()) {
                c.rollback();
            } else {
                c.commit();
            }
            progress.finish();
            timer.lap("commit");
            timer.phase("committed");
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(c);
            RejectedRows.cleanup(pendingMoves);
            if (e instanceof EngineStaging.Refused r) {
                throw r;
            }
            if (e instanceof HaiguiException he) {
                throw he;
            }
            throw Environment.importFailed(e, String.valueOf(store.file()));
        } finally {
            scanner.shutdownNow();
            try {
                c.setAutoCommit(true);
                // the temporary tables made before the transaction outlive its rollback (a failure, a dry run)
                staging.dropStaging(c, tables);
                if (engine != null) {
                    engine.dropEarly(c);
                }
            } catch (SQLException ignored) {
                // the connection is gone
            }
        }
        rejected.publish(pendingMoves, warnings);
        List<ImportReport.SourceSummary> summaries = new ArrayList<>();
        for (ImportSource s : sources) {
            summaries.add(new ImportReport.SourceSummary(s.spec.table().name(), s.name(), s.read, s.blank, s.inserted,
                s.updated, s.unchanged, s.rejected));
        }
        warnings.replaceAll(Masking::text);
        return new ImportReport(summaries, warnings, rejectedFiles, options.dryRun(), (System.nanoTime() - t0) / 1_000_000,
            timer.phases);
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    /**
     * Phase timings on stderr when HAIGUI_TIMINGS is set (for profiling the import), and phase
     * markers when {@value #PHASES_ENV} is set (for tests that must act in a given phase).
     */
    static final class Timer {
        private final boolean on = System.getenv("HAIGUI_TIMINGS") != null;
        private final boolean markers = System.getenv(PHASES_ENV) != null;
        private long last = System.nanoTime();
        private long lastCpu = cpuNanos();
        final List<ImportReport.Phase> phases = new ArrayList<>();

        void phase(String name) {
            if (markers) {
                System.err.println("haigui-import-phase: " + name);
                System.err.flush();
            }
        }

        void lap(String phase) {
            long now = System.nanoTime();
            long cpu = cpuNanos();
            if (on) {
                System.err.printf(java.util.Locale.ROOT, "import %-11s %8.2f s wall %8.2f s cpu%n", phase, (now - last) / 1e9,
                    (cpu - lastCpu) / 1e9);
            }
            phases.add(new ImportReport.Phase(phase, (now - last) / 1_000_000, (cpu - lastCpu) / 1_000_000, false));
            last = now;
            lastCpu = cpu;
        }

        /** One input's staging, with HAIGUI_TIMINGS set: its wall time and the process's CPU time meanwhile. */
        void source(String name, long wallNanos, long cpuNanos) {
            if (on) {
                System.err.printf(java.util.Locale.ROOT, "  staged %-28s %6.2f s wall %6.2f s cpu%n", name, wallNanos / 1e9, cpuNanos / 1e9);
            }
        }

        /** A part of the phase just ended that ran alongside the others: the CPU time of its threads. */
        void part(String name, long cpuNanos) {
            if (on) {
                System.err.printf(java.util.Locale.ROOT, "  %-17s %8s        %8.2f s cpu%n", name, "", cpuNanos / 1e9);
            }
            phases.add(new ImportReport.Phase(name, cpuNanos / 1_000_000, cpuNanos / 1_000_000, true));
        }

        /** The process's CPU time (all threads, the database's included), or 0 when unknown. */
        static long cpuNanos() {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return Math.max(0, os.getProcessCpuTime());
            }
            return 0;
        }
    }
}
