package org.haigui.ties;

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
import org.haigui.cli.Main;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of the attack suite (issue 11): {@code institutions import} is one transaction. Killed
 * (SIGKILL) in each of its phases, 20 times, the store always holds the registry as before or the
 * whole import: institutions, aliases, name norms and revision together.
 */
class InstitutionsImportKillTest {

    private static final int ROWS = 2_000;

    @TempDir
    Path tmp;

    /** institutions, aliases, norms of the user source, and the revision. */
    private record State(long institutions, long aliases, long norms, String revision) {
    }

    private static State state(Path db) throws Exception {
        try (Store s = Store.openReadOnly(db); Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM institutions WHERE source = 'user'),"
                 + " (SELECT count(*) FROM institution_aliases WHERE source = 'user'), (SELECT count(*) FROM institution_norms),"
                 + " (SELECT value FROM meta WHERE key = '" + RegistryStore.META_REVISION + "')")) {
            rs.next();
            return new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
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
    }

    @Test
    void killedInAnyPhaseTheRegistryIsAsBeforeOrComplete() throws Exception {
        Path base = tmp.resolve("base.duckdb");
        Path small = tmp.resolve("small.csv");
        Files.writeString(small, "name,country\nFirst Attack Institute,CN\n");
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "institutions", "import", small.toString(), "--db", base.toString());
        assertThat(code).isZero();
        State before = state(base);
        Path big = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write("name,country,aliases,kind\n");
            for (int i = 0; i < ROWS; i++) {
                w.write(String.format(Locale.ROOT, "Attack Institute %d,CN,AI %d;Inst %d,lab%n", i, i, i));
            }
        }
        // the complete import, for comparison
        Path full = tmp.resolve("full.duckdb");
        copyStore(base, full);
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "institutions", "import", big.toString(), "--db", full.toString())).isZero();
        State after = state(full);
        assertThat(after.institutions()).isEqualTo(before.institutions() + ROWS);
        assertThat(after.aliases()).isEqualTo(before.aliases() + 2L * ROWS);

        String[] phases = {"insert", "norms", "commit", "committed"};
        Path db = tmp.resolve("run.duckdb");
        int intact = 0;
        int asBefore = 0;
        for (int i = 0; i < 20; i++) {
            copyStore(base, db);
            String phase = phases[i % phases.length];
            ProcessBuilder pb = Child.cli(tmp, "institutions", "import", big.toString(), "--db", db.toString());
            pb.environment().put(RegistryStore.PHASES_ENV, "1");
            Child.Killed k = Child.killAt(tmp, pb, "haigui-registry-phase: " + phase);
            assertThat(k.reached()).as("run %d reached phase %s; its standard error: %s", i, phase, k.seen()).isTrue();
            State s = state(db);
            // complete: every count as after the full import, and a new revision (a random one per import)
            boolean complete = s.institutions() == after.institutions() && s.aliases() == after.aliases()
                && s.norms() == after.norms() && !s.revision().equals(before.revision());
            assertThat(s.equals(before) || complete).as("run %d killed in phase %s: %s (before %s, after %s)", i, phase, s, before, after)
                .isTrue();
            if (s.equals(before)) {
                asBefore++;
                assertThat(phase).as("killed after the commit yet nothing there").isNotEqualTo("committed");
            }
            intact++;
        }
        assertThat(intact).isEqualTo(20);
        assertThat(asBefore).as("most kills land before the commit").isGreaterThanOrEqualTo(10);
    }
}
