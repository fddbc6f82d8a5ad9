package org.haigui.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.haigui.core.Progress;
import org.haigui.ingest.ImportOptions;
import org.haigui.schema.City;
import org.haigui.ingest.ImportReport;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic output through the real import: clean files are accepted whole, damaged rows are exactly the rejected ones. */
class SynthImportTest {

    @TempDir
    Path tmp;

    @Test
    void cleanCsvImportsWithNothingRejected() {
        Path dir = tmp.resolve("clean");
        SynthResult r = Synthesizer.generate(SynthOptions.defaults(dir).withPersons(5_000), Progress.NONE);
        try (Store store = Store.open(tmp.resolve("clean.duckdb"))) {
            ImportReport rep = new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(r.files());
            assertThat(rep.rejectedRows()).as(rep.toString()).isZero();
            for (ImportReport.SourceSummary s : rep.perTable()) {
                assertThat(s.inserted()).as(s.table()).isEqualTo(r.rows().get(s.table()));
            }
            assertThat(rep.perTable()).hasSize(8);
        }
    }

    @Test
    void cleanXlsxImportsWithNothingRejected() {
        Path dir = tmp.resolve("xlsx");
        SynthResult r = Synthesizer.generate(SynthOptions.defaults(dir).withPersons(1_500).withFormat(SynthOptions.Format.XLSX), Progress.NONE);
        try (Store store = Store.open(tmp.resolve("xlsx.duckdb"))) {
            ImportReport rep = new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(r.files());
            assertThat(rep.rejectedRows()).as(rep.toString()).isZero();
            assertThat(rep.perTable().stream().mapToLong(ImportReport.SourceSummary::inserted).sum()).isEqualTo(r.totalRows());
        }
    }

    @Test
    void damagedRowsAreExactlyTheRejectedOnes() throws Exception {
        damaged(SynthOptions.defaults(tmp.resolve("dirty")).withPersons(5_000).withDirtyRate(0.04));
    }

    @Test
    void damagedRowsOfAWorkbookAreExactlyTheRejectedOnes() throws Exception {
        damaged(SynthOptions.defaults(tmp.resolve("dirty-xlsx")).withPersons(1_500).withDirtyRate(0.05).withFormat(SynthOptions.Format.XLSX));
    }

    private void damaged(SynthOptions o) throws Exception {
        Path dir = o.out();
        SynthResult r = Synthesizer.generate(o, Progress.NONE);
        Set<String> expected = new TreeSet<>();
        List<String> lines = Files.readAllLines(dir.resolve(Synthesizer.DIRTY_FILE), StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (f[4].equals("rejected")) {
                expected.add(f[0] + ":" + f[1]);
            }
        }
        List<Path> data = r.files().stream().filter(p -> !p.getFileName().toString().equals(Synthesizer.DIRTY_FILE)).toList();
        try (Store store = Store.open(dir.resolveSibling(dir.getFileName() + ".duckdb"))) {
            ImportReport rep = new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(data);
            Set<String> got = new TreeSet<>();
            try (Statement s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT table_name, row_number FROM quarantine")) {
                while (rs.next()) {
                    got.add(rs.getString(1) + ":" + rs.getLong(2));
                }
            }
            assertThat(got).isEqualTo(expected);
            assertThat(rep.rejectedRows()).isEqualTo(expected.size());
            assertThat(rep.perTable().stream().mapToLong(ImportReport.SourceSummary::inserted).sum())
                .isEqualTo(r.totalRows() - expected.size());
        }
    }
}
