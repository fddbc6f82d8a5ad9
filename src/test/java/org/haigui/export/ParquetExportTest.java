package org.haigui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet export of a synthetic store: every table with its rows, enterprise_years by year,
 * the manifest; identity numbers only as the store's hashes; a non-empty folder refused without
 * force, and with force only the export's own files replaced; the store only read.
 */
class ParquetExportTest {

    @TempDir(factory = org.haigui.testing.ShortTempDirs.class)
    static Path tmp;
    static Path db;

    @BeforeAll
    static void store() {
        SynthResult data = Synthesizer.generate(SynthOptions.defaults(tmp.resolve("data")).withPersons(400), Progress.NONE);
        db = tmp.resolve("store.duckdb");
        try (Store store = Store.open(db)) {
            assertThat(new Importer(store, ImportOptions.forCity(org.haigui.schema.City.load("shanghai")), Progress.NONE)
                .run(data.files()).rejectedRows()).isZero();
        }
    }

    private static ParquetExport.Result export(Path out, boolean force) throws Exception {
        try (Store store = Store.openReadOnly(db); Connection c = store.reader()) {
            return ParquetExport.export(c, out, force);
        }
    }

    @Test
    void everyTableIsWrittenWithItsRowsAndTheManifestSaysSo() throws Exception {
        Path out = tmp.resolve("export1");
        ParquetExport.Result r = export(out, false);
        assertThat(r.tables()).extracting(ParquetExport.Entry::table).containsExactlyElementsOf(ParquetExport.tables())
            .contains("persons", "overseas_episodes", "city_moves", "enterprises", "enterprise_people", "enterprise_years",
                "institution_norms", "quarantine").doesNotContain("accounts", "sessions", "audit_log");
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(m.path("format").asText()).isEqualTo("haigui-parquet-export");
        assertThat(m.path("schema_version").asInt()).isPositive();
        assertThat(m.path("exported_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(m.path("last_batch").path("batch_id").asLong()).isPositive();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             Store store = Store.openReadOnly(db); Connection s = store.reader(); Statement ss = s.createStatement()) {
            for (JsonNode t : m.path("tables")) {
                String name = t.path("table").asText();
                Path p = out.resolve(t.path("path").asText());
                String glob = Files.isDirectory(p) ? p + "/**/*.parquet" : p.toString();
                long inStore;
                try (ResultSet rs = ss.executeQuery("SELECT count(*) FROM " + name)) {
                    rs.next();
                    inStore = rs.getLong(1);
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + glob + "')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(name).isEqualTo(inStore).isEqualTo(t.path("rows").asLong());
                }
            }
            // enterprise_years by year: one folder per year, the year restored from the folder names
            assertThat(m.path("tables").findValues("partitioned_by").stream().anyMatch(n -> n.toString().contains("year"))).isTrue();
            try (var dirs = Files.list(out.resolve("enterprise_years"))) {
                assertThat(dirs.map(x -> x.getFileName().toString()).toList()).isNotEmpty().allMatch(n -> n.matches("year=\\d{4}"));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT year), min(year) > 1900 FROM read_parquet('" + out
                + "/enterprise_years/**/*.parquet', hive_partitioning = true)")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(1);
                assertThat(rs.getBoolean(2)).isTrue();
            }
            // identity numbers: only the store's hashes leave; no 18-character identity number in any other column of persons
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + out.resolve("persons.parquet") + "')")) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
            assertThat(cols).contains("id_hash").noneMatch(x -> x.contains("id_number"));
            // of the quarantine, never the rejected rows' content
            List<String> q = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + out.resolve("quarantine.parquet") + "')")) {
                while (rs.next()) {
                    q.add(rs.getString(1));
                }
            }
            assertThat(q).containsExactly("batch_id", "table_name", "resolved_batch_id");
            StringBuilder anyId = new StringBuilder("SELECT count(*) FROM read_parquet('" + out.resolve("persons.parquet") + "') WHERE false");
            for (String col : cols.stream().filter(x -> !x.equals("id_hash")).toList()) { // a hex digest may hold 18 digits in a row
                anyId.append(" OR regexp_matches(CAST(\"").append(col).append("\" AS VARCHAR), '(^|[^0-9])[0-9]{17}[0-9Xx]([^0-9]|$)')");
            }
            try (ResultSet rs = st.executeQuery(anyId.toString())) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aNonEmptyFolderIsRefusedWithoutForceAndOnlyTheExportsFilesAreReplacedWithIt() throws Exception {
        Path out = tmp.resolve("export2");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> export(out, false)).isInstanceOf(HaiguiException.class)
            .hasMessageContaining("not empty").hasMessageContaining("--force")
            .satisfies(e -> assertThat(((HaiguiException) e).kind()).isEqualTo(HaiguiException.Kind.USAGE));
        assertThat(out.resolve("manifest.json")).doesNotExist();
        export(out, true);
        assertThat(out.resolve("manifest.json")).exists();
        // again with force: the partitioned folder is replaced, not added to
        export(out, true);
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThatThrownBy(() -> export(out, false)).isInstanceOf(HaiguiException.class);
    }

    @Test
    void aMissingParentFolderAndAFileAreClearErrors() {
        assertThatThrownBy(() -> export(tmp.resolve("no/such/dir"), false)).isInstanceOf(HaiguiException.class)
            .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> export(db, true)).isInstanceOf(HaiguiException.class).hasMessageContaining("is a file");
    }
}
