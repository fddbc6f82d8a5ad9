package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code haigui export}: thin over the export feature; its flags and errors. */
class ExportCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportsAStoreAndRefusesWhatItMustRefuse(@TempDir(factory = org.haigui.testing.ShortTempDirs.class) Path tmp) throws Exception {
        Path db = tmp.resolve("s.duckdb");
        try (Store s = Store.open(db)) {
            assertThat(s.file()).exists();
        }
        Path out = tmp.resolve("pq");
        Run r = run("export", "--db", db.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("tables").contains("manifest.json");
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(out.resolve("persons.parquet")).exists();

        Run again = run("export", "--db", db.toString(), "--out", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("not empty").contains("--force").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run("export", "--db", db.toString(), "--out", out.toString(), "--force").code()).isZero();

        Run csv = run("export", "--db", db.toString(), "--out", tmp.resolve("x").toString(), "--format", "csv");
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("--format must be parquet");
        assertThat(tmp.resolve("x")).doesNotExist();

        Run missing = run("export", "--db", tmp.resolve("none.duckdb").toString(), "--out", tmp.resolve("y").toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).doesNotContain("\tat ");
        assertThat(Files.exists(tmp.resolve("y"))).isFalse();
    }
}
