package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.blueprint.SurveyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicators of blueprint.md on hand-built records and a hand-built blueprint, every figure
 * worked out by hand (the comments give the arithmetic).
 */
class BlueprintIndicatorsTest {

    @TempDir
    Path dir;

    /** Three industries in file order ic (leading), bio (key), ai (leading): tier order is ic, ai, bio. */
    static final String BLUEPRINT = """
        city: {id: testcity, name_zh: 测试市, name_en: Test City}
        plan: {name_zh: 测试规划, name_en: Test plan, years: 2021-2025, source: "hand-made"}
        districts:
          - {code: "310104", name_zh: 徐汇区, name_en: Xuhui}
          - {code: "310115", name_zh: 浦东新区, name_en: Pudong}
        industries:
          - {id: ic, name_zh: 集成电路, name_en: Integrated circuits, tier: leading, codes: [C397], fields: ["06"], source: "test"}
          - {id: bio, name_zh: 生物医药, name_en: Biomedicine, tier: key, codes: [C27], fields: ["05"], source: "test"}
          - {id: ai, name_zh: 人工智能, name_en: Artificial intelligence, tier: leading, codes: [I65, C3973], fields: ["06", "07"], source: "test"}
        zones:
          - id: zhangjiang
            name_zh: 张江科学城
            name_en: Zhangjiang Science City
            aliases: [张江, Zhangjiang Hi-Tech Park]
            districts: ["310115"]
            source: "test"
        """;

    static final String SURVEY = """
        survey: {id: t, name_zh: 测试问卷, name_en: Test survey}
        questions:
          - id: Q1
            type: multiple
            text_zh: 资源
            text_en: Resources
            options:
              - {id: a, text_zh: 甲, text_en: A}
              - {id: b, text_zh: 乙, text_en: B}
              - {id: c, text_zh: 丙, text_en: C}
              - {id: d, text_zh: 丁, text_en: D}
          - id: Q2
            type: single
            text_zh: 是否
            text_en: Yes or no
            options:
              - {id: "yes", text_zh: 是, text_en: "Yes"}
              - {id: "no", text_zh: 否, text_en: "No"}
        """;

    static Blueprint blueprint() {
        return BlueprintReader.parse("test.yaml", BLUEPRINT);
    }

    static SurveyDefinition survey() {
        return SurveyReader.parse("survey.yaml", SURVEY);
    }

    private static List<IndicatorValue> run(Fixture f, Blueprint b, SurveyDefinition s, String... ids) {
        RunContext ctx = new RunContext(LocalDate.parse("2021-09-30"), b, s, 7, 1000, 2);
        return new IndicatorEngine().run(f.store.connection(), IndicatorRequest.of(ctx).withOnly(Set.of(ids))).values();
    }

    private static IndicatorValue cell(List<IndicatorValue> vs, String id, String period, String group, String breakdown, String category) {
        return Fixture.find(vs, id, period, group, breakdown, category).orElseThrow(() ->
            new AssertionError("no row " + id + " " + period + " " + group + " " + breakdown + " " + category));
    }

    private static double num(BigDecimal b) {
        return b.doubleValue();
    }

    /**
     * Enterprises (all founded 2015, active in 2021):
     * E1 returnee, C3973 (under ic by C397 and under ai by C3973), zone "zhangjiang hi-tech park" (an alias in another case);
     * E2 returnee, C3979 (a longer code under ic's C397), zone "张江" (the Chinese alias);
     * E3 returnee, I6510 (ai), zone "Nowhere Park" (matches nothing);
     * E4 returnee, A0111 (no priority industry), no zone;
     * E5 other, C2710 (bio), zone " ZHANGJIANG SCIENCE CITY " (name_en, upper case, spaces);
     * E6 no founder row, C3973, 100 employees in 2021.
     * Stock: P1 field 06 (ic, ai), P2 field 05 (bio), P3 no field, P4 field 01 (none). The founders are not in the city.
     */
    private static Fixture city(Path dir) {
        Fixture f = new Fixture(dir);
        String[][] firms = {
            {"E1", "returnee", "C3973", "zhangjiang hi-tech park"}, {"E2", "returnee", "C3979", "张江"},
            {"E3", "returnee", "I6510", "Nowhere Park"}, {"E4", "returnee", "A0111", null},
            {"E5", "other", "C2710", " ZHANGJIANG SCIENCE CITY "}, {"E6", "none", "C3973", "Nowhere Park"}};
        for (String[] e : firms) {
            f.enterprise(e[0], "2015-03-01", null, e[0].equals("E3") ? "310115" : "310104", e[3], e[2]);
            if (e[1].equals("returnee")) {
                f.returnee(e[0] + "-f").founder(e[0], e[0] + "-f");
            } else if (e[1].equals("other")) {
                f.person(e[0] + "-f").founder(e[0], e[0] + "-f");
            }
        }
        String[][] stock = {{"P1", "06"}, {"P2", "05"}, {"P3", null}, {"P4", "01"}};
        for (String[] p : stock) {
            f.person(p[0], "F", "1990-01-01", "master", p[1]);
            f.episode(p[0] + "-deg", p[0], "study", "2012-09-01", "2014-06-30", "master");
            f.move(p[0] + "-m", p[0], "2014-08-01", "arrive", "310104");
        }
        // employees: growth 2020 -> 2021 of E1 0, E2 1.0, E3 1.0, E4 0.5
        f.year("E1", 2020, "employees = 10").year("E1", 2021, "employees = 10");
        f.year("E2", 2020, "employees = 10").year("E2", 2021, "employees = 20");
        f.year("E3", 2020, "employees = 5").year("E3", 2021, "employees = 10");
        f.year("E4", 2020, "employees = 20").year("E4", 2021, "employees = 30");
        f.year("E5", 2021, "employees = 40");
        f.year("E6", 2021, "employees = 100");
        // support: E1 itself in 2019; E2's founder (not the firm) in 2020; E3 in 2022, after D's year; E4 none
        f.sql("INSERT INTO support (support_id, enterprise_id, person_id, program, \"year\", batch_id) VALUES"
            + " ('S1', 'E1', NULL, 'p', 2019, 1), ('S2', NULL, 'E2-f', 'p', 2020, 1), ('S3', 'E3', NULL, 'p', 2022, 1)");
        return f;
    }

    @Test
    void enterpriseSharesAndTheZoneBreakdownUseTheBlueprint() {
        try (Fixture f = city(dir)) {
            List<IndicatorValue> v = run(f, blueprint(), null, "ent.priority_industry_share", "ent.key_zone_share", "ent.active");
            // E1 (two industries, counted once), E2 (a longer code), E3 in; E4 not: 3 of 4. Other group: E5 (bio) 1 of 1
            IndicatorValue pr = cell(v, "ent.priority_industry_share", "2021", "returnee", "", "");
            assertThat(pr.numerator()).isEqualByComparingTo("3");
            assertThat(pr.denominator()).isEqualByComparingTo("4");
            assertThat(num(pr.value())).isEqualTo(0.75);
            assertThat(cell(v, "ent.priority_industry_share", "2021", "other", "", "").numerator()).isEqualByComparingTo("1");
            // zones: E1 (alias, other case) and E2 (Chinese alias) in; E3 (no match) and E4 (no zone) not: 2 of 4; E5 by name_en
            IndicatorValue kz = cell(v, "ent.key_zone_share", "2021", "returnee", "", "");
            assertThat(kz.numerator()).isEqualByComparingTo("2");
            assertThat(kz.denominator()).isEqualByComparingTo("4");
            assertThat(cell(v, "ent.key_zone_share", "2021", "other", "", "").numerator()).isEqualByComparingTo("1");
            assertThat(kz.ciLow()).isNotNull();
            // the zone breakdown: the key zone id, 'other' for a name that names no zone, 'unknown' for none
            assertThat(cell(v, "ent.active", "2021", "returnee", "zone", "zhangjiang").value()).isEqualByComparingTo("2");
            assertThat(cell(v, "ent.active", "2021", "returnee", "zone", "other").value()).isEqualByComparingTo("1");
            assertThat(cell(v, "ent.active", "2021", "returnee", "zone", "unknown").value()).isEqualByComparingTo("1");
            assertThat(cell(v, "ent.active", "2021", "other", "zone", "zhangjiang").value()).isEqualByComparingTo("1");
            assertThat(v.stream().filter(x -> x.breakdown().equals("zone")).map(IndicatorValue::category).distinct())
                .containsExactlyInAnyOrder("zhangjiang", "other", "unknown");
        }
    }

    @Test
    void withoutABlueprintTheZoneIsTheTextAndTheBlueprintIndicatorsAreNotAvailable() {
        try (Fixture f = city(dir)) {
            RawResult r = new IndicatorEngine().run(f.store.connection(), IndicatorRequest.of(LocalDate.parse("2021-09-30"))
                .withOnly(Set.of("ent.active", "fit.talent_share", "fit.gap", "ent.key_zone_share", "promo.jobs_share")));
            assertThat(r.notAvailable()).containsOnlyKeys("fit.talent_share", "fit.gap", "ent.key_zone_share");
            assertThat(r.notAvailable().values()).allMatch(s -> s.contains("needs a blueprint"));
            assertThat(r.values().stream().filter(x -> x.breakdown().equals("zone")).map(IndicatorValue::category).distinct())
                .contains("zhangjiang hi-tech park", "张江", "Nowhere Park", "unknown");
            assertThat(r.values()).anyMatch(x -> x.indicator().equals("promo.jobs_share"));
        }
    }

    @Test
    void fitTalentFirmsAndTheGapTableInTierOrder() {
        try (Fixture f = city(dir)) {
            List<IndicatorValue> v = run(f, blueprint(), null, "fit.talent_share", "fit.talent_by_industry", "fit.firms_by_industry",
                "fit.gap");
            // P1 (06) and P2 (05) supply an industry; P3 (no field) and P4 (01) count in the denominator: 2 / 4
            IndicatorValue ts = cell(v, "fit.talent_share", "", "", "", "");
            assertThat(ts.numerator()).isEqualByComparingTo("2");
            assertThat(ts.denominator()).isEqualByComparingTo("4");
            assertThat(num(ts.value())).isEqualTo(0.5);
            // tier order: ic, ai (leading), bio (key); every industry has a row, zero included
            List<IndicatorValue> tb = v.stream().filter(x -> x.indicator().equals("fit.talent_by_industry")).toList();
            assertThat(tb).extracting(IndicatorValue::category).containsExactly("ic", "ai", "bio");
            assertThat(tb).extracting(x -> x.value().intValue()).containsExactly(1, 1, 1);
            assertThat(tb).allMatch(x -> x.breakdown().equals("priority_industry") && x.group().isEmpty() && x.period().isEmpty());
            // returnee-founded firms active in 2021: ic E1, E2; ai E1 (C3973), E3 (I65); bio none (E5 is in the other group)
            List<IndicatorValue> fb = v.stream().filter(x -> x.indicator().equals("fit.firms_by_industry")).toList();
            assertThat(fb).extracting(IndicatorValue::category).containsExactly("ic", "ai", "bio");
            assertThat(fb).extracting(x -> x.value().intValue()).containsExactly(2, 2, 0);
            assertThat(fb).allMatch(x -> x.group().equals("returnee"));
            // the gap table: talent rows over the 2 persons who supply any industry, firms rows over the 3 firms in any
            List<IndicatorValue> gap = v.stream().filter(x -> x.indicator().equals("fit.gap")).toList();
            assertThat(gap).extracting(x -> x.breakdown() + ":" + x.category() + "=" + x.numerator() + "/" + x.denominator())
                .containsExactly("talent:ic=1/2", "talent:ai=1/2", "talent:bio=1/2", "firms:ic=2/3", "firms:ai=2/3", "firms:bio=0/3");
            assertThat(num(cell(v, "fit.gap", "", "", "firms", "ai").value())).isCloseTo(2.0 / 3, within(1e-11));
        }
    }

    @Test
    void gapTableCellsAreTiedToTheFiguresTheyRepeat() {
        try (Fixture f = city(dir)) {
            RunContext ctx = new RunContext(LocalDate.parse("2021-09-30"), blueprint(), null, 7, 1000, 2);
            RawResult r = new IndicatorEngine().run(f.store.connection(), IndicatorRequest.of(ctx)
                .withOnly(Set.of("fit.gap", "fit.talent_by_industry", "fit.firms_by_industry", "fit.talent_share", "stock",
                    "ent.priority_industry_share")));
            CellKey gapIc = new CellKey("fit.gap", "", "", "talent", "ic");
            assertThat(r.relations()).anyMatch(rel -> rel.target().cell().equals(gapIc) && rel.target().measure() == CellRelation.Measure.NUMERATOR
                && rel.terms().get(0).cell().equals(new CellKey("fit.talent_by_industry", "", "", "priority_industry", "ic")));
            CellKey gapFirms = new CellKey("fit.gap", "", "", "firms", "bio");
            assertThat(r.relations()).anyMatch(rel -> rel.target().cell().equals(gapFirms)
                && rel.target().measure() == CellRelation.Measure.DENOMINATOR
                && rel.terms().get(0).cell().equals(new CellKey("ent.priority_industry_share", "2021", "returnee", "", "")));
        }
    }

    @Test
    void promotionJobsSupportAndGrowthDifference() {
        try (Fixture f = city(dir)) {
            List<IndicatorValue> v = run(f, blueprint(), null, "promo.jobs_share", "promo.supported_share",
                "promo.supported_growth_difference");
            // 2021: returnee-founded E1..E4 10 + 20 + 10 + 30 = 70 over all enterprises 70 + E5 40 + E6 (no founder row) 100 = 210
            IndicatorValue jobs = cell(v, "promo.jobs_share", "2021", "", "", "");
            assertThat(jobs.numerator()).isEqualByComparingTo("70");
            assertThat(jobs.denominator()).isEqualByComparingTo("210");
            assertThat(num(jobs.value())).isCloseTo(1.0 / 3, within(1e-11));
            assertThat(jobs.ciLow()).isNotNull();
            assertThat(num(jobs.ciLow())).isLessThanOrEqualTo(num(jobs.ciHigh()));
            // supported by 2021: E1 (itself, 2019), E2 (its founder, 2020); not E3 (2022, after D's year), not E4: 2 of 4
            IndicatorValue s21 = cell(v, "promo.supported_share", "2021", "returnee", "", "");
            assertThat(s21.numerator()).isEqualByComparingTo("2");
            assertThat(s21.denominator()).isEqualByComparingTo("4");
            // by 2019 only E1
            assertThat(cell(v, "promo.supported_share", "2019", "returnee", "", "").numerator()).isEqualByComparingTo("1");
            assertThat(v).noneMatch(x -> x.indicator().equals("promo.supported_share") && !x.group().equals("returnee"));
            // growth 2020 -> 2021: supported by 2020 E1 0, E2 1.0 (median 0.5); others E3 1.0, E4 0.5 (median 0.75): -0.25
            IndicatorValue g = cell(v, "promo.supported_growth_difference", "2021", "returnee", "", "");
            assertThat(num(g.value())).isCloseTo(-0.25, within(1e-12));
            assertThat(g.ciLow()).isNotNull();
            assertThat(num(g.ciLow())).isLessThanOrEqualTo(-0.25 + 1e-12);
            assertThat(num(g.ciHigh())).isGreaterThanOrEqualTo(-0.25 - 1e-12);
            assertThat(v.stream().filter(x -> x.indicator().equals("promo.supported_growth_difference")).map(IndicatorValue::period))
                .containsExactly("2021");
        }
    }

    @Test
    void growthDifferenceHasNoValueWhenASideIsEmptyAndItsContributorsAreTheSmallerSide() {
        try (Fixture f = city(dir)) {
            // as of 2020-12-31 support after 2020 does not exist: E2's founder support (2020) is in t-1 = 2020 only for t = 2021
            f.year("E1", 2019, "employees = 10").year("E2", 2019, "employees = 10");
            RunContext ctx = new RunContext(LocalDate.parse("2020-12-31"), blueprint(), null, 7, 1000, 2);
            RawResult r = new IndicatorEngine().run(f.store.connection(), IndicatorRequest.of(ctx)
                .withOnly(Set.of("promo.supported_growth_difference")));
            // 2020: E1 supported in 2019 (<= t-1) growth 0; E2 not yet (2020 > t-1) growth 0: both sides one firm each
            RawCell c = r.cells().stream().filter(x -> x.value().period().equals("2020")).findFirst().orElseThrow();
            assertThat(c.value().value()).isEqualByComparingTo("0");
            assertThat(c.contributors().units()).isEqualTo(1);
        }
        try (Fixture f = new Fixture(dir.resolve("b"))) {
            f.returneeFirm("X", "2015-01-01", null).year("X", 2020, "employees = 5").year("X", 2021, "employees = 6");
            List<IndicatorValue> v = run(f, blueprint(), null, "promo.supported_growth_difference");
            IndicatorValue g = cell(v, "promo.supported_growth_difference", "2021", "returnee", "", "");
            assertThat(g.value()).isNull();
            assertThat(g.ciLow()).isNull();
        }
    }

    private static void answers(Fixture f) {
        // R1 w 1: Q1 a;b (two options), Q2 yes; R2 w 2: Q1 a, Q2 no; R3 w 3: Q1 c; R4 no weight (1): Q1 " b "
        f.sql("INSERT INTO survey (respondent_id, question, answer, weight, batch_id) VALUES"
            + " ('R1', 'Q1', 'a;b', 1, 1), ('R1', 'Q2', 'yes', 1, 1), ('R2', 'Q1', 'a', 2, 1), ('R2', 'Q2', 'no', 2, 1),"
            + " ('R3', 'Q1', 'c', 3, 1), ('R4', 'Q1', ' b ', NULL, 1)");
    }

    /** The Wilson score interval written out independently: centre and half-width over 1 + z^2/n. */
    private static double[] wilson(double p, double n) {
        double z = 1.959963984540054;
        double c = (p + z * z / (2 * n)) / (1 + z * z / n);
        double h = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new double[] {p == 0 ? 0 : c - h, p == 1 ? 1 : c + h};
    }

    @Test
    void surveySharesAreWeightedWithWilsonOnTheKishEffectiveSampleSize() {
        try (Fixture f = new Fixture(dir)) {
            answers(f);
            List<IndicatorValue> v = run(f, blueprint(), survey(), "survey.share");
            // Q1 answered by R1..R4: sum w = 1 + 2 + 3 + 1 = 7, sum w^2 = 1 + 4 + 9 + 1 = 15, n_eff = 49 / 15
            double neff = 49.0 / 15;
            IndicatorValue a = cell(v, "survey.share", "", "", "Q1", "a");
            assertThat(a.numerator()).isEqualByComparingTo("3"); // R1 1 + R2 2
            assertThat(a.denominator()).isEqualByComparingTo("7");
            assertThat(num(a.value())).isCloseTo(3.0 / 7, within(1e-12));
            double[] ci = wilson(3.0 / 7, neff);
            assertThat(num(a.ciLow())).isCloseTo(ci[0], within(1e-11));
            assertThat(num(a.ciHigh())).isCloseTo(ci[1], within(1e-11));
            // by hand: z^2/n = 1.17596, centre (0.42857 + 0.58798) / 2.17596 = 0.46717, half 1.95996 x sqrt(0.07497 + 0.09000) / 2.17596 = 0.36584
            assertThat(num(a.ciLow())).isCloseTo(0.10133, within(5e-5));
            assertThat(num(a.ciHigh())).isCloseTo(0.83302, within(5e-5));
            // the two-option answer counts for a and for b; R4's " b " too: b = 1 + 1 = 2 of 7
            assertThat(cell(v, "survey.share", "", "", "Q1", "b").numerator()).isEqualByComparingTo("2");
            assertThat(cell(v, "survey.share", "", "", "Q1", "c").numerator()).isEqualByComparingTo("3");
            // an option nobody chose has a row with the definition
            IndicatorValue d = cell(v, "survey.share", "", "", "Q1", "d");
            assertThat(d.value()).isEqualByComparingTo("0");
            assertThat(d.ciLow()).isEqualByComparingTo("0");
            // Q2 answered by R1 and R2 only: sum w = 3, n_eff = 9 / 5
            IndicatorValue yes = cell(v, "survey.share", "", "", "Q2", "yes");
            assertThat(yes.denominator()).isEqualByComparingTo("3");
            double[] cy = wilson(1.0 / 3, 1.8);
            assertThat(num(yes.ciLow())).isCloseTo(cy[0], within(1e-11));
            assertThat(num(yes.ciHigh())).isCloseTo(cy[1], within(1e-11));
            // rows in the definition's order
            assertThat(v).extracting(x -> x.breakdown() + ":" + x.category())
                .containsExactly("Q1:a", "Q1:b", "Q1:c", "Q1:d", "Q2:yes", "Q2:no");
            // contributors are respondents
            RunContext ctx = new RunContext(LocalDate.parse("2021-09-30"), null, survey(), 7, 1000, 2);
            RawResult r = new IndicatorEngine().run(f.store.connection(), IndicatorRequest.of(ctx).withOnly(Set.of("survey.share")));
            RawCell ra = r.cells().stream().filter(x -> x.value().category().equals("a")).findFirst().orElseThrow();
            assertThat(ra.contributors().units()).isEqualTo(4);
            assertThat(ra.contributors().numeratorUnits()).isEqualTo(2);
        }
    }

    @Test
    void withoutASurveyDefinitionTheOptionsAreTheDistinctAnswers() {
        try (Fixture f = new Fixture(dir)) {
            answers(f);
            List<IndicatorValue> v = run(f, null, null, "survey.share");
            assertThat(v).extracting(x -> x.breakdown() + ":" + x.category())
                .containsExactly("Q1:a", "Q1:b", "Q1:c", "Q2:no", "Q2:yes");
            assertThat(cell(v, "survey.share", "", "", "Q1", "a").numerator()).isEqualByComparingTo("3");
        }
    }

    @Test
    void theIntervalOfAWeightedShareFollowsWilsonOnTheEffectiveSampleSize() {
        // with n_eff a whole number the interval is Wilson's for x = p n
        Intervals.Interval a = Intervals.wilson(0.25, 20.0);
        Intervals.Interval b = Intervals.wilson(5, 20);
        assertThat(a.low()).isCloseTo(b.low(), within(1e-15));
        assertThat(a.high()).isCloseTo(b.high(), within(1e-15));
        assertThat(Intervals.wilson(0.5, 0.0)).isNull();
    }
}
