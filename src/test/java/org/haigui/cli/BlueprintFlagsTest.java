package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --survey}, {@code --blueprint} on import and indicators, and {@code blueprint unmatched}, on real stores. */
class BlueprintFlagsTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importWithASurveyDefinitionRejectsBadAnswers() throws Exception {
        Path csv = dir.resolve("survey.csv");
        Files.writeString(csv, String.join("\n",
            "respondent_id,question,answer,weight",
            "R1,overseas_resources,tech_advantage;form_team,1.5",     // two options of a multiple-choice question: fine
            "R1,senior_position_abroad,yes,1.5",
            "R2,overseas_resources,moonshot,2",                         // not an option of the question
            "R2,senior_position_abroad,yes;no,2",                       // two options for a single-choice question
            "R3,favourite_colour,blue,1",                               // a question the definition does not have
            ""), StandardCharsets.UTF_8);
        Path db = dir.resolve("s.duckdb");
        Run r = run("import", csv.toString(), "--db", db.toString(), "--survey", "entrepreneurs2021");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        String rejected = Files.readString(dir.resolve("survey.rejected.csv"), StandardCharsets.UTF_8);
        assertThat(rejected).contains("moonshot").contains("not an option of question overseas_resources: moonshot");
        assertThat(rejected).contains("single choice but the answer has 2 options");
        assertThat(rejected).contains("question favourite_colour is not in survey entrepreneurs2021");
        assertThat(rejected.lines().count()).isEqualTo(4); // header + 3 rejected rows
        try (Store s = Store.openReadOnly(db); Statement st = s.reader().createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM survey")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
        // without a definition the same answers are stored as given
        Path db2 = dir.resolve("s2.duckdb");
        Files.delete(dir.resolve("survey.rejected.csv"));
        Run r2 = run("import", csv.toString(), "--db", db2.toString());
        assertThat(r2.code()).as(r2.out() + r2.err()).isZero();
    }

    @Test
    void importChecksDistrictsAgainstTheBlueprintsCity() throws Exception {
        Path csv = dir.resolve("enterprises.csv");
        // 440305 is a Shenzhen district (Nanshan), not a Shanghai one
        Files.writeString(csv, "enterprise_id,name_zh,founded_date,district,industry\nE1,甲,2015-01-01,440305,C3976\n",
            StandardCharsets.UTF_8);
        Run sh = run("import", csv.toString(), "--db", dir.resolve("a.duckdb").toString(), "--dry-run");
        assertThat(sh.code()).isEqualTo(1);
        Run sz = run("import", csv.toString(), "--db", dir.resolve("b.duckdb").toString(), "--blueprint", "shenzhen", "--dry-run");
        assertThat(sz.code()).as(sz.out() + sz.err()).isZero();
        Run bad = run("import", csv.toString(), "--db", dir.resolve("c.duckdb").toString(), "--blueprint", "no/such.yaml");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no/such.yaml");
    }

    @Test
    void unmatchedListsZoneNamesThatNameNoKeyZoneMostFrequentFirst() throws Exception {
        Path db = dir.resolve("z.duckdb");
        try (Store s = Store.open(db); Statement st = s.writer().createStatement()) {
            st.execute("INSERT INTO enterprises (enterprise_id, name_zh, founded_date, district, zone, industry, batch_id) VALUES"
                + " ('E1', 'a', DATE '2015-01-01', '310115', '张江', 'C3976', 1),"          // an alias: matched
                + " ('E2', 'a', DATE '2015-01-01', '310115', 'ZHANGJIANG hi-tech park', 'C3976', 1),"
                + " ('E3', 'a', DATE '2015-01-01', '310115', '张江高科园', 'C3976', 1),"   // a spelling the blueprint lacks
                + " ('E4', 'a', DATE '2015-01-01', '310115', '张江高科园', 'C3976', 1),"
                + " ('E5', 'a', DATE '2015-01-01', '310104', 'Moon Base', 'C3976', 1),"
                + " ('E6', 'a', DATE '2015-01-01', '310104', NULL, 'C3976', 1)");
        }
        Run r = run("blueprint", "unmatched", "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("2 zone names (3 enterprises) match no key zone");
        assertThat(lines[1]).contains("2  张江高科园  ->  zhangjiang");
        assertThat(lines[2]).contains("1  Moon Base");
        assertThat(r.out()).doesNotContain("ZHANGJIANG hi-tech park");
    }
}
