package org.haigui.ties;

import java.util.ArrayList;
import java.util.List;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorDefinition.Groups;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.IndicatorProvider;

/**
 * Contributes {@code team.*} and {@code ent.market_tie_share} to the indicator catalogue
 * (registered in {@code META-INF/services/org.haigui.indicators.IndicatorProvider}). The engine
 * gives the groups ({@code hg_ent.grp}: returnee-founded as of D), the active years
 * ({@code hg_active}), the enterprise years ({@code hg_ey}), the episodes as of D ({@code hg_ep}),
 * the intervals (Wilson for shares, its bootstrap for ratios and medians) and the tidy output; the
 * definitions here find the initial core teams and their ties.
 *
 * <p>Institution keys come from {@code institution_name_keys}, which
 * {@link InstitutionRegistry#refreshNameKeys} keeps exact (Java normalisation, registry aliases);
 * call it before the engine runs (see {@link #prepare}). A name not keyed yet falls back to an SQL
 * normalisation (full-width forms to ASCII, lower case, {@code ß} to {@code ss}, a leading
 * {@code the } dropped, {@code &} to {@code and}, non-letters and non-digits removed) looked up in
 * the registry's {@code institution_norms} (filled with the built-in registry when empty): the
 * same keys except for rare NFKC cases (ligatures, circled or superscript characters).
 *
 * <p>The team tables are built once per run by the first team definition ({@code CREATE OR
 * REPLACE}); the others build them only when missing ({@code IF NOT EXISTS}), so that any subset
 * can be asked for; {@link #prepare} drops them at the start of every run, so a long-lived
 * connection never reuses an earlier run's tables.
 */
public final class TieIndicatorProvider implements IndicatorProvider {

    /**
     * Called by the engine at the start of every run: keys every institution name not keyed yet,
     * and drops the team tables of an earlier run on this connection, so that whichever team
     * definition comes first builds them afresh for this run's as-of date.
     */
    @Override
    public void prepare(org.haigui.indicators.RunContext context, java.sql.Connection c, org.haigui.indicators.Dialect dialect) {
        InstitutionRegistry.refreshNameKeys(c);
        try (java.sql.Statement st = c.createStatement()) {
            for (String t : new String[] {"tie_x_team", "tie_x_ep0", "tie_x_ep", "tie_x_flags", "tie_x_teams"}) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reset the team tables: " + e.getMessage(), e);
        }
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

    private static volatile String builtinNormsInsert;

    /**
     * Fills an empty {@code institution_norms} with the built-in registry's names and aliases, so
     * that aliases work even in a store where the registry was never loaded.
     */
    static String builtinNormsInsert() {
        String s = builtinNormsInsert;
        if (s == null) {
            RegistryModel m = InstitutionRegistry.builtinModel();
            StringBuilder sb = new StringBuilder("INSERT INTO institution_norms SELECT norm, name_key FROM (VALUES ");
            boolean first = true;
            for (String norm : new java.util.TreeSet<>(m.allNorms().keySet())) {
                sb.append(first ? "" : ", ").append("('").append(norm.replace("'", "''")).append("', '")
                    .append(m.keyOf(norm).replace("'", "''")).append("')");
                first = false;
            }
            sb.append(") AS v(norm, name_key) WHERE NOT EXISTS (SELECT 1 FROM institution_norms)");
            s = sb.toString();
            builtinNormsInsert = s;
        }
        return s;
    }

    /** The team tables ({@link #prepare} drops each of them: keep its list in step); {@code create} is {@code CREATE OR REPLACE TEMP TABLE} or {@code CREATE TEMP TABLE IF NOT EXISTS}. */
    static List<String> teamTables(String create) {
        List<String> s = new ArrayList<>();
        s.add(builtinNormsInsert());
        s.add(create + " tie_x_team AS\n"
            + "SELECT h.eidx, p.person_id\n"
            + "FROM hg_ent h\n"
            + "JOIN hg_active a ON a.eidx = h.eidx AND a.t = ${asOfYear}\n"
            + "JOIN enterprises e ON e.enterprise_id = h.enterprise_id\n"
            + "JOIN enterprise_people p ON p.enterprise_id = h.enterprise_id\n"
            + "WHERE h.grp = 'returnee'\n"
            + "  AND (p.joined_date IS NULL OR p.joined_date <= ${asOf})\n"
            + "  AND (p.role = 'founder' OR (p.role = 'core' AND p.joined_date IS NOT NULL\n"
            + "       AND p.joined_date <= @addDays(e.founded_date, 365)))");
        s.add(create + " tie_x_ep0 AS\n"
            + "SELECT t.eidx, t.person_id, CASE WHEN o.kind = 'study' THEN 'S' ELSE 'W' END AS kc,\n"
            + "       o.institution_id AS iid, k.institution AS keyed, k.name_key,\n"
            + "       CASE WHEN k.institution IS NULL THEN " + SQL_NORM + " END AS norm,\n"
            + "       o.start_date AS s,\n"
            + "       CASE WHEN o.end_date IS NULL OR o.end_date > ${asOf} THEN ${asOf} ELSE o.end_date END AS e\n"
            + "FROM tie_x_team t\n"
            + "JOIN overseas_episodes o ON o.person_id = t.person_id\n"
            + "LEFT JOIN institution_name_keys k ON k.institution = o.institution\n"
            + "WHERE o.start_date <= ${asOf}");
        // a name not keyed yet: its SQL normal form, looked up among the registry's names and aliases
        s.add(create + " tie_x_ep AS\n"
            + "SELECT x.eidx, x.person_id, x.kc, x.iid, x.s, x.e,\n"
            + "       CASE WHEN x.keyed IS NOT NULL THEN x.name_key\n"
            + "            WHEN x.norm = '' THEN NULL\n"
            + "            ELSE coalesce(r.name_key, 'n:' || x.norm) END AS name_key\n"
            + "FROM tie_x_ep0 x LEFT JOIN institution_norms r ON r.norm = x.norm");
        String join = "SELECT a.eidx, a.person_id, a.kc FROM tie_x_ep a JOIN tie_x_ep b\n"
            + "  ON a.eidx = b.eidx AND a.kc = b.kc AND %s\n"
            + "WHERE a.person_id <> b.person_id AND a.s <= b.e AND b.s <= a.e";
        s.add(create + " tie_x_flags AS\n" + join.formatted("a.iid = b.iid") + "\nUNION\n"
            + join.formatted("a.name_key = b.name_key") + "\n  AND (a.iid IS NULL OR b.iid IS NULL)");
        s.add(create + " tie_x_teams AS\n"
            + "WITH f AS (SELECT eidx, person_id, max(CASE WHEN kc = 'S' THEN 1 ELSE 0 END) AS school,\n"
            + "                  max(CASE WHEN kc = 'W' THEN 1 ELSE 0 END) AS colleague\n"
            + "           FROM tie_x_flags GROUP BY eidx, person_id)\n"
            + "SELECT t.eidx, count(*) AS size, sum(CASE WHEN f.person_id IS NOT NULL THEN 1 ELSE 0 END) AS tied,\n"
            + "       sum(coalesce(f.school, 0)) AS school, sum(coalesce(f.colleague, 0)) AS colleague\n"
            + "FROM tie_x_team t LEFT JOIN f ON f.eidx = t.eidx AND f.person_id = t.person_id\n"
            + "GROUP BY t.eidx");
        return s;
    }

    @Override
    public List<IndicatorDefinition> definitions(org.haigui.indicators.RunContext context) {
        List<IndicatorDefinition> out = new ArrayList<>();
        List<String> fresh = teamTables("CREATE OR REPLACE TEMP TABLE");
        List<String> ifMissing = teamTables("CREATE TEMP TABLE IF NOT EXISTS");
        for (TieIndicators.Definition d : TieIndicators.definitions()) {
            IndicatorDefinition.Builder b;
            switch (d.id()) {
                case "team.size_median" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_MEDIAN).prepare(fresh)
                    .sql("SELECT eidx, '' AS period, size AS v FROM tie_x_teams");
                case "team.tie_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_RATIO).prepare(ifMissing)
                    .sql("SELECT eidx, '' AS period, tied AS num, size AS den FROM tie_x_teams WHERE size >= 2");
                case "team.tie_majority_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_SHARE).prepare(ifMissing)
                    .sql("SELECT eidx, '' AS period, CASE WHEN 2 * tied >= size THEN 1 ELSE 0 END AS hit FROM tie_x_teams"
                        + " WHERE size >= 2");
                case "team.schoolmate_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_RATIO).prepare(ifMissing)
                    .sql("SELECT eidx, '' AS period, school AS num, size AS den FROM tie_x_teams WHERE size >= 2");
                case "team.colleague_share" -> b = IndicatorDefinition.builder(d.id(), Kind.ENT_RATIO).prepare(ifMissing)
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
