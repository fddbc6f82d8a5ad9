package org.haigui.ties;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.haigui.core.HaiguiException;

/**
 * The indicators of indicators.md "Founding teams and overseas ties" ({@code team.*}) and
 * {@code ent.market_tie_share}, with their method texts in Chinese and English.
 *
 * <p>Intervals: {@code team.tie_majority_share} and {@code ent.market_tie_share} are shares of
 * enterprises: Wilson score interval. {@code team.tie_share}, {@code team.schoolmate_share} and
 * {@code team.colleague_share} pool members over enterprises (tied members / all members): members
 * of one team are not independent (ties come in pairs inside a team), so they are treated as the
 * aggregate ratios they are and get the percentile bootstrap over enterprises, as does the median
 * team size (1,000 resamples, fixed seed given with the result).
 *
 * <p>TODO(ties): register these definitions into the indicators catalogue and reuse its shared
 * pieces (returnee table, intervals, tidy output) once it is on main.
 */
public final class TieIndicators {

    /** The default bootstrap seed, recorded with the output. */
    public static final long DEFAULT_SEED = 20211028L;

    /** One indicator of the catalogue: id, unit, titles and method texts in both languages. */
    public record Definition(String id, String unit, String titleEn, String titleZh, String methodEn, String methodZh) {
    }

    /**
     * One tidy output row (indicators.md "Output"); breakdown and category are empty for these.
     * Null value: no enterprise in the denominator.
     */
    public record Value(String indicator, String period, String group, Double value, Long numerator, Long denominator,
                       Double ciLow, Double ciHigh) {
    }

    /** The values, the bootstrap seed and resamples used, and the time of each step (ms). */
    public record Result(LocalDate asOf, List<Value> values, long seed, int resamples, Map<String, Long> timingsMs) {
    }

    private static final String TEAM_EN = "Initial core team: persons with role founder, and persons with role core whose "
        + "joined_date is at most 365 days after founded_date (or before it). Schoolmates: two members with study episodes "
        + "at the same institution whose intervals [start_date, end_date] share at least one day; colleagues: the same "
        + "with two work or research episodes. A missing end_date lasts through the as-of date D. Same institution: equal "
        + "institution_id where both episodes have one, else names equal after normalisation (NFKC, case folding, trim, "
        + "leading 'the ' dropped, & to 'and', non-letters and non-digits removed) or aliases of one another in the "
        + "institution registry. Over returnee-founded enterprises (a founder who is a returnee as of D) active in D's "
        + "year.";
    private static final String TEAM_ZH = "初始核心团队：角色为创始人的人员，以及加入日期不晚于成立日期后365天（或早于成立日期）的核心成员。"
        + "校友：两名成员在同一机构的学习经历时间区间[开始日期, 结束日期]至少重叠一天；同事：两段工作或研究经历同理。"
        + "结束日期缺失视为持续至统计日D。同一机构：两段经历均有机构编号时编号相同；否则机构名称经规范化（NFKC、大小写折叠、去首尾空格、"
        + "去掉开头的“the ”、&改为and、删除非字母数字字符）后相同，或在机构名录中互为别名。统计范围：截至D由海归创办且在D所在年度存续的企业。";

    private static final List<Definition> DEFINITIONS = List.of(
        new Definition("team.size_median", "persons",
            "Median initial core team size", "初始核心团队规模中位数",
            "Median number of members of the initial core team; of an even number of teams, the mean of the two middle "
                + "ones. 95% interval: percentile bootstrap over enterprises (1,000 resamples, fixed seed). " + TEAM_EN,
            "初始核心团队人数的中位数；企业数为偶数时取中间两个值的平均。95%区间：对企业的百分位自助法（1000次重抽样，固定种子）。" + TEAM_ZH),
        new Definition("team.tie_share", "share",
            "Share of initial core team members with an overseas tie", "初始核心团队中有海外同学或同事关系的成员比例",
            "Over returnee-founded enterprises with a team of 2 or more: members who are a schoolmate or colleague of at "
                + "least one other member of the same team, divided by all members (pooled over enterprises). 95% "
                + "interval: percentile bootstrap over enterprises (members of one team are not independent). " + TEAM_EN,
            "在团队人数不少于2人的海归创办企业中：与同一团队至少一名其他成员为校友或同事的成员数，除以全部成员数（跨企业合并计算）。"
                + "95%区间：对企业的百分位自助法（同一团队的成员并不独立）。" + TEAM_ZH),
        new Definition("team.tie_majority_share", "share",
            "Share of teams where at least half the members are tied", "至少半数成员有海外关系的团队比例",
            "Of returnee-founded enterprises with a team of 2 or more, the share where at least half the members are a "
                + "schoolmate or colleague of another member. 95% interval: Wilson score. " + TEAM_EN,
            "在团队人数不少于2人的海归创办企业中，至少半数成员与其他成员为校友或同事的企业所占比例。95%区间：Wilson得分区间。" + TEAM_ZH),
        new Definition("team.schoolmate_share", "share",
            "Share of initial core team members with an overseas schoolmate in the team", "初始核心团队中有海外校友关系的成员比例",
            "As team.tie_share, counting only schoolmate ties (overlapping study episodes at the same institution). "
                + "95% interval: percentile bootstrap over enterprises. " + TEAM_EN,
            "同 team.tie_share，但只计校友关系（同一机构重叠的学习经历）。95%区间：对企业的百分位自助法。" + TEAM_ZH),
        new Definition("team.colleague_share", "share",
            "Share of initial core team members with an overseas colleague in the team", "初始核心团队中有海外同事关系的成员比例",
            "As team.tie_share, counting only colleague ties (overlapping work or research episodes at the same "
                + "institution). 95% interval: percentile bootstrap over enterprises. " + TEAM_EN,
            "同 team.tie_share，但只计同事关系（同一机构重叠的工作或研究经历）。95%区间：对企业的百分位自助法。" + TEAM_ZH),
        new Definition("ent.market_tie_share", "share",
            "Share of internationally active returnee firms selling where a founder was abroad",
            "在海归创办人曾有海外经历的国家开展销售的企业比例",
            "Year t, returnee-founded enterprises (a founder who is a returnee as of D) active in t with at least one "
                + "overseas market in t: the share whose overseas markets of t include the country of an overseas episode "
                + "(study, work or research) of one of their founders that started by the end of t. 95% interval: Wilson "
                + "score.",
            "年度t，截至D由海归创办、在t年度存续且t年有至少一个海外市场的企业中：其t年海外市场包含任一创始人海外经历（学习、工作或研究，"
                + "开始于t年末之前）所在国家的企业所占比例。95%区间：Wilson得分区间。"));

    private TieIndicators() {
    }

    /** The definitions of the indicators computed here. */
    public static List<Definition> definitions() {
        return DEFINITIONS;
    }

    /** Computes every indicator of this package as of {@code asOf}. */
    public static Result compute(Connection c, LocalDate asOf, long seed) {
        Map<String, Long> timings = new LinkedHashMap<>();
        List<Value> values = new ArrayList<>();
        try {
            TeamTies.prepare(c, asOf, null, true, timings);
            List<long[]> hist = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                TeamTies.timed(timings, "team counts", () -> {
                    st.execute(TieSql.TEAMS);
                    try (ResultSet rs = st.executeQuery(TieSql.TEAM_HISTOGRAM)) {
                        while (rs.next()) {
                            hist.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                        }
                    }
                });
                long b0 = System.nanoTime();
                values.addAll(teamValues(hist, seed));
                timings.put("intervals", (System.nanoTime() - b0) / 1_000_000);
                TeamTies.timed(timings, "market ties", () -> {
                    try (ResultSet rs = st.executeQuery(TieSql.marketTies(asOf))) {
                        while (rs.next()) {
                            long year = rs.getLong(1);
                            long den = rs.getLong(2);
                            long num = rs.getLong(3);
                            values.add(share("ent.market_tie_share", Long.toString(year), num, den));
                        }
                    }
                });
            }
            TeamTies.dropTemp(c);
        } catch (SQLException e) {
            throw HaiguiException.store("cannot compute the team indicators: " + e.getMessage(), e);
        }
        return new Result(asOf, values, seed, Intervals.RESAMPLES, timings);
    }

    /**
     * The team indicators from the distribution of (size, tied, schoolmate-tied, colleague-tied)
     * over enterprises: {@code hist} rows are {size, tied, school, colleague, enterprises}, by size.
     */
    static List<Value> teamValues(List<long[]> hist, long seed) {
        List<Value> out = new ArrayList<>();
        int k = hist.size();
        long[] sizes = new long[k];
        long[] counts = new long[k];
        for (int i = 0; i < k; i++) {
            sizes[i] = hist.get(i)[0];
            counts[i] = hist.get(i)[4];
        }
        double median = Intervals.median(sizes, counts);
        double[] ci = Intervals.bootstrap(counts, List.of(s -> Intervals.median(sizes, s)), seed)[0];
        out.add(new Value("team.size_median", "", "returnee", Double.isNaN(median) ? null : median, null, null,
            ci == null ? null : ci[0], ci == null ? null : ci[1]));

        // the pooled member shares: over enterprises with a team of 2 or more, resampling those
        List<long[]> multi = hist.stream().filter(r -> r[0] >= 2).toList();
        int m = multi.size();
        long[] mCounts = new long[m];
        for (int i = 0; i < m; i++) {
            mCounts[i] = multi.get(i)[4];
        }
        String[] ids = {"team.tie_share", "team.schoolmate_share", "team.colleague_share"};
        List<ToDoubleFunction<long[]>> ratios = new ArrayList<>();
        for (int j = 0; j < ids.length; j++) {
            final int cj = j + 1; // histogram column: tied, school, colleague
            ratios.add(s -> {
                long nn = 0;
                long dd = 0;
                for (int i = 0; i < m; i++) {
                    nn += multi.get(i)[cj] * s[i];
                    dd += multi.get(i)[0] * s[i];
                }
                return dd == 0 ? Double.NaN : (double) nn / dd;
            });
        }
        double[][] rcis = Intervals.bootstrap(mCounts, ratios, seed + 1);
        for (int j = 0; j < ids.length; j++) {
            long num = 0;
            long den = 0;
            for (long[] r : multi) {
                num += r[j + 1] * r[4];
                den += r[0] * r[4];
            }
            double[] rci = rcis[j];
            out.add(new Value(ids[j], "", "returnee", den == 0 ? null : (double) num / den, num, den,
                rci == null ? null : rci[0], rci == null ? null : rci[1]));
        }
        long maj = 0;
        long teams = 0;
        for (long[] r : multi) {
            teams += r[4];
            if (2 * r[1] >= r[0]) {
                maj += r[4];
            }
        }
        Value majority = share("team.tie_majority_share", "", maj, teams);
        out.add(2, majority);
        return out;
    }

    private static Value share(String id, String period, long num, long den) {
        double[] ci = Intervals.wilson(num, den);
        return new Value(id, period, "returnee", den == 0 ? null : (double) num / den, num, den,
            ci == null ? null : ci[0], ci == null ? null : ci[1]);
    }
}
