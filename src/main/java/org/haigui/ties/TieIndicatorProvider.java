package org.haigui.ties;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorDefinition.Groups;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.IndicatorProvider;

/**
 * Contributes {@code team.*} and {@code ent.market_tie_share} to the indicator catalogue
 * (registered in {@code META-INF/services/org.haigui.indicators.IndicatorProvider}): the one
 * implementation of these indicators ({@code haigui indicators} and {@code haigui ties
 * --indicators} both run them through the engine). The engine gives the groups
 * ({@code hg_ent.grp}: returnee-founded as of D), the active years ({@code hg_active}), the
 * enterprise years ({@code hg_ey}), the episodes as of D ({@code hg_ep}), the intervals (Wilson
 * for shares, its bootstrap for ratios and medians) and the tidy output; the definitions here find
 * the initial core teams and their ties.
 *
 * <p>Intervals: {@code team.tie_majority_share} and {@code ent.market_tie_share} are shares of
 * enterprises (Wilson score). {@code team.tie_share}, {@code team.schoolmate_share} and
 * {@code team.colleague_share} pool members over enterprises (tied members / all members):
 * members of one team are not independent, so they are ratios of sums with the engine's bootstrap
 * over enterprises, as is the median team size.
 *
 * <p>A run only reads the store. Institution keys come from {@code institution_name_keys}, which
 * import keeps exact ({@link InstitutionRegistry#refreshNameKeys}: Java normalisation, registry
 * aliases). A name not keyed yet falls back to an SQL normalisation (full-width forms to ASCII,
 * lower case, {@code ß} to {@code ss}, a leading {@code the } dropped, {@code &} to {@code and},
 * non-letters and non-digits removed) looked up in {@code tie_x_norms}, a temp table that
 * {@link #prepare} copies from the registry's {@code institution_norms}, or builds from the
 * built-in registry when the store has none: the same keys except for rare NFKC cases
 * (ligatures, circled or superscript characters).
 *
 * <p>The team tables are built once per run by the first team definition ({@code CREATE OR
 * REPLACE}); the others build them only when missing ({@code IF NOT EXISTS}), so that any subset
 * can be asked for; {@link #prepare} drops them at the start of every run, so a long-lived
 * connection never reuses an earlier run's tables.
 */
public final class TieIndicatorProvider implements IndicatorProvider {

    /** The ids of the indicators contributed here, in catalogue order. */
    public static final List<String> IDS = List.of("team.size_median", "team.tie_share", "team.tie_majority_share",
        "team.schoolmate_share", "team.colleague_share", "ent.market_tie_share");

    /** The catalogue texts of one indicator: unit, titles and method texts in both languages. */
    private record Text(String id, String unit, String titleEn, String titleZh, String methodEn, String methodZh) {
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

    private static final List<Text> TEXTS = List.of(
        new Text("team.size_median", "persons",
            "Median initial core team size", "初始核心团队规模中位数",
            "Median number of members of the initial core team; of an even number of teams, the mean of the two middle "
                + "ones. 95% interval: percentile bootstrap over enterprises (1,000 resamples, fixed seed). " + TEAM_EN,
            "初始核心团队人数的中位数；企业数为偶数时取中间两个值的平均。95%区间：对企业的百分位自助法（1000次重抽样，固定种子）。" + TEAM_ZH),
        new Text("team.tie_share", "share",
            "Share of initial core team members with an overseas tie", "初始核心团队中有海外同学或同事关系的成员比例",
            "Over returnee-founded enterprises with a team of 2 or more: members who are a schoolmate or colleague of at "
                + "least one other member of the same team, divided by all members (pooled over enterprises). 95% "
                + "interval: percentile bootstrap over enterprises (members of one team are not independent). " + TEAM_EN,
            "在团队人数不少于2人的海归创办企业中：与同一团队至少一名其他成员为校友或同事的成员数，除以全部成员数（跨企业合并计算）。"
                + "95%区间：对企业的百分位自助法（同一团队的成员并不独立）。" + TEAM_ZH),
        new Text("team.tie_majority_share", "share",
            "Share of teams where at least half the members are tied", "至少半数成员有海外关系的团队比例",
            "Of returnee-founded enterprises with a team of 2 or more, the share where at least half the members are a "
                + "schoolmate or colleague of another member. 95% interval: Wilson score. " + TEAM_EN,
            "在团队人数不少于2人的海归创办企业中，至少半数成员与其他成员为校友或同事的企业所占比例。95%区间：Wilson得分区间。" + TEAM_ZH),
        new Text("team.schoolmate_share", "share",
            "Share of initial core team members with an overseas schoolmate in the team", "初始核心团队中有海外校友关系的成员比例",
            "As team.tie_share, counting only schoolmate ties (overlapping study episodes at the same institution). "
                + "95% interval: percentile bootstrap over enterprises. " + TEAM_EN,
            "同 team.tie_share，但只计校友关系（同一机构重叠的学习经历）。95%区间：对企业的百分位自助法。" + TEAM_ZH),
        new Text("team.colleague_share", "share",
            "Share of initial core team members with an overseas colleague in the team", "初始核心团队中有海外同事关系的成员比例",
            "As team.tie_share, counting only colleague ties (overlapping work or research episodes at the same "
                + "institution). 95% interval: percentile bootstrap over enterprises. " + TEAM_EN,
            "同 team.tie_share，但只计同事关系（同一机构重叠的工作或研究经历）。95%区间：对企业的百分位自助法。" + TEAM_ZH),
        new Text("ent.market_tie_share", "share",
            "Share of internationally active returnee firms selling where a founder was abroad",
            "在海归创办人曾有海外经历的国家开展销售的企业比例",
            "Year t, returnee-founded enterprises (a founder who is a returnee as of D) active in t with at least one "
                + "overseas market in t: the share whose overseas markets of t include the country of an overseas episode "
                + "(study, work or research) of one of their founders that started by the end of t. 95% interval: Wilson "
                + "score.",
            "年度t，截至D由海归创办、在t年度存续且t年有至少一个海外市场的企业中：其t年海外市场包含任一创始人海外经历（学习、工作或研究，"
                + "开始于t年末之前）所在国家的企业所占比例。95%区间：Wilson得分区间。"));


    /**
     * Called by the engine at the start of every run; touches temp tables only. Drops the team
     * tables of an earlier run on this connection, so that whichever team definition comes first
     * builds them afresh for this run's as-of date, and builds {@code tie_x_norms} from the
     * registry's {@code institution_norms} (the built-in registry when that is empty: decided here,
     * so that a loaded store's run does not parse the built-in registry as a literal).
     */
    @Override
    public void prepare(org.haigui.indicators.RunContext context, org.haigui.indicators.SqlSession session) throws SQLException {
        // The built-in registry's names as an SQL literal cost about 0.8 s to parse on every run (10,000
        // rows): only a store whose registry was never loaded needs them.
        boolean loaded;
        try (org.haigui.indicators.SqlSession.Rows rs = session.query("SELECT count(*) FROM (SELECT 1 FROM institution_norms LIMIT 1) x")) {
            loaded = rs.next() && rs.getLong(1) > 0;
        }
        session.createTemp("tie_x_norms", loaded ? "SELECT norm, name_key FROM institution_norms" : normsSql());
    }

    /** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space, and what NFKC makes of them. */
    private static final String FULL_WIDTH;
    private static final String ASCII;

    static {
        StringBuilder fw = new StringBuilder("\u3000");
        StringBuilder as = new StringBuilder(" ");
        for (char ch = '\uFF01'; ch <= '\uFF5E'; ch++) {
            if (ch == '\uFF07') {
                continue; // the full-width apostrophe: removed anyway, and keeps the SQL literal simple
            }
            fw.append(ch);
            as.append((char) (ch - 0xFEE0));
        }
        FULL_WIDTH = fw.toString();
        ASCII = as.toString().replace("'", "''");
    }

    /**
     * The spec's normalisation in SQL, for names not keyed yet: full-width forms to ASCII (the part
     * of NFKC that occurs in practice), lower case with {@code ß} to {@code ss} and final sigma to
     * sigma, trim, a leading {@code the } dropped, {@code &} to {@code and}, non-letters and
     * non-digits removed.
     */
    private static final String SQL_NORM = "@replaceAll(replace(regexp_replace(trim(replace(replace(lower(translate("
        + "o.institution, '" + FULL_WIDTH + "', '" + ASCII + "')), '\u00DF', 'ss'), '\u03C2', '\u03C3')), '^the ', ''), "
        + "'&', 'and'), @re([^\\p{L}\\p{N}]), '')";

    private static volatile String normsSql;

    /**
     * {@code tie_x_norms(norm, name_key)}: the registry's normalised names and aliases from
     * {@code institution_norms}, or, when that is empty (a store where the registry was never
     * loaded), the built-in registry's, so that aliases work anyway. A read, never a write.
     */
    static String normsSql() {
        String s = normsSql;
        if (s == null) {
            RegistryModel m = RegistryStore.builtinModel();
            StringBuilder sb = new StringBuilder("SELECT norm, name_key FROM institution_norms UNION ALL SELECT norm, name_key FROM (VALUES ");
            boolean first = true;
            for (String norm : new TreeSet<>(m.allNorms().keySet())) {
                sb.append(first ? "" : ", ").append("('").append(norm.replace("'", "''")).append("', '")
                    .append(m.keyOf(norm).replace("'", "''")).append("')");
                first = false;
            }
            sb.append(") AS v(norm, name_key) WHERE NOT EXISTS (SELECT 1 FROM institution_norms)");
            s = sb.toString();
            normsSql = s;
        }
        return s;
    }

    /** The team tables, in order: the engine creates them once per run, for the first team definition asked for. */
    static List<IndicatorDefinition.TempTable> teamTables() {
        List<IndicatorDefinition.TempTable> s = new ArrayList<>();
        s.add(new IndicatorDefinition.TempTable("tie_x_team", ""
            + "SELECT h.eidx, p.person_id\n"
            + "FROM hg_ent h\n"
            + "JOIN hg_active a ON a.eidx = h.eidx AND a.t = ${asOfYear}\n"
            + "JOIN enterprises e ON e.enterprise_id = h.enterprise_id\n"
            + "JOIN enterprise_people p ON p.enterprise_id = h.enterprise_id\n"
            + "WHERE h.grp = 'returnee'\n"
            + "  AND (p.joined_date IS NULL OR p.joined_date <= ${asOf})\n"
            + "  AND (p.role = 'founder' OR (p.role = 'core' AND p.joined_date IS NOT NULL\n"
            + "       AND p.joined_date <= @addDays(e.founded_date, 365)))"));
        s.add(new IndicatorDefinition.TempTable("tie_x_ep0", ""
            + "SELECT t.eidx, t.person_id, CASE WHEN o.kind = 'study' THEN 'S' ELSE 'W' END AS kc,\n"
            + "       o.institution_id AS iid, k.institution AS keyed, k.name_key,\n"
            + "       CASE WHEN k.institution IS NULL THEN " + SQL_NORM + " END AS norm,\n"
            + "       o.start_date AS s,\n"
            + "       CASE WHEN o.end_date IS NULL OR o.end_date > ${asOf} THEN ${asOf} ELSE o.end_date END AS e\n"
            + "FROM tie_x_team t\n"
            + "JOIN overseas_episodes o ON o.person_id = t.person_id\n"
            + "LEFT JOIN institution_name_keys k ON k.institution = o.institution\n"
            + "WHERE o.start_date <= ${asOf}"));
        // a name not keyed yet: its SQL normal form, looked up among the registry's names and aliases
        s.add(new IndicatorDefinition.TempTable("tie_x_ep", ""
            + "SELECT x.eidx, x.person_id, x.kc, x.iid, x.s, x.e,\n"
            + "       CASE WHEN x.keyed IS NOT NULL THEN x.name_key\n"
            + "            WHEN x.norm = '' THEN NULL\n"
            + "            ELSE coalesce(r.name_key, 'n:' || x.norm) END AS name_key\n"
            + "FROM tie_x_ep0 x LEFT JOIN tie_x_norms r ON r.norm = x.norm"));
        String join = "SELECT a.eidx, a.person_id, a.kc FROM tie_x_ep a JOIN tie_x_ep b\n"
            + "  ON a.eidx = b.eidx AND a.kc = b.kc AND %s\n"
            + "WHERE a.person_id <> b.person_id AND a.s <= b.e AND b.s <= a.e";
        s.add(new IndicatorDefinition.TempTable("tie_x_flags", "" + join.formatted("a.iid = b.iid") + "\nUNION\n"
            + join.formatted("a.name_key = b.name_key") + "\n  AND (a.iid IS NULL OR b.iid IS NULL)"));
        s.add(new IndicatorDefinition.TempTable("tie_x_teams", ""
            + "WITH f AS (SELECT eidx, person_id, max(CASE WHEN kc = 'S' THEN 1 ELSE 0 END) AS school,\n"
            + "                  max(CASE WHEN kc = 'W' THEN 1 ELSE 0 END) AS colleague\n"
            + "           FROM tie_x_flags GROUP BY eidx, person_id)\n"
            + "SELECT t.eidx, count(*) AS size, sum(CASE WHEN f.person_id IS NOT NULL THEN 1 ELSE 0 END) AS tied,\n"
            + "       sum(coalesce(f.school, 0)) AS school, sum(coalesce(f.colleague, 0)) AS colleague\n"
            + "FROM tie_x_team t LEFT JOIN f ON f.eidx = t.eidx AND f.person_id = t.person_id\n"
            + "GROUP BY t.eidx"));
        return s;
    }

    @Override
    public List<IndicatorDefinition> definitions(org.haigui.indicators.RunContext context) {
        List<IndicatorDefinition> out = new ArrayList<>();
        List<IndicatorDefinition.TempTable> teams = teamTables();
        for (Text d : TEXTS) {
            IndicatorDefinition.Builder b;
            switch (d.id()) {
                case "team.size_median" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_MEDIAN).prepare(teams)
                    .sql("SELECT eidx, '' AS period, size AS v FROM tie_x_teams");
                case "team.tie_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_RATIO).prepare(teams)
                    .sql("SELECT eidx, '' AS period, tied AS num, size AS den FROM tie_x_teams WHERE size >= 2");
                case "team.tie_majority_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_SHARE).prepare(teams)
                    .sql("SELECT eidx, '' AS period, CASE WHEN 2 * tied >= size THEN 1 ELSE 0 END AS hit FROM tie_x_teams"
                        + " WHERE size >= 2");
                case "team.schoolmate_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_RATIO).prepare(teams)
                    .sql("SELECT eidx, '' AS period, school AS num, size AS den FROM tie_x_teams WHERE size >= 2");
                case "team.colleague_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_RATIO).prepare(teams)
                    .sql("SELECT eidx, '' AS period, colleague AS num, size AS den FROM tie_x_teams WHERE size >= 2");
                case "ent.market_tie_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_SHARE)
                    .sql(MARKET_TIES);
                default -> throw new IllegalStateException("no engine SQL for " + d.id());
            }
            out.add(b.title(d.titleZh(), d.titleEn()).unit(d.unit()).method(d.methodZh(), d.methodEn())
                .groups(Groups.RETURNEE_ONLY).build());
        }
        return out;
    }

    /**
     * Year t: returnee-founded enterprises active in t with an overseas market in t; hit when a
     * market is the country of an episode of one of their founders that started by the end of t
     * (and by D: {@code hg_ep}).
     */
    static final String MARKET_TIES = """
        WITH yrs AS (
          SELECT y.eidx, y.t, y.overseas_markets
          FROM hg_ey y
          JOIN hg_ent h ON h.eidx = y.eidx
          JOIN hg_active a ON a.eidx = y.eidx AND a.t = y.t
          WHERE h.grp = 'returnee' AND y.overseas_markets IS NOT NULL AND trim(y.overseas_markets) <> ''),
        fc AS (
          SELECT h.eidx, o.country, min(o.start_date) AS first_start
          FROM hg_ent h
          JOIN enterprise_people p ON p.enterprise_id = h.enterprise_id
          JOIN hg_ep o ON o.person_id = p.person_id
          WHERE h.grp = 'returnee' AND p.role = 'founder' AND (p.joined_date IS NULL OR p.joined_date <= ${asOf})
          GROUP BY h.eidx, o.country),
        hit AS (
          SELECT DISTINCT yrs.eidx, yrs.t
          FROM yrs JOIN fc ON fc.eidx = yrs.eidx
          WHERE fc.first_start <= make_date(yrs.t, 12, 31)
            AND position(';' || fc.country || ';' IN ';' || replace(yrs.overseas_markets, ' ', '') || ';') > 0)
        SELECT yrs.eidx, @str(yrs.t) AS period, CASE WHEN hit.eidx IS NULL THEN 0 ELSE 1 END AS hit
        FROM yrs LEFT JOIN hit ON hit.eidx = yrs.eidx AND hit.t = yrs.t
        """;
}
