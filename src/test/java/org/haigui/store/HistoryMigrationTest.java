package org.haigui.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.haigui.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store of version 3 (before the audit trail) upgrades to version 4: its batches are kept, marked imports, and not undoable. */
class HistoryMigrationTest {

    @TempDir
    Path tmp;

    @Test
    void aVersion3StoreUpgradesAndItsOldBatchesCannotBeUndone() throws Exception {
        Path db = tmp.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL, description VARCHAR)");
            for (int v = 1; v <= 3; v++) {
                for (String ddl : Migrations.ddlFor(v)) {
                    st.execute(ddl);
                }
                st.execute("INSERT INTO schema_version VALUES (" + v + ", now()::TIMESTAMP, 'v" + v + "')");
            }
            assertThat(Migrations.ddlFor(3)).noneMatch(d -> d.contains("hist_"));
            st.execute("INSERT INTO import_batches VALUES (1, 'r', 'persons', '/x/persons.csv', NULL, 'abc', now()::TIMESTAMP,"
                + " now()::TIMESTAMP, 1, 0, 1, 0, 0, 0)");
            st.execute("INSERT INTO persons (person_id, name_en, batch_id) VALUES ('P1', 'Zhang San', 1)");
        }
        try (Store s = Store.open(db); Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT kind FROM import_batches), (SELECT value FROM meta WHERE key = '"
                 + Migrations.HISTORY_FROM + "'), (SELECT count(*) FROM hist_persons), (SELECT count(*) FROM tombstones),"
                 + " (SELECT max(version) FROM schema_version)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("import");
            assertThat(rs.getString(2)).isEqualTo("2");
            assertThat(rs.getLong(3)).isZero();
            assertThat(rs.getLong(4)).isZero();
            assertThat(rs.getInt(5)).isEqualTo(Migrations.LATEST).isGreaterThanOrEqualTo(Migrations.HISTORY_VERSION);
        }
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "batches", "undo", "1", "--db", db.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("before this store kept a history");
    }
}
