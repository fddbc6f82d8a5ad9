package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inflow.year_projection}: projected full-year arrivals from the year to date and the seasonal share of the last
 * five complete years, with a t prediction interval. Every expected figure is computed by hand (comments).
 */
class YearProjectionTest {

    @TempDir
    Path dir;

    /** {@code part} returnees arrive in year y on or before 30 June, {@code total - part} after it. */
    private static void year(Fixture f, int y, int part, int total) {
        for (int i = 0; i < total; i++) {
            String id = "p" + y + "-" + i;
            f.returnee(id).move(id + "m", id, i < part ? y + "-06-30" : y + "-07-01", "arrive", "310104");
        }
    }

    @Test
    void ratioEstimatorOverTheLastFiveCompleteYearsWithATInterval() {
        try (Fixture f = new Fixture(dir)) {
            year(f, 2015, 10, 10); // p = 1: six years back, must not count
            year(f, 2016, 5, 10);  // p = 0.5
            year(f, 2017, 4, 10);  // p = 0.4
            year(f, 2018, 5, 10);  // 0.5
            year(f, 2019, 6, 10);  // 0.6
            year(f, 2020, 5, 10);  // 0.5
            // a person arriving twice in the same year counts once (distinct persons, as inflow.year)
            f.move("p2020-0m2", "p2020-0", "2020-03-01", "arrive", "310104");
            // 2021 so far: 6 by 30 June; an arrival after D does not exist yet
            for (int i = 0; i < 7; i++) {
                String id = "q" + i;
                f.returnee(id).move(id + "m", id, i < 6 ? "2021-0" + (1 + i % 6) + "-15" : "2021-07-02", "arrive", "310104");
            }
            List<IndicatorValue> v = f.compute("2021-06-30", "inflow.year_projection");
            IndicatorValue r = Fixture.row(v, "inflow.year_projection", "2021", "");
            // p-bar = 0.5, s = sqrt(0.02 / 4) = 0.0707107, t(0.975, 4) = 2.776445105,
            // half-width = 2.776445105 x 0.0707107 x sqrt(1.2) = 0.2150625
            // projection = 6 / 0.5 = 12; low = 6 / 0.7150625 = 8.390875; high = 6 / 0.2849375 = 21.057250
            assertThat(r.value().doubleValue()).isCloseTo(12.0, within(1e-9));
            assertThat(r.numerator().longValue()).isEqualTo(6);
            assertThat(r.denominator().doubleValue()).isCloseTo(0.5, within(1e-12));
            assertThat(r.ciLow().doubleValue()).isCloseTo(8.390874770, within(1e-6));
            assertThat(r.ciHigh().doubleValue()).isCloseTo(21.057250362, within(1e-6));
        }
    }

    @Test
    void wideIntervalHasNoUpperEndAndTheYearCannotEndBelowItsArrivalsSoFar() {
        try (Fixture f = new Fixture(dir)) {
            year(f, 2018, 2, 4); // 0.5
            year(f, 2019, 1, 4); // 0.25
            year(f, 2020, 3, 4); // 0.75
            f.returnee("a").move("am", "a", "2021-02-01", "arrive", "310104");
            f.returnee("b").move("bm", "b", "2021-06-30", "arrive", "310104");
            IndicatorValue r = Fixture.row(f.compute("2021-06-30", "inflow.year_projection"), "inflow.year_projection", "2021", "");
            // p-bar = 0.5, s = 0.25, n = 3, t(0.975, 2) = 4.30265273: half-width 1.242 > p-bar, so no upper end;
            // the upper p is above 1, so the low end is the arrivals so far: 2
            assertThat(r.value().doubleValue()).isCloseTo(4.0, within(1e-9));
            assertThat(r.ciLow().doubleValue()).isCloseTo(2.0, within(1e-9));
            assertThat(r.ciHigh()).isNull();
        }
    }

    @Test
    void fewerThanTwoEarlierYearsGiveNoValue() {
        try (Fixture f = new Fixture(dir)) {
            year(f, 2020, 2, 4);
            f.returnee("a").move("am", "a", "2021-02-01", "arrive", "310104");
            assertThat(f.compute("2021-06-30", "inflow.year_projection")).isEmpty();
        }
    }
}
