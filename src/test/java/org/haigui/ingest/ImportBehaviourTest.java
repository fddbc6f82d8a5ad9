package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haigui.testing.Child;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and updates, idempotence, transactions, privacy of identity numbers, the key file, status. */
class ImportBehaviourTest {

    @TempDir
    Path tmp;
    ImportHarness h;

    static final String ID1 = "110101199003078670";
    static final String ID2 = "440308199901101512";
    static final String BAD_ID = "11010119900307867X";

    @BeforeEach
    void setUp() {
        h = new ImportHarness(tmp);
    }

    private void writeSmallCity() throws Exception {
        h.write("in/persons.csv", ImportHarness.PERSONS_HEADER
            + "P1," + ID1 + ",张三,Zhang San,M,,master,06\nP2," + ID2 + ",李四,,,,doctorate,05\nP3," + BAD_ID + ",王五,,,,,\n");
        h.write("in/overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n"
            + "E1,P1,study,MIT,US,2012-09,2014-06,master\nE2,P2,work,Google,US,2015,,\n");
        h.write("in/city_moves.csv", "move_id,person_id,date,event,district\nM1,P1,2014-07-01,arrive,310104\n");
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() throws Exception {
        writeSmallCity();
        ImportHarness.Run first = h.importPaths(tmp.resolve("in"));
        assertThat(first.code()).isEqualTo(1);
        String before = h.rows("SELECT * FROM persons ORDER BY person_id").toString()
            + h.rows("SELECT * FROM overseas_episodes ORDER BY episode_id") + h.rows("SELECT * FROM city_moves");
        ImportHarness.Run second = h.importPaths(tmp.resolve("in"));
        assertThat(second.out()).containsPattern("persons\\s+3\\s+0\\s+0\\s+2\\s+1")
            .containsPattern("overseas_episodes\\s+2\\s+0\\s+0\\s+2\\s+0");
        String after = h.rows("SELECT * FROM persons ORDER BY person_id").toString()
            + h.rows("SELECT * FROM overseas_episodes ORDER BY episode_id") + h.rows("SELECT * FROM city_moves");
        assertThat(after).isEqualTo(before);
        // the rejected row is quarantined once, not once per import
        assertThat(h.count("SELECT count(*) FROM quarantine WHERE resolved_batch_id IS NULL")).isEqualTo(1);
    }

    @Test
    void aRejectedRowsFileTheUserChangedIsNeverOverwritten() throws Exception {
        writeSmallCity();
        Path in = tmp.resolve("in");
        h.importPaths(in);
        Path rejected = in.resolve("persons.rejected.csv");
        String written = Files.readString(rejected);
        assertThat(written).contains("P3");
        // as written, the file is refreshed by the next import (no pile of copies)
        ImportHarness.Run again = h.importPaths(in);
        assertThat(again.out() + again.err()).doesNotContain("kept as it is");
        assertThat(Files.readString(rejected)).isEqualTo(written);
        assertThat(in.resolve("persons.rejected.2.csv")).doesNotExist();
        // the user corrects the row in the file, then imports the original again before the correction
        String corrected = written.replace("王五", "王五 (checked)");
        assertThat(corrected).isNotEqualTo(written);
        Files.writeString(rejected, corrected);
        ImportHarness.Run third = h.importPaths(in);
        assertThat(Files.readString(rejected)).as("the user's corrections").isEqualTo(corrected);
        assertThat(third.out() + third.err()).contains("persons.rejected.csv: changed since haigui wrote it").contains("persons.rejected.2.csv");
        assertThat(Files.readString(in.resolve("persons.rejected.2.csv"))).contains("P3");
        // a rejected-rows file haigui did not write (no note beside it) is kept too
        Path second = in.resolve("persons.rejected.2.csv");
        String secondBytes = Files.readString(second);
        Files.delete(RejectedRows.written(second));
        h.importPaths(in);
        assertThat(Files.readString(second)).isEqualTo(secondBytes);
        assertThat(Files.readString(in.resolve("persons.rejected.3.csv"))).contains("P3");
    }

    @Test
    void aRowWhoseKeyIsStoredReplacesItAndCorrectingAQuarantinedRowResolvesIt() throws Exception {
        writeSmallCity();
        h.importPaths(tmp.resolve("in"));
        Path rejected = tmp.resolve("in/persons.rejected.csv");
        assertThat(rejected).exists();
        assertThat(tmp.resolve("in/persons.rejected.xlsx")).exists();
        // the user corrects the rejected file and imports it as it is (with its errors column)
        String corrected = Files.readString(rejected).replace(BAD_ID, "33010219200403064X");
        Files.writeString(rejected, corrected);
        h.write("fix/persons.csv", ImportHarness.PERSONS_HEADER + "P1," + ID1 + ",张三,Zhang San Jr,M,,doctorate,06\n");
        ImportHarness.Run r = h.importPaths(rejected, tmp.resolve("fix/persons.csv"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("persons\\s+2\\s+1\\s+1\\s+0\\s+0");
        assertThat(h.rows("SELECT name_en, highest_degree FROM persons WHERE person_id = 'P1'"))
            .containsExactly(List.of("Zhang San Jr", "doctorate"));
        assertThat(h.count("SELECT count(*) FROM quarantine WHERE resolved_batch_id IS NULL")).isZero();
        // a later import of the directory does not take the rejected-rows files for input
        ImportHarness.Run again = h.importPaths(tmp.resolve("in"));
        assertThat(again.out()).doesNotContain("rejected.csv: ignored").containsPattern("persons\\s+3\\s+");
    }

    @Test
    void identityNumbersAreNeverStoredInClear() throws Exception {
        writeSmallCity();
        h.importPaths(tmp.resolve("in"));
        String all = h.everythingStored();
        for (String id : List.of(ID1, ID2, BAD_ID, ID1.substring(0, 17), BAD_ID.substring(6, 14))) {
            assertThat(all).doesNotContain(id);
        }
        assertThat(h.single("SELECT row_data FROM quarantine")).contains("1101**************").doesNotContain(BAD_ID);
        // not even in the bytes of the database file
        byte[] file = Files.readAllBytes(h.db);
        String raw = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(ID1).doesNotContain(ID2).doesNotContain(BAD_ID);
        // the same number hashes to the same value, under the key beside the database
        assertThat(Files.exists(tmp.resolve("test.duckdb.key"))).isTrue();
        assertThat(h.single("SELECT id_hash FROM persons WHERE person_id = 'P1'"))
            .isEqualTo(new org.haigui.ids.IdHasher(java.util.Base64.getDecoder().decode(
                Files.readString(tmp.resolve("test.duckdb.key")).trim())).hash(ID1));
        // an identity number in a text column is refused, and masked in quarantine and in messages
        h.write("p2/persons.csv", "person_id,name_en\nP9," + ID2 + "\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("p2/persons.csv"));
        assertThat(r.out() + r.err()).doesNotContain(ID2);
        assertThat(Files.readString(tmp.resolve("p2/persons.rejected.csv")))
            .contains("name_en '4403**************': looks like an identity number");
        assertThat(h.everythingStored()).doesNotContain(ID2);
    }

    @Test
    void aMissingKeyFileIsAClearErrorOnceHashesAreStored() throws Exception {
        writeSmallCity();
        h.importPaths(tmp.resolve("in"));
        Files.move(tmp.resolve("test.duckdb.key"), tmp.resolve("key.bak"));
        ImportHarness.Run r = h.importPaths(tmp.resolve("in"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("the key file " + tmp.resolve("test.duckdb.key") + " is missing");
        // a different key is refused too
        Files.writeString(tmp.resolve("test.duckdb.key"), java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(h.importPaths(tmp.resolve("in")).err()).contains("is not the key this database was created with");
        Files.move(tmp.resolve("key.bak"), tmp.resolve("test.duckdb.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(h.importPaths(tmp.resolve("in")).code()).isEqualTo(1);
    }

    @Test
    void dryRunChangesNothingButReports() throws Exception {
        writeSmallCity();
        ImportHarness.Run r = h.cli("import", tmp.resolve("in").toString(), "--dry-run");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("dry run: nothing was changed").containsPattern("persons\\s+3\\s+2\\s+0\\s+0\\s+1");
        assertThat(tmp.resolve("in/persons.rejected.csv")).exists();
        assertThat(h.count("SELECT count(*) FROM persons")).isZero();
        assertThat(h.count("SELECT count(*) FROM import_batches")).isZero();
        assertThat(h.count("SELECT count(*) FROM quarantine")).isZero();
    }

    @Test
    void statusJsonHasExactlyTheDocumentedShape() throws Exception {
        writeSmallCity();
        h.importPaths(tmp.resolve("in"));
        ImportHarness.Run r = h.cli("status", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.size()).isEqualTo(3);
        List<String> tables = new ArrayList<>();
        j.get("tables").fieldNames().forEachRemaining(tables::add);
        assertThat(tables).containsExactly("persons", "overseas_episodes", "city_moves", "enterprises", "enterprise_people",
            "enterprise_years", "support", "survey");
        assertThat(j.get("tables").get("persons").asLong()).isEqualTo(2);
        assertThat(j.get("batches").asLong()).isEqualTo(3);
        assertThat(j.get("quarantined").asLong()).isEqualTo(1);
        assertThat(h.cli("status", "--db", tmp.resolve("none.duckdb").toString()).code()).isEqualTo(3);
    }

    @Test
    void aFailureInTheMiddleLeavesTheStoreAsItWas() throws Exception {
        writeSmallCity();
        h.importPaths(tmp.resolve("in"));
        String before = h.everythingStored();
        // the import fails after staging, merging and writing the rejected rows (its after-merge step fails)
        h.write("in2/persons.csv", ImportHarness.PERSONS_HEADER + "P7,,新人,,,,,\nP8," + BAD_ID + ",坏,,,,,\n");
        try (Store store = Store.open(h.db)) {
            Importer importer = new Importer(store, ImportOptions.forCity(City.load("shanghai")).withAfterMerge(c -> {
                throw new java.sql.SQLException("the step after the merge fails");
            }), Progress.NONE);
            assertThatThrownBy(() -> importer.run(List.of(tmp.resolve("in2"))))
                .isInstanceOf(HaiguiException.class).hasMessageContaining("nothing was changed");
        }
        assertThat(h.everythingStored()).isEqualTo(before);
        // and no rejected-rows file, readable or hidden, is left behind
        try (java.util.stream.Stream<Path> files = Files.list(tmp.resolve("in2"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("persons.csv");
        }
    }

    @Test
    void killingTheImportAtAnyPointLeavesTheStoreAsItWas() throws Exception {
        writeSmallCity();
        h.importPaths(tmp.resolve("in"));
        String before = h.everythingStored();
        // enough rows that every phase takes a while; the markers, not the size, decide when the kill lands
        int rows = 50_000;
        Path big = tmp.resolve("big");
        Files.createDirectories(big);
        try (BufferedWriter w = Files.newBufferedWriter(big.resolve("persons.csv"))) {
            w.write("person_id,name_en,birth_date\n");
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "Q%d,Person %d,19%02d\n", i, i, i % 100));
            }
        }
        int killed = 0;
        // The child prints a marker as it enters each phase (Importer.PHASES_ENV); it is killed as soon
        // as the marker is read, so each kill lands in that phase on a fast or a slow machine alike.
        for (String phase : new String[] {"stage", "check", "merge", "rejected", "after-merge", "commit"}) {
            ProcessBuilder pb = Child.cli(tmp, "import", big.toString(), "--db", h.db.toString());
            pb.environment().put(Importer.PHASES_ENV, "1");
            Child.Killed k = Child.killAt(tmp, pb, "haigui-import-phase: " + phase);
            assertThat(k.reached()).as("the child reached phase %s; its standard error: %s", phase, k.seen()).isTrue();
            // atomic: the store is either exactly as before, or holds the whole import (the kill came after the commit)
            long imported = h.count("SELECT count(*) FROM persons WHERE person_id LIKE 'Q%'");
            if (imported == 0) {
                assertThat(h.everythingStored()).as("killed in phase %s", phase).isEqualTo(before);
                killed++;
            } else {
                assertThat(phase).as("killed in phase %s, long before the commit", phase).isIn("rejected", "after-merge", "commit");
                assertThat(imported).as("killed in phase %s: all or nothing", phase).isEqualTo(rows);
                break; // later kills would start from a changed store
            }
        }
        assertThat(killed).as("the import was killed at least twice while running").isGreaterThanOrEqualTo(2);
    }
}
