package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.haigui.indicators.Fixture.find;
import static org.haigui.indicators.Fixture.row;
import static org.haigui.indicators.Fixture.value;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enterprise demography and development indicators: groups, edges of each definition, intervals. */
class EnterpriseIndicatorsTest {

    @TempDir
    Path dir;

    private static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void groupsAndUnlinkedEnterprises() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("R", "2018-03-01", null).otherFirm("O", "2019-03-01", null);
            f.enterprise("U", "2018-01-01", null); // no founder row
            f.person("x").enterprise("C", "2018-01-01", null);
            f.sql("INSERT INTO enterprise_people (enterprise_id, person_id, role, batch_id) VALUES ('C', 'x', 'core', 1)");
            // a returnee founder who joins after D does not exist yet: the enterprise is "other" as of D... or unlinked
            f.returnee("late-f").enterprise("L", "2018-01-01", null);
            f.sql("INSERT INTO enterprise_people (enterprise_id, person_id, role, joined_date, batch_id)"
                + " VALUES ('L', 'late-f', 'founder', DATE '2021-01-01', 1)");
            List<IndicatorValue> v = f.compute("2020-06-30", "ent.active", "ent.births", "data.unlinked_enterprises");
            assertThat(value(v, "data.unlinked_enterprises", "", "")).isEqualTo(n(3)); // U, C (core only), L (founder after D)
            assertThat(value(v, "ent.active", "2020", "returnee")).isEqualTo(n(1));
            assertThat(value(v, "ent.active", "2020", "other")).isEqualTo(n(1));
            assertThat(value(v, "ent.active", "2020", "difference")).isEqualTo(n(0));
            assertThat(value(v, "ent.active", "2018", "other")).isEqualTo(n(0));
            assertThat(value(v, "ent.births", "2019", "difference")).isEqualTo(n(-1));
            assertThat(row(v, "ent.active", "2020", "returnee").ciLow()).isNull();
            assertThat(find(v, "ent.active", "2020", "returnee", "district", "310104").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "ent.active", "2020", "returnee", "zone", "unknown").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "ent.active", "2020", "returnee", "industry_section", "C").orElseThrow().value()).isEqualTo(n(1));
            // a founder who became a returnee after the founding still makes it returnee-founded (as of D)
        }
    }

    @Test
    void survivalAcrossADissolutionOnFirstJanuaryAndDissolutionAfterD() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("A", "2015-04-01", "2018-01-01"); // dissolved on 1 Jan 2018: still active in 2018
            f.returneeFirm("B", "2015-05-01", "2017-12-31"); // not active in 2018
            f.returneeFirm("C", "2015-06-01", "2019-02-01"); // dissolved after D: not known yet
            f.otherFirm("O", "2015-01-01", null);
            List<IndicatorValue> v = f.compute("2018-12-31", "ent.survival_3y", "ent.survival_1y", "ent.active");
            IndicatorValue r = row(v, "ent.survival_3y", "2018", "returnee");
            assertThat(r.numerator()).isEqualTo(n(2));
            assertThat(r.denominator()).isEqualTo(n(3));
            assertThat(value(v, "ent.survival_3y", "2018", "other")).isEqualByComparingTo("1");
            assertThat(value(v, "ent.survival_1y", "2016", "returnee")).isEqualByComparingTo("1");
            assertThat(value(v, "ent.active", "2018", "returnee")).isEqualTo(n(2));
            assertThat(find(v, "ent.active", "2019", "returnee", "", "")).isEmpty(); // after D's year: no such period
        }
    }

    @Test
    void highGrowthIsDecidedExactlyWithTheTenEmployeeThreshold() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("exact10pct", "2012-01-01", null).year("exact10pct", 2017, "employees = 1000").year("exact10pct", 2020, "employees = 1331");
            f.returneeFirm("ten", "2012-01-01", null).year("ten", 2017, "employees = 10").year("ten", 2020, "employees = 14");
            f.returneeFirm("nine", "2012-01-01", null).year("nine", 2017, "employees = 9").year("nine", 2020, "employees = 90");
            f.returneeFirm("nodata", "2012-01-01", null).year("nodata", 2017, "employees = 50");
            f.returneeFirm("just", "2012-01-01", null).year("just", 2017, "employees = 1000").year("just", 2020, "employees = 1332");
            List<IndicatorValue> v = f.compute("2020-12-31", "ent.high_growth_rate");
            IndicatorValue r = row(v, "ent.high_growth_rate", "2020", "returnee");
            assertThat(r.denominator()).isEqualTo(n(3)); // exact10pct, ten, just
            assertThat(r.numerator()).isEqualTo(n(2)); // ten (10 -> 14), just (1000 -> 1332)
        }
    }

    @Test
    void turnoverHighGrowthInExactDecimals() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("eq", "2012-01-01", null).year("eq", 2017, "employees = 10, revenue = 1000.00").year("eq", 2020, "revenue = 1331.00");
            f.returneeFirm("up", "2012-01-01", null).year("up", 2017, "employees = 10, revenue = 1000.00").year("up", 2020, "revenue = 1331.01");
            f.returneeFirm("small", "2012-01-01", null).year("small", 2017, "employees = 9, revenue = 1.00").year("small", 2020, "revenue = 100.00");
            List<IndicatorValue> v = f.compute("2020-12-31", "ent.high_growth_turnover_rate");
            IndicatorValue r = row(v, "ent.high_growth_turnover_rate", "2020", "returnee");
            assertThat(r.denominator()).isEqualTo(n(2));
            assertThat(r.numerator()).isEqualTo(n(1));
        }
    }

    @Test
    void gazellesAreAtMostFiveYearsOld() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("age5", "2015-12-31", null).year("age5", 2017, "employees = 10").year("age5", 2020, "employees = 20");
            f.returneeFirm("age6", "2014-01-01", null).year("age6", 2017, "employees = 10").year("age6", 2020, "employees = 20");
            f.returneeFirm("slow", "2016-01-01", null).year("slow", 2017, "employees = 10").year("slow", 2020, "employees = 11");
            List<IndicatorValue> v = f.compute("2020-12-31", "ent.gazelles", "ent.gazelle_share");
            assertThat(value(v, "ent.gazelles", "2020", "returnee")).isEqualTo(n(1));
            assertThat(value(v, "ent.gazelles", "2020", "other")).isEqualTo(n(0));
            IndicatorValue s = row(v, "ent.gazelle_share", "2020", "returnee");
            assertThat(s.numerator()).isEqualTo(n(1));
            assertThat(s.denominator()).isEqualTo(n(2));
        }
    }

    @Test
    void profitableWithinCountsEveryBirthAndAnyProfitableYear() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("p1", "2018-06-01", null).year("p1", 2018, "net_profit = -5").year("p1", 2019, "net_profit = 0.01");
            f.returneeFirm("p0", "2018-06-01", null).year("p0", 2018, "net_profit = 0").year("p0", 2019, "net_profit = -1")
                .year("p0", 2021, "net_profit = 7");
            f.returneeFirm("nodata", "2018-06-01", "2019-01-01");
            List<IndicatorValue> v = f.compute("2021-12-31", "ent.profitable_within_1y", "ent.profitable_within_3y");
            IndicatorValue one = row(v, "ent.profitable_within_1y", "2019", "returnee");
            assertThat(one.numerator()).isEqualTo(n(1));
            assertThat(one.denominator()).isEqualTo(n(3));
            IndicatorValue three = row(v, "ent.profitable_within_3y", "2021", "returnee");
            assertThat(three.numerator()).isEqualTo(n(2));
        }
    }

    @Test
    void sharesHaveWilsonIntervalsAndTheDifferenceNewcombe() {
        try (Fixture f = new Fixture(dir)) {
            // 9 of 10 returnee firms high-tech, 3 of 10 others (Newcombe 1998 example: 9/10 - 3/10)
            for (int i = 0; i < 10; i++) {
                f.returneeFirm("r" + i, "2015-01-01", null).year("r" + i, 2020, "high_tech = " + (i < 9));
                f.otherFirm("o" + i, "2015-01-01", null).year("o" + i, 2020, "high_tech = " + (i < 3));
            }
            f.returneeFirm("r-null", "2015-01-01", null).year("r-null", 2020, "employees = 3"); // no high_tech: not counted
            List<IndicatorValue> v = f.compute("2020-12-31", "ent.high_tech_share");
            IndicatorValue r = row(v, "ent.high_tech_share", "2020", "returnee");
            assertThat(r.numerator()).isEqualTo(n(9));
            assertThat(r.denominator()).isEqualTo(n(10));
            Intervals.Interval w = Intervals.wilson(9, 10);
            assertThat(r.ciLow().doubleValue()).isCloseTo(w.low(), within(1e-10));
            assertThat(r.ciHigh().doubleValue()).isCloseTo(w.high(), within(1e-10));
            IndicatorValue d = row(v, "ent.high_tech_share", "2020", "difference");
            assertThat(d.value().doubleValue()).isCloseTo(0.6, within(1e-12));
            assertThat(d.ciLow().doubleValue()).isCloseTo(0.1705, within(5e-5));
            assertThat(d.ciHigh().doubleValue()).isCloseTo(0.8090, within(5e-5));
        }
    }

    @Test
    void sumsRatiosAndMediansWithBootstrapIntervals() {
        try (Fixture f = new Fixture(dir)) {
            String[] rev = {"100", "200", "300", "400"};
            for (int i = 0; i < 4; i++) {
                f.returneeFirm("r" + i, "2015-01-01", null)
                    .year("r" + i, 2019, "revenue = 100")
                    .year("r" + i, 2020, "employees = " + (10 * (i + 1)) + ", local_employees = " + (5 * (i + 1)) + ", revenue = " + rev[i]
                        + ", rd_expense = 10, patents_granted = " + i + ", overseas_revenue = " + (i == 0 ? 0 : 10)
                        + ", overseas_markets = '" + (i == 0 ? "" : i == 1 ? "US" : i == 2 ? "US;JP" : "US;JP;GB") + "'");
                f.otherFirm("o" + i, "2015-01-01", null).year("o" + i, 2019, "revenue = 100").year("o" + i, 2020, "revenue = 100, employees = 10");
            }
            f.returneeFirm("zero", "2015-01-01", null).year("zero", 2019, "revenue = 0").year("zero", 2020, "revenue = 50");
            List<IndicatorValue> v = f.compute("2020-12-31", "ent.revenue", "ent.employees", "ent.rd_intensity",
                "ent.patents_per_100_employees", "ent.local_employee_share", "ent.revenue_growth_median", "ent.markets_median",
                "ent.international_share", "ent.overseas_revenue_share");
            assertThat(value(v, "ent.revenue", "2020", "returnee")).isEqualByComparingTo("1050");
            assertThat(value(v, "ent.revenue", "2020", "other")).isEqualByComparingTo("400");
            assertThat(value(v, "ent.revenue", "2020", "difference")).isEqualByComparingTo("650");
            assertThat(value(v, "ent.employees", "2020", "returnee")).isEqualTo(n(100));
            IndicatorValue rd = row(v, "ent.rd_intensity", "2020", "returnee");
            assertThat(rd.numerator()).isEqualByComparingTo("40");
            assertThat(rd.denominator()).isEqualByComparingTo("1000");
            assertThat(rd.value()).isEqualByComparingTo("0.04");
            assertThat(rd.ciLow().doubleValue()).isLessThanOrEqualTo(0.04).isGreaterThan(0.0);
            assertThat(rd.ciHigh().doubleValue()).isGreaterThanOrEqualTo(0.04);
            assertThat(value(v, "ent.patents_per_100_employees", "2020", "returnee")).isEqualByComparingTo("6"); // 100 * 6 / 100
            assertThat(value(v, "ent.local_employee_share", "2020", "returnee")).isEqualByComparingTo("0.5");
            // growth 0, 1, 2, 3 (firm "zero" had no revenue > 0 in 2019): median of an even number = mean of 1 and 2
            IndicatorValue g = row(v, "ent.revenue_growth_median", "2020", "returnee");
            assertThat(g.value()).isEqualByComparingTo("1.5");
            assertThat(g.ciLow().doubleValue()).isBetween(0.0, 1.5);
            assertThat(g.ciHigh().doubleValue()).isBetween(1.5, 3.0);
            IndicatorValue gd = row(v, "ent.revenue_growth_median", "2020", "difference");
            assertThat(gd.value()).isEqualByComparingTo("1.5");
            assertThat(gd.ciLow()).isNotNull();
            // markets among firms with overseas revenue > 0: 1, 2, 3
            assertThat(value(v, "ent.markets_median", "2020", "returnee")).isEqualByComparingTo("2");
            assertThat(value(v, "ent.markets_median", "2020", "other")).isNull();
            assertThat(row(v, "ent.markets_median", "2020", "difference").value()).isNull();
            IndicatorValue intl = row(v, "ent.international_share", "2020", "returnee");
            assertThat(intl.numerator()).isEqualTo(n(3));
            assertThat(intl.denominator()).isEqualTo(n(4));
            assertThat(value(v, "ent.overseas_revenue_share", "2020", "returnee")).isEqualByComparingTo("0.03");
            // the same seed gives the same intervals
            List<IndicatorValue> again = f.compute("2020-12-31", "ent.rd_intensity");
            assertThat(row(again, "ent.rd_intensity", "2020", "returnee")).isEqualTo(rd);
        }
    }

    @Test
    void enterpriseYearsAfterDsYearAndFirmsFoundedAfterDAreIgnored() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("a", "2015-01-01", null).year("a", 2020, "employees = 5").year("a", 2021, "employees = 7");
            f.returneeFirm("b", "2020-07-01", null).year("b", 2020, "employees = 100");
            List<IndicatorValue> v = f.compute("2020-06-30", "ent.employees", "ent.births");
            assertThat(value(v, "ent.employees", "2020", "returnee")).isEqualTo(n(5));
            assertThat(find(v, "ent.employees", "2021", "returnee", "", "")).isEmpty();
            assertThat(value(v, "ent.births", "2020", "returnee")).isEqualTo(n(0));
        }
    }

    @Test
    void remainingSumsAndSharesSkipMissingFields() {
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("a", "2014-01-01", null).year("a", 2020, "tax_paid = 10.5, patents_granted = 2, funding_raised = 0");
            f.returneeFirm("b", "2014-01-01", null).year("b", 2020, "tax_paid = 0.25, funding_raised = 1000000");
            f.returneeFirm("c", "2014-01-01", null).year("c", 2020, "employees = 1");
            f.otherFirm("o", "2015-01-01", "2019-06-30").year("o", 2019, "tax_paid = 99");
            List<IndicatorValue> v = f.compute("2020-12-31", "ent.tax_paid", "ent.patents_granted", "ent.funding_raised",
                "ent.funded_share", "ent.survival_5y");
            assertThat(value(v, "ent.tax_paid", "2020", "returnee")).isEqualByComparingTo("10.75");
            assertThat(value(v, "ent.tax_paid", "2020", "other")).isEqualByComparingTo("0"); // o dissolved in 2019
            assertThat(value(v, "ent.tax_paid", "2019", "other")).isEqualByComparingTo("99");
            assertThat(value(v, "ent.patents_granted", "2020", "returnee")).isEqualTo(n(2));
            assertThat(value(v, "ent.funding_raised", "2020", "returnee")).isEqualByComparingTo("1000000");
            IndicatorValue funded = row(v, "ent.funded_share", "2020", "returnee");
            assertThat(funded.numerator()).isEqualTo(n(1));
            assertThat(funded.denominator()).isEqualTo(n(2)); // c has no funding_raised
            assertThat(row(v, "ent.funded_share", "2020", "other").denominator()).isEqualTo(n(0));
            assertThat(row(v, "ent.funded_share", "2020", "other").value()).isNull();
            assertThat(row(v, "ent.funded_share", "2020", "difference").ciLow()).isNull();
            assertThat(value(v, "ent.survival_5y", "2019", "returnee")).isEqualByComparingTo("1"); // born 2014
            assertThat(value(v, "ent.survival_5y", "2020", "other")).isEqualByComparingTo("0"); // born 2015, gone in 2019
        }
    }

    @Test
    void dataQualityCountsRowsStoredAndRowsAwaitingCorrection() {
        try (Fixture f = new Fixture(dir)) {
            f.person("A").person("B").person("C").move("M1", "A", "2015-01-01", "arrive", "310104");
            // batches do not count: two imports of the same 3 rows still store 3 rows (issue 12, defect 3)
            f.sql("INSERT INTO import_batches (batch_id, run_id, table_name, file_name, sheet, checksum, started_at, finished_at,"
                + " rows_read, blank_rows, inserted, updated, unchanged, rejected) VALUES (1, 'r', 'persons', 'persons.csv', NULL, 'x', now()::TIMESTAMP, now()::TIMESTAMP,"
                + " 10, 0, 6, 1, 1, 2), (2, 'r', 'persons', 'p2.csv', NULL, 'y', now()::TIMESTAMP, now()::TIMESTAMP, 3, 0, 3, 0, 0, 0)");
            f.sql("INSERT INTO quarantine VALUES (1, 'persons', 'persons.csv', 2, 'X1', '{}', 'e', NULL),"
                + " (1, 'persons', 'persons.csv', 3, 'X2', '{}', 'e', NULL), (1, 'persons', 'persons.csv', 4, 'X3', '{}', 'e', 2),"
                + " (3, 'city_moves', 'm.csv', 2, 'M9', '{}', 'e', NULL)");
            List<IndicatorValue> v = f.compute("2020-12-31", "data.rows_accepted", "data.rows_rejected");
            assertThat(find(v, "data.rows_accepted", "", "", "table", "persons").orElseThrow().value()).isEqualTo(n(3));
            assertThat(find(v, "data.rows_accepted", "", "", "table", "city_moves").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "data.rows_rejected", "", "", "table", "persons").orElseThrow().value()).isEqualTo(n(2));
            assertThat(find(v, "data.rows_rejected", "", "", "table", "city_moves").orElseThrow().value()).isEqualTo(n(1));
            assertThat(find(v, "data.rows_accepted", "", "", "table", "survey").orElseThrow().value()).isEqualTo(n(0));
            assertThat(value(v, "data.rows_accepted", "", "")).isEqualTo(n(4));
            assertThat(value(v, "data.rows_rejected", "", "")).isEqualTo(n(3));
        }
    }

    @Test
    void blueprintIndicatorsAreReportedAsNotAvailable() {
        try (Fixture f = new Fixture(dir)) {
            RawResult r = new IndicatorEngine(Catalogue.core()).run(f.store.connection(),
                IndicatorRequest.of(java.time.LocalDate.of(2020, 1, 1)).withOnly(java.util.Set.of("ent.key_zone_share", "ent.active")));
            assertThat(r.notAvailable()).containsOnlyKeys("ent.key_zone_share");
            assertThat(r.notAvailable().get("ent.key_zone_share")).contains("needs a blueprint");
            assertThat(r.values()).allMatch(x -> x.indicator().equals("ent.active"));
        }
    }
}
