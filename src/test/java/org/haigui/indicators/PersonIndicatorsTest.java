package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haigui.indicators.Fixture.find;
import static org.haigui.indicators.Fixture.value;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Returnee status, return arrivals, flows and stock: the edges of each definition. */
class PersonIndicatorsTest {

    @TempDir
    Path dir;

    private static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void sameDayArriveAndLeaveIsNotInTheCity() {
        try (Fixture f = new Fixture(dir)) {
            f.returnee("a").move("a1", "a", "2020-03-01", "arrive", "310104").move("a2", "a", "2020-03-01", "leave", null);
            f.returnee("b").move("b1", "b", "2020-03-01", "arrive", "310115");
            List<IndicatorValue> v = f.compute("2021-01-01", "stock", "inflow.year");
            assertThat(value(v, "stock", "", "")).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "district", "310115").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "district", "310104")).isEmpty();
            // both arrivals are return arrivals even though a left the same day
            assertThat(value(v, "inflow.year", "2020", "")).isEqualTo(n(2));
        }
    }

    @Test
    void anOpenEpisodeDoesNotMakeAReturnee() {
        try (Fixture f = new Fixture(dir)) {
            f.person("a").episode("e1", "a", "work", "2015-01-01", null, null).move("m1", "a", "2018-01-01", "arrive", "310104");
            // an unfinished study with a degree does not count either
            f.person("b").episode("e2", "b", "study", "2014-09-01", null, "master").move("m2", "b", "2018-01-01", "arrive", "310104");
            List<IndicatorValue> v = f.compute("2020-06-30", "stock", "inflow.year");
            assertThat(value(v, "stock", "", "")).isEqualTo(n(0));
            assertThat(value(v, "inflow.year", "2018", "")).isEqualTo(n(0));
        }
    }

    @Test
    void unionOf365DaysCountsOverlapsOnceAndOnlyEpisodesEndedByThen() {
        try (Fixture f = new Fixture(dir)) {
            // exactly 365 days (2015 is not a leap year): a returnee from 2015-12-31
            f.person("full").episode("f1", "full", "work", "2015-01-01", "2015-12-31", null)
                .move("fm", "full", "2015-12-31", "arrive", "310104");
            // 364 days: not
            f.person("short").episode("s1", "short", "work", "2015-01-01", "2015-12-30", null)
                .move("sm", "short", "2016-02-01", "arrive", "310104");
            // overlapping: lengths sum to 426 but the union is 304 days: not
            f.person("ov").episode("o1", "ov", "work", "2015-01-01", "2015-09-30", null)
                .episode("o2", "ov", "research", "2015-06-01", "2015-10-31", null)
                .move("om", "ov", "2016-02-01", "arrive", "310104");
            // two pieces, 181 + 185 = 366 days, the second ending 2016-06-30
            f.person("two").episode("t1", "two", "study", "2014-01-01", "2014-06-30", "none")
                .episode("t2", "two", "work", "2015-12-29", "2016-06-30", null)
                .move("tm1", "two", "2016-03-01", "arrive", "310104")
                .move("tm2", "two", "2016-06-30", "leave", null)
                .move("tm3", "two", "2016-07-01", "arrive", "310104");
            // an episode that started earlier but ends later does not count before it ends:
            // e1 [2010-01-01, 2010-06-30] ended; e2 [2009-06-01, 2011-06-30] still running in 2011-01
            f.person("late").episode("l1", "late", "work", "2010-01-01", "2010-06-30", null)
                .episode("l2", "late", "study", "2009-06-01", "2011-06-30", "none")
                .move("lm1", "late", "2011-01-15", "arrive", "310104")
                .move("lm2", "late", "2011-02-15", "leave", null)
                .move("lm3", "late", "2011-07-01", "arrive", "310104");
            // merging all episodes into islands first would be wrong here: b alone (517 days, ended
            // 2010-06-01) makes a returnee, although the island it belongs to ends only in 2012
            f.person("early").episode("y1", "early", "work", "2009-01-01", "2010-06-01", null)
                .episode("y2", "early", "work", "2010-01-01", "2012-01-01", null)
                .move("ym1", "early", "2010-09-01", "arrive", "310104")
                .move("ym2", "early", "2010-12-01", "leave", null);
            List<IndicatorValue> v = f.compute("2016-12-31", "inflow.quarter", "inflow.year", "stock");
            assertThat(value(v, "inflow.quarter", "2010Q3", "")).isEqualTo(n(1)); // early
            assertThat(value(v, "inflow.quarter", "2015Q4", "")).isEqualTo(n(1)); // full, on the day it became a returnee
            assertThat(value(v, "inflow.quarter", "2016Q1", "")).isEqualTo(n(0)); // short, ov, two (not yet)
            assertThat(value(v, "inflow.quarter", "2016Q3", "")).isEqualTo(n(1)); // two, after 2016-06-30
            assertThat(value(v, "inflow.quarter", "2011Q1", "")).isEqualTo(n(0)); // late: l2 not ended, union 181 days
            assertThat(value(v, "inflow.quarter", "2011Q3", "")).isEqualTo(n(1)); // late: union 2009-06-01..2011-06-30
            assertThat(value(v, "stock", "", "")).isEqualTo(n(3)); // full, two, late
        }
    }

    @Test
    void aDegreeFinishedAfterTheArrivalMakesOnlyLaterArrivalsReturns() {
        try (Fixture f = new Fixture(dir)) {
            f.person("a").episode("e", "a", "study", "2012-09-01", "2015-06-30", "bachelor")
                .move("m1", "a", "2015-03-01", "arrive", "310104")
                .move("m2", "a", "2015-05-01", "leave", null)
                .move("m3", "a", "2015-06-30", "arrive", "310105");
            // a study episode without a degree, shorter than 365 days, never makes a returnee
            f.person("b").episode("e2", "b", "study", "2014-09-01", "2015-06-30", "none").move("m4", "b", "2015-07-01", "arrive", "310104");
            List<IndicatorValue> v = f.compute("2015-12-31", "inflow.quarter");
            assertThat(value(v, "inflow.quarter", "2015Q1", "")).isEqualTo(n(0));
            assertThat(value(v, "inflow.quarter", "2015Q2", "")).isEqualTo(n(1));
            assertThat(value(v, "inflow.quarter", "2015Q3", "")).isEqualTo(n(0));
        }
    }

    @Test
    void aSecondReturnCountsInItsYearButOnceInAWindow() {
        try (Fixture f = new Fixture(dir)) {
            f.returnee("a").move("m1", "a", "2016-05-01", "arrive", "310104").move("m2", "a", "2017-01-01", "leave", null)
                .move("m3", "a", "2018-05-01", "arrive", "310115");
            f.returnee("b").move("b1", "b", "2012-05-01", "arrive", "310104");
            List<IndicatorValue> v = f.compute("2021-09-30", "inflow.year", "inflow.window5", "inflow.window5_multiple",
                "inflow.ytd", "inflow.ytd_vs_last_year");
            assertThat(value(v, "inflow.year", "2016", "")).isEqualTo(n(1));
            assertThat(value(v, "inflow.year", "2017", "")).isEqualTo(n(0));
            assertThat(value(v, "inflow.year", "2018", "")).isEqualTo(n(1));
            assertThat(value(v, "inflow.window5", "2014-2018", "")).isEqualTo(n(1));
            assertThat(value(v, "inflow.window5", "2012-2016", "")).isEqualTo(n(2));
            // breakdown by the district of the latest arrival: a is in 310115 in every window
            assertThat(find(v, "inflow.window5", "2012-2016", "", "district", "310115").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "inflow.window5", "2012-2016", "", "district", "310104").orElseThrow().value()).isEqualTo(n(1));
            // every year from the first year with a move to D's year, zero totals included
            assertThat(v.stream().filter(x -> x.indicator().equals("inflow.year") && x.breakdown().isEmpty()).map(IndicatorValue::period))
                .containsExactly("2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021");
            IndicatorValue mult = Fixture.row(v, "inflow.window5_multiple", "2017-2021", "");
            assertThat(mult.numerator()).isEqualTo(n(1)); // a (2018)
            assertThat(mult.denominator()).isEqualTo(n(2)); // 2012-2016: a and b
            assertThat(mult.value()).isEqualByComparingTo("0.5");
            assertThat(value(v, "inflow.ytd", "2021-01-01..2021-09-30", "")).isEqualTo(n(0));
            IndicatorValue ytd = Fixture.row(v, "inflow.ytd_vs_last_year", "2021-01-01..2021-09-30", "");
            assertThat(ytd.numerator()).isEqualTo(n(0));
            assertThat(ytd.denominator()).isEqualTo(n(0));
            assertThat(ytd.value()).isNull();
        }
    }

    @Test
    void yearToDateAgainstLastYear() {
        try (Fixture f = new Fixture(dir)) {
            for (String p : new String[] {"a", "b", "c"}) {
                f.returnee(p).move(p + "1", p, "2020-05-01", "arrive", "310104");
            }
            f.move("a2", "a", "2021-02-01", "leave", null).move("a3", "a", "2021-03-01", "arrive", "310104")
                .move("b2", "b", "2021-09-30", "leave", null).move("b3", "b", "2021-09-30", "arrive", "310104")
                .move("c2", "c", "2021-10-01", "leave", null).move("c3", "c", "2021-10-02", "arrive", "310104");
            List<IndicatorValue> v = f.compute("2021-09-30", "inflow.ytd", "inflow.ytd_vs_last_year", "stock");
            IndicatorValue r = Fixture.row(v, "inflow.ytd_vs_last_year", "2021-01-01..2021-09-30", "");
            assertThat(r.numerator()).isEqualTo(n(2)); // a and b (b's arrival on D itself counts; c's is after D)
            assertThat(r.denominator()).isEqualTo(n(3));
            assertThat(r.value().doubleValue()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-11));
            // b left and arrived on D: arrive is taken before leave, so b is not in the city on D
            assertThat(value(v, "stock", "", "")).isEqualTo(n(2));
        }
    }

    @Test
    void recordsAfterTheAsOfDateDoNotExist() {
        try (Fixture f = new Fixture(dir)) {
            f.returnee("a").move("m1", "a", "2020-01-10", "arrive", "310104").move("m2", "a", "2020-08-01", "leave", null);
            // an episode ending after D is not ended as of D
            f.person("b").episode("e", "b", "study", "2016-09-01", "2020-07-01", "master").move("bm", "b", "2020-06-01", "arrive", "310104");
            // an episode starting after D does not exist
            f.person("c").episode("ce", "c", "study", "2020-07-01", "2020-07-02", "master").move("cm", "c", "2020-07-03", "arrive", "310104");
            List<IndicatorValue> v = f.compute("2020-06-30", "stock", "inflow.ytd", "data.persons_without_moves");
            assertThat(value(v, "stock", "", "")).isEqualTo(n(1)); // a: the leave of August is not known yet
            assertThat(value(v, "inflow.ytd", "2020-01-01..2020-06-30", "")).isEqualTo(n(1));
            assertThat(value(v, "data.persons_without_moves", "", "")).isEqualTo(n(1)); // c's only move is after D
            List<IndicatorValue> later = f.compute("2020-12-31", "stock");
            assertThat(value(later, "stock", "", "")).isEqualTo(n(2)); // b (returnee since 2020-07-01) and c; a left
        }
    }

    @Test
    void personBreakdownsUseLatestArrivalLatestEpisodeAndAgeAtD() {
        try (Fixture f = new Fixture(dir)) {
            f.person("a", "F", "1991-07-01", "doctorate", "05")
                .episode("a1", "a", "study", "GB", "2010-09-01", "2014-06-30", "doctorate")
                .episode("a2", "a", "work", "JP", "2014-07-01", "2016-06-30", null)
                .move("m1", "a", "2016-07-01", "arrive", "310104").move("m2", "a", "2017-01-01", "arrive", "310115");
            f.person("b", null, null, null, null).episode("b1", "b", "study", "US", "2010-09-01", "2014-06-30", "bachelor")
                .move("bm", "b", "2015-01-01", "arrive", "310104");
            List<IndicatorValue> v = f.compute("2021-06-30", "stock");
            assertThat(find(v, "stock", "", "", "district", "310115").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "district", "310104").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "country", "JP").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "country", "US").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "country", "GB")).isEmpty();
            // 29 on 2021-06-30 (30 only from 2021-07-01)
            assertThat(find(v, "stock", "", "", "age_band", "<30").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "age_band", "unknown").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "gender", "F").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "degree", "doctorate").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "field", "05").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "stock", "", "", "field", "unknown").orElseThrow().value()).isEqualTo(n(1));
            List<IndicatorValue> w = f.compute("2021-07-01", "stock");
            assertThat(find(w, "stock", "", "", "age_band", "30-39").orElseThrow().value()).isEqualTo(n(1));
        }
    }

    @Test
    void shareOfStockWhoFoundedAnEnterpriseActiveInDsYear() {
        try (Fixture f = new Fixture(dir)) {
            f.returnee("a").move("m1", "a", "2015-01-01", "arrive", "310104");
            f.returnee("b").move("m2", "b", "2015-01-01", "arrive", "310104");
            f.returnee("c").move("m3", "c", "2015-01-01", "arrive", "310104");
            f.enterprise("E1", "2016-01-01", "2021-01-01").founder("E1", "a"); // dissolved on 1 Jan of D's year: active
            f.enterprise("E2", "2016-01-01", "2020-12-31").founder("E2", "b"); // dissolved the year before
            List<IndicatorValue> v = f.compute("2021-06-30", "stock.share_entrepreneur");
            IndicatorValue r = Fixture.row(v, "stock.share_entrepreneur", "", "");
            assertThat(r.numerator()).isEqualTo(n(1));
            assertThat(r.denominator()).isEqualTo(n(3));
            assertThat(r.value().doubleValue()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-11));
        }
    }
}
