package org.haigui.indicators;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.Industry;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.core.NameNormalizer;
import org.haigui.indicators.IndicatorDefinition.Groups;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.IndicatorDefinition.TempTable;

/**
 * The indicators of blueprint.md: fit with the city's blueprint ({@code fit.*},
 * {@code ent.priority_industry_share}, {@code ent.key_zone_share}), mutual promotion
 * ({@code promo.*}) and the weighted survey ({@code survey.share}), part of the core catalogue.
 *
 * <p>The blueprint and the survey definition reach SQL through TEMP tables that {@link #createTables}
 * builds at the start of every run, before the {@link BaseTables} (the zone breakdown of
 * {@code hg_ent} reads them):
 * <ul>
 * <li>{@code hg_bp_ind(industry_id, ord)}: the priority industries, {@code ord} = their rank in tier
 *     order (tiers in the order they first appear in the file, industries of a tier in file order);</li>
 * <li>{@code hg_bp_industry(industry_id, prefix)}: their GB/T 4754 code prefixes;</li>
 * <li>{@code hg_bp_field(industry_id, field)}: the ISCED-F fields that supply them;</li>
 * <li>{@code hg_bp_zname(zone, zone_id)}: every distinct zone name of the store (trimmed) with the id
 *     of the key zone it names, keyed in Java by the same normalisation as institution names
 *     ({@link NameNormalizer}, {@link Blueprint#zoneOf}); NULL for a name that names no zone;</li>
 * <li>{@code hg_sv_opt(question, option_id, ord)}: the options of each question - from the survey
 *     definition when the run has one (file order), else the distinct options found in the answers
 *     (split on {@code ;}, trimmed; sorted).</li>
 * </ul>
 * Without a blueprint the {@code hg_bp_*} tables are not built and the blueprint's indicators are
 * not available; the promotion and survey indicators need no blueprint and are always computed.
 * The rest is portable SQL over the base tables.
 */
final class BlueprintIndicators {

    /** The breakdowns of the tidy rows whose categories are priority industry ids (in tier order). */
    static final String PRIORITY_INDUSTRY = "priority_industry";
    static final String GAP_TALENT = "talent";
    static final String GAP_FIRMS = "firms";

    private static final String NEEDS = "not available: needs a blueprint";

    /**
     * {@code hg_stock_field(field, n)}: the persons in the stock per field. The talent figures count persons whose field
     * supplies an industry: a person has one row in hg_stock and in hg_pattr, so one field, and the persons of a set of
     * fields are the sum of the fields' counts - the same numbers as a count(DISTINCT person_id) over the stock joined
     * with the industries' fields, without a distinct over persons x industries (measured at 1,000,000 persons, the
     * slowest statements of the catalogue after the base tables).
     */
    static final TempTable STOCK_FIELDS = new TempTable("hg_stock_field",
        "SELECT a.field, count(*) AS n FROM hg_stock s JOIN hg_pattr a ON a.person_id = s.person_id GROUP BY a.field");

    /** {@code hg_bp_ent_ind(eidx, industry_id)}: enterprises founded by D and the priority industries their code falls under. */
    static final TempTable ENT_INDUSTRIES = new TempTable("hg_bp_ent_ind",
        "SELECT DISTINCT e.eidx, i.industry_id FROM hg_ent e JOIN hg_bp_industry i"
            + " ON substr(upper(trim(e.industry)), 1, length(i.prefix)) = i.prefix");

    /**
     * {@code hg_bp_sup(eidx, y)}: for returnee-founded enterprises, the first year (by D's year) with a
     * support row for the enterprise itself or for one of its founders (founder rows as of D, as for
     * the groups). A row naming a founder counts whatever enterprise it also names (the spec: support
     * "for one of its founders"); support in a year after D's year does not exist yet.
     */
    static final TempTable FIRST_SUPPORT = new TempTable("hg_bp_sup", """
        WITH fo AS (SELECT DISTINCT h.eidx, p.person_id FROM hg_ent h
                    JOIN enterprise_people p ON p.enterprise_id = h.enterprise_id
                    WHERE h.grp = 'returnee' AND p.role = 'founder' AND (p.joined_date IS NULL OR p.joined_date <= ${asOf})),
             s AS (SELECT h.eidx, s.@id(year) AS y FROM hg_ent h JOIN support s ON s.enterprise_id = h.enterprise_id
                   WHERE h.grp = 'returnee' AND s.@id(year) <= ${asOfYear}
                   UNION ALL
                   SELECT fo.eidx, s.@id(year) AS y FROM fo JOIN support s ON s.person_id = fo.person_id
                   WHERE s.@id(year) <= ${asOfYear})
        SELECT eidx, min(y) AS y FROM s GROUP BY eidx""");

    private BlueprintIndicators() {
    }

    // ---------------------------------------------------------------- the run's tables

    /** The tables named in the class comment; called by the engine before the base tables. */
    static void createTables(RunContext ctx, SqlSession c) throws SQLException {
        List<String[]> stmts = new ArrayList<>();
        Blueprint bp = ctx.blueprint();
        if (bp != null) {
            List<String> ind = new ArrayList<>();
            List<String> pre = new ArrayList<>();
            List<String> fld = new ArrayList<>();
            int ord = 0;
            for (Industry i : inTierOrder(bp)) {
                ind.add("(" + lit(i.id()) + ", " + ord++ + ")");
                for (String p : i.codes()) {
                    pre.add("(" + lit(i.id()) + ", " + lit(p) + ")");
                }
                for (String f : i.fields()) {
                    fld.add("(" + lit(i.id()) + ", " + lit(f) + ")");
                }
            }
            stmts.add(new String[] {"hg_bp_ind", values(ind, "industry_id, ord", "'' AS industry_id, 0 AS ord")});
            stmts.add(new String[] {"hg_bp_industry", values(pre, "industry_id, prefix", "'' AS industry_id, '' AS prefix")});
            stmts.add(new String[] {"hg_bp_field", values(fld, "industry_id, field", "'' AS industry_id, '' AS field")});
            List<String> zn = new ArrayList<>();
            for (String name : distinct(c, "SELECT DISTINCT trim(zone) FROM enterprises WHERE zone IS NOT NULL")) {
                String id = bp.zoneOf(name).orElse(null);
                zn.add("(" + lit(name) + ", " + (id == null ? "@str(NULL)" : lit(id)) + ")");
            }
            stmts.add(new String[] {"hg_bp_zname", values(zn, "zone, zone_id", "'' AS zone, '' AS zone_id")});
        }
        List<String> opts = new ArrayList<>();
        int ord = 0;
        for (Map.Entry<String, List<String>> q : surveyOptions(ctx.survey(), c).entrySet()) {
            for (String o : q.getValue()) {
                opts.add("(" + lit(q.getKey()) + ", " + lit(o) + ", " + ord++ + ")");
            }
        }
        stmts.add(new String[] {"hg_sv_opt", values(opts, "question, option_id, ord", "'' AS question, '' AS option_id, 0 AS ord")});
        for (String[] s : stmts) {
            c.createTemp(s[0], s[1]);
        }
    }

    /** The priority industries in tier order: tiers as they first appear in the file, file order within a tier. */
    static List<Industry> inTierOrder(Blueprint bp) {
        List<Industry> out = new ArrayList<>();
        for (String t : bp.tiers()) {
            out.addAll(bp.industriesOfTier(t));
        }
        return out;
    }

    /**
     * Question id -> its options in order: from the definition (file order), or without one the
     * distinct options found in the store's answers (split on {@code ;}, trimmed), sorted by
     * question and option.
     */
    private static Map<String, List<String>> surveyOptions(SurveyDefinition def, SqlSession c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (def != null) {
            for (SurveyDefinition.Question q : def.questions()) {
                out.put(q.id(), q.options().stream().map(SurveyDefinition.Option::id).toList());
            }
            return out;
        }
        Map<String, Set<String>> found = new TreeMap<>();
        try (SqlSession.Rows rs = c.query("SELECT DISTINCT question, answer FROM survey WHERE answer IS NOT NULL")) {
            while (rs.next()) {
                Set<String> s = found.computeIfAbsent(rs.getString(1), k -> new TreeSet<>());
                s.addAll(SurveyDefinition.Question.split(rs.getString(2)));
            }
        }
        found.forEach((q, s) -> out.put(q, List.copyOf(s)));
        return out;
    }

    private static Set<String> distinct(SqlSession c, String sql) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (SqlSession.Rows rs = c.query(sql)) {
            while (rs.next()) {
                String s = rs.getString(1);
                if (s != null && !s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** {@code SELECT cols FROM (VALUES ...)}, or an empty table of that shape. */
    private static String values(List<String> rows, String cols, String emptyShape) {
        if (rows.isEmpty()) {
            return "SELECT * FROM (SELECT " + emptyShape + ") x WHERE 1 = 0";
        }
        return "SELECT " + cols + " FROM (VALUES " + String.join(", ", rows) + ") AS v(" + cols + ")";
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    // ---------------------------------------------------------------- the definitions

    /** {@code ent.key_zone_share} and {@code ent.priority_industry_share}, in the core list's place. */
    static List<IndicatorDefinition> enterpriseShares(RunContext ctx) {
        boolean bp = ctx.blueprint() != null;
        String plan = bp ? ctx.blueprint().city().nameZh() + "规划" : "城市规划";
        List<IndicatorDefinition> l = new ArrayList<>();
        IndicatorDefinition.Builder kz = IndicatorDefinition.builder("ent.key_zone_share", Kind.ENT_SHARE)
            .title("位于重点园区的企业比例", "Share located in a key zone").unit("share")
            .method("t 年存续的企业中，园区位于" + plan + "重点园区的比例：园区名称经与机构名称相同的规范化（NFKC、大小写折叠、去首尾空格、去掉开头的“the ”、"
                    + "&改为and、删除非字母数字字符）后，等于某重点园区的中文名、英文名或别名（规范化后）；未填园区的企业计为不在重点园区。"
                    + CoreIndicators.groupTextZh(Kind.ENT_SHARE),
                "Of enterprises active in t, the share whose zone, normalised as institution names are (NFKC, case folding, trim, a "
                    + "leading 'the ' dropped, & to 'and', non-letters and non-digits removed), equals the normalised name_zh, name_en "
                    + "or an alias of a key zone of the blueprint; an enterprise without a zone is not in one."
                    + CoreIndicators.groupTextEn(Kind.ENT_SHARE))
            .breakdowns(CoreIndicators.ENTERPRISE_BREAKDOWNS);
        IndicatorDefinition.Builder pi = IndicatorDefinition.builder("ent.priority_industry_share", Kind.ENT_SHARE)
            .title("属于重点产业的企业比例", "Share in a priority industry").unit("share")
            .method("t 年存续的企业中，行业代码以" + plan + "某重点产业的国民经济行业分类（GB/T 4754-2017）代码前缀开头的比例；属于多个重点产业的企业只计一次。"
                    + CoreIndicators.groupTextZh(Kind.ENT_SHARE),
                "Of enterprises active in t, the share whose industry code (GB/T 4754-2017) starts with a code prefix of a priority "
                    + "industry of the blueprint; an enterprise under several priority industries counts once."
                    + CoreIndicators.groupTextEn(Kind.ENT_SHARE))
            .breakdowns(CoreIndicators.ENTERPRISE_BREAKDOWNS);
        if (bp) {
            kz.sql("SELECT a.eidx, @str(a.t) AS period, CASE WHEN e.key_zone IS NULL THEN 0 ELSE 1 END AS hit"
                + " FROM hg_active a JOIN hg_ent e ON e.eidx = a.eidx");
            pi.prepare(List.of(ENT_INDUSTRIES))
                .sql("SELECT a.eidx, @str(a.t) AS period, CASE WHEN p.eidx IS NULL THEN 0 ELSE 1 END AS hit"
                    + " FROM hg_active a LEFT JOIN (SELECT DISTINCT eidx FROM hg_bp_ent_ind) p ON p.eidx = a.eidx");
        } else {
            kz.unavailable(NEEDS);
            pi.unavailable(NEEDS);
        }
        l.add(kz.build());
        l.add(pi.build());
        return l;
    }

    /** Everyone in all enterprises as one group labelled '' (the tidy output's empty group): the all-enterprises scope. */
    static final Comparison ALL_ENTERPRISES = new Comparison("all_enterprises", "", "none", "none_difference",
        "SELECT eidx, '' AS grp FROM hg_ent");

    /** fit.*, promo.* and survey.share, in the order of indicators.md. */
    static List<IndicatorDefinition> definitions(RunContext ctx) {
        boolean bp = ctx.blueprint() != null;
        String city = ctx.cityOrHereZh();
        List<IndicatorDefinition> l = new ArrayList<>();
        String stock = "截至 D 为海归且 D 日在" + city + "的人员（存量）";
        String supplyZh = "某人的专业领域（ISCED-F 2013 大类）属于某重点产业的人才供给领域时，即为该产业的人才。";
        String supplyEn = " A person's talent supplies an industry when their field (ISCED-F 2013 broad field) is one of the "
            + "industry's fields.";
        IndicatorDefinition.Builder ts = IndicatorDefinition.builder("fit.talent_share", Kind.TIDY)
            .title("海归人才与重点产业契合比例", "Returnee talent that supplies a priority industry").unit("share")
            .method(stock + "中，专业领域为至少一个重点产业供给人才的比例；未填专业领域的人员计入分母。" + supplyZh + "无区间：普查数。",
                "Of the returnees in the stock (stock), the share whose field supplies at least one priority industry; persons "
                    + "without a field count in the denominator." + supplyEn + " No interval: a census figure.");
        IndicatorDefinition.Builder tb = IndicatorDefinition.builder("fit.talent_by_industry", Kind.TIDY)
            .title("各重点产业的海归人才存量", "Returnee talent in stock by priority industry").unit("persons")
            .method("每个重点产业（按梯次顺序，人数为零也给出）：" + stock + "中专业领域为该产业供给人才的人数；一人可计入多个产业。" + supplyZh,
                "Per priority industry (in tier order, zero included): returnees in the stock whose field supplies that industry; a "
                    + "person may count in several industries." + supplyEn);
        IndicatorDefinition.Builder fb = IndicatorDefinition.builder("fit.firms_by_industry", Kind.TIDY)
            .title("各重点产业的海归创办企业数", "Returnee-founded enterprises by priority industry").unit("enterprises")
            .method("每个重点产业（按梯次顺序，为零也给出）：D 所在年度存续、截至 D 由海归创办且行业代码以该产业某代码前缀开头的企业数；属于多个产业的企业在每个产业各计一次。",
                "Per priority industry (in tier order, zero included): returnee-founded enterprises (a founder who is a returnee as of "
                    + "D) active in D's year whose industry code starts with one of the industry's code prefixes; an enterprise "
                    + "under several industries counts in each.");
        IndicatorDefinition.Builder gap = IndicatorDefinition.builder("fit.gap", Kind.TIDY)
            .title("重点产业人才与企业缺口表", "Gap table: talent and firms by priority industry").unit("share")
            .method("每个重点产业按梯次顺序两行：breakdown = talent 时，分子为该产业的海归人才存量（同 fit.talent_by_industry），分母为专业领域供给至少一个重点产业的存量人数"
                    + "（同 fit.talent_share 的分子），值为产业所占份额；breakdown = firms 时，分子为该产业的海归创办企业数（同 fit.firms_by_industry），分母为 D 所在年度存续、"
                    + "属于至少一个重点产业的海归创办企业数，值为产业所占份额。人才份额低于企业份额的产业即" + city + "缺少海归人才之处。",
                "Per priority industry in tier order, two rows: breakdown talent - numerator the returnee talent in stock that "
                    + "supplies the industry (fit.talent_by_industry), denominator the persons in stock whose field supplies at least "
                    + "one priority industry (the numerator of fit.talent_share), value the industry's share; breakdown firms - "
                    + "numerator the returnee-founded enterprises in the industry (fit.firms_by_industry), denominator the "
                    + "returnee-founded enterprises active in D's year in at least one priority industry, value the industry's share. "
                    + "An industry whose share of talent is below its share of firms is where the city lacks returnee talent.");
        if (bp) {
            ts.prepare(List.of(STOCK_FIELDS)).sql("""
                SELECT '' AS period, '' AS breakdown, '' AS category, CAST(x.n AS DOUBLE) / nullif(y.n, 0) AS value,
                       x.n AS numerator, y.n AS denominator
                FROM (SELECT CAST(coalesce(sum(sf.n), 0) AS BIGINT) AS n FROM hg_stock_field sf
                      JOIN (SELECT DISTINCT field FROM hg_bp_field) f ON f.field = sf.field) x
                CROSS JOIN (SELECT count(*) AS n FROM hg_stock) y""");
            tb.prepare(List.of(STOCK_FIELDS)).sql("""
                SELECT '' AS period, 'priority_industry' AS breakdown, i.industry_id AS category,
                       CAST(coalesce(sum(x.n), 0) AS BIGINT) AS value,
                       CAST(NULL AS BIGINT) AS numerator, CAST(NULL AS BIGINT) AS denominator, i.ord AS ord
                FROM hg_bp_ind i
                LEFT JOIN (SELECT f.industry_id, sf.n FROM (SELECT DISTINCT industry_id, field FROM hg_bp_field) f
                           JOIN hg_stock_field sf ON sf.field = f.field) x ON x.industry_id = i.industry_id
                GROUP BY i.industry_id, i.ord""");
            fb.prepare(List.of(ENT_INDUSTRIES)).sql("""
                SELECT '' AS period, 'returnee' AS grp, 'priority_industry' AS breakdown, i.industry_id AS category,
                       count(DISTINCT x.eidx) AS value, CAST(NULL AS BIGINT) AS numerator, CAST(NULL AS BIGINT) AS denominator, i.ord AS ord
                FROM hg_bp_ind i
                LEFT JOIN (SELECT b.eidx, b.industry_id FROM hg_bp_ent_ind b JOIN hg_ent e ON e.eidx = b.eidx
                           JOIN hg_active a ON a.eidx = b.eidx AND a.t = ${asOfYear} WHERE e.grp = 'returnee') x
                  ON x.industry_id = i.industry_id
                GROUP BY i.industry_id, i.ord""");
            gap.prepare(List.of(ENT_INDUSTRIES, STOCK_FIELDS)).sql("""
                WITH tp AS (SELECT f.industry_id, f.field, sf.n FROM (SELECT DISTINCT industry_id, field FROM hg_bp_field) f
                            JOIN hg_stock_field sf ON sf.field = f.field),
                     fp AS (SELECT DISTINCT b.industry_id, b.eidx FROM hg_bp_ent_ind b JOIN hg_ent e ON e.eidx = b.eidx
                            JOIN hg_active a ON a.eidx = b.eidx AND a.t = ${asOfYear} WHERE e.grp = 'returnee'),
                     tn AS (SELECT CAST(coalesce(sum(sf.n), 0) AS BIGINT) AS n FROM hg_stock_field sf
                            JOIN (SELECT DISTINCT field FROM hg_bp_field) f ON f.field = sf.field),
                     fn AS (SELECT count(DISTINCT eidx) AS n FROM fp),
                     ti AS (SELECT i.industry_id, i.ord, CAST(coalesce(sum(tp.n), 0) AS BIGINT) AS n FROM hg_bp_ind i
                            LEFT JOIN tp ON tp.industry_id = i.industry_id GROUP BY i.industry_id, i.ord),
                     fi AS (SELECT i.industry_id, i.ord, count(DISTINCT fp.eidx) AS n FROM hg_bp_ind i
                            LEFT JOIN fp ON fp.industry_id = i.industry_id GROUP BY i.industry_id, i.ord)
                SELECT '' AS period, 'talent' AS breakdown, ti.industry_id AS category, CAST(ti.n AS DOUBLE) / nullif(tn.n, 0) AS value,
                       ti.n AS numerator, tn.n AS denominator, tn.n AS units, ti.n AS numerator_units, ti.ord AS ord
                FROM ti CROSS JOIN tn
                UNION ALL
                SELECT '' AS period, 'firms' AS breakdown, fi.industry_id AS category, CAST(fi.n AS DOUBLE) / nullif(fn.n, 0) AS value,
                       fi.n AS numerator, fn.n AS denominator, fn.n AS units, fi.n AS numerator_units, fi.ord AS ord
                FROM fi CROSS JOIN fn""");
        } else {
            for (IndicatorDefinition.Builder b : List.of(ts, tb, fb, gap)) {
                b.unavailable(NEEDS);
            }
        }
        l.add(ts.build());
        l.add(tb.breakdowns(List.of(PRIORITY_INDUSTRY)).build());
        l.add(fb.breakdowns(List.of(PRIORITY_INDUSTRY)).build());
        l.add(gap.breakdowns(List.of(GAP_TALENT, GAP_FIRMS)).build());

        l.add(IndicatorDefinition.builder("promo.jobs_share", Kind.ENT_RATIO)
            .title("海归创办企业就业占比", "Returnee-founded enterprises' share of jobs").unit("ratio")
            .method("t 年存续且有从业人数的全部企业中（无创始人记录的企业也计入分母），海归创办企业的从业人数合计 / 全部企业的从业人数合计。"
                    + "95% 区间：以企业为单位的百分位 Bootstrap（泊松权重，随机种子与重抽样次数随结果记录）。",
                "Employees of returnee-founded enterprises active in t / employees of all enterprises active in t, both over "
                    + "enterprises with employees given in t (enterprises with no founder row count in the denominator). 95% "
                    + "interval: percentile bootstrap over enterprises (Poisson weights, the seed and number of resamples recorded "
                    + "with the output).")
            .groups(Groups.RETURNEE_ONLY).comparison(ALL_ENTERPRISES)
            .sql("SELECT a.eidx, @str(a.t) AS period, CASE WHEN e.grp = 'returnee' THEN y.employees ELSE 0 END AS num,"
                + " y.employees AS den FROM hg_active_all a JOIN hg_ent e ON e.eidx = a.eidx"
                + " JOIN hg_ey_all y ON y.eidx = a.eidx AND y.t = a.t WHERE y.employees IS NOT NULL")
            .build());
        String supportZh = "扶持：扶持表中针对企业本身或其任一创始人（截至 D 的创始人记录）的记录；D 所在年度之后的扶持尚不存在。";
        String supportEn = " Support: a support row for the enterprise itself or for one of its founders (founder rows as of D); "
            + "support in a year after D's year does not exist yet.";
        l.add(IndicatorDefinition.builder("promo.supported_share", Kind.ENT_SHARE)
            .title("获得扶持的海归创办企业比例", "Share of returnee-founded enterprises supported").unit("share")
            .method("t 年存续的海归创办企业中，在 t 年或以前获得扶持的比例。" + supportZh + "95% 区间：Wilson 评分区间。",
                "Of returnee-founded enterprises active in t, the share with a support row in year t or before." + supportEn
                    + " 95% interval: Wilson score.")
            .groups(Groups.RETURNEE_ONLY).prepare(List.of(FIRST_SUPPORT))
            .sql("SELECT a.eidx, @str(a.t) AS period, CASE WHEN s.y <= a.t THEN 1 ELSE 0 END AS hit"
                + " FROM hg_active a JOIN hg_ent e ON e.eidx = a.eidx LEFT JOIN hg_bp_sup s ON s.eidx = a.eidx WHERE e.grp = 'returnee'")
            .build());
        l.add(IndicatorDefinition.builder("promo.supported_growth_difference", Kind.ENT_MEDIAN_DIFFERENCE)
            .title("获扶持与未获扶持海归创办企业的就业增长中位数之差", "Employee growth of supported minus unsupported returnee-founded enterprises")
            .unit("ratio")
            .method("t 年存续、t-1 年从业人数大于 0 且 t 年有从业人数的海归创办企业中：t-1 年或以前获得扶持者的 从业人数_t / 从业人数_{t-1} - 1 的中位数，"
                    + "减去其余企业的同一中位数；任一方没有企业时不给值。" + supportZh
                    + "95% 区间：以企业为单位的百分位 Bootstrap（每次重抽样两中位数之差的百分位）。",
                "Among returnee-founded enterprises active in t with employees > 0 in t-1 and employees given in t: the median of "
                    + "emp_t / emp_{t-1} - 1 of those supported in year t-1 or before, minus the same median of the others; no value "
                    + "when either side has no enterprise." + supportEn + " 95% interval: percentile bootstrap over enterprises "
                    + "(the difference of the two medians in each resample).")
            .groups(Groups.RETURNEE_ONLY).prepare(List.of(FIRST_SUPPORT))
            .sql("""
                SELECT a.eidx, @str(a.t) AS period, CASE WHEN s.y <= a.t - 1 THEN 0 ELSE 1 END AS side,
                       CAST(c.employees AS DOUBLE) / CAST(p.employees AS DOUBLE) - 1 AS v
                FROM hg_active a JOIN hg_ent e ON e.eidx = a.eidx
                JOIN hg_ey c ON c.eidx = a.eidx AND c.t = a.t
                JOIN hg_ey p ON p.eidx = a.eidx AND p.t = a.t - 1
                LEFT JOIN hg_bp_sup s ON s.eidx = a.eidx
                WHERE e.grp = 'returnee' AND p.employees > 0 AND c.employees IS NOT NULL""")
            .build());
        SurveyDefinition sv = ctx.survey();
        l.add(IndicatorDefinition.builder("survey.share", Kind.TIDY)
            .title(sv == null ? "问卷：选择各选项的加权比例" : sv.nameZh() + "：选择各选项的加权比例",
                sv == null ? "Survey: weighted share choosing each option" : sv.nameEn() + ": weighted share choosing each option")
            .unit("share")
            .method("每个题目（breakdown = 题号）与选项（category = 选项编号）：回答该题的受访者中答案包含该选项者的权重之和（分子）除以回答该题的全部受访者的权重之和（分母）；"
                    + "权重缺失计为 1；多选答案以分号分隔。选项取自问卷定义（按定义顺序，选择人数为零也给出）；无问卷定义时为答案中出现的选项。"
                    + "95% 区间：以 Kish 有效样本量 n_eff = (Σw)² / Σw² 计算的 Wilson 评分区间。",
                "Per question (breakdown = question id) and option (category = option id): the sum of the weights of the respondents "
                    + "who answered the question and whose answer includes the option (numerator), over the sum of the weights of "
                    + "all who answered it (denominator); a missing weight is 1; a multiple-choice answer lists its options "
                    + "separated by ';'. The options come from the survey definition (its order, zero included); without one they "
                    + "are the options found in the answers. 95% interval: Wilson score on the Kish effective sample size "
                    + "n_eff = (sum w)^2 / sum w^2 of those who answered.")
            .breakdowns(List.of())
            .sql("""
                WITH r AS (SELECT respondent_id, question, replace(answer, ' ', '') AS answer,
                                  coalesce(weight, CAST(1 AS DECIMAL(18, 6))) AS w FROM survey),
                     d AS (SELECT question, sum(w) AS sw, sum(CAST(w AS DOUBLE) * CAST(w AS DOUBLE)) AS sw2, count(*) AS n
                           FROM r GROUP BY question),
                     h AS (SELECT o.question, o.option_id, sum(r.w) AS sh, count(*) AS nh FROM hg_sv_opt o
                           JOIN r ON r.question = o.question AND position(';' || o.option_id || ';' IN ';' || r.answer || ';') > 0
                           GROUP BY o.question, o.option_id)
                SELECT '' AS period, o.question AS breakdown, o.option_id AS category,
                       CAST(coalesce(h.sh, 0) AS DOUBLE) / CAST(d.sw AS DOUBLE) AS value,
                       coalesce(h.sh, 0) AS numerator, d.sw AS denominator,
                       CAST(d.sw AS DOUBLE) * CAST(d.sw AS DOUBLE) / d.sw2 AS wilson_n,
                       d.n AS units, coalesce(h.nh, 0) AS numerator_units, o.ord AS ord
                FROM hg_sv_opt o JOIN d ON d.question = o.question
                LEFT JOIN h ON h.question = o.question AND h.option_id = o.option_id""")
            .build());
        return l;
    }
}
