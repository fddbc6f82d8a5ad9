package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.cli.Main;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.haigui.store.Migrations;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes of bulk loads ({@code hist_pending}, {@link Trail#rows}, {@link Trail#settle}): the same
 * imports, updates, deletions and undos, run on two stores, one with the notes and one writing every
 * insert into the history at once, leave the same tables, the same history as readers see it, the same
 * tombstones and quarantine, and give the same answers (history, batches show, undo and its refusals).
 */
class TrailNotesTest {

    private static final String PERSONS = "person_id,name_en,highest_degree\n";
    private static final String EPISODES = "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n";

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run cli(Path db, boolean notes, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db.toString());
        boolean was = Trail.notes;
        Trail.notes = notes;
        try {
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
            return new Run(code, normal(out.toString()), normal(err.toString()));
        } finally {
            Trail.notes = was;
        }
    }

    /** Output without what differs between two runs of the same command: times, durations, the store's path. */
    private String normal(String s) {
        return s.replace(tmp.resolve("noted").toString(), "DB").replace(tmp.resolve("written").toString(), "DB")
            .replaceAll("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?", "T").replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "D");
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve("files").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    /** Every canonical table, its history as readers see it, the tombstones and the quarantine, as sorted text. */
    private static List<String> state(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Store s = Store.openReadOnly(db); Statement st = s.connection().createStatement()) {
            for (Table t : Schema.tables()) {
                out.addAll(rows(st, t.name(), "SELECT " + Trail.columns(t) + " FROM " + t.name()));
                out.addAll(rows(st, "history of " + t.name(), "SELECT " + Trail.columns(t) + ", change_batch, op FROM " + Trail.rows(t) + " h"));
            }
            out.addAll(rows(st, "tombstones", "SELECT table_name, row_key, batch_id, revived_batch_id FROM tombstones"));
            out.addAll(rows(st, "quarantine", "SELECT batch_id, table_name, row_key, resolved_batch_id FROM quarantine"));
            out.addAll(rows(st, "batches", "SELECT batch_id, kind, table_name, inserted, updated, unchanged, rejected, deleted, undone_by"
                + " FROM import_batches"));
        }
        return out;
    }

    private static List<String> rows(Statement st, String what, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql + " ORDER BY ALL")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder(what).append(':');
                for (int i = 1; i <= n; i++) {
                    sb.append(' ').append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static long count(Path db, String sql) throws SQLException {
        try (Store s = Store.openReadOnly(db); Statement st = s.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void notedAndWrittenInsertsGiveTheSameHistoryThroughImportsDeletionsAndUndos() throws Exception {
        Path a = write("a/persons.csv", PERSONS + "P1,Zhang San,master\nP2,Li Si,bachelor\nP3,Wang Wu,\n").getParent();
        write("a/overseas_episodes.csv", EPISODES + "E1,P1,study,MIT,US,2012-09,2014-06,master\nE2,P2,work,IBM,US,2015-01,2016-12,\n");
        Path b = write("b/persons.csv", PERSONS + "P1,Zhang San,doctorate\nP4,Zhao Liu,master\nP5,Bad,nonsense\n").getParent();
        Path c = write("c/overseas_episodes.csv", EPISODES + "E3,P4,study,ETH Zurich,CH,2010-09,2012-06,master\n").getParent();
        Path del = write("del.csv", "person_id\nP2\nP4\n");
        Path noted = tmp.resolve("noted");
        Path written = tmp.resolve("written");
        Files.createDirectories(noted);
        Files.createDirectories(written);
        String[][] steps = {
            {"import", a.toString()},                   // batches 1-2: both tables empty, noted
            {"history", "P1"},
            {"batches", "show", "1"},
            {"import", b.toString()},                   // batch 3: updates P1 (the notes written out first), inserts P4, rejects P5
            {"import", c.toString()},                   // batch 4: inserts only, noted
            {"history", "E3"},
            {"batches", "undo", "4"},                   // undo of a noted batch: batch 5
            {"import", c.toString()},                   // batch 6: noted again
            {"batches", "undo", "1"},                   // refused: batch 3 changed P1
            {"delete", "persons", del.toString()},      // refused: E2 and E3 (noted) refer to P2 and P4
            {"delete", "persons", del.toString(), "--cascade"}, // batch 7: the notes written out first
            {"history", "P2"},
            {"history", "E2"},
            {"batches", "show", "7"},
            {"batches", "undo", "7"},                   // the deletion undone: batch 8
            {"import", a.toString()},                   // unchanged rows: nothing inserted
            {"batches", "undo", "2", "--cascade"},
            {"batches", "undo", "1", "--cascade"},
            {"history", "P1"},
            {"history", "P4"},
            {"batches"},
        };
        Path dbN = noted.resolve("store.duckdb");
        Path dbW = written.resolve("store.duckdb");
        for (String[] step : steps) {
            Run n = cli(dbN, true, step);
            Run w = cli(dbW, false, step);
            String what = String.join(" ", step);
            assertThat(n.code()).as(what + "\n" + n.out() + n.err()).isEqualTo(w.code());
            assertThat(n.err()).as(what).isEqualTo(w.err());
            if (!step[0].equals("import")) { // an import's report names its files' folders, the same here
                assertThat(n.out()).as(what).isEqualTo(w.out());
            }
            assertThat(state(dbN)).as("after " + what).isEqualTo(state(dbW));
            if (step == steps[0]) {
                // the notes are in use: no insert of the first import was written, two notes say what they were
                assertThat(count(dbN, "SELECT count(*) FROM " + Migrations.PENDING)).isEqualTo(2);
                assertThat(count(dbN, "SELECT count(*) FROM hist_persons")).isZero();
                assertThat(count(dbW, "SELECT count(*) FROM hist_persons WHERE op = 'i'")).isEqualTo(3);
                assertThat(n.code()).isZero();
            }
        }
        // every note was written out along the way (the last step to change the tables was an undo)
        assertThat(count(dbN, "SELECT count(*) FROM " + Migrations.PENDING)).isZero();
    }
}
