package org.haigui.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.haigui.cli.Main;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.schema.Column;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthTest {

    @TempDir
    Path tmp;

    private SynthResult gen(Path dir, long persons) {
        return Synthesizer.generate(SynthOptions.defaults(dir).withPersons(persons), Progress.NONE);
    }

    @Test
    void cleanOutputFollowsEveryRuleOfTheFormat() throws Exception {
        Path dir = tmp.resolve("clean");
        SynthResult r = gen(dir, 8_000);
        for (Table t : Schema.tables()) {
            List<String> lines = Files.readAllLines(dir.resolve(t.name() + ".csv"), StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo(String.join(",", t.columns().stream().map(Column::name).toList()));
            assertThat(lines.size() - 1L).as(t.name()).isEqualTo(r.rows().get(t.name())).isPositive();
        }
        RuleCheck rc = RuleCheck.check(dir);
        assertThat(rc.rejected).as("rows a strict reading of data-format.md rejects").isEmpty();
        // identity numbers are drawn per person (area, birth date, a sequence partly from the person index):
        // two persons can share one, as in real registries, but rarely
        assertThat(rc.duplicateIdNumbers.getOrDefault("persons", 0L)).isLessThanOrEqualTo(8L);
        assertThat(Files.exists(dir.resolve(Synthesizer.DIRTY_FILE))).isFalse();
    }

    @Test
    void hasTheStructureOfRealRecords() throws Exception {
        Path dir = tmp.resolve("structure");
        gen(dir, 20_000);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("s.duckdb"))) {
            CalibrationSql.measure(c, dir);
            // people who come back twice, people who left, people still abroad
            assertThat(CalibrationSql.one(c, "SELECT count(*) FROM (SELECT person_id FROM arrivals GROUP BY 1 HAVING count(*) >= 2)")).isGreaterThan(50);
            assertThat(CalibrationSql.one(c, "SELECT count(DISTINCT person_id) FROM mv WHERE event = 'leave'")).isGreaterThan(500);
            assertThat(CalibrationSql.one(c, "SELECT count(*) FROM ep WHERE e IS NULL")).isGreaterThan(100);
            // study then work abroad; countries weighted as Chinese students go
            assertThat(CalibrationSql.one(c, "SELECT count(*) FROM (SELECT person_id FROM ep GROUP BY 1 "
                + "HAVING min(CASE WHEN kind = 'study' THEN s END) < max(CASE WHEN kind = 'work' THEN s END))")).isGreaterThan(2000);
            List<String> top = strings(c, "SELECT country FROM overseas_episodes WHERE kind = 'study' GROUP BY 1 ORDER BY count(*) DESC LIMIT 3");
            assertThat(top).containsExactly("US", "GB", "AU");
            // the same institution written in several ways, Chinese included
            assertThat(strings(c, "SELECT DISTINCT institution FROM overseas_episodes WHERE institution IN "
                + "('Massachusetts Institute of Technology', 'MIT', 'MASSACHUSETTS INSTITUTE OF TECHNOLOGY', '麻省理工学院', 'The Massachusetts Institute of Technology')"))
                .hasSizeGreaterThanOrEqualTo(4);
            // a comparison group: firms whose founders never went abroad
            assertThat(CalibrationSql.one(c, "SELECT count(*) FROM firms WHERE enterprise_id NOT IN (SELECT enterprise_id FROM rfirms)")).isGreaterThan(200);
            // founding-team ties: two members of a team at the same institution (as written) with overlapping study
            double tied = CalibrationSql.one(c, "SELECT count(DISTINCT a.enterprise_id) FROM enterprise_people a "
                + "JOIN enterprise_people b ON a.enterprise_id = b.enterprise_id AND a.person_id < b.person_id "
                + "JOIN overseas_episodes x ON x.person_id = a.person_id JOIN overseas_episodes y ON y.person_id = b.person_id "
                + "WHERE x.kind = y.kind AND x.country = y.country AND lower(trim(x.institution)) = lower(trim(y.institution)) "
                + "AND pdate(x.start_date) <= pdate(y.end_date) AND pdate(y.start_date) <= pdate(x.end_date)");
            double teams = CalibrationSql.one(c, "SELECT count(*) FROM (SELECT enterprise_id FROM enterprise_people GROUP BY 1 HAVING count(*) >= 2)");
            assertThat(tied).isGreaterThan(30).isLessThan(teams * 0.6);
            // skewed firm sizes: a few big firms, many small ones
            double p50 = CalibrationSql.one(c, "SELECT median(CAST(employees AS INTEGER)) FROM enterprise_years WHERE year = '2020'");
            double p99 = CalibrationSql.one(c, "SELECT quantile_cont(CAST(employees AS INTEGER), 0.99) FROM enterprise_years WHERE year = '2020'");
            assertThat(p99).isGreaterThan(8 * p50);
            // district codes of Shanghai only, key zones written several ways
            assertThat(CalibrationSql.one(c, "SELECT count(DISTINCT zone) FROM enterprises")).isGreaterThan(15);
            // English names carry the pinyin of the Chinese name's surname
            assertThat(CalibrationSql.one(c, "SELECT count(*) FROM persons WHERE name_zh LIKE '张%' AND name_en IS NOT NULL "
                + "AND lower(name_en) NOT LIKE '%zhang%'")).isZero();
        }
    }

    @Test
    void sameSeedGivesTheSameBytesWhateverTheThreads() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        Synthesizer.generate(SynthOptions.defaults(a).withPersons(3_000).withThreads(1).withDirtyRate(0.02), Progress.NONE);
        Synthesizer.generate(SynthOptions.defaults(b).withPersons(3_000).withThreads(3).withDirtyRate(0.02), Progress.NONE);
        Synthesizer.generate(SynthOptions.defaults(c).withPersons(3_000).withSeed(7).withDirtyRate(0.02), Progress.NONE);
        for (Table t : Schema.tables()) {
            String f = t.name() + ".csv";
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        assertThat(Files.readAllBytes(a.resolve(Synthesizer.DIRTY_FILE))).isEqualTo(Files.readAllBytes(b.resolve(Synthesizer.DIRTY_FILE)));
        assertThat(Files.readAllBytes(a.resolve("persons.csv"))).isNotEqualTo(Files.readAllBytes(c.resolve("persons.csv")));
        // a smaller population is a prefix of a larger one (blocks do not depend on the total)
        Path d = tmp.resolve("d");
        Path e = tmp.resolve("e");
        gen(d, 1_000);
        gen(e, 3_000);
        List<String> small = Files.readAllLines(d.resolve("persons.csv"));
        assertThat(small).isEqualTo(Files.readAllLines(e.resolve("persons.csv")).subList(0, small.size()));
    }

    @Test
    void xlsxIsOneWorkbookWithASheetPerTableAndFixedTimestamps() throws Exception {
        Path a = tmp.resolve("xa");
        Path b = tmp.resolve("xb");
        gen(a, 300); // CSV files of an earlier run in the same folder are replaced by the workbook
        SynthOptions o = SynthOptions.defaults(a).withPersons(1_500).withFormat(SynthOptions.Format.XLSX);
        SynthResult r = Synthesizer.generate(o, Progress.NONE);
        Thread.sleep(1_100); // a later second must not change a byte
        Synthesizer.generate(new SynthOptions(b, 1_500, o.seed(), SynthOptions.Format.XLSX, 0, 2), Progress.NONE);
        Path book = a.resolve(Synthesizer.WORKBOOK);
        assertThat(r.files()).containsExactly(book);
        assertThat(Files.readAllBytes(book)).isEqualTo(Files.readAllBytes(b.resolve(Synthesizer.WORKBOOK)));
        try (var s = Files.list(a)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(Synthesizer.WORKBOOK);
        }
        try (ZipFile z = new ZipFile(book.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                assertThat(e.getTimeLocal()).isEqualTo(Synthesizer.FIXED_TIME);
            }
            String wb = new String(z.getInputStream(z.getEntry("xl/workbook.xml")).readAllBytes(), StandardCharsets.UTF_8);
            for (Table t : Schema.tables()) {
                assertThat(wb).contains("name=\"" + t.name() + "\"");
            }
            String sheet1 = new String(z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sheet1).contains("person_id").contains("P000000001");
            String core = new String(z.getInputStream(z.getEntry("docProps/core.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(core).contains("2021-10-01T00:00:00Z");
        }
    }

    @Test
    void dirtyRowsAreExactlyTheRowsAStrictImportRejects() throws Exception {
        Path dir = tmp.resolve("dirty");
        SynthResult r = Synthesizer.generate(SynthOptions.defaults(dir).withPersons(6_000).withDirtyRate(0.04), Progress.NONE);
        List<String> lines = Files.readAllLines(dir.resolve(Synthesizer.DIRTY_FILE), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("table,row,column,kind,expected");
        Set<String> expectRejected = new TreeSet<>();
        Set<String> expectAccepted = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            (f[4].equals("rejected") ? expectRejected : expectAccepted).add(f[0] + ":" + f[1]);
            kinds.add(f[3]);
        }
        assertThat(kinds).contains("bad_check_digit", "impossible_date", "dangling_reference", "swapped_columns",
            "fullwidth_digits_in_id_number", Dirt.CASCADE, "thousands_separator", "bad_check_character");
        assertThat(expectRejected).hasSize((int) r.damaged());
        RuleCheck rc = RuleCheck.check(dir);
        assertThat(new TreeSet<>(rc.rejected.keySet())).isEqualTo(expectRejected);
        assertThat(expectAccepted).isNotEmpty().doesNotContainAnyElementsOf(rc.rejected.keySet());
        long total = r.totalRows();
        assertThat(expectRejected.size()).isBetween((int) (total * 0.03), (int) (total * 0.08));
    }

    @Test
    void commandWritesTheFilesAndRejectsBadFlags() throws Exception {
        Path dir = tmp.resolve("cli");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "synth", "--out", dir.toString(), "--persons", "500", "--seed", "3");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("persons", "500");
        assertThat(Files.exists(dir.resolve("survey.csv"))).isTrue();
        code = Main.run(new PrintWriter(out), new PrintWriter(err), "synth", "--out", dir.toString(), "--format", "ods");
        assertThat(code).isEqualTo(2);
        code = Main.run(new PrintWriter(out), new PrintWriter(err), "synth", "--out", dir.toString(), "--dirty", "1.5");
        assertThat(code).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                Synthesizer.generate(SynthOptions.defaults(dir).withPersons(2_000_000).withFormat(SynthOptions.Format.XLSX), Progress.NONE))
            .isInstanceOf(HaiguiException.class).hasMessageContaining("--format csv");
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

}
