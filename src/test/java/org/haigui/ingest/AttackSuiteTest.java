package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.haigui.testing.Child;
import org.haigui.core.Progress;
import org.haigui.core.HaiguiException;
import org.haigui.csv.CsvReader;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack on the import (issue 11), one test per class of bad input, so that a later change
 * cannot bring a defect back: identity numbers in clear anywhere (store, quarantine, messages,
 * rejected and temporary files), hostile files that would exhaust memory or block, environment
 * failures, and files that lie about their shape, encoding or contents.
 */
class AttackSuiteTest {

    /** Valid identity numbers (check characters right). */
    static final String ID1 = "310107199003070017";
    static final String ID2 = "110101199003078670";
    /** 18 digits that are not a valid identity number (wrong check character): masked, not refused. */
    static final String LOOKALIKE = "310107199003070018";

    @TempDir
    Path tmp;
    ImportHarness h;

    @BeforeEach
    void setUp() {
        h = new ImportHarness(tmp);
    }

    @AfterEach
    void restoreKnobs() {
        CsvInput.limits = CsvReader.Limits.defaults();
    }

    /** Every file under the folder (hidden ones included) and the store, as text. */
    private String everythingOnDisk(Path... skip) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Path> skipped = List.of(skip);
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!skipped.contains(f)) {
                    sb.append(f.getFileName()).append('\n').append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return sb.toString();
    }

    private static String errorsColumn(Path rejectedCsv) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(rejectedCsv, StandardCharsets.UTF_8)) {
            int at = line.indexOf("row ");
            sb.append(at >= 0 ? line.substring(at) : "").append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ privacy (items 1-3)

    @Test
    void identityNumberInAnIdColumnIsRefused() throws Exception {
        Path f = h.write("d/persons.csv", "person_id,name_en\n" + ID1 + ",A\nP2,B\n");
        ImportHarness.Run r = h.importPaths(f);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P2"));
        assertThat(h.everythingStored()).doesNotContain(ID1);
        assertThat(Files.readString(tmp.resolve("d/persons.rejected.csv")))
            .contains("person_id '3101**************': looks like an identity number").doesNotContain(ID1);
        // in a survey's respondent_id too
        Path s = h.write("s/survey.csv", "respondent_id,question,answer\n" + ID2 + ",Q1,yes\n");
        assertThat(h.importPaths(s).code()).isEqualTo(1);
        assertThat(h.everythingStored()).doesNotContain(ID2);
    }

    @Test
    void identityNumberInsideTextIsRefusedAndMasked() throws Exception {
        Path f = h.write("d/persons.csv", "person_id,name_en\nP1,ID " + ID1 + "\nP2,\uFF11\uFF11" + ID2.substring(2) + "号\n");
        ImportHarness.Run r = h.importPaths(f);
        assertThat(r.code()).isEqualTo(1);
        assertThat(h.count("SELECT count(*) FROM persons")).isZero();
        assertThat(h.everythingStored()).doesNotContain(ID1).doesNotContain(ID2.substring(2));
        String rejected = Files.readString(tmp.resolve("d/persons.rejected.csv"));
        assertThat(rejected).contains("looks like an identity number").doesNotContain(ID1).doesNotContain(ID2.substring(2));
    }

    @Test
    void identityNumberWrittenInGroupsIsRefusedAndMasked() throws Exception {
        String spaced = ID1.substring(0, 6) + " " + ID1.substring(6, 14) + " " + ID1.substring(14);
        String dashed = ID2.substring(0, 6) + "-" + ID2.substring(6, 14) + "-" + ID2.substring(14);
        Path f = h.write("g/persons.csv", "person_id,name_en\nP1,A " + spaced + "\nP2,B " + dashed + "\nP3,Tel 021-6432-1234\n");
        ImportHarness.Run r = h.importPaths(f);
        assertThat(r.code()).isEqualTo(1);
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P3"));
        assertThat(h.everythingStored()).doesNotContain(ID1.substring(6, 14)).doesNotContain(ID2.substring(6, 14));
        String rejected = Files.readString(tmp.resolve("g/persons.rejected.csv"));
        assertThat(rejected).contains("looks like an identity number").doesNotContain(spaced).doesNotContain(dashed);
    }

    @Test
    void referenceReasonsKeysAndSurveyWeightsAreMasked() throws Exception {
        // LOOKALIKE is not a valid identity number, so an id column accepts it; it is masked wherever it is quoted
        Path d = tmp.resolve("d");
        h.write("d/overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date\n"
            + "E1," + LOOKALIKE + ",study,MIT,US,2010\n");
        h.write("d/survey.csv", "respondent_id,question,answer,weight\n" + LOOKALIKE + ",Q1,yes,1\n" + LOOKALIKE + ",Q2,no,2\n"
            + "310107199003070019,Q1,a,1\n310107199003070019,Q1,again,1\n");
        ImportHarness.Run r = h.importPaths(d);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out() + r.err()).doesNotContain(LOOKALIKE);
        assertThat(errorsColumn(d.resolve("overseas_episodes.rejected.csv"))).contains("no persons row with person_id = 3101")
            .doesNotContain(LOOKALIKE);
        assertThat(errorsColumn(d.resolve("survey.rejected.csv"))).contains("have different weight values")
            .contains("the same key appears again").doesNotContain(LOOKALIKE).doesNotContain("310107199003070019");
        String quarantine = h.rows("SELECT row_key, errors FROM quarantine").toString();
        assertThat(quarantine).contains("3101**************").doesNotContain(LOOKALIKE).doesNotContain("310107199003070019");
    }

    @Test
    void temporaryRejectedFilesLeftByAKillHoldNothingReadable() throws Exception {
        Path d = tmp.resolve("k");
        Files.createDirectories(d);
        try (BufferedWriter w = Files.newBufferedWriter(d.resolve("persons.csv"))) {
            w.write("person_id,name_en,id_number\n");
            for (int i = 0; i < 20_000; i++) {
                w.write("Q" + i + ",Person " + i + "\n");
            }
            w.write("R1,Name " + ID1 + "\n");
            w.write("R2,x," + ID2.substring(0, 17) + "1\n"); // an invalid identity number: rejected with its value
        }
        assertThat(killAt(child(List.of("import", d.toString(), "--db", h.db.toString())), "haigui-import-phase: commit")).isTrue();
        List<Path> hidden;
        try (Stream<Path> files = Files.list(d)) {
            hidden = files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
        assertThat(hidden).as("the kill landed after the rejected files were written").isNotEmpty();
        for (Path f : hidden) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            // random bytes may hold any 4 characters by chance; these are long enough not to
            assertThat(raw).as(f.toString()).doesNotContain("person_id").doesNotContain("Name 3101").doesNotContain("errors")
                .doesNotContain(ID2.substring(0, 12));
        }
        assertThat(everythingOnDisk(d.resolve("persons.csv"))).doesNotContain(ID1).doesNotContain(ID2.substring(0, 17));
    }

    // ------------------------------------------------------------------ memory (item 4)

    @Test
    void aHugeCellIsAFileErrorNotAnOutOfMemoryCrash() throws Exception {
        CsvInput.limits = new CsvReader.Limits(10_000, 100, 50_000);
        Path f = tmp.resolve("persons.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("person_id,name_en\nP1,");
            for (int i = 0; i < 20_000; i++) {
                w.write('a');
            }
            w.write('\n');
        }
        ImportHarness.Run r = h.importPaths(f);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.csv, row 2: a field longer than 10000 characters").doesNotContain("Exception");
        assertThat(Files.exists(h.db) ? h.count("SELECT count(*) FROM persons") : 0).isZero();
        // one row of too many fields, one row too long
        Files.writeString(f, "person_id,name_en\nP1," + ",".repeat(200) + "\n");
        assertThat(h.importPaths(f).err()).contains("row 2: a row with more than 100 fields");
        Files.writeString(f, "person_id,name_en\n" + ("P1,aaaaaaaa\n").repeat(2) + "P3," + "b,".repeat(30) + "a".repeat(9_000).repeat(1) + ","
            + ("c".repeat(9_000) + ",").repeat(6) + "\n");
        assertThat(h.importPaths(f).err()).contains("row 4: a row longer than 50000 characters");
    }

    @Test
    void aHugeCellAtRealSizeIsRefusedQuickly() throws Exception {
        Path f = tmp.resolve("persons.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("person_id,name_en\nP1,\"".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 16];
            java.util.Arrays.fill(block, (byte) 'z');
            for (int i = 0; i < 24; i++) { // 1.5 MiB in one cell: beyond the default bound of 1 Mi characters
                out.write(block);
            }
        }
        ImportHarness.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> h.importPaths(f));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a field longer than 1048576 characters");
    }

    @Test
    void aTableLinkedToDevZeroIsRefused() throws Exception {
        Path link = tmp.resolve("d/persons.csv");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        ImportHarness.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> h.importPaths(link));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.csv: a device, not a regular file");
        ImportHarness.Run dir = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> h.importPaths(link.getParent()));
        assertThat(dir.code()).isEqualTo(2);
        assertThat(dir.err()).contains("a device, not a regular file");
    }

    // ------------------------------------------------------------------ environment (item 5)

    @Test
    void aFifoNamedAsATableIsRefusedAndNeverBlocks() throws Exception {
        Path d = tmp.resolve("f");
        Files.createDirectories(d);
        h.write("f/overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date\n");
        Process mk = new ProcessBuilder("mkfifo", d.resolve("persons.csv").toString()).start();
        assertThat(mk.waitFor()).isZero();
        ImportHarness.Run dir = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> h.importPaths(d));
        assertThat(dir.code()).isEqualTo(2);
        assertThat(dir.err()).contains("persons.csv: a named pipe (FIFO), not a regular file");
        ImportHarness.Run file = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> h.importPaths(d.resolve("persons.csv")));
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.err()).contains("a named pipe (FIFO)");
    }

    @Test
    void aRejectedRowsFileThatCannotBeWrittenNamesTheFileAndChangesNothing() throws Exception {
        Path f = h.write("w/persons.csv", "person_id,name_en,gender\nP1,A,M\nP2,B,nonsense\n");
        // something in the way of the hidden temporary file: writing it fails as on a full or read-only disk
        Path w = tmp.resolve("w");
        try (Stream<Path> files = Files.list(w)) {
            assertThat(files.count()).isEqualTo(1);
        }
        Files.createDirectories(w.resolve("persons.rejected.csv"));
        Files.writeString(w.resolve("persons.rejected.csv/x"), "keep");
        ImportHarness.Run r = h.importPaths(f);
        // the final file cannot replace a folder: a warning after the commit, never a crash
        assertThat(r.code()).as(r.out() + r.err()).isIn(1, 2);
        assertThat(r.err()).doesNotContain("internal error");
        if (!"root".equals(System.getProperty("user.name"))) {
            Path ro = tmp.resolve("ro");
            h.write("ro/persons.csv", "person_id,name_en,gender\nP7,A,M\nP8,B,nonsense\n");
            ro.toFile().setWritable(false);
            try {
                ImportHarness.Run x = h.importPaths(ro.resolve("persons.csv"));
                assertThat(x.code()).isEqualTo(2);
                assertThat(x.err()).contains("persons.rejected.csv: cannot write the rejected-rows file (permission denied)");
                assertThat(h.count("SELECT count(*) FROM persons WHERE person_id = 'P7'")).isZero();
            } finally {
                ro.toFile().setWritable(true);
            }
        }
    }

    @Test
    void environmentFailuresAreSaidInWordsAndMappedToKinds() {
        IOException full = new IOException("No space left on device");
        assertThat(Environment.why(full)).isEqualTo("no space left on device (the disk is full)");
        HaiguiException store = Environment.importFailed(new java.sql.SQLException("IO Error: Could not write file \"x.duckdb.wal\": No space left on device"), "x.duckdb");
        assertThat(store.kind()).isEqualTo(HaiguiException.Kind.STORE);
        assertThat(store.getMessage()).isEqualTo("x.duckdb: cannot write the store (no space left on device (the disk is full)); nothing was changed");
        HaiguiException file = Environment.importFailed(new java.nio.file.AccessDeniedException("/in/.persons.rejected.csv.tmp"), "x.duckdb");
        assertThat(file.kind()).isEqualTo(HaiguiException.Kind.INPUT);
        assertThat(file.getMessage()).contains("/in/.persons.rejected.csv.tmp: permission denied");
        HaiguiException rej = RejectedRows.cannotWrite(Path.of("/in/persons.rejected.csv"), full);
        assertThat(rej.kind()).isEqualTo(HaiguiException.Kind.INPUT);
        assertThat(rej.getMessage()).startsWith("/in/persons.rejected.csv: cannot write the rejected-rows file (no space left on device");
    }

    // ------------------------------------------------------------------ shapes, encodings, contents (items 7-11)

    @Test
    void aRowCutShortIsARowError() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en,gender\nP1,A,M\nP2,B");
        ImportHarness.Run r = h.importPaths(f);
        assertThat(r.code()).isEqualTo(1);
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P1"));
        assertThat(Files.readString(tmp.resolve("persons.rejected.csv"))).contains("row 3: the row has 2 fields but the header has 3");
    }

    @Test
    void invisibleCharactersInIdsAreStripped() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en\nP000000001,A\n");
        assertThat(h.importPaths(f).code()).isZero();
        Path g = h.write("again/persons.csv", "person_id,name_en\n\uFEFFP000000001,A\nP0000\u200B00001,A\n");
        ImportHarness.Run r = h.importPaths(g);
        assertThat(r.out() + r.err()).contains("rejected"); // the second is the same key again: the last one wins
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P000000001"));
    }

    @Test
    void utf8ReadAsGb18030IsRefusedWithAHint() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_zh\nP1,张三\nP2,李四\n");
        ImportHarness.Run r = h.cli("import", f.toString(), "--encoding", "GB18030");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.csv: the file is UTF-8, not GB18030").contains("without --encoding GB18030");
        assertThat(Files.exists(h.db) ? h.count("SELECT count(*) FROM persons") : 0).isZero();
        // a real GB18030 file still imports
        h.write("persons.csv", "person_id,name_zh\nP1,张三\nP2,李四\n", Charset.forName("GB18030"));
        assertThat(h.cli("import", f.toString(), "--encoding", "GB18030").code()).isZero();
        assertThat(h.rows("SELECT name_zh FROM persons ORDER BY 1")).containsExactly(List.of("张三"), List.of("李四"));
    }

    @Test
    void formulaCellsAreNeutralisedInRejectedFilesAndReadBackAsWritten() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en,gender\nP1,=cmd|' /C calc'!A0,bad\nP2,@SUM(A1),M\nP3,+1+cmd,X\nP4,-12.5,M\n");
        assertThat(h.importPaths(f).code()).isEqualTo(1);
        String rejected = Files.readString(tmp.resolve("persons.rejected.csv"));
        assertThat(rejected).contains("'=cmd|' /C calc'!A0").contains("'+1+cmd");
        for (String line : rejected.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell.isEmpty() ? ' ' : cell.charAt(0)).as(line).isNotIn('=', '+', '-', '@', '\t', '\r');
            }
        }
        // corrected and imported again: the values are as the user wrote them
        Files.createDirectories(tmp.resolve("fixed"));
        Path fixed = tmp.resolve("fixed/persons.rejected.csv");
        Files.writeString(fixed, rejected.replace(",bad,", ",M,").replace(",X,", ",F,"));
        ImportHarness.Run again = h.importPaths(fixed);
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(h.rows("SELECT person_id, name_en FROM persons ORDER BY 1"))
            .containsExactly(List.of("P1", "=cmd|' /C calc'!A0"), List.of("P2", "@SUM(A1)"), List.of("P3", "+1+cmd"), List.of("P4", "-12.5"));
    }

    @Test
    void aFileThatChangesBetweenTheTwoReadingsIsRefused() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en,gender\nP1,A,M\nP2,B,nonsense\nP3,C,F\n");
        Progress rewrite = new Progress() {
            @Override
            public void start(String label, long total) {
            }

            @Override
            public void advance(long done) {
            }

            @Override
            public void finish() {
                try { // another program rewrites the file after the first reading
                    Files.writeString(f, "person_id,name_en,gender\nP1,A,M\nP9,Z,nonsense\nP3,C,F\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (Store store = Store.open(h.db)) {
            Importer importer = new Importer(store, ImportOptions.forCity(City.load("shanghai")), rewrite);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.run(List.of(f)))
                .isInstanceOf(HaiguiException.class).hasMessageContaining("persons.csv: the file changed while it was being imported")
                .extracting(e -> ((HaiguiException) e).kind()).isEqualTo(HaiguiException.Kind.INPUT);
        }
        assertThat(h.count("SELECT count(*) FROM persons")).isZero();
        assertThat(h.count("SELECT count(*) FROM quarantine")).isZero();
    }

    // ------------------------------------------------------------------ the smaller ones (item 12)

    @Test
    void controlCharactersInTextAreRefused() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en\nP1,A\u0000B\nP2,C\u0007D\nP3,\"D\tE\"\n");
        assertThat(h.importPaths(f).code()).isEqualTo(1);
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P3"));
        assertThat(Files.readString(tmp.resolve("persons.rejected.csv"))).contains("control character U+0000");
    }

    @Test
    void aResubmittedRejectedFileKeepsOneErrorsColumnAndLongValuesAreCut() throws Exception {
        String longValue = "x".repeat(5_000);
        Path f = h.write("persons.csv", "person_id,name_en,gender\nP1,A," + longValue + "\n");
        h.importPaths(f);
        Path rejected = tmp.resolve("persons.rejected.csv");
        String first = Files.readString(rejected);
        assertThat(first).contains("x".repeat(200) + "... (5000 characters)").hasSizeLessThan(11_000);
        Path again = Files.createDirectories(tmp.resolve("again")).resolve("persons.rejected.csv");
        Files.copy(rejected, again);
        h.importPaths(again);
        String second = Files.readString(tmp.resolve("again/persons.rejected.csv"));
        assertThat(second.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFperson_id,name_en,gender,errors");
    }

    @Test
    void aRowWithTooManyFieldsKeepsTheExtraFieldsInTheRejectedFiles() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en\nP1,Ann,extra one,extra two\nP2,Bo\n");
        assertThat(h.importPaths(f).code()).isEqualTo(1);
        List<String> lines = Files.readAllLines(tmp.resolve("persons.rejected.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("\uFEFFperson_id,name_en,errors");
        assertThat(lines.get(1)).startsWith("P1,Ann,row 2: the row has 4 fields but the header has 2").endsWith(",extra one,extra two");
        // imported again as it is, the row is rejected again with its extra fields still there
        Path again = Files.createDirectories(tmp.resolve("again")).resolve("persons.rejected.csv");
        Files.copy(tmp.resolve("persons.rejected.csv"), again);
        assertThat(h.importPaths(again).code()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("again/persons.rejected.csv"))).contains(",extra one,extra two");
    }

    @Test
    void undecodableBytesAreGivenBackAsTheyWereAndShownAsHex() throws Exception {
        Path f = tmp.resolve("persons.csv");
        byte[] row = concat("P1,A".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0xC3},
            "B\nP2,Bo\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(f, concat("person_id,name_en\n".getBytes(StandardCharsets.US_ASCII), row));
        assertThat(h.importPaths(f).code()).isEqualTo(1);
        byte[] rejected = Files.readAllBytes(tmp.resolve("persons.rejected.csv"));
        // the row's bytes, as in the input, undecodable ones included
        assertThat(indexOf(rejected, concat("P1,A".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0xC3},
            "B,".getBytes(StandardCharsets.US_ASCII)))).isGreaterThan(0);
        assertThat(new String(rejected, StandardCharsets.ISO_8859_1)).doesNotContain("\u00EF\u00BF\u00BD"); // no U+FFFD
        assertThat(h.rows("SELECT row_data FROM quarantine").get(0).get(0)).contains("A\\\\xFF\\\\xC3B");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aDuplicateWithinOneImportLeavesNoUnresolvedEntry() throws Exception {
        Path f = h.write("persons.csv", "person_id,name_en\nP1,First\nP1,Second\n");
        assertThat(h.importPaths(f).code()).isEqualTo(1);
        assertThat(h.rows("SELECT name_en FROM persons")).containsExactly(List.of("Second"));
        assertThat(h.count("SELECT count(*) FROM quarantine")).isEqualTo(1);
        assertThat(h.count("SELECT count(*) FROM quarantine WHERE resolved_batch_id IS NULL")).isZero();
    }

    @Test
    void theGb18030HintIsNotGivenWhenTheFileWasReadAsGb18030() throws Exception {
        // bytes that are valid neither as UTF-8 nor as GB18030 (0xFF)
        Path f = tmp.resolve("persons.csv");
        Files.write(f, concat("person_id,name_en\nP1,".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0x80},
            "\n".getBytes(StandardCharsets.US_ASCII)));
        h.cli("import", f.toString(), "--encoding", "GB18030");
        String rejected = new String(Files.readAllBytes(tmp.resolve("persons.rejected.csv")), Charset.forName("GB18030"));
        assertThat(rejected).contains("not valid GB18030").doesNotContain("try --encoding GB18030");
    }

    @Test
    void aSymlinkLoopIsSaidAsSuch() throws Exception {
        Path a = tmp.resolve("persons.csv");
        Path b = tmp.resolve("b.csv");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        ImportHarness.Run r = h.importPaths(a);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a symbolic link that leads nowhere");
    }

    @Test
    void excelsPhantomLeapDayIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.date("60", false, true))
            .hasMessageContaining("29 February 1900");
        org.assertj.core.api.Assertions.assertThatCode(() -> Values.date("61", false, true)).doesNotThrowAnyException();
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private ProcessBuilder child(List<String> args) {
        ProcessBuilder pb = Child.cli(tmp, args.toArray(String[]::new));
        pb.environment().put(Importer.PHASES_ENV, "1");
        return pb;
    }

    /** Kills the child as soon as it prints that line; true if it did. */
    private boolean killAt(ProcessBuilder pb, String marker) throws Exception {
        return Child.killAt(tmp, pb, marker).reached();
    }
}
