package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.haigui.testing.Child;
import org.haigui.ingest.Batches;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batches undo} is one transaction: killed (SIGKILL) in each of its phases, the store always
 * holds the data as before the undo (batch not undone) or as after it (data of batch 1, batch 2
 * marked undone), never a mix.
 */
class UndoKillTest {

    private static final int ROWS = 5_000;

    @TempDir
    Path tmp;

    /** A fingerprint of persons and whether batch 2 is undone. */
    private record State(long rows, long fingerprint, boolean undone, long batches) {
    }

    private static State state(Path db) throws Exception {
        try (Store s = Store.openReadOnly(db); Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM persons),"
                 + " (SELECT coalesce(sum(hash(person_id, name_en, highest_degree, batch_id)), 0) FROM persons),"
                 + " (SELECT undone_at IS NOT NULL FROM import_batches WHERE batch_id = 2),"
                 + " (SELECT count(*) FROM import_batches)")) {
            rs.next();
            return new State(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getLong(4));
        }
    }

    private static void copyStore(Path from, Path to) throws Exception {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Path wal = Path.of(from + ".wal");
        Path toWal = Path.of(to + ".wal");
        if (Files.exists(wal)) {
            Files.copy(wal, toWal, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(toWal);
        }
        if (Files.exists(Path.of(from + ".key"))) {
            Files.copy(Path.of(from + ".key"), Path.of(to + ".key"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private Path persons(String dir, String degreeOfEven) throws Exception {
        Path d = tmp.resolve(dir);
        Files.createDirectories(d);
        try (BufferedWriter w = Files.newBufferedWriter(d.resolve("persons.csv"))) {
            w.write("person_id,name_en,highest_degree\n");
            for (int i = 0; i < ROWS; i++) {
                w.write(String.format(Locale.ROOT, "P%d,Person %d,%s%n", i, i, i % 2 == 0 ? degreeOfEven : "bachelor"));
            }
            // batch 2 also inserts rows
            if (degreeOfEven.equals("doctorate")) {
                for (int i = ROWS; i < ROWS + ROWS / 2; i++) {
                    w.write(String.format(Locale.ROOT, "P%d,Person %d,master%n", i, i));
                }
            }
        }
        return d;
    }

    @Test
    void killedInAnyPhaseTheStoreIsAsBeforeOrAsAfter() throws Exception {
        Path base = tmp.resolve("base.duckdb");
        assertThat(run("import", persons("a", "master").toString(), "--db", base.toString())).isZero();
        Path full = tmp.resolve("full.duckdb");
        copyStore(base, full);
        State afterBatch1 = state(base);
        assertThat(run("import", persons("b", "doctorate").toString(), "--db", base.toString())).isZero();
        State before = state(base);
        assertThat(before.rows()).isEqualTo(ROWS + ROWS / 2);
        // the complete undo, for comparison
        copyStore(base, full);
        assertThat(run("batches", "undo", "2", "--db", full.toString())).isZero();
        State after = state(full);
        assertThat(after.rows()).isEqualTo(afterBatch1.rows());
        assertThat(after.fingerprint()).isEqualTo(afterBatch1.fingerprint());
        assertThat(after.undone()).isTrue();

        String[] phases = {"apply", "check", "commit", "committed"};
        Path db = tmp.resolve("run.duckdb");
        int asBefore = 0;
        for (int i = 0; i < 8; i++) {
            copyStore(base, db);
            String phase = phases[i % phases.length];
            ProcessBuilder pb = Child.cli(tmp, "batches", "undo", "2", "--db", db.toString());
            pb.environment().put(Batches.PHASES_ENV, "1");
            Child.Killed k = Child.killAt(tmp, pb, "haigui-undo-phase: " + phase);
            assertThat(k.reached()).as("run %d reached phase %s; its standard error: %s", i, phase, k.seen()).isTrue();
            State s = state(db);
            assertThat(s.equals(before) || s.equals(after)).as("run %d killed in phase %s: %s (before %s, after %s)", i, phase, s,
                before, after).isTrue();
            if (s.equals(before)) {
                asBefore++;
                assertThat(phase).as("killed after the commit yet nothing there").isNotEqualTo("committed");
            }
        }
        assertThat(asBefore).as("most kills land before the commit").isGreaterThanOrEqualTo(3);
    }
}
