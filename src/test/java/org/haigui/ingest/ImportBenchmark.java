package org.haigui.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.haigui.core.Progress;
import org.haigui.schema.City;
import org.haigui.schema.Schema;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.Synthesizer;

/**
 * Import benchmark (not a test): the synthetic city of N persons (default 250,000: about a million
 * rows in every table of the import format), written once as CSV files and once as a workbook,
 * imported with full validation into a new store: the CSV files, the same files again (every row
 * unchanged), and the workbook. Prints, per run, rows/s, peak heap, the process's CPU time and the
 * import's phases (see {@link ImportReport.Phase}).
 *
 * <pre>
 * ./mvnw -B -o -q -f haigui-app.pom.xml -DskipTests package test-compile
 * java -Xmx1g -cp target/haigui.jar:target/test-classes org.haigui.ingest.ImportBenchmark [persons] [dir]
 * </pre>
 *
 * With a folder, the generated records are kept there and reused by the next run.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 250_000;
        boolean temporary = args.length < 2;
        Path dir = temporary ? Files.createTempDirectory("haigui-import-bench") : Path.of(args[1]);
        Files.createDirectories(dir);
        try {
            Path csv = dir.resolve("csv-" + persons);
            Path xlsx = dir.resolve("xlsx-" + persons);
            if (!Files.isRegularFile(csv.resolve("persons.csv"))) {
                Synthesizer.generate(SynthOptions.defaults(csv).withPersons(persons), Progress.NONE);
            }
            if (!Files.isRegularFile(xlsx.resolve(Synthesizer.WORKBOOK))) {
                Synthesizer.generate(SynthOptions.defaults(xlsx).withPersons(persons).withFormat(SynthOptions.Format.XLSX), Progress.NONE);
            }
            List<Path> csvFiles = new ArrayList<>();
            for (var t : Schema.tables()) {
                Path p = csv.resolve(t.name() + ".csv");
                if (Files.isRegularFile(p)) {
                    csvFiles.add(p);
                }
            }
            System.out.printf(Locale.ROOT, "import benchmark: %,d persons, %d processors, max heap %,d MB%n", persons,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            Path db = dir.resolve("bench.duckdb");
            fresh(db);
            try (Store store = Store.open(db)) {
                run("CSV into a new store", store, csvFiles);
                run("CSV again (every row unchanged)", store, csvFiles);
            }
            fresh(db);
            try (Store store = Store.open(db)) {
                run(".xlsx into a new store", store, List.of(xlsx.resolve(Synthesizer.WORKBOOK)));
            }
            fresh(db);
        } finally {
            if (temporary) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void fresh(Path db) throws IOException {
        for (String suffix : List.of("", ".wal", ".key")) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }

    static void run(String label, Store store, List<Path> files) {
        System.gc();
        org.haigui.core.Peaks.reset();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        ImportReport r = new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(files);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%-34s %,10d rows %7.2f s %,10.0f rows/s  cpu %7.2f s  peak heap %,6d MB  rejected %d%n",
            label, r.readRows(), secs, r.readRows() / secs, cpu, org.haigui.core.Peaks.heap() >> 20, r.rejectedRows());
        for (ImportReport.Phase p : r.phases()) {
            if (p.part()) {
                System.out.printf(Locale.ROOT, "      %-18s %29s cpu %7.2f s%n", p.name(), "", p.cpuMillis() / 1000.0);
            } else {
                System.out.printf(Locale.ROOT, "    %-20s %7.2f s %,10.0f rows/s  cpu %7.2f s%n", p.name(), p.millis() / 1000.0,
                    p.millis() == 0 ? 0.0 : r.readRows() * 1000.0 / p.millis(), p.cpuMillis() / 1000.0);
            }
        }
    }

    static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : 0;
    }
}
