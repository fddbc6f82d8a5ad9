package org.haigui.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (run by hand, not a test): the embedded engine against Spark in local mode on one
 * store, each as the user runs it - {@code ./haigui indicators}, {@code ./haigui export},
 * {@code ./haigui-spark} - with wall time and peak resident memory of each process (GNU time),
 * JVM start included, and a cell-by-cell comparison of the two outputs.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests -pl spark -am package      # (package and test-compile in one call fail in the shade step)
 * ./mvnw -B -q -DskipTests -pl spark -am test-compile
 * cp /path/to/haigui.duckdb* /tmp/bench/          # a copy of a store (haigui synth + haigui import)
 * java -cp spark/target/test-classes:target/haigui.jar org.haigui.spark.SparkBenchmark /tmp/bench/haigui.duckdb 2021-09-30 [JAVA_XMX]
 * </pre>
 * Runs from the repository's root (it calls {@code ./haigui} and {@code ./haigui-spark}).
 */
public final class SparkBenchmark {

    private SparkBenchmark() {
    }

    private record Measured(String step, double wall, long peakKb) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SparkBenchmark DB_FILE AS_OF [XMX, default 4g]");
            System.exit(2);
        }
        Path db = Path.of(args[0]).toAbsolutePath();
        String asOf = args[1];
        String xmx = args.length > 2 ? args[2] : "4g";
        Path dir = Files.createTempDirectory(db.getParent(), "bench-spark-");
        Path embeddedCsv = dir.resolve("embedded.csv");
        Path sparkCsv = dir.resolve("spark.csv");
        Path export = dir.resolve("export");
        List<Measured> m = new ArrayList<>();
        m.add(run("embedded: haigui indicators", List.of("env", "HAIGUI_JAVA_OPTS=-Xmx" + xmx, "./haigui", "indicators", "--db", db.toString(),
            "--as-of", asOf, "--survey", "entrepreneurs2021", "--out", embeddedCsv.toString()), dir));
        m.add(run("haigui export (Parquet)", List.of("env", "HAIGUI_JAVA_OPTS=-Xmx" + xmx, "./haigui", "export", "--db", db.toString(),
            "--out", export.toString()), dir));
        m.add(run("spark local[*]: haigui-spark", List.of("env", "HAIGUI_SPARK_JAVA_OPTS=-Xmx" + xmx, "./haigui-spark", "--input",
            export.toString(), "--as-of", asOf, "--survey", "entrepreneurs2021", "--out", sparkCsv.toString()), dir));
        System.out.printf(Locale.ROOT, "%nstore %s (%,d bytes), as of %s, -Xmx%s, %d processors%n", db, Files.size(db), asOf, xmx,
            Runtime.getRuntime().availableProcessors());
        for (Measured x : m) {
            System.out.printf(Locale.ROOT, "  %-32s %8.1f s   peak RSS %,8d MB%n", x.step(), x.wall(), x.peakKb() / 1024);
        }
        List<String> a = Files.readAllLines(embeddedCsv, StandardCharsets.UTF_8);
        List<String> b = Files.readAllLines(sparkCsv, StandardCharsets.UTF_8);
        int same = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            same += a.get(i).equals(b.get(i)) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "  output: %,d rows embedded, %,d on Spark, %,d rows byte-identical%n", a.size(), b.size(), same);
    }

    /** Runs a command under GNU time; wall seconds and peak RSS (KB) of the process tree's largest process. */
    private static Measured run(String step, List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path times = dir.resolve("time.txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString()));
        full.addAll(cmd);
        System.err.println("bench: " + step + " ...");
        Process p = new ProcessBuilder(full).inheritIO().start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(step + " failed with exit code " + code);
        }
        String[] t = Files.readString(times).trim().split("\\s+");
        return new Measured(step, Double.parseDouble(t[t.length - 2]), Long.parseLong(t[t.length - 1]));
    }
}
