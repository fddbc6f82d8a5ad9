package org.haigui.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.core.HaiguiException;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path tmp;

    @Test
    void createsEveryCanonicalTableFromTheSchemaAndRecordsTheVersion() throws Exception {
        try (Store s = Store.open(tmp.resolve("a.duckdb")); Statement st = s.connection().createStatement()) {
            for (Table t : Schema.tables()) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                    + t.name() + "' ORDER BY ordinal_position")) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
                List<String> expected = new ArrayList<>(t.storeColumns());
                expected.add(Schema.BATCH_COLUMN);
                assertThat(cols).as(t.name()).containsExactlyElementsOf(expected);
            }
            assertThat(s.status().schemaVersion()).isEqualTo(Migrations.LATEST);
            assertThat(s.status().tables()).containsOnlyKeys(Schema.tableNames());
        }
        // opening again migrates nothing and keeps one version row
        try (Store s = Store.open(tmp.resolve("a.duckdb")); Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.LATEST);
        }
    }

    @Test
    void personsNeverHaveAnIdNumberColumn() {
        assertThat(Migrations.ddlFor(1)).anySatisfy(ddl -> assertThat(ddl).startsWith("CREATE TABLE persons")
            .contains("id_hash VARCHAR").contains("id_area_code VARCHAR").doesNotContain("id_number"));
    }

    @Test
    void aNewerStoreIsRefusedClearly() throws Exception {
        try (Store s = Store.open(tmp.resolve("b.duckdb")); Statement st = s.connection().createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (99, now()::TIMESTAMP, 'from the future')");
        }
        assertThatThrownBy(() -> Store.open(tmp.resolve("b.duckdb")))
            .isInstanceOf(HaiguiException.class)
            .hasMessageContaining("schema version 99, newer than this program's");
    }

    @Test
    void dbResolutionPrefersTheFlag() {
        assertThat(Store.resolve(tmp.resolve("x.duckdb"))).isEqualTo(tmp.resolve("x.duckdb"));
        String env = System.getenv(Store.ENV_DB);
        assertThat(Store.resolve(null)).isEqualTo(env == null || env.isBlank() ? Path.of("haigui.duckdb") : Path.of(env));
    }

    @Test
    void openExistingRefusesAMissingFile() {
        assertThatThrownBy(() -> Store.openExisting(tmp.resolve("nope.duckdb")))
            .isInstanceOf(HaiguiException.class).hasMessageContaining("no database at");
    }
}
