package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.haigui.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates made from the schema import cleanly (0 rows), in English and Chinese, CSV and .xlsx. */
class TemplatesTest {

    @TempDir
    Path tmp;

    @Test
    void emptyTemplatesImportWithoutErrors() throws Exception {
        ImportHarness h = new ImportHarness(tmp);
        Templates.write(tmp.resolve("en"), false);
        Templates.write(tmp.resolve("zh"), true);
        for (String d : new String[] {"en", "zh"}) {
            ImportHarness.Run csv = h.importPaths(tmp.resolve(d));
            assertThat(csv.code()).as(csv.out() + csv.err()).isZero();
            assertThat(csv.out()).doesNotContain("unknown column").contains("template.xlsx: ignored (the directory has CSV tables");
            ImportHarness.Run xlsx = h.importPaths(tmp.resolve(d + "/template.xlsx"));
            assertThat(xlsx.code()).as(xlsx.out() + xlsx.err()).isZero();
            assertThat(xlsx.out()).doesNotContain("warning");
        }
        assertThat(h.count("SELECT count(*) FROM import_batches")).isEqualTo(4L * Schema.tables().size());
        ImportHarness.Run doc = h.cli("schema");
        assertThat(doc.out()).contains("## persons (人员)").contains("| person_id | 人员编号 | id | key; required |")
            .contains("`arrive` (来沪)");
    }
}
