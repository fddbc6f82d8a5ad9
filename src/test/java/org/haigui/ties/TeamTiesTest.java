package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.IndicatorValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built teams, one edge each (as of 2021-12-31):
 * E1 one-day overlap and a name variant; E2 adjacent intervals; E3 a still-abroad episode, the
 * 365-day core window, an episode starting after D; E4 a match only through an alias; E5 the two
 * Washingtons; E6 study vs work never tie, work and research do; E7 institution_id rules;
 * E8/E11/E13 solo teams; E9 not returnee-founded; E10 dissolved before D's year; E12 a founder 364
 * days abroad (not a returnee); E13 overlapping episodes covering exactly 365 days (a returnee).
 */
class TeamTiesTest {

    static final LocalDate D = LocalDate.of(2021, 12, 31);

    @TempDir
    static Path dir;
    static Fixture f;

    @BeforeAll
    static void build() {
        f = new Fixture(dir);
        for (String p : List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
            "T", "U", "V", "W", "X", "Y", "Z", "Z2")) {
            f.person(p);
        }
        // E1: one-day overlap (2012-06-30), names equal after normalisation
        f.enterprise("E1", "2018-01-01", null).member("E1", "A", "founder", null).member("E1", "B", "founder", null);
        f.study("a1", "A", "Stanford University", "US", "2010-09-01", "2012-06-30", "master");
        f.study("b1", "B", "  STANFORD university ", "US", "2012-06-30", "2014-06-30", "master");
        // E2: adjacent intervals do not overlap
        f.enterprise("E2", "2018-01-01", null).member("E2", "C", "founder", null).member("E2", "D", "founder", null);
        f.study("c1", "C", "Harvard University", "US", "2010-09-01", "2012-06-30", "master");
        f.study("d1", "D", "Harvard University", "US", "2012-07-01", "2014-06-30", "master");
        // E3: E still abroad at Google (lasts through D); F core within 365 days; G core at exactly 365 days
        // whose episode starts after D; H core at 366 days; I core without joined_date
        f.enterprise("E3", "2018-01-01", null).member("E3", "E", "founder", null)
            .member("E3", "F", "core", "2018-06-01").member("E3", "G", "core", "2019-01-01")
            .member("E3", "H", "core", "2019-01-02").member("E3", "I", "core", null);
        f.study("e1", "E", "Imperial College London", "GB", "2005-09-01", "2009-06-30", "doctorate");
        f.work("e2", "E", "Google", "US", "2016-01-01", null);
        f.work("f1", "F", "google", "US", "2019-01-01", "2020-12-31");
        f.work("g1", "G", "Google", "US", "2022-01-01", null);
        f.work("h1", "H", "Google", "US", "2019-01-01", "2020-12-31");
        f.work("i1", "I", "Google", "US", "2019-01-01", "2020-12-31");
        // E4: only through the registry (MIT = 麻省理工学院)
        f.enterprise("E4", "2018-01-01", null).member("E4", "J", "founder", null).member("E4", "K", "founder", null);
        f.study("j1", "J", "MIT", "US", "2008-09-01", "2012-06-30", "bachelor");
        f.study("k1", "K", "麻省理工学院", "US", "2011-09-01", "2013-06-30", "master");
        // E5: must not match
        f.enterprise("E5", "2018-01-01", null).member("E5", "L", "founder", null).member("E5", "M", "founder", null);
        f.study("l1", "L", "University of Washington", "US", "2010-09-01", "2014-06-30", "master");
        f.study("m1", "M", "Washington University in St. Louis", "US", "2010-09-01", "2014-06-30", "master");
        // E6: N studied and O worked at Oxford at the same time (no tie); O work and P research (alias "Oxford") tie
        f.enterprise("E6", "2018-01-01", null).member("E6", "N", "founder", null).member("E6", "O", "founder", null)
            .member("E6", "P", "founder", null);
        f.study("n1", "N", "University of Oxford", "GB", "2010-09-01", "2013-06-30", "doctorate");
        f.work("o1", "O", "University of Oxford", "GB", "2011-01-01", "2015-12-31");
        f.episode("p1", "P", "research", "Oxford", null, "GB", "2014-01-01", "2016-12-31", null);
        // E7: Q and R carry different institution_ids (no tie, same name); S has none (ties with both)
        f.enterprise("E7", "2018-01-01", null).member("E7", "Q", "founder", null).member("E7", "R", "founder", null)
            .member("E7", "S", "founder", null);
        f.episode("q1", "Q", "work", "Lab X", "ror:1", "US", "2015-01-01", "2016-12-31", null);
        f.episode("r1", "R", "work", "Lab X", "ror:2", "US", "2015-01-01", "2016-12-31", null);
        f.work("s1", "S", "lab x", "US", "2016-06-01", "2017-06-30");
        // E8: solo, founded 2014, studied in Singapore from 2016
        f.enterprise("E8", "2014-01-01", null).member("E8", "T", "founder", null);
        f.study("t1", "T", "National University of Singapore", "SG", "2016-09-01", "2017-06-30", "master");
        // E9: no returnee founder
        f.enterprise("E9", "2018-01-01", null).member("E9", "U", "founder", null).member("E9", "V", "core", "2018-02-01");
        // E10: dissolved before D's year
        f.enterprise("E10", "2018-01-01", "2020-05-01").member("E10", "W", "founder", null).member("E10", "X", "founder", null);
        f.study("w1", "W", "University of Cambridge", "GB", "2010-09-01", "2013-06-30", "master");
        f.study("x1", "X", "University of Cambridge", "GB", "2010-09-01", "2013-06-30", "master");
        // E11: dissolved after D (not known yet): active
        f.enterprise("E11", "2018-01-01", "2022-03-01").member("E11", "Y", "founder", null);
        f.study("y1", "Y", "University of Toronto", "CA", "2010-09-01", "2012-06-30", "master");
        // E12: 181 + 183 = 364 days abroad, no degree: not a returnee
        f.enterprise("E12", "2018-01-01", null).member("E12", "Z", "founder", null);
        f.work("z1", "Z", "Acme", "DE", "2015-01-01", "2015-06-30");
        f.work("z2", "Z", "Acme", "DE", "2015-07-01", "2015-12-30");
        // E13: overlapping episodes whose union is 2015-01-01..2015-12-31 = 365 days: a returnee
        f.enterprise("E13", "2018-01-01", null).member("E13", "Z2", "founder", null);
        f.work("z21", "Z2", "Acme", "DE", "2015-01-01", "2015-06-30");
        f.work("z22", "Z2", "Acme", "DE", "2015-06-01", "2015-12-31");
        // markets
        f.year("E8", 2015, "SG");      // T's SG episode starts in 2016: no
        f.year("E8", 2017, "SG");      // yes
        f.year("E5", 2019, "US");      // yes
        f.year("E1", 2020, "US;GB");   // yes
        f.year("E2", 2020, "JP");      // no
        f.year("E4", 2020, "");        // no market: not counted
        f.year("E9", 2020, "US");      // not returnee-founded
        f.year("E10", 2020, "GB;FR");  // active in 2020: yes
        f.year("E3", 2021, "DE");      // no
        f.year("E6", 2021, "GB");      // yes
        f.year("E7", 2021, "SG");      // no
        f.year("E1", 2022, "US");      // after D's year: ignored
    }

    @AfterAll
    static void close() {
        f.close();
    }

    /** The engine's rows of the ties indicators as of d, by "indicator|period" (returnee group, no breakdown). */
    static Map<String, IndicatorValue> engine(Connection c, LocalDate d, Set<String> ids) {
        RawResult r = new IndicatorEngine().run(c, IndicatorRequest.of(d).withOnly(ids));
        assertThat(r.values()).allMatch(v -> v.group().equals("returnee") && v.breakdown().isEmpty());
        return r.values().stream().collect(Collectors.toMap(v -> v.indicator() + "|" + v.period(), v -> v));
    }

    static Map<String, IndicatorValue> engine(Connection c, LocalDate d) {
        return engine(c, d, Set.copyOf(TieIndicatorProvider.IDS));
    }

    private static long num(IndicatorValue v) {
        return v.numerator().longValueExact();
    }

    private static long den(IndicatorValue v) {
        return v.denominator().longValueExact();
    }

    @Test
    void teamIndicatorsMatchTheHandCount() {
        Map<String, IndicatorValue> v = engine(f.c, D);
        // sizes over E1..E8, E11, E13: 1,1,1,2,2,2,2,3,3,3
        assertThat(v.get("team.size_median|").value()).isEqualByComparingTo("2");
        // teams of 2+: E1 (2 tied of 2), E2 (0/2), E3 (2/3), E4 (2/2), E5 (0/2), E6 (2/3), E7 (3/3)
        assertThat(num(v.get("team.tie_share|"))).isEqualTo(11);
        assertThat(den(v.get("team.tie_share|"))).isEqualTo(17);
        assertThat(num(v.get("team.schoolmate_share|"))).isEqualTo(4);
        assertThat(num(v.get("team.colleague_share|"))).isEqualTo(7);
        assertThat(den(v.get("team.colleague_share|"))).isEqualTo(17);
        assertThat(num(v.get("team.tie_majority_share|"))).isEqualTo(5);
        assertThat(den(v.get("team.tie_majority_share|"))).isEqualTo(7);
        // Wilson 95% for 5/7
        assertThat(v.get("team.tie_majority_share|").ciLow().doubleValue()).isCloseTo(0.358934, within(1e-5));
        assertThat(v.get("team.tie_majority_share|").ciHigh().doubleValue()).isCloseTo(0.917781, within(1e-5));
        for (String id : List.of("team.size_median", "team.tie_share", "team.schoolmate_share", "team.colleague_share")) {
            IndicatorValue x = v.get(id + "|");
            assertThat(x.ciLow()).as(id).isNotNull().isLessThanOrEqualTo(x.value());
            assertThat(x.ciHigh()).as(id).isGreaterThanOrEqualTo(x.value());
        }
        // the same seed gives the same interval
        assertThat(engine(f.c, D).get("team.tie_share|").ciLow()).isEqualTo(v.get("team.tie_share|").ciLow());
    }

    @Test
    void marketTieShareByYear() {
        Map<String, IndicatorValue> m = engine(f.c, D, Set.of("ent.market_tie_share")).values().stream()
            .collect(Collectors.toMap(IndicatorValue::period, v -> v));
        assertThat(m).containsOnlyKeys("2015", "2017", "2019", "2020", "2021");
        assertThat(List.of(num(m.get("2015")), den(m.get("2015")))).containsExactly(0L, 1L);
        assertThat(List.of(num(m.get("2017")), den(m.get("2017")))).containsExactly(1L, 1L);
        assertThat(List.of(num(m.get("2019")), den(m.get("2019")))).containsExactly(1L, 1L);
        assertThat(List.of(num(m.get("2020")), den(m.get("2020")))).containsExactly(2L, 3L);
        assertThat(List.of(num(m.get("2021")), den(m.get("2021")))).containsExactly(1L, 3L);
    }

    @Test
    void asOfAnEarlierDateRecordsAfterItDoNotExist() {
        // as of 2017-12-31 no enterprise founded in 2018 exists; E8 (2014) is alone, with T a returnee
        Map<String, IndicatorValue> v = engine(f.c, LocalDate.of(2017, 12, 31));
        assertThat(v.get("team.size_median|").value()).isEqualByComparingTo("1");
        // no team of 2 or more: the engine writes no row for an empty denominator
        assertThat(v).doesNotContainKey("team.tie_share|");
    }

    @Test
    void aSecondRunOnTheSameConnectionDoesNotReuseTheFirstRunsTeams() throws Exception {
        // a first run as of D; then, on the same connection, only tie_share as of an earlier date:
        // it must equal the figure of the earlier date on a fresh connection, not the team tables left from D
        LocalDate earlier = LocalDate.of(2019, 12, 31);
        IndicatorValue expected;
        try (Connection fresh = f.c.unwrap(DuckDBConnection.class).duplicate()) {
            expected = engine(fresh, earlier).get("team.tie_share|");
        }
        IndicatorValue atD = engine(f.c, D).get("team.tie_share|");
        assertThat(den(expected)).as("the fixture's teams differ between the dates").isNotEqualTo(den(atD));
        IndicatorValue got = engine(f.c, earlier, Set.of("team.tie_share")).get("team.tie_share|");
        assertThat(den(got)).isEqualTo(den(expected));
        assertThat(num(got)).isEqualTo(num(expected));
    }

    @Test
    void theEngineKeysNamesNotKeyedYetInSqlAndWritesNothing(@TempDir Path other) throws Exception {
        try (Fixture g = new Fixture(other)) {
            for (String p : List.of("A", "B", "J", "K", "L", "M")) {
                g.person(p);
            }
            g.enterprise("E1", "2018-01-01", null).member("E1", "A", "founder", null).member("E1", "B", "founder", null);
            g.study("a1", "A", "Stanford University", "US", "2010-09-01", "2012-06-30", "master");
            g.study("b1", "B", "  STANFORD university ", "US", "2012-06-30", "2014-06-30", "master");
            g.enterprise("E4", "2018-01-01", null).member("E4", "J", "founder", null).member("E4", "K", "founder", null);
            g.study("j1", "J", "MIT", "US", "2008-09-01", "2012-06-30", "bachelor");
            g.study("k1", "K", "麻省理工学院", "US", "2011-09-01", "2013-06-30", "master");
            g.enterprise("E5", "2018-01-01", null).member("E5", "L", "founder", null).member("E5", "M", "founder", null);
            g.study("l1", "L", "University of Washington", "US", "2010-09-01", "2014-06-30", "master");
            g.study("m1", "M", "Washington University in St. Louis", "US", "2010-09-01", "2014-06-30", "master");
            g.person("N").person("O");
            g.enterprise("E6", "2018-01-01", null).member("E6", "N", "founder", null).member("E6", "O", "founder", null);
            g.work("n1", "N", "ＧＯＯＧＬＥ", "US", "2015-01-01", "2016-12-31");
            g.work("o1", "O", "谷歌", "US", "2016-01-01", "2017-12-31");
            // neither the registry nor any name key: the engine alone, with the built-in registry's names
            Map<String, IndicatorValue> inSql = engine(g.c, D);
            assertThat(num(inSql.get("team.tie_share|"))).isEqualTo(6);
            assertThat(den(inSql.get("team.tie_share|"))).isEqualTo(8);
            // the run wrote nothing to the store
            try (Statement st = g.c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (SELECT count(*) FROM institution_norms), (SELECT count(*) FROM institution_name_keys), "
                    + "(SELECT count(*) FROM institutions)")) {
                rs.next();
                assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsOnly(0L);
            }
            // the same figures once import has keyed the names in Java
            InstitutionRegistry.refreshNameKeys(g.c);
            assertThat(engine(g.c, D)).isEqualTo(inSql);
        }
    }

    @Test
    void teamReportsAndTheEngineAgreeOnWhoIsAReturnee() {
        // the one-enterprise report has its own returnee SQL (for a few founders); the engine's hg_returnee is the rule
        IndicatorDefinition returnees = IndicatorDefinition.builder("test.returnees", IndicatorDefinition.Kind.TIDY)
            .title("", "").unit("persons").method("", "").groups(IndicatorDefinition.Groups.NONE)
            .sql("SELECT '' AS period, '' AS breakdown, person_id AS category, 1 AS value, NULL AS numerator, "
                + "NULL AS denominator FROM hg_returnee")
            .build();
        Set<String> engineReturnees = new IndicatorEngine(Catalogue.of(List.of(returnees))).run(f.c, IndicatorRequest.of(D))
            .values().stream().map(IndicatorValue::category).collect(Collectors.toSet());
        int founders = 0;
        for (String e : List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12", "E13")) {
            for (TeamReport.Member m : TeamTies.team(f.c, e, D).members()) {
                if (m.role().equals("founder")) {
                    founders++;
                    assertThat(m.returnee()).as(e + " " + m.personId()).isEqualTo(engineReturnees.contains(m.personId()));
                }
            }
        }
        assertThat(founders).isEqualTo(22);
    }

    @Test
    void oneDayOverlapIsATie() {
        TeamReport t = TeamTies.team(f.c, "E1", D);
        assertThat(t.returneeFounded()).isTrue();
        assertThat(t.members()).allMatch(TeamReport.Member::schoolmate);
        assertThat(t.ties()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("schoolmate");
            assertThat(x.overlapStart()).isEqualTo(LocalDate.of(2012, 6, 30));
            assertThat(x.overlapEnd()).isEqualTo(LocalDate.of(2012, 6, 30));
            assertThat(x.overlapDays()).isEqualTo(1);
            assertThat(x.matchedBy()).isEqualTo("same name after normalisation");
        });
    }

    @Test
    void adjacentIntervalsAreNoTie() {
        assertThat(TeamTies.team(f.c, "E2", D).ties()).isEmpty();
    }

    @Test
    void stillAbroadLastsThroughDAndTheCoreWindowIs365Days() {
        TeamReport t = TeamTies.team(f.c, "E3", D);
        assertThat(t.members()).extracting(TeamReport.Member::personId).containsExactly("E", "F", "G");
        assertThat(t.notInTeam()).hasSize(2);
        assertThat(t.notInTeam().get(0)).startsWith("H").contains("365");
        assertThat(t.notInTeam().get(1)).startsWith("I").contains("without joined_date");
        assertThat(t.ties()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("colleague");
            assertThat(x.personA() + x.personB()).isEqualTo("EF");
            assertThat(x.overlapStart()).isEqualTo(LocalDate.of(2019, 1, 1));
            assertThat(x.overlapEnd()).isEqualTo(LocalDate.of(2020, 12, 31));
            assertThat(x.overlapDays()).isEqualTo(731);
        });
        // G's episode starts after D: not listed, not tied
        TeamReport.Member g = t.members().get(2);
        assertThat(g.episodes()).isEmpty();
        assertThat(g.tied()).isFalse();
        // E's Google episode has no end: still abroad
        assertThat(t.members().get(0).episodes()).anyMatch(e -> e.institution().equals("Google") && e.endDate() == null);
        // as of 2019-06-30 E and F are colleagues through that date
        TeamReport early = TeamTies.team(f.c, "E3", LocalDate.of(2019, 6, 30));
        assertThat(early.ties()).singleElement().satisfies(x -> assertThat(x.overlapEnd()).isEqualTo(LocalDate.of(2019, 6, 30)));
    }

    @Test
    void aliasOnlyMatchThroughTheRegistry() {
        TeamReport t = TeamTies.team(f.c, "E4", D);
        assertThat(t.ties()).singleElement().satisfies(x -> {
            assertThat(x.matchedBy()).isEqualTo("registry alias");
            assertThat(x.overlapStart()).isEqualTo(LocalDate.of(2011, 9, 1));
            assertThat(x.overlapEnd()).isEqualTo(LocalDate.of(2012, 6, 30));
        });
        assertThat(t.members().get(0).episodes().get(0).registryName()).isEqualTo("Massachusetts Institute of Technology");
    }

    @Test
    void theTwoWashingtonsNeverTie() {
        assertThat(TeamTies.team(f.c, "E5", D).ties()).isEmpty();
    }

    @Test
    void studyAndWorkNeverTieWorkAndResearchDo() {
        TeamReport t = TeamTies.team(f.c, "E6", D);
        assertThat(t.ties()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("colleague");
            assertThat(x.personA() + x.personB()).isEqualTo("OP");
        });
    }

    @Test
    void differentInstitutionIdsNeverMatchAMissingIdComparesNames() {
        TeamReport t = TeamTies.team(f.c, "E7", D);
        assertThat(t.ties()).extracting(x -> x.personA() + x.personB()).containsExactlyInAnyOrder("QS", "RS");
        assertThat(t.members()).allMatch(TeamReport.Member::colleague);
    }

    @Test
    void returneeByUnionOfDays() {
        assertThat(TeamTies.team(f.c, "E12", D).returneeFounded()).isFalse();
        assertThat(TeamTies.team(f.c, "E13", D).returneeFounded()).isTrue();
        assertThat(TeamTies.team(f.c, "E10", D).activeInYear()).isFalse();
        assertThat(TeamTies.team(f.c, "E11", D).activeInYear()).isTrue();
    }

    @Test
    void unknownEnterpriseIsNotFound() {
        assertThatThrownBy(() -> TeamTies.team(f.c, "NOPE", D)).isInstanceOf(HaiguiException.class)
            .satisfies(e -> assertThat(((HaiguiException) e).kind()).isEqualTo(HaiguiException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> TeamTies.team(f.c, "E1", LocalDate.of(2017, 1, 1))).isInstanceOf(HaiguiException.class)
            .satisfies(e -> assertThat(((HaiguiException) e).kind()).isEqualTo(HaiguiException.Kind.NOT_FOUND));
    }
}
