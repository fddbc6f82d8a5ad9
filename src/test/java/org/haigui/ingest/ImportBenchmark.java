package org.haigui.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.haigui.core.Progress;
import org.haigui.schema.City;
import org.haigui.store.Store;

/**
 * Import benchmark (not a test): writes N overseas_episodes rows (and the persons they refer to)
 * as CSV, imports them with full validation, and prints rows/s and peak heap.
 *
 * <pre>
 * ./mvnw -q -DskipTests package test-compile
 * java -Xmx4g -cp target/haigui.jar:target/test-classes org.haigui.ingest.ImportBenchmark 1000000 [dir]
 * </pre>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("haigui-bench");
        Files.createDirectories(dir);
        int persons = Math.max(1, episodes / 3);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        writeCsv(data, persons, episodes);
        Path db = dir.resolve("bench.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("bench.duckdb.key"));
        try (Store store = Store.open(db)) {
            Importer importer = new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE);
            run("persons (CSV)", importer, data.resolve("persons.csv"));
            run("overseas_episodes (CSV)", importer, data.resolve("overseas_episodes.csv"));
            run("overseas_episodes (CSV, again: all unchanged)", importer, data.resolve("overseas_episodes.csv"));
        }
        Path xlsx = data.resolve("episodes.xlsx");
        csvToXlsx(data.resolve("overseas_episodes.csv"), xlsx, "overseas_episodes");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("bench.duckdb.key"));
        try (Store store = Store.open(db)) {
            Importer importer = new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE);
            run("persons (CSV)", importer, data.resolve("persons.csv"));
            run("overseas_episodes (.xlsx)", importer, xlsx);
        }
    }

    /** Copies a CSV written by {@link #writeCsv} into a one-sheet workbook (plain fields, no quotes inside). */
    static void csvToXlsx(Path csv, Path xlsx, String sheet) throws IOException {
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8); var os = Files.newOutputStream(xlsx)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "bench", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(sheet);
            int[] r = {0};
            lines.forEach(line -> {
                String[] f = line.replace("\"", "").split(",", -1);
                for (int c = 0; c < f.length; c++) {
                    if (!f[c].isEmpty()) {
                        ws.value(r[0], c, f[c]);
                    }
                }
                if (++r[0] % 10_000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            wb.finish();
        }
    }

    static void run(String label, Importer importer, Path file) {
        resetPeaks();
        long t0 = System.nanoTime();
        ImportReport r = importer.run(List.of(file));
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-48s %,10d rows %7.2f s %,10.0f rows/s  peak heap %,6d MB  rejected %d%n",
            label, r.readRows(), secs, r.readRows() / secs, peakHeapMb(), r.rejectedRows());
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    static void writeCsv(Path dir, int persons, int episodes) throws IOException {
        Random rnd = new Random(42);
        String[] countries = {"US", "GB", "AU", "JP", "CA", "DE", "FR", "SG", "KR", "NL"};
        String[] unis = {"Massachusetts Institute of Technology", "University of Oxford", "The University of Tokyo",
            "University of Melbourne", "Stanford University", "Imperial College London", "University of Toronto",
            "Technical University of Munich", "National University of Singapore", "Google LLC"};
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("persons.csv"), StandardCharsets.UTF_8)) {
            w.write("person_id,id_number,name_zh,name_en,gender,birth_date,highest_degree,field\n");
            for (int i = 0; i < persons; i++) {
                int year = 1960 + rnd.nextInt(40);
                String first17 = String.format(Locale.ROOT, "310104%04d%02d%02d%03d", year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28),
                    rnd.nextInt(1000));
                String id = first17 + org.haigui.ids.IdentityNumber.checkCharacter(first17);
                w.write("P" + i + "," + id + ",张三" + (i % 100) + ",Zhang San," + ((first17.charAt(16) - '0') % 2 == 1 ? "M" : "F")
                    + ",," + (i % 3 == 0 ? "master" : "doctorate") + ",0" + (i % 10) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("overseas_episodes.csv"), StandardCharsets.UTF_8)) {
            w.write("episode_id,person_id,kind,institution,institution_id,country,start_date,end_date,degree\n");
            for (int i = 0; i < episodes; i++) {
                int start = 1990 + rnd.nextInt(30);
                boolean study = rnd.nextBoolean();
                w.write("E" + i + ",P" + rnd.nextInt(persons) + "," + (study ? "study" : "work") + ",\"" + unis[rnd.nextInt(unis.length)]
                    + "\",," + countries[rnd.nextInt(countries.length)] + "," + start + "-0" + (1 + rnd.nextInt(9)) + "-01,"
                    + (start + 1 + rnd.nextInt(4)) + "-06-30," + (study ? "master" : "") + "\n");
            }
        }
    }
}
