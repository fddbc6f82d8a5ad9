package org.haigui.synth;

import java.time.LocalDate;
import java.util.List;

/**
 * The calibration of the generator to the published Shanghai figures (facts.md), at the default
 * scale ({@value #DEFAULT_PERSONS} persons) and the default seed ({@value #DEFAULT_SEED}).
 *
 * <p>Every target is measured on the generated files by SQL that follows indicators.md literally
 * (see {@code SynthCalibrationTest}); at another scale the count targets scale in proportion to
 * the number of persons, shares stay as they are.
 *
 * <pre>
 * target                                 | figure   | source                              | tolerance       | yields (default scale and seed)
 * ---------------------------------------+----------+-------------------------------------+-----------------+--------------------------------
 * stock on 2021-09-30                    | 220,000  | HRSS bureau report 2021 (facts.md)  | 209,000-231,000 | 221,381
 * return arrivals 2016-2020 (persons)    |  67,000  | same                                | 62,300-71,700   |  67,449
 * 2016-2020 over 2011-2015               | "more than double" | same                      | 2.0-2.6         | 2.30 (2011-2015: 29,337)
 * return arrivals 2021-01-01..09-30      |  22,000  | same ("equal to last year's sum")  | 20,240-23,760   |  21,884
 * return arrivals 2020                   |  22,000  | same                                | 20,240-23,760   |  22,164
 * ytd 2021 over 2020                     |  1       | same                                | 0.9-1.1         | 0.987
 * returnee founders, master or doctorate |  83.3%   | Returnees Index of Shanghai Ecosystem 300 (facts.md) | +-4 pp | 84.0%
 * returnee founders who worked overseas  |  71.4%   | same                                | +-4 pp          | 71.7%
 * survey: senior position abroad         |  31.2%   | same (weighted share)               | +-5 pp          | 31.9%
 * survey: founded a business abroad      |  21.9%   | same (weighted share)               | +-5 pp          | 22.1%
 * survey: passion for innovation         |  81.6%   | same (weighted share)               | +-5 pp          | 81.4%
 * ent.profitable_within_1y, returnee     | > 1/3    | same                                | 0.33-0.45       | 0.363 (born 2010-2019)
 * ent.profitable_within_3y, returnee     | > 60%    | same                                | 0.60-0.72       | 0.634 (born 2010-2017)
 * </pre>
 *
 * The unit test checks the table at 1/10 of the default scale with proportional count targets
 * ({@code -Dsynth.persons=300000} runs it at the default scale; the yields above are from that run).
 * Founders are the returnee founders (returnee as of 2021-09-30) of returnee-founded firms; the
 * degree share is over those whose highest_degree is given; "worked overseas" is a work or research
 * episode. Profitability is pooled over the birth cohorts named.
 */
public final class Calibration {

    /**
     * The report date the synthetic records are calibrated to (facts.md: the 2021 report counts to
     * 30 September 2021); the records run to the end of 2021, so "as of D" matters.
     */
    public static final LocalDate REPORT_DATE = LocalDate.of(2021, 9, 30);

    public static final long DEFAULT_PERSONS = 300_000;
    public static final long DEFAULT_SEED = 20211001L;

    /** One calibration target. {@code value} is a count at the default scale or a share. */
    public record Target(String id, String description, double value, double low, double high, boolean count, String source) {
        /** The bounds at a scale of {@code persons} (counts scale in proportion; shares do not). */
        public double lowAt(long persons) {
            return count ? low * persons / DEFAULT_PERSONS : low;
        }

        public double highAt(long persons) {
            return count ? high * persons / DEFAULT_PERSONS : high;
        }
    }

    private static final String HRSS = "Shanghai Municipal Human Resources and Social Security Bureau, report of 2021 (facts.md)";
    private static final String INDEX300 = "Returnees Index of Shanghai Ecosystem 300, 2021 (facts.md)";

    /** The calibration table. */
    public static final List<Target> TARGETS = List.of(
        new Target("stock", "returnees as of 2021-09-30 in the city on that date", 220_000, 209_000, 231_000, true, HRSS),
        new Target("inflow.window5.2016-2020", "distinct persons with a return arrival in 2016-2020", 67_000, 62_300, 71_700, true, HRSS),
        new Target("inflow.window5_multiple.2016-2020", "2016-2020 over 2011-2015 (\"more than double\")", 2.2, 2.0, 2.6, false, HRSS),
        new Target("inflow.ytd.2021-09-30", "distinct persons with a return arrival 2021-01-01..2021-09-30", 22_000, 20_240, 23_760, true, HRSS),
        new Target("inflow.year.2020", "distinct persons with a return arrival in 2020", 22_000, 20_240, 23_760, true, HRSS),
        new Target("inflow.ytd_vs_last_year.2021", "ytd 2021 over the year 2020 (\"equal to last year's sum\")", 1.0, 0.9, 1.1, false, HRSS),
        new Target("founders.master_or_doctorate", "returnee founders of returnee-founded firms with highest_degree master or doctorate", 0.833, 0.793, 0.873, false, INDEX300),
        new Target("founders.worked_overseas", "returnee founders of returnee-founded firms with a work or research episode", 0.714, 0.674, 0.754, false, INDEX300),
        new Target("survey.senior_position_abroad", "weighted share answering yes", 0.312, 0.262, 0.362, false, INDEX300),
        new Target("survey.founded_business_abroad", "weighted share answering yes", 0.219, 0.169, 0.269, false, INDEX300),
        new Target("survey.passion_innovation", "weighted share choosing passion_innovation", 0.816, 0.766, 0.866, false, INDEX300),
        new Target("ent.profitable_within_1y", "returnee-founded firms born 2010-2019, profit > 0 in the birth year or the next", 0.36, 0.33, 0.45, false, INDEX300),
        new Target("ent.profitable_within_3y", "returnee-founded firms born 2010-2017, profit > 0 within the birth year and the next three", 0.64, 0.60, 0.72, false, INDEX300));

    // ---- the generator's knobs (tuned so that the figures above come out at the default scale)

    /** Person categories (shares of all persons). */
    static final double P_ARRIVER = 0.528;
    static final double P_STAYER = 0.275;
    static final double P_ABROAD = 0.025;
    static final double P_NOMOVE = 0.015;
    static final double P_NONRET = 1.0 - P_ARRIVER - P_STAYER - P_ABROAD - P_NOMOVE;

    /** First return arrivals in 2021 (persons at the default scale), split at the report date. */
    static final double RETURNS_2021_Q1_Q3 = 21_600;
    static final double RETURNS_2021_Q4 = 6_000;

    /** First return arrivals per year (persons at the default scale). */
    static double returnWeight(int year) {
        return switch (year) {
            case 2011 -> 4_400;
            case 2012 -> 5_000;
            case 2013 -> 5_600;
            case 2014 -> 6_200;
            case 2015 -> 6_800;
            case 2016 -> 8_800;
            case 2017 -> 10_200;
            case 2018 -> 11_600;
            case 2019 -> 13_200;
            case 2020 -> 21_700;
            default -> year < 2011 ? 4_000 * Math.pow(0.9, 2010 - year) : 0;
        };
    }

    static final double LEAVE_PER_YEAR = 0.012;
    static final double P_COME_BACK = 0.35;
    static final double P_ABROAD_TWICE = 0.04;

    static final double RETURNEE_FIRMS_PER_BLOCK = 2.0;
    static final double OTHER_FIRMS_PER_BLOCK = 1.35;
    static final double P_TIED_TEAM = 0.5;

    /** Years from founding to the first profitable year: 0, 1, ..., 6, never. */
    static final double[] ONSET_RETURNEE_CUM = Rng.cumulative(0.19, 0.18, 0.15, 0.15, 0.08, 0.06, 0.05, 0.14);
    static final double[] ONSET_OTHER_CUM = Rng.cumulative(0.15, 0.15, 0.12, 0.10, 0.10, 0.08, 0.08, 0.22);

    static final double P_SURVEYED = 0.4;
    static final double SURVEY_TECH = 0.72;
    static final double SURVEY_TEAM = 0.6;
    static final double SURVEY_CONTACTS = 0.66;
    /**
     * Only those who worked abroad (per their records) answer yes to "held a senior position abroad"
     * or "founded a business abroad"; about three quarters of the respondents worked abroad, so
     * these conditional shares give weighted shares of about 31.2% and 21.9%.
     */
    static final double SURVEY_SENIOR_IF_WORKED = 0.425;
    static final double SURVEY_FOUNDED_IF_WORKED = 0.283;
    static final double SURVEY_PASSION = 0.816;

    private Calibration() {
    }
}
