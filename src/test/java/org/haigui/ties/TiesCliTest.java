package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.haigui.cli.Main;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiesCliTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void tiesInstitutionsAndUnmatchedFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("t.duckdb");
        try (Fixture f = new Fixture(dir)) {
            f.person("A").person("B");
            f.enterprise("E1", "2018-01-01", null).member("E1", "A", "founder", null).member("E1", "B", "founder", null);
            f.study("a1", "A", "Stanford University", "US", "2010-09-01", "2012-06-30", "master");
            f.study("b1", "B", "斯坦福大学", "US", "2012-06-30", "2014-06-30", "master");
            f.work("a2", "A", "Acme Robotics Inc.", "US", "2012-07-01", "2016-06-30");
            f.work("b2", "B", "ACME Robotics", "US", "2014-07-01", "2016-06-30");
            // more teams, so that the intervals are not degenerate
            f.person("C").person("D").person("G").person("H").person("I");
            f.enterprise("E2", "2017-03-01", null).member("E2", "C", "founder", null).member("E2", "D", "founder", null)
                .member("E2", "G", "core", "2017-06-01");
            f.study("c1", "C", "University of Oxford", "GB", "2008-09-01", "2012-06-30", "doctorate");
            f.study("d1", "D", "Oxford", "GB", "2011-09-01", "2012-06-30", "master");
            f.work("g1", "G", "Google", "US", "2013-01-01", "2015-12-31");
            f.enterprise("E3", "2019-05-01", null).member("E3", "H", "founder", null).member("E3", "I", "founder", null);
            f.study("h1", "H", "National University of Singapore", "SG", "2009-08-01", "2013-06-30", "bachelor");
            f.work("i1", "I", "Acme Robotics Inc.", "US", "2016-01-01", "2018-06-30");
            f.year("E1", 2020, "US").year("E2", 2020, "JP;GB").year("E3", 2021, "SG");
        }
        Run missing = run("ties", "--enterprise", "NOPE", "--db", db.toString(), "--as-of", "2021-12-31");
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.err()).contains("NOPE");

        Run usage = run("ties", "--db", db.toString());
        assertThat(usage.code()).isEqualTo(2);

        Run one = run("ties", "--enterprise", "E1", "--db", db.toString(), "--as-of", "2021-12-31");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("initial core team: 2 members, 2 tied")
            .contains("schoolmate at Stanford University / 斯坦福大学, overlap 2012-06-30 .. 2012-06-30 (1 days), matched by registry alias");
        // --lang zh: the same team in Chinese (the default under the tests' French locale is English, as above)
        Run zh = run("ties", "--enterprise", "E1", "--db", db.toString(), "--as-of", "2021-12-31", "--lang", "zh");
        assertThat(zh.out()).contains("企业 E1", "初始核心团队：2 人，其中 2 人有海外关系",
            "校友，Stanford University / 斯坦福大学，重叠 2012-06-30 .. 2012-06-30（1 天），匹配方式 机构库别名")
            .doesNotContain("initial core team", "matched by");

        Run json = run("ties", "--enterprise", "E1", "--db", db.toString(), "--as-of", "2021-12-31", "--json");
        assertThat(json.out()).contains("\"overlapStart\" : \"2012-06-30\"");

        Run ind = run("ties", "--indicators", "--db", db.toString(), "--as-of", "2021-12-31");
        assertThat(ind.code()).isZero();
        assertThat(ind.out()).startsWith("indicator,period,group,breakdown,category,value,numerator,denominator,ci_low,ci_high,suppressed")
            .contains("team.tie_share,,returnee,,,");
        assertThat(ind.err()).contains("as of 2021-12-31").contains("1000 resamples, seed 20211028");
        // exactly the engine's figures (one implementation per indicator)
        StringWriter engineCsv = new StringWriter();
        try (Store store = Store.openExisting(db)) {
            RawResult r = new IndicatorEngine().run(store.connection(),
                IndicatorRequest.of(LocalDate.of(2021, 12, 31)).withOnly(Set.copyOf(TieIndicatorProvider.IDS)));
            assertThat(r.values()).extracting(IndicatorValue::indicator).containsAll(TieIndicatorProvider.IDS);
            IndicatorWriter.writeCsv(r.values(), engineCsv);
        }
        assertThat(ind.out()).isEqualTo(engineCsv.toString());

        // the reading commands open the store read-only: they run while another reader holds it
        // (a store opened for writing by the same process would be refused as a second configuration)
        try (Store held = Store.openReadOnly(db)) {
            assertThat(held.readOnly()).isTrue();
            Run heldTies = run("ties", "--indicators", "--db", db.toString(), "--as-of", "2021-12-31");
            assertThat(heldTies.code()).as(heldTies.err()).isZero();
            assertThat(heldTies.out()).isEqualTo(ind.out());
            Run heldTeam = run("ties", "--enterprise", "E1", "--db", db.toString(), "--as-of", "2021-12-31");
            assertThat(heldTeam.code()).as(heldTeam.err()).isZero();
            Run heldUnmatched = run("institutions", "unmatched", "--db", db.toString());
            assertThat(heldUnmatched.code()).as(heldUnmatched.err()).isZero();
            assertThat(heldUnmatched.out()).contains("Acme Robotics");
        }

        Run un = run("institutions", "unmatched", "--db", db.toString(), "--csv", dir.resolve("cand.csv").toString());
        assertThat(un.code()).isZero();
        assertThat(un.out()).contains("Acme Robotics");
        // the analyst confirms a company into the registry; both spellings become one institution
        Path mine = dir.resolve("mine.csv");
        Files.writeString(mine, "name,country,aliases,kind\nAcme Robotics Inc.,US,ACME Robotics,employer\n", StandardCharsets.UTF_8);
        Run imp = run("institutions", "import", mine.toString(), "--db", db.toString());
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).contains("1 institutions added, 1 aliases added, 0 rows rejected");
        Run after = run("ties", "--enterprise", "E1", "--db", db.toString(), "--as-of", "2021-12-31");
        assertThat(after.out()).contains("colleague at Acme Robotics Inc. / ACME Robotics, overlap 2014-07-01 .. 2016-06-30");
        assertThat(run("institutions", "unmatched", "--db", db.toString()).out()).doesNotContain("Acme");
    }
}
