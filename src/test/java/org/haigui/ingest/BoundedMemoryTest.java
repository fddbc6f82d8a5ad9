package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.haigui.testing.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with file size: a CSV larger than the JVM heap imports in a child JVM whose
 * heap is a fraction of the file (the import streams; the staged rows live in DuckDB, off-heap).
 */
class BoundedMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void aFileLargerThanTheHeapImports() throws Exception {
        Path dir = tmp.resolve("big");
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("persons.csv"))) {
            w.write("person_id,name_en\n");
            for (int i = 0; i < 1000; i++) {
                w.write("P" + i + ",Person " + i + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("overseas_episodes.csv"))) {
            w.write("episode_id,person_id,kind,institution,country,start_date,end_date,degree\n");
            for (int i = 0; i < 700_000; i++) {
                w.write(String.format(Locale.ROOT, "EPISODE-%08d,P%d,study,\"University of Somewhere, Campus %d\",GB,20%02d-09,20%02d-06-30,master%n",
                    i, i % 1000, i % 97, i % 20, i % 20 + 2));
            }
        }
        long fileBytes = Files.size(dir.resolve("overseas_episodes.csv"));
        assertThat(fileBytes).isGreaterThan(60L << 20);
        Process p = Child.of(tmp, List.of("-Xmx48m"), "org.haigui.cli.Main", "import", dir.toString(), "--db", tmp.resolve("m.duckdb").toString())
            .redirectErrorStream(true).redirectOutput(tmp.resolve("out.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(tmp.resolve("out.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).containsPattern("overseas_episodes\\s+700000\\s+700000");
    }
}
