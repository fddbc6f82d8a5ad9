package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad inputs of the foundation issue (CSV side); each one names file, row and column. */
class BadInputTest {

    @TempDir
    Path tmp;
    ImportHarness h;

    @BeforeEach
    void setUp() {
        h = new ImportHarness(tmp);
    }

    private String rejected(String table) throws Exception {
        // leniently: a rejected row keeps the bytes that could not be decoded, as in the input
        return new String(Files.readAllBytes(tmp.resolve(table + ".rejected.csv")), StandardCharsets.UTF_8);
    }

    @Test
    void truncatedCsvEndsInsideAQuote() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER + "P1,,张三,,,,,\nP2,,\"李四 is cut off");
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(rejected("persons")).contains("row 3: the file ends inside a quoted field (unclosed quote: the file may be truncated)");
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P1"));
    }

    @Test
    void mixedLineEndingsBomAndMultiLineFields() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = ImportHarness.PERSONS_HEADER.replace("\n", "\r\n") + "P1,,张三,,,,,\rP2,,\"李\n四\",,,,,\r\nP3,,王五,,,,,\n";
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        Files.write(tmp.resolve("persons.csv"), all);
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(h.rows("SELECT person_id, name_zh FROM persons ORDER BY 1"))
            .containsExactly(List.of("P1", "张三"), List.of("P2", "李\n四"), List.of("P3", "王五"));
    }

    @Test
    void gb18030ReadAsUtf8IsRejectedWithRowNumbersAndNoMojibake() throws Exception {
        Charset gb = Charset.forName("GB18030");
        h.write("persons.csv", ImportHarness.PERSONS_HEADER + "P1,,Zhang,,,,,\nP2,,张三,,,,,\nP3,,李四,,,,,\n", gb);
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).isEqualTo(1);
        String rej = rejected("persons");
        assertThat(rej).contains("row 3: bytes that are not valid in the file's encoding (is the file GB18030? try --encoding GB18030)")
            .contains("row 4: bytes that are not valid");
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P1"));
        // quarantine keeps the undecodable row with \xHH for the bytes it could not decode; no canonical table has any
        assertThat(h.count("SELECT count(*) FROM persons WHERE name_zh LIKE '%\uFFFD%'")).isZero();

        // with the right encoding everything is accepted, and Chinese is stored as it should be
        ImportHarness.Run ok = h.cli("import", tmp.resolve("persons.csv").toString(), "--encoding", "GB18030");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(h.rows("SELECT name_zh FROM persons ORDER BY person_id"))
            .containsExactly(List.of("Zhang"), List.of("张三"), List.of("李四"));
    }

    @Test
    void missingRequiredColumnIsAFileErrorAndNothingChanges() throws Exception {
        h.write("persons.csv", "person_id,name_zh\nP1,张三\n");
        assertThat(h.importPaths(tmp.resolve("persons.csv")).code()).isZero();
        h.write("d/persons.csv", "person_id,name_zh\nP2,李四\n");
        h.write("d/overseas_episodes.csv", "episode_id,person_id,kind,country,start_date\nE1,P1,study,US,2010\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("d"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("overseas_episodes.csv: header of table overseas_episodes: missing required column institution (机构名称)");
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P1"));
    }

    @Test
    void duplicateHeadersAreAFileError() throws Exception {
        h.write("persons.csv", "person_id,name_zh,中文姓名\nP1,张三,张三\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.csv: header of table persons: columns 2 ('name_zh') and 3 ('中文姓名') are both name_zh");
    }

    @Test
    void unknownColumnsAreAWarning() throws Exception {
        h.write("persons.csv", "person_id,name_zh,remark\nP1,张三,x\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("warning: persons.csv: unknown column remark ignored");
    }

    @Test
    void aHundredThousandEmptyRowsAreSkippedAndCounted() throws Exception {
        StringBuilder sb = new StringBuilder(ImportHarness.PERSONS_HEADER);
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 2 == 0 ? ",,,,,,,\n" : "\n");
        }
        sb.append("P1,,张三,,,,,\n");
        h.write("persons.csv", sb.toString());
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("persons\\s+1\\s+1\\s+0\\s+0\\s+0\\s+100000");
        assertThat(h.single("SELECT blank_rows FROM import_batches")).isEqualTo("100000");
    }

    @Test
    void aCellStartingWithEqualsIsStoredAsText() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER + "P1,,=1+1,\"=HYPERLINK(\"\"http://x\"\"),\",,,,\n");
        assertThat(h.importPaths(tmp.resolve("persons.csv")).code()).isZero();
        assertThat(h.rows("SELECT name_zh, name_en FROM persons")).containsExactly(List.of("=1+1", "=HYPERLINK(\"http://x\"),"));
    }

    @Test
    void identityNumbersWithLowerCaseXAndFullWidthDigitsAreNormalised() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER
            + "P1,33010219200403064x,甲,,,,,\nP2,３３０１０２１９２００４０３０６４Ｘ,乙,,,,,\nP3,33010219200403064X,丙,,,,,\n");
        assertThat(h.importPaths(tmp.resolve("persons.csv")).code()).isZero();
        assertThat(h.count("SELECT count(DISTINCT id_hash) FROM persons")).isEqualTo(1);
        assertThat(h.count("SELECT count(*) FROM persons WHERE birth_date = DATE '1920-04-03' AND gender = 'F'")).isEqualTo(3);
    }

    @Test
    void fullWidthDigitsInNumbersAndDatesAreNormalised() throws Exception {
        h.write("enterprises.csv", "enterprise_id,name_zh,founded_date,district,industry\nE1,甲,２０１０－０１－０２,３１０１１５,Ｃ３９７６\n");
        assertThat(h.importPaths(tmp.resolve("enterprises.csv")).code()).isZero();
        assertThat(h.rows("SELECT CAST(founded_date AS VARCHAR), district, industry FROM enterprises"))
            .containsExactly(List.of("2010-01-02", "310115", "C3976"));
    }

    @Test
    void creditCodeWithIOrOIsRejected() throws Exception {
        h.write("enterprises.csv", "enterprise_id,credit_code,name_zh,founded_date,district,industry\n"
            + "E1,91310115591693856A,甲,2010-01-01,310115,C3976\nE2,9131011559169385OA,乙,2010-01-01,310115,C3976\n"
            + "E3,913I0115591693856A,丙,2010-01-01,310115,C3976\n");
        h.importPaths(tmp.resolve("enterprises.csv"));
        assertThat(rejected("enterprises")).contains("row 3: credit_code '9131011559169385OA': credit code: character 17 'O' is not allowed")
            .contains("row 4: credit_code '913I0115591693856A': credit code: character 4 'I' is not allowed");
    }

    @Test
    void aRowWithTooManyFieldsIsRejected() throws Exception {
        h.write("persons.csv", "person_id,name_zh\nP1,张三,extra\nP2,李四,\n");
        h.importPaths(tmp.resolve("persons.csv"));
        assertThat(rejected("persons")).contains("row 2: the row has 3 fields but the header has 2");
        assertThat(h.rows("SELECT person_id FROM persons")).containsExactly(List.of("P2"));
    }

    @Test
    void fileErrorsExitWithTwo() throws Exception {
        assertThat(h.importPaths(tmp.resolve("nothing-here.csv")).err()).contains("nothing-here.csv: no such file or directory");
        h.write("notes.csv", "a,b\n1,2\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("notes.csv"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.csv: cannot tell which table this file holds");
        h.write("persons.csv", "");
        assertThat(h.importPaths(tmp.resolve("persons.csv")).err()).contains("persons.csv: the file is empty (no header row)");
        assertThat(h.cli("import", tmp.resolve("persons.csv").toString(), "--encoding", "latin1").code()).isEqualTo(2);
        assertThat(h.cli("import").code()).isEqualTo(2);
        assertThat(h.cli("import", "--bogus", "x").code()).isEqualTo(2);
    }
}
