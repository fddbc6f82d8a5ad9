package org.haigui.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code haigui-spark}'s command line: bad input is a clear error (exit 2), no stack trace, nothing written. */
class SparkMainTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").appName("haigui-spark-cli-test").config("spark.ui.enabled", "false")
            .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = SparkMain.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void aFolderThatIsNotAnExportIsAClearError(@TempDir Path tmp) {
        Run r = run("--input", tmp.toString(), "--as-of", "2021-09-30", "--out", tmp.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no manifest.json").contains("haigui export").doesNotContain("\tat ");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aBadDateOrTooFewResamplesAreUsageErrors(@TempDir Path tmp) {
        Run d = run("--input", tmp.toString(), "--as-of", "30/09/2021", "--out", tmp.resolve("x.csv").toString());
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("--as-of must be a date YYYY-MM-DD");
        Run b = run("--input", tmp.toString(), "--as-of", "2021-09-30", "--resamples", "10", "--out", tmp.resolve("x.csv").toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("--resamples must be at least 1000");
    }

    @Test
    void anExistingOutputIsNotOverwrittenWithoutForce(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("x.csv");
        Files.writeString(out, "mine");
        Run r = run("--input", tmp.toString(), "--as-of", "2021-09-30", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--force");
        assertThat(out).hasContent("mine");
    }
}
