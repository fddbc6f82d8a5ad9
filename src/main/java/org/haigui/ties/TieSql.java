package org.haigui.ties;

import java.time.LocalDate;

/**
 * The SQL of one enterprise's team report ({@code haigui ties --enterprise}, {@link TeamTies}); the
 * indicators are {@link TieIndicatorProvider}'s, run by the indicator engine. Kept portable (DuckDB
 * now, Spark SQL later): temp tables, window functions with explicit frames, CASE instead of engine-specific functions, {@code position(.. IN ..)},
 * {@code make_date}, and date arithmetic in one place ({@link #days}). Every statement is a
 * function of the as-of date D; D is formatted as an ISO literal from a {@link LocalDate}.
 *
 * <p>Temp tables (all prefixed {@code tie_}):
 * <ul>
 * <li>{@code tie_ent}: the enterprise, when founded on or before D, with its dissolution as known at D;</li>
 * <li>{@code tie_team}: initial core teams (founders; core members joined at most 365 days after
 *     founding, or before it);</li>
 * <li>{@code tie_fep}: the founders' episodes that started by D;</li>
 * <li>{@code tie_returnee}: founders who are returnees as of D;</li>
 * <li>{@code tie_rf}: returnee-founded enterprises (as of D);</li>
 * <li>{@code tie_ep}: the overseas episodes (started by D) of the team members, with the
 *     institution key of their name from the registry's {@code institution_name_keys};</li>
 * <li>{@code tie_pairs}: directed pairs of episodes of two different members of the team, same
 *     kind class, same institution, overlapping intervals.</li>
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

    /** The enterprise as of D (none when founded after D). A dissolution after D is not yet known. */
    static String ent(LocalDate d, String enterpriseId) {
        return "CREATE OR REPLACE TEMP TABLE tie_ent AS\n"
            + "SELECT enterprise_id, founded_date,\n"
            + "       CASE WHEN dissolved_date <= " + date(d) + " THEN dissolved_date END AS dissolved\n"
            + "FROM enterprises\n"
            + "WHERE founded_date <= " + date(d) + " AND enterprise_id = " + quote(enterpriseId);
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
     * {@code tie_ent}), for the returnee test.
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
     * This is the rule of the engine's {@code hg_returnee} (indicators.BaseTables) written for the
     * few founders of one enterprise: the engine has no public way to give one team's returnee
     * status without building its base tables over the whole store. TeamTiesTest checks that the
     * two agree on the fixture.
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

    /**
     * Episodes of the team members that have started by D, with the key of their institution name
     * from {@code institution_name_keys} (kept current by
     * {@link InstitutionRegistry#refreshNameKeys}). Kind class: {@code S} study, {@code W} work or
     * research (a study episode and a work episode never make a tie). For ties a missing end_date
     * lasts through D; an end after D is not known yet and is also cut at D (it changes no overlap,
     * since every episode here starts by D).
     */
    static String episodes(LocalDate d) {
        return """
            CREATE OR REPLACE TEMP TABLE tie_ep AS
            SELECT t.enterprise_id, t.person_id, o.episode_id,
                   CASE WHEN o.kind = 'study' THEN 'S' ELSE 'W' END AS kc,
                   o.institution_id AS iid, n.name_key,
                   o.start_date AS s,
                   CASE WHEN o.end_date IS NULL OR o.end_date > %1$s THEN %1$s ELSE o.end_date END AS e
            FROM tie_team t
            JOIN overseas_episodes o ON o.person_id = t.person_id
            LEFT JOIN institution_name_keys n ON o.institution = n.institution
            WHERE o.start_date <= %1$s
            """.formatted(date(d));
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

    static final java.util.List<String> TEMP_TABLES = java.util.List.of("tie_ent", "tie_team", "tie_fep", "tie_returnee",
        "tie_rf", "tie_ep", "tie_pairs");
}
