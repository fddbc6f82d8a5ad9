package org.haigui.indicators;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.haigui.store.Store;

/**
 * Benchmark (not a unit test): builds a synthetic store of N persons (default 300,000) with
 * {@link BenchData} unless the database file already has persons, then computes every indicator
 * of the core catalogue with 1,000 bootstrap resamples and prints the time per indicator and the
 * total. Usage: {@code IndicatorBenchmark [DB_FILE] [PERSONS] [AS_OF]}.
 */
public final class IndicatorBenchmark {

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "target/bench/indicators-bench.duckdb");
        long persons = args.length > 1 ? Long.parseLong(args[1]) : 300_000L;
        LocalDate asOf = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.of(2025, 9, 30);
        try (Store store = Store.open(db)) {
            var c = store.connection();
            long have;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM persons")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have == 0) {
                long t0 = System.nanoTime();
                BenchData.generate(c, persons);
                System.out.printf(Locale.ROOT, "generated %,d persons in %.1f s%n", persons, (System.nanoTime() - t0) / 1e9);
            }
            try (Statement st = c.createStatement()) {
                for (String t : new String[] {"persons", "overseas_episodes", "city_moves", "enterprises", "enterprise_people", "enterprise_years"}) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        System.out.printf(Locale.ROOT, "  %-18s %,12d%n", t, rs.getLong(1));
                    }
                }
            }
            Map<String, Double> times = new TreeMap<>();
            long[] last = {System.nanoTime()};
            String[] step = {null};
            IndicatorEngine engine = new IndicatorEngine(Catalogue.core());
            var ids = engine.catalogue(RunContext.of(asOf)).entries().stream().map(IndicatorDefinition::id).toList();
            var progress = new org.haigui.core.Progress() {
                @Override
                public void start(String s, long total) {
                    last[0] = System.nanoTime();
                }

                // the first step's time includes the prepared tables (BaseTables)

                @Override
                public void advance(long done) {
                    long now = System.nanoTime();
                    times.put(String.format(Locale.ROOT, "%02d %s", done, ids.get((int) done - 1)), (now - last[0]) / 1e9);
                    last[0] = now;
                }

                @Override
                public void finish() {
                }
            };
            System.gc();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            RawResult r = engine.run(c, IndicatorRequest.of(asOf).withProgress(progress));
            double total = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            times.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-42s %7.2f s%n", k, v));
            System.out.printf(Locale.ROOT, "all %d indicators (%d values, %d resamples, as of %s): %.2f s wall, %.2f s CPU"
                    + " (JVM + DuckDB threads, %d cores); max heap %d MB; load average %.2f%n",
                ids.size(), r.values().size(), r.info().resamples(), asOf, total, cpu, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage());
            Path out = db.resolveSibling("indicators-bench.csv");
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                IndicatorWriter.writeCsv(r.values(), w);
            }
            System.out.println("values written to " + out);
        }
    }
}
