package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's docs/ is the current output of `haigui docs`: a change of the schema or the catalogue must regenerate it. */
class DocsCurrentTest {

    @Test
    void theCommittedDocumentsAreCurrent() throws Exception {
        Path docs = Path.of("docs");
        for (Map.Entry<String, String> e : DocsCommand.documents().entrySet()) {
            Path committed = docs.resolve(e.getKey());
            assertThat(committed).as("docs/%s exists (run: ./haigui docs --force)", e.getKey()).exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/%s is stale: run ./haigui docs --force and commit the result", e.getKey())
                .isEqualTo(e.getValue());
        }
    }

    @Test
    void theCommandWritesTheDocumentsAndNeverOverwritesWithoutForce(@TempDir Path tmp) throws Exception {
        AnalystTrapsTest.Run r = AnalystTrapsTest.run("docs", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tmp.resolve("indicators.md")).content(StandardCharsets.UTF_8).contains("### ent.active").contains("## Breakdowns");
        assertThat(tmp.resolve("data-format.md")).content(StandardCharsets.UTF_8).contains("persons");
        AnalystTrapsTest.Run again = AnalystTrapsTest.run("docs", "--out", tmp.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(AnalystTrapsTest.run("docs", "--out", tmp.toString(), "--force").code()).isZero();
    }
}
