package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.testing.Child;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traps of issue 12 ("an analyst's year without traps"), each tried as a new user would, on the
 * real CLI and a real store: every test here failed before its fix.
 */
class AnalystTrapsTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String ID1 = "110101199003078670";
    static final String ID2 = "440308199901101512";
    static final String PERSONS_HEADER = "person_id,id_number,name_zh,name_en,gender,birth_date,highest_degree,field\n";

    Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A small city: two persons, their episodes and moves (newest date 2014-07-01). */
    Path smallCity() throws Exception {
        write("in/persons.csv", PERSONS_HEADER + "P1," + ID1 + ",张三,Zhang San,M,,master,06\nP2," + ID2 + ",李四,,,,doctorate,05\n");
        write("in/overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n"
            + "E1,P1,study,MIT,US,2012-09,2014-06,master\nE2,P2,work,Google,US,2010,2013-05,\n");
        write("in/city_moves.csv", "move_id,person_id,date,event,district\nM1,P1,2014-07-01,arrive,310104\nM2,P2,2013-06-01,arrive,310115\n");
        return tmp.resolve("in");
    }

    Path importedCity() throws Exception {
        Path db = tmp.resolve("city.duckdb");
        Run r = run("import", smallCity().toString(), "--db", db.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return db;
    }

    static long count(Path db, String sql) throws Exception {
        try (Store s = Store.openReadOnly(db); var c = s.reader(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ 1: never overwrite without --force

    @Test
    void defect1_templatesNeverOverwriteAFilledInFile() throws Exception {
        Path dir = tmp.resolve("tpl");
        Path persons = write("tpl/persons.csv", PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n");
        String filled = Files.readString(persons);
        Run r = run("schema", "--templates", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(persons.toString()).contains("--force").doesNotContain("Exception");
        assertThat(Files.readString(persons)).isEqualTo(filled);
        // nothing at all was written: not the other templates either
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(persons);
        }
        Run forced = run("schema", "--templates", dir.toString(), "--force");
        assertThat(forced.code()).isZero();
        assertThat(Files.readString(persons)).doesNotContain("P1");
        // into an empty or new folder: no --force needed
        assertThat(run("schema", "--templates", tmp.resolve("fresh").toString()).code()).isZero();
    }

    @Test
    void defect1_synthNeverOverwritesData() throws Exception {
        Path persons = write("syn/persons.csv", PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n");
        String filled = Files.readString(persons);
        Run r = run("synth", "--out", tmp.resolve("syn").toString(), "--persons", "50");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(persons.toString()).contains("--force");
        assertThat(Files.readString(persons)).isEqualTo(filled);
        assertThat(run("synth", "--out", tmp.resolve("syn").toString(), "--persons", "50", "--force").code()).isZero();
    }

    @Test
    void defect1_indicatorsAndCandidatesNeverOverwriteAFile() throws Exception {
        Path db = importedCity();
        Path mine = write("mine.csv", "my own work\n");
        Run r = run("indicators", "--db", db.toString(), "--out", mine.toString(), "--only", "stock");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(mine.toString()).contains("--force");
        assertThat(Files.readString(mine)).isEqualTo("my own work\n");
        Run u = run("institutions", "unmatched", "--db", db.toString(), "--csv", mine.toString());
        assertThat(u.code()).isEqualTo(2);
        assertThat(Files.readString(mine)).isEqualTo("my own work\n");
        assertThat(run("indicators", "--db", db.toString(), "--out", mine.toString(), "--only", "stock", "--force").code()).isZero();
        assertThat(Files.readString(mine)).startsWith("\uFEFFindicator,");
    }

    // ------------------------------------------------------------------ 2: outputs checked before the work

    @Test
    void defect2_aMissingOutputFolderIsAClearErrorUpFront() throws Exception {
        Path db = importedCity();
        Path out = tmp.resolve("no/such/folder/ind.csv");
        Run r = run("indicators", "--db", db.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(tmp.resolve("no/such/folder").toString()).contains("does not exist")
            .doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ")
            .doesNotContain("omitted"); // checked before the work: nothing was computed
        Run u = run("institutions", "unmatched", "--db", db.toString(), "--csv", out.toString());
        assertThat(u.code()).isEqualTo(2);
        assertThat(u.err()).contains("does not exist").doesNotContain("internal error");
        assertThat(u.out()).isEmpty();
    }

    // ------------------------------------------------------------------ 3: rows_accepted = rows stored

    @Test
    void defect3_rowsAcceptedIsRowsStoredAndReimportsDoNotDoubleIt() throws Exception {
        Path db = importedCity();
        assertThat(run("import", tmp.resolve("in").toString(), "--db", db.toString()).code()).isZero();
        assertThat(run("import", tmp.resolve("in").toString(), "--db", db.toString()).code()).isZero();
        Run r = run("indicators", "--db", db.toString(), "--only", "data.rows_accepted");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("data.rows_accepted,,,table,persons,2,").contains("data.rows_accepted,,,table,city_moves,2,")
            .contains("data.rows_accepted,,,,,6,");
    }

    // ------------------------------------------------------------------ 4: as-of

    @Test
    void defect4_anAsOfAfterTheNewestDataIsRefusedUnlessAllowed() throws Exception {
        Path db = importedCity();
        Run r = run("indicators", "--db", db.toString(), "--as-of", "2030-01-01", "--only", "stock");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2030-01-01").contains("2014-07-01").contains("--allow-future");
        assertThat(r.out()).isEmpty();
        Run allowed = run("indicators", "--db", db.toString(), "--as-of", "2030-01-01", "--only", "stock", "--allow-future");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.err()).contains("as of 2030-01-01").contains("after the newest");
    }

    @Test
    void defect4_theAsOfUsedIsPrintedOnEveryOutput() throws Exception {
        Path db = importedCity();
        Run r = run("indicators", "--db", db.toString(), "--only", "stock");
        assertThat(r.code()).as(r.err()).isZero();
        // the default is the newest date in the store, not the machine's today
        assertThat(r.err()).contains("as of 2014-07-01");
        Path out = tmp.resolve("ind.csv");
        Run f = run("indicators", "--db", db.toString(), "--only", "stock", "--as-of", "2014-01-01", "--out", out.toString());
        assertThat(f.err()).contains("as of 2014-01-01");
        Run t = run("ties", "--indicators", "--db", db.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.err()).contains("as of 2014-07-01");
        assertThat(run("ties", "--indicators", "--db", db.toString(), "--as-of", "2031-01-01").code()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ 5: failing or dry-run imports create nothing

    @Test
    void defect5_aFailingOrDryRunImportCreatesNoStoreAndNoKey() throws Exception {
        Path db = tmp.resolve("new/city.duckdb");
        Path bad = write("bad/persons.csv", "who,what\n1,2\n");
        Run r = run("import", bad.toString(), "--db", db.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(tmp.resolve("new")).doesNotExist();
        Run d = run("import", smallCity().toString(), "--db", db.toString(), "--dry-run");
        assertThat(d.code()).as(d.out() + d.err()).isZero();
        assertThat(d.out()).contains("dry run");
        assertThat(tmp.resolve("new")).doesNotExist();
        // a real import creates both
        assertThat(run("import", tmp.resolve("in").toString(), "--db", db.toString()).code()).isZero();
        assertThat(db).exists();
        assertThat(tmp.resolve("new/city.duckdb.key")).exists();
    }

    // ------------------------------------------------------------------ 6: title rows, the header found, all bad files

    @Test
    void defect6_aTitleRowAboveTheHeaderIsSkippedInCsvAsInXlsx() throws Exception {
        Path f = write("t/persons.csv", "2021年海归人员名单,,,\n\n" + PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n");
        Path db = tmp.resolve("t.duckdb");
        Run r = run("import", f.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("row(s) above the header (row 3) skipped as titles");
        assertThat(count(db, "SELECT count(*) FROM persons")).isEqualTo(1);
    }

    @Test
    void defect6_everyBadFileIsReportedAtOnceWithTheHeaderFound() throws Exception {
        write("b/persons.csv", "who,what\n1,2\n");
        write("b/city_moves.csv", "move,person\nM1,P1\n");
        Run r = run("import", tmp.resolve("b").toString(), "--db", tmp.resolve("b.duckdb").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.csv").contains("city_moves.csv")
            .contains("header found (row 1): who, what").contains("header found (row 1): move, person");
    }

    // ------------------------------------------------------------------ 7: a reference to a row rejected in the same import

    @Test
    void defect7_aReferenceToARowRejectedInTheSameImportSaysSoAndWhere() throws Exception {
        write("r/persons.csv", PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n1001,11010119900307867X,王五,,,,,\n");
        write("r/overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n"
            + "E1,1001,study,MIT,US,2012-09,2014-06,master\nE2,P9,study,MIT,US,2012-09,2014-06,master\n");
        Run r = run("import", tmp.resolve("r").toString(), "--db", tmp.resolve("r.duckdb").toString());
        assertThat(r.code()).isEqualTo(1);
        String rejected = Files.readString(tmp.resolve("r/overseas_episodes.rejected.csv"), StandardCharsets.UTF_8);
        assertThat(rejected).contains("the persons row with person_id = 1001 was rejected in this import (persons.csv row 3)")
            .doesNotContain("no persons row with person_id = 1001")
            // a key that is nowhere keeps the old message
            .contains("no persons row with person_id = P9 in the store or in this import");
    }

    // ------------------------------------------------------------------ 8: identity numbers stored as Excel numbers

    @Test
    void defect8_anIdentityNumberStoredAsAnExcelNumberSaysToFormatTheColumnAsText() throws Exception {
        Path book = tmp.resolve("x/book.xlsx");
        Files.createDirectories(book.getParent());
        try (var os = Files.newOutputStream(book)) {
            var wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
            var ws = wb.newWorksheet("persons");
            String[] h = PERSONS_HEADER.trim().split(",");
            for (int i = 0; i < h.length; i++) {
                ws.value(0, i, h[i]);
            }
            ws.value(1, 0, "P1");
            ws.value(1, 1, Double.parseDouble(ID1)); // what Excel does to an 18-digit number typed into a General cell
            ws.value(1, 2, "张三");
            ws.value(2, 0, "P2");
            ws.value(2, 1, ID2);
            ws.value(2, 2, "李四");
            wb.finish();
        }
        Run r = run("import", book.toString(), "--db", tmp.resolve("x.duckdb").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        String rejected = Files.readString(tmp.resolve("x/persons.rejected.csv"), StandardCharsets.UTF_8);
        assertThat(rejected).contains("Excel number").contains("format the column as text").doesNotContain("check character");
    }

    // ------------------------------------------------------------------ 9: institutions import --encoding

    @Test
    void defect9_institutionsImportReadsGb18030() throws Exception {
        Path db = importedCity();
        Path f = tmp.resolve("inst.csv");
        Files.write(f, "institution_id,name,country,aliases,kind\nX1,上海测试研究院,CN,测试院;沪测院,employer\n"
            .getBytes(java.nio.charset.Charset.forName("GB18030")));
        Run r = run("institutions", "import", f.toString(), "--db", db.toString(), "--encoding", "GB18030");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("1 institutions added");
        assertThat(count(db, "SELECT count(*) FROM institutions WHERE name = '上海测试研究院'")).isEqualTo(1);
        // without it, a clear hint
        Run u = run("institutions", "import", f.toString(), "--db", db.toString());
        assertThat(u.code()).isEqualTo(2);
        assertThat(u.err()).contains("--encoding GB18030");
    }

    // ------------------------------------------------------------------ 12: indicators for Excel

    @Test
    void defect12_indicatorFilesOpenInExcelWithTheirChineseAndTheirZeros() throws Exception {
        Path db = importedCity();
        Path csv = tmp.resolve("ind.csv");
        assertThat(run("indicators", "--db", db.toString(), "--only", "stock", "--out", csv.toString()).code()).isZero();
        byte[] b = Files.readAllBytes(csv);
        assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        // standard output has no mark
        assertThat(run("indicators", "--db", db.toString(), "--only", "stock").out()).startsWith("indicator,");
        Path xlsx = tmp.resolve("ind.xlsx");
        Run r = run("indicators", "--db", db.toString(), "--only", "stock", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            String strings = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), StandardCharsets.UTF_8);
            // field codes kept as text, with their zero; the as-of in the about sheet
            assertThat(strings).contains(">06<").contains(">05<").contains(">2014-07-01<");
        }
        assertThat(run("indicators", "--db", db.toString(), "--format", "xlsx").code()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ 13: the smaller ones

    @Test
    void defect13_aDayThatDoesNotExistIsNamedAsSuch() throws Exception {
        Path db = importedCity();
        Run r = run("indicators", "--db", db.toString(), "--as-of", "2021-02-30");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2021-02-30: that day does not exist").contains("2021-02 has 28 days");
        assertThat(run("indicators", "--db", db.toString(), "--as-of", "30/02/2021").err()).contains("must be a date YYYY-MM-DD");
    }

    @Test
    void defect13_gbkAndGb2312AreReadAsGb18030AndUtf16IsNamed() throws Exception {
        Path f = tmp.resolve("g/persons.csv");
        Files.createDirectories(f.getParent());
        Files.write(f, (PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n").getBytes(java.nio.charset.Charset.forName("GB18030")));
        for (String enc : List.of("GBK", "gb2312")) {
            Run r = run("import", f.toString(), "--db", tmp.resolve(enc + ".duckdb").toString(), "--encoding", enc);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }
        Path u = tmp.resolve("u/persons.csv");
        Files.createDirectories(u.getParent());
        Files.write(u, (PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n").getBytes(StandardCharsets.UTF_16LE));
        Run r = run("import", u.toString(), "--db", tmp.resolve("u.duckdb").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("UTF-16").contains("CSV UTF-8").doesNotContain("GB18030");
    }

    @Test
    void defect13_importHelpListsEveryExitCode() {
        Run r = run("import", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("3 the store is missing, in use");
    }

    @Test
    void defect13_demoSaysWhenPersonsIsIgnored() throws Exception {
        Path dir = smallCity();
        Run r = run("demo", "--dir", dir.toString(), "--persons", "1000", "--no-serve");
        assertThat(r.out()).contains("--persons 1000 is ignored");
    }

    @Test
    void defect13_benchReportsTheResidentMemoryBesideTheHeap() throws Exception {
        Run r = run("bench", "--persons", "300", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        long rss = root.get("total").get("peak_resident_bytes").asLong();
        assertThat(rss).isGreaterThan(root.get("total").get("peak_heap_bytes").asLong() / 4).isGreaterThan(10L << 20);
        for (var stage : root.get("stages")) {
            if (stage.get("built").asBoolean()) {
                assertThat(stage.get("peak_resident_bytes").asLong()).isPositive();
            }
        }
    }

    @Test
    void defect13_unmatchedHasHeadingsAndSuggestsNoUniversityForAnEmployer() throws Exception {
        write("e/persons.csv", PERSONS_HEADER + "P1," + ID1 + ",张三,,,,,\n");
        write("e/overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n"
            + "E1,P1,work,KPMG Australia,AU,2015,2016,\nE2,P1,study,Australian Lutheran Colege,AU,2010,2012,master\n");
        Path db = tmp.resolve("e.duckdb");
        assertThat(run("import", tmp.resolve("e").toString(), "--db", db.toString()).code()).isZero();
        Run r = run("institutions", "unmatched", "--db", db.toString(), "--candidates", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("episodes  institution name");
        String employer = r.out().substring(r.out().indexOf("KPMG Australia"));
        employer = employer.contains("Australian Lutheran Colege") ? employer.substring(0, employer.indexOf("Australian Lutheran Colege"))
            : employer;
        assertThat(employer).doesNotContain("College").doesNotContain("University");
        // a name met in study episodes still gets university candidates
        assertThat(r.out()).contains("Australian Lutheran College");
    }

    @Test
    void defect13_schemaDefinesEveryValueType() {
        String doc = run("schema").out();
        for (String t : List.of("district", "industry", "field", "money", "partial date", "country list", "id number")) {
            assertThat(doc).as(t).containsPattern("\\n\\| " + t + " \\| [^|]{20,}\\|");
        }
    }

    // ------------------------------------------------------------------ 10: a store in use

    /** Holds a store open for writing until its standard input closes (a second process for the lock test). */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Store s = Store.open(Path.of(args[0]))) {
                System.out.println("holding");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait
                }
            }
        }
    }

    @Test
    void defect10_aStoreInUseSaysWhatHoldsItAndWhatToDo() throws Exception {
        Path db = importedCity();
        Process p = Child.of(tmp, List.of(), Holder.class.getName(), db.toString()).redirectOutput(ProcessBuilder.Redirect.PIPE)
            .redirectErrorStream(true).start();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                seen.add(line);
                if (line.equals("holding")) {
                    break;
                }
            }
            assertThat(seen).as("the holder started").contains("holding");
            for (Run r : List.of(run("import", tmp.resolve("in").toString(), "--db", db.toString()),
                run("status", "--db", db.toString()))) {
                assertThat(r.code()).isEqualTo(3);
                assertThat(r.err()).contains("in use").contains("PID " + p.pid()).contains("import")
                    .doesNotContain("Conflicting lock").doesNotContain("/bin/java").doesNotContain("IO Error");
            }
        } finally {
            p.getOutputStream().close();
            p.waitFor();
            Child.sweep(tmp);
        }
    }

    @Test
    void labelsInChineseOrEnglishFollowTheTidyColumns() throws Exception {
        Path db = importedCity();
        Run zh = run("indicators", "--db", db.toString(), "--only", "stock", "--labels", "zh");
        assertThat(zh.code()).as(zh.err()).isZero();
        String[] lines = zh.out().split("\n");
        assertThat(lines[0]).isEqualTo("indicator,period,group,breakdown,category,value,numerator,denominator,ci_low,ci_high,suppressed,"
            + "indicator_label,group_label,breakdown_label,category_label");
        assertThat(zh.out()).contains(",徐汇区").contains(",美国").contains(",硕士").contains(",信息与通信技术");
        Run en = run("indicators", "--db", db.toString(), "--only", "stock", "--labels", "en", "--format", "json");
        assertThat(en.out()).contains("\"category_label\":\"Xuhui\"").contains("\"category_label\":\"United States\"");
        // the tidy columns are those of the unlabelled output
        Run plain = run("indicators", "--db", db.toString(), "--only", "stock");
        assertThat(zh.out().lines().map(l -> l.replaceAll("(,[^,]*){4}$", "")).toList())
            .isEqualTo(plain.out().lines().toList());
        Run bad = run("indicators", "--db", db.toString(), "--labels", "fr");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--labels must be zh or en");
    }

    @Test
    void theReportIsAsOfTheNewestDateInTheStoreLikeTheIndicators() throws Exception {
        Path db = importedCity();
        Run r = run("report", "--db", db.toString(), "--lang", "en", "--out", tmp.resolve("rep").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("as of 2014-07-01 (the newest date in the store");
        assertThat(r.out()).contains("as of 2014-07-01");
        Run future = run("report", "--db", db.toString(), "--as-of", "2030-01-01", "--out", tmp.resolve("rep2").toString());
        assertThat(future.code()).isEqualTo(2);
        assertThat(tmp.resolve("rep2")).doesNotExist();
    }

    @Test
    void summariesInChineseOrEnglishWithLang() throws Exception {
        Path in = smallCity();
        Path db = tmp.resolve("lang.duckdb");
        Run zh = run("import", in.toString(), "--db", db.toString(), "--lang", "zh");
        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out()).contains("读入").contains("新增").contains("人员 persons").containsPattern("共 \\d+ 行，用时");
        assertThat(zh.out().lines().filter(l -> l.startsWith("表") || l.matches("\\p{IsHan}+ [a-z_]+ .*"))
            .map(l -> l.length() + l.codePoints().filter(Character::isIdeographic).count()).distinct()).hasSize(1);
        Run en = run("status", "--db", db.toString(), "--lang", "en");
        assertThat(en.out()).contains("import batches").contains("persons");
        Run st = run("status", "--db", db.toString(), "--lang", "zh");
        assertThat(st.out()).contains("数据库：").contains("导入批次").contains("隔离行");
        // the counts line up on a terminal, where a Chinese character takes two columns
        assertThat(st.out().lines().skip(1).map(l -> l.length() + l.codePoints().filter(Character::isIdeographic).count())
            .distinct()).hasSize(1);
        Run bad = run("status", "--db", db.toString(), "--lang", "fr");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--lang must be zh or en");
    }
}
