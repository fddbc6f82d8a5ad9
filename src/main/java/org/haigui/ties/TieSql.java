package org.haigui.ties;

import java.time.LocalDate;

/**
 * The SQL of ties, kept portable (DuckDB now, Spark SQL later): temp tables, window functions
 * with explicit frames, CASE instead of engine-specific functions, {@code position(.. IN ..)},
 * {@code make_date}, and date arithmetic in one place ({@link #days}). Every statement is a
 * function of the as-of date D; D is formatted as an ISO literal from a {@link LocalDate}.
 *
 * <p>Temp tables (all prefixed {@code tie_}):
 * <ul>
 * <li>{@code tie_ent}: enterprises founded on or before D, with their dissolution as known at D;</li>
 * <li>{@code tie_team}: initial core teams (founders; core members joined at most 365 days after
 *     founding, or before it);</li>
 * <li>{@code tie_fep}: the founders' episodes that started by D;</li>
 * <li>{@code tie_returnee}: founders who are returnees as of D;</li>
 * <li>{@code tie_rf}: returnee-founded enterprises (as of D);</li>
 * <li>{@code tie_scope}: the enterprises whose ties are computed;</li>
 * <li>{@code tie_ep}: the overseas episodes (started by D) of their team members, with the
 *     institution key of their name from the registry's {@code institution_name_keys};</li>
 * <li>{@code tie_pairs} (the ties command): directed pairs of episodes of two different members
 *     of one team, same kind class, same institution, overlapping intervals; {@code tie_flags}
 *     (the indicators): which members have such a pair, by kind class;</li>
 * <li>{@code tie_teams}: per enterprise, team size and tied members.</li>
 * </ul>
 */
final class TieSql {

    private TieSql() {
    }

    static String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Days from a to b (b - a) for DATE expressions. Spark: {@code datediff(b, a)}. */
    static String days(String a, String b) {
        return "datediff('day', " + a + ", " + b + ")";
    }

    /**
     * Enterprises as of D. A dissolution after D is not yet known. {@code onlyId} restricts to one
     * enterprise (null: all).
     */
    static String ent(LocalDate d, String onlyId) {
        return "CREATE OR REPLACE TEMP TABLE tie_ent AS\n"
            + "SELECT enterprise_id, founded_date,\n"
            + "       CASE WHEN dissolved_date <= " + date(d) + " THEN dissolved_date END AS dissolved\n"
            + "FROM enterprises\n"
            + "WHERE founded_date <= " + date(d)
            + (onlyId == null ? "" : " AND enterprise_id = " + quote(onlyId));
    }

    /**
     * The initial core team: founders, and core members whose joined_date is at most 365 days after
     * founded_date (or before it); a core row without joined_date is not in it. As of D, a row
     * whose joined_date is after D does not exist yet. left_date plays no part: whoever was in the
     * initial team stays in it.
     */
    static String team(LocalDate d) {
        return """
            CREATE OR REPLACE TEMP TABLE tie_team AS
            SELECT p.enterprise_id, p.person_id, p.role, p.joined_date
            FROM enterprise_people p
            JOIN tie_ent e ON p.enterprise_id = e.enterprise_id
            WHERE (p.joined_date IS NULL OR p.joined_date <= %1$s)
              AND (p.role = 'founder'
                   OR (p.role = 'core' AND p.joined_date IS NOT NULL
                       AND p.joined_date <= e.founded_date + INTERVAL 365 DAY))
            """.formatted(date(d));
    }

    /**
     * The overseas episodes that started by D of every founder (of the enterprises in
     * {@code tie_ent}): one scan of the episodes serves both the returnee test and the market ties.
     */
    static String founderEpisodes(LocalDate d) {
        return """
            CREATE OR REPLACE TEMP TABLE tie_fep AS
            SELECT o.person_id, o.kind, o.degree, o.country, o.start_date AS s, o.end_date AS e
            FROM overseas_episodes o
            JOIN (SELECT DISTINCT person_id FROM tie_team WHERE role = 'founder') f ON o.person_id = f.person_id
            WHERE o.start_date <= %s
            """.formatted(date(d));
    }

    /**
     * Founders who are returnees as of D (spec "Returnee as of date T"): a study episode with a
     * bachelor, master or doctorate degree ended by D, or ended episodes of any kind whose union
     * covers at least 365 distinct days (gaps and islands, only for founders without such a
     * degree: an episode starting after the latest end so far opens a new island; each island
     * covers max(end) - min(start) + 1 days).
     * TODO(ties): reuse the indicators engine's returnee table once it is on main.
     */
    static String returnees(LocalDate d) {
        return """
            CREATE OR REPLACE TEMP TABLE tie_returnee AS
            WITH ep AS (
              SELECT person_id, kind, degree, s, e FROM tie_fep
              WHERE e IS NOT NULL AND e <= %1$s),
            deg AS (
              SELECT DISTINCT person_id FROM ep
              WHERE kind = 'study' AND degree IN ('bachelor', 'master', 'doctorate')),
            rest AS (
              SELECT ep.person_id, ep.s, ep.e FROM ep LEFT JOIN deg ON ep.person_id = deg.person_id
              WHERE deg.person_id IS NULL),
            ordered AS (
              SELECT person_id, s, e,
                     max(e) OVER (PARTITION BY person_id ORDER BY s, e
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
              FROM rest),
            islands AS (
              SELECT person_id, s, e,
                     sum(CASE WHEN prev_end IS NULL OR s > prev_end THEN 1 ELSE 0 END)
                       OVER (PARTITION BY person_id ORDER BY s, e
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
              FROM ordered),
            spans AS (
              SELECT person_id, island, min(s) AS s, max(e) AS e
              FROM islands GROUP BY person_id, island),
            covered AS (
              SELECT person_id FROM spans GROUP BY person_id
              HAVING sum(%2$s + 1) >= 365)
            SELECT person_id FROM deg
            UNION ALL
            SELECT person_id FROM covered
            """.formatted(date(d), days("s", "e"));
    }

    /** Returnee-founded enterprises as of D: at least one founder who is a returnee as of D. */
    static final String RETURNEE_FOUNDED = """
        CREATE OR REPLACE TEMP TABLE tie_rf AS
        SELECT DISTINCT t.enterprise_id
        FROM tie_team t JOIN tie_returnee r ON t.person_id = r.person_id
        WHERE t.role = 'founder'
        """;

    /** The team indicators' scope: returnee-founded enterprises active in D's year. */
    static String scopeActiveReturneeFounded(LocalDate d) {
        return """
            CREATE OR REPLACE TEMP TABLE tie_scope AS
            SELECT e.enterprise_id
            FROM tie_ent e JOIN tie_rf r ON e.enterprise_id = r.enterprise_id
            WHERE e.dissolved IS NULL OR e.dissolved >= %s
            """.formatted(date(LocalDate.of(d.getYear(), 1, 1)));
    }

    /** Scope of one enterprise (the ties command), whatever its group. */
    static final String SCOPE_ALL = "CREATE OR REPLACE TEMP TABLE tie_scope AS SELECT enterprise_id FROM tie_ent";

    /**
     * Episodes of the scope's team members that have started by D, with the key of their
     * institution name from {@code institution_name_keys} (kept current by
     * {@link InstitutionRegistry#refreshNameKeys}). Kind class: {@code S} study, {@code W} work or
     * research (a study episode and a work episode never make a tie). For ties a missing end_date
     * lasts through D; an end after D is not known yet and is also cut at D (it changes no overlap,
     * since every episode here starts by D). {@code detail}: keep the episode ids (the ties
     * command); the indicators do not need them.
     */
    static String episodes(LocalDate d, boolean detail) {
        return """
            CREATE OR REPLACE TEMP TABLE tie_ep AS
            SELECT t.enterprise_id, t.person_id, %2$s
                   CASE WHEN o.kind = 'study' THEN 'S' ELSE 'W' END AS kc,
                   o.institution_id AS iid, n.name_key,
                   o.start_date AS s,
                   CASE WHEN o.end_date IS NULL OR o.end_date > %1$s THEN %1$s ELSE o.end_date END AS e
            FROM tie_team t
            JOIN tie_scope sc ON t.enterprise_id = sc.enterprise_id
            JOIN overseas_episodes o ON o.person_id = t.person_id
            LEFT JOIN institution_name_keys n ON o.institution = n.institution
            WHERE o.start_date <= %1$s
            """.formatted(date(d), detail ? "o.episode_id," : "");
    }

    private static final String PAIR_COLUMNS = """
        SELECT a.enterprise_id, a.person_id AS person_a, b.person_id AS person_b, a.kc,
               a.episode_id AS episode_a, b.episode_id AS episode_b, '%s' AS matched_by,
               CASE WHEN a.s > b.s THEN a.s ELSE b.s END AS overlap_start,
               CASE WHEN a.e < b.e THEN a.e ELSE b.e END AS overlap_end
        FROM tie_ep a JOIN tie_ep b
          ON a.enterprise_id = b.enterprise_id AND a.kc = b.kc AND %s
        WHERE a.person_id <> b.person_id AND a.s <= b.e AND b.s <= a.e""";

    /**
     * Directed pairs of episodes that make a tie. Spec "Institution": equal institution_ids where
     * both episodes have one; where either has none, equal name keys (equal normalised names, or
     * names the registry knows as aliases of one another). Two episodes with different ids never
     * match, whatever their names. Two equi-joins (each on enterprise, kind class, key), so the
     * engine hashes instead of comparing every pair of a team.
     */
    static final String PAIRS = "CREATE OR REPLACE TEMP TABLE tie_pairs AS\n"
        + PAIR_COLUMNS.formatted("institution_id", "a.iid = b.iid") + "\nUNION ALL\n"
        + PAIR_COLUMNS.formatted("name", "a.name_key = b.name_key") + "\n  AND (a.iid IS NULL OR b.iid IS NULL)";

    private static final String FLAG_JOIN = """
        SELECT a.enterprise_id, a.person_id, a.kc
        FROM tie_ep a JOIN tie_ep b
          ON a.enterprise_id = b.enterprise_id AND a.kc = b.kc AND %s
        WHERE a.person_id <> b.person_id AND a.s <= b.e AND b.s <= a.e""";

    /**
     * The indicators' version of {@link #PAIRS}: only which members are tied and by which kind,
     * without materialising the pairs.
     */
    static final String FLAGS = "CREATE OR REPLACE TEMP TABLE tie_flags AS\n"
        + FLAG_JOIN.formatted("a.iid = b.iid") + "\nUNION\n"
        + FLAG_JOIN.formatted("a.name_key = b.name_key") + "\n  AND (a.iid IS NULL OR b.iid IS NULL)";

    /** Per enterprise of the scope: team size and members tied (any, schoolmate, colleague). */
    static final String TEAMS = """
        CREATE OR REPLACE TEMP TABLE tie_teams AS
        WITH flags AS (
          SELECT enterprise_id, person_id,
                 max(CASE WHEN kc = 'S' THEN 1 ELSE 0 END) AS school,
                 max(CASE WHEN kc = 'W' THEN 1 ELSE 0 END) AS colleague
          FROM tie_flags GROUP BY enterprise_id, person_id)
        SELECT t.enterprise_id, count(*) AS size,
               sum(CASE WHEN f.person_id IS NOT NULL THEN 1 ELSE 0 END) AS tied,
               sum(coalesce(f.school, 0)) AS school,
               sum(coalesce(f.colleague, 0)) AS colleague
        FROM tie_team t
        JOIN tie_scope s ON t.enterprise_id = s.enterprise_id
        LEFT JOIN flags f ON f.enterprise_id = t.enterprise_id AND f.person_id = t.person_id
        GROUP BY t.enterprise_id
        """;

    /** The distribution the indicators and their bootstrap need: enterprises per count tuple. */
    static final String TEAM_HISTOGRAM = """
        SELECT size, tied, school, colleague, count(*) AS n
        FROM tie_teams GROUP BY size, tied, school, colleague
        ORDER BY size, tied, school, colleague
        """;

    /**
     * ent.market_tie_share per year t up to D's year: returnee-founded enterprises (as of D) active
     * in t with at least one overseas market in t; numerator: those whose markets of t include the
     * country of an overseas episode of one of their founders that started by the end of t (and
     * by D).
     */
    static String marketTies(LocalDate d) {
        return """
            WITH yrs AS (
              SELECT y.enterprise_id, y.year, y.overseas_markets
              FROM enterprise_years y
              JOIN tie_rf r ON y.enterprise_id = r.enterprise_id
              JOIN tie_ent e ON y.enterprise_id = e.enterprise_id
              WHERE y.year <= %1$d
                AND e.founded_date <= make_date(CAST(y.year AS INTEGER), 12, 31)
                AND (e.dissolved IS NULL OR e.dissolved >= make_date(CAST(y.year AS INTEGER), 1, 1))
                AND y.overseas_markets IS NOT NULL AND trim(y.overseas_markets) <> ''),
            fc AS (
              SELECT t.enterprise_id, o.country, min(o.s) AS first_start
              FROM tie_team t
              JOIN tie_rf r ON t.enterprise_id = r.enterprise_id
              JOIN tie_fep o ON o.person_id = t.person_id
              WHERE t.role = 'founder'
              GROUP BY t.enterprise_id, o.country),
            hit AS (
              SELECT DISTINCT yrs.enterprise_id, yrs.year
              FROM yrs JOIN fc ON yrs.enterprise_id = fc.enterprise_id
              WHERE fc.first_start <= make_date(CAST(yrs.year AS INTEGER), 12, 31)
                AND position(';' || fc.country || ';' IN ';' || replace(yrs.overseas_markets, ' ', '') || ';') > 0)
            SELECT yrs.year, count(*) AS denominator, count(hit.enterprise_id) AS numerator
            FROM yrs LEFT JOIN hit ON yrs.enterprise_id = hit.enterprise_id AND yrs.year = hit.year
            GROUP BY yrs.year
            ORDER BY yrs.year
            """.formatted(d.getYear());
    }

    static final java.util.List<String> TEMP_TABLES = java.util.List.of("tie_ent", "tie_team", "tie_fep", "tie_returnee",
        "tie_rf", "tie_scope", "tie_ep", "tie_pairs", "tie_flags", "tie_teams");
}
