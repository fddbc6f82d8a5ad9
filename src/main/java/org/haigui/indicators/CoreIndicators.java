package org.haigui.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.haigui.indicators.IndicatorDefinition.Kind;

/**
 * The core catalogue entries: flows and stock of returnees, enterprise demography, development /
 * competitiveness / integration / internationalisation, and data quality (indicators.md, version 1).
 * Each entry is one block: titles, unit, method texts, and the SQL over the tables of
 * {@link BaseTables}.
 */
final class CoreIndicators {

    /**
     * {@code x(person_id, t)}: the 5-year windows, by their last year t, that hold a return arrival of the person (a
     * window with arrivals in two of its years comes twice: the indicators count distinct persons).
     */
    private static final String ARRIVAL_WINDOWS = "(SELECT a.person_id, a.yr + k.k AS t FROM (SELECT DISTINCT person_id,"
        + " CAST(extract(year FROM d) AS INTEGER) AS yr FROM hg_ra) a CROSS JOIN (VALUES (0), (1), (2), (3), (4)) AS k(k)) x";

    static final List<String> PERSON_BREAKDOWNS = Breakdowns.ids(Breakdowns.Scope.PERSON);
    static final List<String> ENTERPRISE_BREAKDOWNS = Breakdowns.ids(Breakdowns.Scope.ENTERPRISE);

    private static final String YEARS = "SELECT @str(t) AS period FROM hg_eyears";

    /** Enterprises active in t with employees >= 10 in t-3 and employee data for t-3 and t; hit = high growth. */
    private static final String HIGH_GROWTH = """
        SELECT a.eidx, a.t, CASE WHEN 1000 * c.employees > 1331 * c.employees_3 THEN 1 ELSE 0 END AS hit
        FROM hg_active a JOIN hg_ey c ON c.eidx = a.eidx AND c.t = a.t
        WHERE c.employees_3 >= 10 AND c.employees IS NOT NULL""";

    private CoreIndicators() {
    }

    static List<IndicatorDefinition> definitions(RunContext context) {
        List<IndicatorDefinition> l = new ArrayList<>();
        persons(l, context.cityOrHereZh());
        demography(l);
        development(l, context);
        l.addAll(BlueprintIndicators.definitions(context));
        quality(l, context.cityOrHereZh());
        return List.copyOf(l);
    }

    // ---------------------------------------------------------------- flows and stock of returnees

    private static void persons(List<IndicatorDefinition> l, String cityZh) {
        l.add(IndicatorDefinition.builder("inflow.year", Kind.PERSON_COUNT)
            .title("年度回流人数", "Returnee arrivals per year").unit("persons")
            .method("日历年 t 内有回流到达的不同人数（回流到达：某人在到达当日 T 已是海归时的来" + cityZh + "记录；海归：截至 T 有已结束的学士、硕士或博士学习经历，"
                    + "或截至 T 已结束的各类海外经历合计覆盖至少 365 个不同日历日）。每个有数据的年份（自首条迁移记录所在年份至 D 所在年份）均给出，总计为零也给出。",
                "Distinct persons with a return arrival in calendar year t (a return arrival is an arrive move dated T by a person who "
                    + "is a returnee as of T: a bachelor, master or doctorate study episode ended by T, or overseas episodes ended by T "
                    + "whose union covers at least 365 distinct days). Given for every year from the first year with a move to D's year, "
                    + "zero totals included.")
            .breakdowns(PERSON_BREAKDOWNS)
            .sql("SELECT person_id, @str(extract(year FROM d)) AS period FROM hg_ra")
            .periods("SELECT @str(t) AS period FROM hg_pyears").build());
        l.add(IndicatorDefinition.builder("inflow.quarter", Kind.PERSON_COUNT)
            .title("季度回流人数", "Returnee arrivals per quarter").unit("persons")
            .method("同年度回流人数，按日历季度（如 2021Q3）统计；D 所在季度只计至 D。",
                "As inflow.year, per calendar quarter (2021Q3); the quarter of D counts up to D.")
            .sql("SELECT person_id, @str(extract(year FROM d)) || 'Q' || @str(extract(quarter FROM d)) AS period FROM hg_ra")
            .periods("SELECT label AS period FROM hg_pquarters").build());
        l.add(IndicatorDefinition.builder("inflow.window5", Kind.PERSON_COUNT)
            .title("五年回流人数", "Returnee arrivals in five years").unit("persons")
            .method("截至 t 年的 5 个日历年（如 2016-2020）内有回流到达的不同人数（同一人只计一次），每个有数据的年份 t 均给出。",
                "Distinct persons with a return arrival in the 5 calendar years ending in year t (2016-2020), a person counted once; "
                    + "for every year t with data.")
            .breakdowns(PERSON_BREAKDOWNS)
            // a person's arrival years once each, then the five windows t = year .. year + 4 that hold a year: an equi-join
            // on the year instead of a range join of every arrival with the years (the same (person, window) pairs)
            .sql("SELECT x.person_id, @str(y.t - 4) || '-' || @str(y.t) AS period FROM " + ARRIVAL_WINDOWS
                + " JOIN hg_pyears y ON y.t = x.t")
            .periods("SELECT @str(t - 4) || '-' || @str(t) AS period FROM hg_pyears").build());
        l.add(IndicatorDefinition.builder("inflow.window5_multiple", Kind.TIDY)
            .title("五年回流人数倍数", "Five-year arrivals against the five years before").unit("ratio")
            .method("t 年五年回流人数除以 t-5 年五年回流人数（分子、分母一并给出）；分母为零时不给值。",
                "inflow.window5 for t divided by inflow.window5 for t-5 (numerator and denominator given); no value when the denominator is 0.")
            .sql("""
                WITH w AS (SELECT y.t, count(DISTINCT x.person_id) AS n FROM hg_pyears y
                           LEFT JOIN WINDOWS ON x.t = y.t GROUP BY y.t)
                SELECT @str(a.t - 4) || '-' || @str(a.t) AS period, '' AS breakdown, '' AS category,
                       CAST(a.n AS DOUBLE) / nullif(b.n, 0) AS value, a.n AS numerator, b.n AS denominator
                FROM w a JOIN w b ON b.t = a.t - 5""".replace("WINDOWS", ARRIVAL_WINDOWS)).build());
        l.add(IndicatorDefinition.builder("inflow.ytd", Kind.PERSON_COUNT)
            .title("年初至今回流人数", "Returnee arrivals year to date").unit("persons")
            .method("自 D 所在年 1 月 1 日至 D 有回流到达的不同人数；期间写作 2021-01-01..2021-09-30。",
                "Distinct persons with a return arrival from 1 January of D's year through D; the period is written 2021-01-01..2021-09-30.")
            .sql("SELECT person_id, ${ytdPeriod} AS period FROM hg_ra WHERE d >= ${yearStart}")
            .periods("SELECT ${ytdPeriod} AS period").build());
        l.add(IndicatorDefinition.builder("inflow.ytd_vs_last_year", Kind.TIDY)
            .title("年初至今回流人数与上年全年之比", "Arrivals year to date against all of last year").unit("ratio")
            .method("年初至今回流人数除以上一年度回流人数（分子、分母一并给出）。",
                "inflow.ytd divided by inflow.year of the previous year (numerator and denominator given).")
            .sql("""
                SELECT ${ytdPeriod} AS period, '' AS breakdown, '' AS category,
                       CAST(a.n AS DOUBLE) / nullif(b.n, 0) AS value, a.n AS numerator, b.n AS denominator
                FROM (SELECT count(DISTINCT person_id) AS n FROM hg_ra WHERE d >= ${yearStart}) a
                CROSS JOIN (SELECT count(DISTINCT person_id) AS n FROM hg_ra WHERE extract(year FROM d) = ${asOfYear} - 1) b""").build());
        l.add(yearProjection());
        l.add(IndicatorDefinition.builder("stock", Kind.PERSON_COUNT)
            .title("在" + cityZh + "海归存量", "Returnees in the city").unit("persons")
            .method("截至 D 为海归且 D 日在" + cityZh + "的人数：D 日及以前最近一条迁移记录为来" + cityZh + "（同日先计来" + cityZh + "、后计离" + cityZh + "）。",
                "Returnees as of D who are in the city on D: their latest move dated on or before D is an arrive (moves on the same "
                    + "date: arrive is taken before leave).")
            .breakdowns(PERSON_BREAKDOWNS)
            .sql("SELECT person_id, '' AS period FROM hg_stock")
            .periods("SELECT '' AS period").build());
        l.add(IndicatorDefinition.builder("stock.share_entrepreneur", Kind.TIDY)
            .title("在" + cityZh + "海归中创业者占比", "Share of returnees in the city who are entrepreneurs").unit("share")
            .method("在" + cityZh + "海归存量中，身为 D 所在年度存续企业创始人的比例（截至 D：成立于 D 以前、未在该年 1 月 1 日前注销）。",
                "Share of stock who are founders (role founder) of an enterprise active in D's year (founded by D and not dissolved "
                    + "before 1 January of that year; a dissolution after D is not yet known).")
            .sql("""
                WITH f AS (SELECT DISTINCT p.person_id FROM enterprise_people p JOIN enterprises e ON e.enterprise_id = p.enterprise_id
                           WHERE p.role = 'founder' AND (p.joined_date IS NULL OR p.joined_date <= ${asOf})
                             AND e.founded_date <= ${asOf} AND (e.dissolved_date IS NULL OR e.dissolved_date >= ${yearStart}))
                SELECT '' AS period, '' AS breakdown, '' AS category,
                       CAST(count(f.person_id) AS DOUBLE) / nullif(count(*), 0) AS value, count(f.person_id) AS numerator, count(*) AS denominator
                FROM hg_stock s LEFT JOIN f ON f.person_id = s.person_id""").build());
    }

    /** Complete years before D's year whose seasonal share the projection averages. */
    static final int PROJECTION_YEARS = 5;

    /**
     * {@code inflow.year_projection}: D's year projected from its arrivals to date and the share of a
     * year's arrivals that fell by the same calendar day in the last {@value #PROJECTION_YEARS}
     * complete years (a ratio estimator with a t prediction interval for the share of the year to
     * come). Student's t quantiles t(0.975, n - 1) for n = 2..5 years are constants.
     */
    static IndicatorDefinition yearProjection() {
        return IndicatorDefinition.builder("inflow.year_projection", Kind.TIDY)
            .title("本年度回流人数预测", "Projected returnee arrivals this year").unit("persons")
            .method("按当前进度预测 D 所在年度全年回流人数。取 D 所在年之前最近 " + PROJECTION_YEARS + " 个完整日历年中全年回流人数大于零的年份 y"
                    + "（至少 2 个，否则不给值），p_y = y 年 1 月 1 日至与 D 同月同日（2 月 29 日在平年即 2 月 28 日）的回流人数 ÷ y 年全年回流人数"
                    + "（均为不同人数，口径同年度回流人数）；p̄ 为 p_y 的平均值，s 为其样本标准差，n 为年数。预测值 = 年初至今回流人数 ÷ p̄"
                    + "（分子为年初至今回流人数，分母为 p̄）。95% 预测区间：把本年度的 p 视为同分布的新一年，"
                    + "p 的区间为 p̄ ± t(0.975, n-1) × s × √(1 + 1/n)，再换算为全年人数：下限 = 年初至今人数 ÷ min(1, p 上限)，"
                    + "上限 = 年初至今人数 ÷ p 下限（p 下限不大于 0 时不给上限）。区间只反映各年季节分布的差异，不含本年度人数本身的随机波动。",
                "Projected full-year return arrivals of D's year at the pace so far. Over the years y among the last "
                    + PROJECTION_YEARS + " complete calendar years before D's year that had any return arrival (at least 2, else no "
                    + "value): p_y = distinct persons with a return arrival from 1 January of y through the same month and day as D "
                    + "(29 February is 28 February in a common year) divided by inflow.year of y; p-bar is the mean of the p_y, s "
                    + "their sample standard deviation, n the number of years. Projection = inflow.ytd / p-bar (numerator inflow.ytd, "
                    + "denominator p-bar). 95% prediction interval: this year's p taken as a new draw, p-bar +/- t(0.975, n-1) x s x "
                    + "sqrt(1 + 1/n), turned into full-year arrivals: low = inflow.ytd / min(1, upper p), high = inflow.ytd / lower p "
                    + "(no upper end when lower p <= 0). The interval reflects the year-to-year variation of the seasonal share only, "
                    + "not the chance variation of this year's count.")
            .sql("""
                WITH y AS (SELECT t FROM hg_pyears WHERE t BETWEEN ${asOfYear} - %d AND ${asOfYear} - 1),
                     a AS (SELECT y.t,
                                  count(DISTINCT r.person_id) AS total,
                                  count(DISTINCT CASE WHEN extract(month FROM r.d) * 100 + extract(day FROM r.d)
                                                      <= extract(month FROM ${asOf}) * 100 + extract(day FROM ${asOf})
                                                 THEN r.person_id END) AS part
                           FROM y JOIN hg_ra r ON extract(year FROM r.d) = y.t GROUP BY y.t),
                     p AS (SELECT count(*) AS n, avg(CAST(part AS DOUBLE) / total) AS pbar,
                                  stddev_samp(CAST(part AS DOUBLE) / total) AS s
                           FROM a WHERE total > 0),
                     q AS (SELECT n, pbar,
                                  pbar - tq * s * sqrt(1.0 + 1.0 / n) AS plo, pbar + tq * s * sqrt(1.0 + 1.0 / n) AS phi
                           FROM (SELECT n, pbar, s, CASE n WHEN 2 THEN 12.706204736 WHEN 3 THEN 4.302652730 WHEN 4 THEN 3.182446305
                                                        ELSE 2.776445105 END AS tq FROM p WHERE n >= 2 AND pbar > 0) z),
                     ytd AS (SELECT count(DISTINCT person_id) AS n FROM hg_ra WHERE d >= ${yearStart})
                SELECT @str(${asOfYear}) AS period, '' AS breakdown, '' AS category,
                       ytd.n / q.pbar AS value, ytd.n AS numerator, q.pbar AS denominator,
                       ytd.n / least(1.0, q.phi) AS ci_low,
                       CASE WHEN q.plo > 0 THEN ytd.n / q.plo END AS ci_high,
                       ytd.n AS units
                FROM q CROSS JOIN ytd""".formatted(PROJECTION_YEARS)).build();
    }

    // ---------------------------------------------------------------- enterprise demography

    private static void demography(List<IndicatorDefinition> l) {
        l.add(ent("ent.active", Kind.ENT_COUNT, "存续企业数", "Active enterprises", "enterprises",
            "t 年存续的企业数：成立日期不晚于 t 年 12 月 31 日，且无注销日期或注销日期不早于 t 年 1 月 1 日。",
            "Enterprises active in year t: founded_date <= 31 Dec t and no dissolved_date or dissolved_date >= 1 Jan t.",
            "SELECT eidx, @str(t) AS period FROM hg_active"));
        l.add(ent("ent.births", Kind.ENT_COUNT, "新设企业数", "Enterprise births", "enterprises",
            "成立日期在 t 年的企业数。", "Enterprises born (founded) in year t.",
            "SELECT eidx, @str(fy) AS period FROM hg_ent WHERE grp IS NOT NULL"));
        for (int n : new int[] {1, 3, 5}) {
            l.add(ent("ent.survival_" + n + "y", Kind.ENT_SHARE, n + " 年存活率", n + "-year survival rate", "share",
                "t-" + n + " 年新设的企业中，t 年仍存续的比例（于 1 月 1 日注销的企业在该年仍算存续）。",
                "Of enterprises born in year t-" + n + ", the share active in year t (an enterprise dissolved on 1 January of t is "
                    + "still active in t).",
                "SELECT eidx, @str(fy + " + n + ") AS period, CASE WHEN dy IS NULL OR dy >= fy + " + n
                    + " THEN 1 ELSE 0 END AS hit FROM hg_ent WHERE grp IS NOT NULL AND fy + " + n + " <= ${asOfYear}"));
        }
        l.add(ent("ent.high_growth_rate", Kind.ENT_SHARE, "高成长企业比例（就业）", "High-growth enterprise rate (employment)", "share",
            "t 年存续、t-3 年从业人数不少于 10 人且 t-3 年与 t 年均有从业人数的企业中，三年年均从业人数增长率高于 10% 的比例，"
                + "精确判定：1000 × 从业人数_t > 1331 × 从业人数_{t-3}（恰好 10% 不算）。",
            "Of enterprises active in t with employees >= 10 in t-3 and employee data for t-3 and t, the share whose average annual "
                + "employee growth (emp_t / emp_{t-3})^(1/3) - 1 is above 10%, decided exactly as 1000 x emp_t > 1331 x emp_{t-3} "
                + "(exactly 10% is not high growth).",
            "SELECT eidx, @str(t) AS period, hit FROM (" + HIGH_GROWTH + ") h"));
        l.add(ent("ent.high_growth_turnover_rate", Kind.ENT_SHARE, "高成长企业比例（营业收入）", "High-growth enterprise rate (turnover)", "share",
            "同上，以营业收入代替从业人数：t-3 年从业人数不少于 10 人，t-3 年与 t 年均有营业收入，且营业收入_t > 1.331 × 营业收入_{t-3}（精确小数运算）。",
            "As ent.high_growth_rate with revenue in place of employees: employees >= 10 in t-3, revenue data for t-3 and t, "
                + "revenue_t > 1.331 x revenue_{t-3} in exact decimal arithmetic.",
            """
            SELECT a.eidx, @str(a.t) AS period,
                   CASE WHEN 1000 * CAST(c.revenue AS DECIMAL(38, 2)) > 1331 * CAST(c.revenue_3 AS DECIMAL(38, 2)) THEN 1 ELSE 0 END AS hit
            FROM hg_active a JOIN hg_ey c ON c.eidx = a.eidx AND c.t = a.t
            WHERE c.employees_3 >= 10 AND c.revenue IS NOT NULL AND c.revenue_3 IS NOT NULL"""));
        for (int n : new int[] {1, 3}) {
            l.add(ent("ent.profitable_within_" + n + "y", Kind.ENT_SHARE, n + " 年内盈利比例", "Profitable within " + n + " year" + (n > 1 ? "s" : ""), "share",
                "t-" + n + " 年新设的企业中，t-" + n + " 年至 t 年间某一年净利润大于 0 的比例（无利润数据的企业计入分母）。",
                "Of enterprises born in year t-" + n + ", the share with net_profit > 0 in some year from t-" + n + " to t "
                    + "(enterprises without profit data count in the denominator).",
                "SELECT e.eidx, @str(e.fy + " + n + ") AS period,"
                    + " max(CASE WHEN y.net_profit > 0 THEN 1 ELSE 0 END) AS hit FROM hg_ent e"
                    + " LEFT JOIN hg_ey y ON y.eidx = e.eidx AND y.t BETWEEN e.fy AND e.fy + " + n
                    + " WHERE e.grp IS NOT NULL AND e.fy + " + n + " <= ${asOfYear} GROUP BY e.eidx, e.fy"));
        }
        l.add(ent("ent.gazelles", Kind.ENT_COUNT, "瞪羚企业数", "Gazelles", "enterprises",
            "t 年高成长（就业）企业中成立于 t-5 年或以后的企业数（成立 5 年的算，6 年的不算）。",
            "Count of high-growth enterprises (employment) in t born in year t-5 or later (age 5 counts, age 6 does not).",
            "SELECT h.eidx, @str(h.t) AS period FROM (" + HIGH_GROWTH + ") h JOIN hg_ent e ON e.eidx = h.eidx"
                + " WHERE h.hit = 1 AND e.fy >= h.t - 5"));
        l.add(ent("ent.gazelle_share", Kind.ENT_SHARE, "瞪羚企业占高成长企业比例", "Gazelles among high-growth enterprises", "share",
            "t 年瞪羚企业数除以 t 年高成长（就业）企业数。", "ent.gazelles over the count of high-growth enterprises (employment) in t.",
            "SELECT h.eidx, @str(h.t) AS period, CASE WHEN e.fy >= h.t - 5 THEN 1 ELSE 0 END AS hit FROM ("
                + HIGH_GROWTH + ") h JOIN hg_ent e ON e.eidx = h.eidx WHERE h.hit = 1"));
    }

    // ---------------------------------------------------------------- development, competitiveness, ...

    private static void development(List<IndicatorDefinition> l, RunContext context) {
        sum(l, "ent.employees", "employees", "从业人数合计", "Employees", "employees", "年末从业人数");
        sum(l, "ent.revenue", "revenue", "营业收入合计", "Revenue", "CNY", "营业收入");
        sum(l, "ent.tax_paid", "tax_paid", "纳税额合计", "Tax paid", "CNY", "纳税额");
        sum(l, "ent.patents_granted", "patents_granted", "授权专利合计", "Patents granted", "patents", "授权专利数");
        sum(l, "ent.funding_raised", "funding_raised", "融资额合计", "Funding raised", "CNY", "融资额");
        l.add(ent("ent.revenue_growth_median", Kind.ENT_MEDIAN, "营业收入增长率中位数", "Median revenue growth", "ratio",
            "t 年存续且 t-1 年与 t 年营业收入均大于 0 的企业，营业收入_t / 营业收入_{t-1} - 1 的中位数（偶数个取中间两值的平均）。",
            "Median of revenue_t / revenue_{t-1} - 1 over enterprises active in t with revenue > 0 in both years (of an even number "
                + "of values, the mean of the two middle ones).",
            """
            SELECT a.eidx, @str(a.t) AS period, CAST(c.revenue AS DOUBLE) / CAST(c.revenue_1 AS DOUBLE) - 1 AS v
            FROM hg_active a JOIN hg_ey c ON c.eidx = a.eidx AND c.t = a.t
            WHERE c.revenue > 0 AND c.revenue_1 > 0"""));
        l.add(ratio("ent.rd_intensity", "研发投入强度", "R&D intensity", "rd_expense", "revenue", BigDecimal.ONE,
            "研发投入合计 / 营业收入合计（两项均有数据的存续企业）。", "Sum of rd_expense / sum of revenue."));
        l.add(ratio("ent.patents_per_100_employees", "每百名从业人员授权专利", "Patents per 100 employees", "patents_granted", "employees",
            BigDecimal.valueOf(100), "100 × 授权专利合计 / 从业人数合计（两项均有数据的存续企业）。",
            "100 x sum of patents_granted / sum of employees."));
        l.add(share("ent.high_tech_share", "高新技术企业比例", "High-tech share", "high_tech IS NOT NULL",
            "CASE WHEN y.high_tech THEN 1 ELSE 0 END", "有高新技术企业认定数据的存续企业中，t 年持有认定的比例。",
            "Share with high_tech = true (among active enterprises with high_tech given in t)."));
        l.add(share("ent.funded_share", "获得融资企业比例", "Funded share", "funding_raised IS NOT NULL",
            "CASE WHEN y.funding_raised > 0 THEN 1 ELSE 0 END", "有融资数据的存续企业中，t 年融资额大于 0 的比例。",
            "Share with funding_raised > 0 (among active enterprises with funding_raised given in t)."));
        l.add(ratio("ent.local_employee_share", "本地社保从业人员占比", "Local employee share", "local_employees", "employees", BigDecimal.ONE,
            "本地社保人数合计 / 从业人数合计（两项均有数据的存续企业）。", "Sum of local_employees / sum of employees."));
        l.addAll(BlueprintIndicators.enterpriseShares(context));
        l.add(share("ent.international_share", "国际化企业比例", "International share", "overseas_revenue IS NOT NULL",
            "CASE WHEN y.overseas_revenue > 0 THEN 1 ELSE 0 END", "有海外收入数据的存续企业中，海外收入大于 0 的比例。",
            "Share with overseas_revenue > 0 (among active enterprises with overseas_revenue given in t)."));
        l.add(ratio("ent.overseas_revenue_share", "海外收入占比", "Overseas revenue share", "overseas_revenue", "revenue", BigDecimal.ONE,
            "海外收入合计 / 营业收入合计（两项均有数据的存续企业）。", "Sum of overseas_revenue / sum of revenue."));
        l.add(ent("ent.markets_median", Kind.ENT_MEDIAN, "海外市场数中位数", "Median number of overseas markets", "markets",
            "海外收入大于 0 的存续企业，其海外市场（以分号分隔的国家代码）个数的中位数；未填海外市场计为 0 个。",
            "Median number of overseas markets (the `;`-separated country codes of overseas_markets; none given counts as 0) among "
                + "active enterprises with overseas_revenue > 0.",
            """
            SELECT a.eidx, @str(a.t) AS period,
                   CAST(CASE WHEN y.overseas_markets IS NULL OR trim(y.overseas_markets) = '' THEN 0
                        ELSE length(y.overseas_markets) - length(replace(y.overseas_markets, ';', '')) + 1 END AS DOUBLE) AS v
            FROM hg_active a JOIN hg_ey y ON y.eidx = a.eidx AND y.t = a.t WHERE y.overseas_revenue > 0"""));
    }

    // ---------------------------------------------------------------- data quality

    private static void quality(List<IndicatorDefinition> l, String cityZh) {
        // rows stored now, per table (a re-import of the same files changes nothing, so it cannot double them)
        StringBuilder stored = new StringBuilder();
        for (String t : org.haigui.schema.Schema.tableNames()) {
            stored.append(stored.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(t).append("' AS table_name, count(*) AS n FROM ")
                .append(t);
        }
        // rows rejected and not corrected since: the quarantine, where a row is kept once per key however often it is re-imported
        StringBuilder tables = new StringBuilder();
        for (String t : org.haigui.schema.Schema.tableNames()) {
            tables.append(tables.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(t).append("' AS table_name");
        }
        String rejected = "SELECT t.table_name, count(q.table_name) AS n FROM (" + tables + ") t LEFT JOIN quarantine q"
            + " ON q.table_name = t.table_name AND q.resolved_batch_id IS NULL GROUP BY t.table_name";
        for (String[] r : new String[][] {
            {"data.rows_accepted", stored.toString(), "接受行数", "Rows accepted",
                "库中现存的行数（各次导入接受并保存的行，同一行重复导入只计一次），按表（breakdown = table）及合计给出。",
                "Rows stored in the store now (the rows the imports accepted; a row imported again counts once), per table "
                    + "(breakdown `table`) and in total."},
            {"data.rows_rejected", rejected, "拒绝行数", "Rows rejected",
                "被拒绝且尚未更正的行数（隔离区中未解决的行，同一行重复导入只计一次），按表及合计给出。",
                "Rows rejected and not corrected since (the unresolved rows of the quarantine; a row rejected again counts once), "
                    + "per table and in total."}}) {
            l.add(IndicatorDefinition.builder(r[0], Kind.TIDY).title(r[2], r[3]).unit("rows").method(r[4], r[5])
                .sql("WITH b AS (" + r[1] + ")"
                    + " SELECT '' AS period, 'table' AS breakdown, b.table_name AS category, b.n AS value,"
                    + " CAST(NULL AS BIGINT) AS numerator, CAST(NULL AS BIGINT) AS denominator FROM b"
                    + " UNION ALL SELECT '', '', '', coalesce(sum(b.n), 0), NULL, NULL FROM b").build());
        }
        l.add(IndicatorDefinition.builder("data.unlinked_enterprises", Kind.TIDY)
            .title("无创始人记录的企业数", "Enterprises without a founder row").unit("enterprises")
            .method("截至 D 已成立、但没有任何角色为创始人的企业人员记录的企业数；这些企业不属于海归创办或其他企业组，不进入企业指标。",
                "Enterprises founded by D with no enterprise_people row of role founder; they belong to neither the returnee nor "
                    + "the other group and are left out of the enterprise indicators.")
            .sql("SELECT '' AS period, '' AS breakdown, '' AS category, count(*) AS value, CAST(NULL AS BIGINT) AS numerator,"
                + " CAST(NULL AS BIGINT) AS denominator FROM hg_ent WHERE grp IS NULL").build());
        l.add(IndicatorDefinition.builder("data.persons_without_moves", Kind.TIDY)
            .title("无迁入迁出" + cityZh + "记录的人数", "Persons without city moves").unit("persons")
            .method("没有任何日期不晚于 D 的迁入或迁出" + cityZh + "记录的人数。", "Persons with no city move dated on or before D.")
            .sql("SELECT '' AS period, '' AS breakdown, '' AS category, count(*) AS value, CAST(NULL AS BIGINT) AS numerator,"
                + " CAST(NULL AS BIGINT) AS denominator FROM persons p WHERE NOT EXISTS (SELECT 1 FROM hg_mv m WHERE m.person_id = p.person_id)")
            .build());
    }

    // ---------------------------------------------------------------- helpers

    private static final String ACTIVE_WITH_YEAR = " FROM hg_active a JOIN hg_ey y ON y.eidx = a.eidx AND y.t = a.t WHERE ";

    private static void sum(List<IndicatorDefinition> l, String id, String col, String zh, String en, String unit, String colZh) {
        l.add(ent(id, Kind.ENT_SUM, zh, en, unit,
            "t 年存续且有" + colZh + "数据的企业的" + colZh + "之和。",
            "Sum of " + col + " over the enterprises active in t that have " + col + " in t.",
            "SELECT a.eidx, @str(a.t) AS period, y." + col + " AS x" + ACTIVE_WITH_YEAR + "y." + col + " IS NOT NULL"));
    }

    private static IndicatorDefinition ratio(String id, String zh, String en, String num, String den, BigDecimal scale,
                                             String methodZh, String methodEn) {
        return IndicatorDefinition.builder(id, Kind.ENT_RATIO).title(zh, en).unit("ratio").scale(scale)
            .method(methodZh + groupTextZh(Kind.ENT_RATIO),
                methodEn + " Over enterprises active in t with both " + num + " and " + den + " in t." + groupTextEn(Kind.ENT_RATIO))
            .breakdowns(ENTERPRISE_BREAKDOWNS)
            .sql("SELECT a.eidx, @str(a.t) AS period, y." + num + " AS num, y." + den + " AS den" + ACTIVE_WITH_YEAR
                + "y." + num + " IS NOT NULL AND y." + den + " IS NOT NULL")
            .build();
    }

    private static IndicatorDefinition share(String id, String zh, String en, String need, String hit, String methodZh, String methodEn) {
        return ent(id, Kind.ENT_SHARE, zh, en, "share", methodZh, methodEn,
            "SELECT a.eidx, @str(a.t) AS period, " + hit + " AS hit" + ACTIVE_WITH_YEAR + "y." + need);
    }

    private static IndicatorDefinition ent(String id, Kind kind, String zh, String en, String unit, String methodZh, String methodEn,
                                           String sql) {
        return IndicatorDefinition.builder(id, kind).title(zh, en).unit(unit)
            .method(methodZh + groupTextZh(kind), methodEn + groupTextEn(kind))
            .breakdowns(ENTERPRISE_BREAKDOWNS).sql(sql)
            .periods(kind == Kind.ENT_COUNT || kind == Kind.ENT_SUM ? YEARS : null).build();
    }

    static String groupTextEn(Kind kind) {
        String base = " Given for returnee-founded enterprises (at least one founder who is a returnee as of D), other enterprises "
            + "(founder rows, none a returnee) and their difference (returnee minus other); t is every year with data up to D's year.";
        return base + switch (kind) {
            case ENT_SHARE -> " 95% intervals: Wilson score interval per group, Newcombe's hybrid score interval (method 10) for the difference.";
            case ENT_RATIO, ENT_MEDIAN -> " 95% intervals: percentile bootstrap over enterprises (Poisson weights, the seed and number of "
                + "resamples recorded with the output), for each group and for the difference.";
            default -> " No interval: a count or sum over all registered enterprises is a census figure.";
        };
    }

    static String groupTextZh(Kind kind) {
        String base = "分海归创办企业（至少一名创始人截至 D 为海归）、其他企业（有创始人记录但无海归创始人）及两者之差（海归减其他）给出；t 为截至 D 所在年份的每个有数据年份。";
        return base + switch (kind) {
            case ENT_SHARE -> "95% 区间：各组用 Wilson 评分区间，差值用 Newcombe 混合评分区间（方法 10）。";
            case ENT_RATIO, ENT_MEDIAN -> "95% 区间：以企业为单位的百分位 Bootstrap（泊松权重，随机种子与重抽样次数随结果记录），各组及差值均给出。";
            default -> "不给区间：对全部登记企业的计数或合计属普查数。";
        };
    }
}
