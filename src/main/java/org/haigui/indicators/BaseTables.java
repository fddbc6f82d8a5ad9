package org.haigui.indicators;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables every indicator query builds on, created once per run as temporary tables after
 * the "as of D" rule has been applied (records dated after D do not exist):
 * <ul>
 * <li>{@code hg_ep(person_id, episode_id, kind, degree, country, start_date, end_date)}: episodes
 *     started by D; an end_date after D is NULL (not ended as of D).</li>
 * <li>{@code hg_returnee(person_id, since)}: the earliest date T at which each person is a
 *     returnee: the earliest end of a bachelor/master/doctorate study episode, or the first end
 *     date at which the union of the episodes ended by then covers 365 distinct days.</li>
 * <li>{@code hg_mv(person_id, move_id, d, event, district)}: moves dated by D.</li>
 * <li>{@code hg_ra(person_id, d, district)}: return arrivals (arrive moves on or after
 *     {@code since}).</li>
 * <li>{@code hg_stock(person_id)}: returnees as of D who are in the city on D.</li>
 * <li>{@code hg_pattr(person_id, district, country, degree, field, gender, age_band)}: the person
 *     breakdown values of returnees (a column per breakdown, named as the breakdown).</li>
 * <li>{@code hg_pyears(t)}, {@code hg_pquarters(t, label)}: the years (quarters) from the first
 *     year with a move to D's year (quarter).</li>
 * <li>{@code hg_ent(eidx, enterprise_id, fy, dy, grp, district, section, zone, key_zone, industry)}: enterprises
 *     founded by D: founding year, dissolution year as of D (NULL if not dissolved by D), group
 *     ({@code returnee}, {@code other}, NULL when there is no founder row), breakdown values; with a
 *     blueprint the zone is a key zone id, {@code other} or {@code unknown} and {@code key_zone} the
 *     key zone id (NULL when in none).</li>
 * <li>{@code hg_eb(eidx, grp, breakdown, category)}: the enterprise breakdowns of the grouped
 *     enterprises (breakdown '' = total, {@code district}, {@code industry_section}, {@code zone}).</li>
 * <li>{@code hg_eyears(t)}: years from the first founding year to D's year;
 *     {@code hg_active(eidx, t)}: grouped enterprises active in year t.</li>
 * <li>{@code hg_ey}: enterprise_years of grouped enterprises up to D's year, with {@code t} = year,
 *     and {@code employees_3}, {@code revenue_3} (year t-3) and {@code revenue_1} (year t-1).</li>
 * <li>{@code hg_active_all(eidx, t)}, {@code hg_ey_all(eidx, grp, t, ...)}: the "all enterprises" scope -
 *     every enterprise founded by D, those without a founder row included (grp NULL).</li>
 * </ul>
 * The SQL is the portable subset of {@link Dialect}, rendered for the run's engine.
 */
final class BaseTables {

    static final List<String> TABLES = List.of("hg_ep", "hg_ended", "hg_degree", "hg_union365", "hg_returnee", "hg_mv", "hg_ra",
        "hg_incity", "hg_stock", "hg_pattr", "hg_pyears", "hg_pquarters", "hg_ent", "hg_eb", "hg_eyears", "hg_active",
        "hg_ey_all", "hg_ey0", "hg_ey", "hg_active_all", "hg_bw", "hg_boot", "hg_units", "hg_bp_ind", "hg_bp_industry",
        "hg_bp_field", "hg_bp_zname", "hg_sv_opt", "hg_bp_ent_ind", "hg_bp_sup", "hg_stock_field");

    private BaseTables() {
    }

    /** Replaces the placeholders of a definition's SQL and renders its dialect functions. */
    static String bind(String sql, LocalDate asOf, Dialect dialect) {
        return dialect.render(bind(sql, asOf));
    }

    /** Replaces the placeholders of a definition's SQL. */
    static String bind(String sql, LocalDate asOf) {
        String d = asOf.toString();
        return sql.replace("${asOf}", "DATE '" + d + "'")
            .replace("${asOfYear}", Integer.toString(asOf.getYear()))
            .replace("${yearStart}", "DATE '" + asOf.getYear() + "-01-01'")
            .replace("${asOfText}", "'" + d + "'")
            .replace("${ytdPeriod}", "'" + asOf.getYear() + "-01-01.." + d + "'");
    }

    static void drop(SqlSession s) {
        try {
            for (String t : TABLES) {
                s.dropTemp(t);
            }
        } catch (SQLException e) {
            // best effort: temp tables vanish with the connection anyway
        }
    }

    /**
     * The statements that build the tables, in order: name and query (the years tables, which
     * depend on the data's first year, are built by {@link #create} after these).
     */
    static List<String[]> statements(LocalDate asOf) {
        return statements(asOf, false);
    }

    /**
     * As {@link #statements(LocalDate)}; with {@code blueprint} the enterprises' zone is the key zone
     * of the blueprint it names ({@code hg_bp_zname}, built by {@link BlueprintIndicators#createTables}),
     * {@code other} for a zone name that names no key zone, and {@code key_zone} is that zone id (NULL
     * otherwise); without, the zone is the text as written (trimmed) and {@code key_zone} is NULL. No
     * zone: {@code unknown} either way.
     */
    static List<String[]> statements(LocalDate asOf, boolean blueprint) {
        int mmdd = asOf.getMonthValue() * 100 + asOf.getDayOfMonth();
        List<String[]> sql = new ArrayList<>();
        sql.add(new String[] {"hg_ep", "SELECT person_id, episode_id, kind, degree, country, start_date,"
            + " CASE WHEN end_date <= ${asOf} THEN end_date END AS end_date FROM overseas_episodes WHERE start_date <= ${asOf}"});
        sql.add(new String[] {"hg_ended", "SELECT person_id, end_date, @days(start_date) AS s, @days(end_date) AS e"
            + " FROM hg_ep WHERE end_date IS NOT NULL"});
        sql.add(new String[] {"hg_degree", "SELECT person_id, min(end_date) AS since FROM hg_ep WHERE kind = 'study'"
            + " AND degree IN ('bachelor', 'master', 'doctorate') AND end_date IS NOT NULL GROUP BY person_id"});
        // First T at which the union of the episodes with end_date <= T covers 365 days. The union only
        // grows at an end date, so the candidates are the end dates e_j; an episode that started
        // earlier but ends after e_j does not count at e_j (it has not ended). Candidates are pruned
        // by the upper bound "sum of lengths of episodes ended by e_j >= 365" and to those before the
        // person's degree date (from then on the person is a returnee anyway); the exact union length
        // of the episodes ended by each candidate is, over those episodes sorted by start, the sum of
        // the days each adds beyond the furthest end before it (pm).
        sql.add(new String[] {"hg_union365", """
            WITH c AS (
              SELECT x.person_id, x.e AS t, min(x.end_date) AS td FROM (
                SELECT person_id, e, end_date,
                       sum(e - s + 1) OVER (PARTITION BY person_id ORDER BY e RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upper_bound
                FROM hg_ended) x
              LEFT JOIN hg_degree g ON g.person_id = x.person_id
              WHERE x.upper_bound >= 365 AND (g.since IS NULL OR x.end_date < g.since) GROUP BY x.person_id, x.e),
            p AS (SELECT c.person_id, c.t, c.td, y.s, y.e FROM c JOIN hg_ended y ON y.person_id = c.person_id AND y.e <= c.t),
            m AS (SELECT person_id, t, td, s, e,
                         max(e) OVER (PARTITION BY person_id, t ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm
                  FROM p),
            u AS (SELECT person_id, t, td,
                         sum(CASE WHEN pm IS NULL OR s > pm THEN e - s + 1 WHEN e > pm THEN e - pm ELSE 0 END) AS days
                  FROM m GROUP BY person_id, t, td)
            SELECT person_id, min(td) AS since FROM u WHERE days >= 365 GROUP BY person_id"""});
        sql.add(new String[] {"hg_returnee", "SELECT person_id, min(since) AS since FROM ("
            + " SELECT person_id, since FROM hg_degree UNION ALL SELECT person_id, since FROM hg_union365) x GROUP BY person_id"});
        sql.add(new String[] {"hg_mv", "SELECT person_id, move_id, @id(date) AS d, event, district FROM city_moves"
            + " WHERE @id(date) <= ${asOf}"});
        sql.add(new String[] {"hg_ra", "SELECT m.person_id, m.d, m.district FROM hg_mv m"
            + " JOIN hg_returnee r ON r.person_id = m.person_id WHERE m.event = 'arrive' AND m.d >= r.since"});
        // In the city on D: the latest move by D is an arrive; on the same date arrive is taken before leave.
        sql.add(new String[] {"hg_incity", "SELECT person_id FROM (SELECT person_id, event, row_number() OVER ("
            + " PARTITION BY person_id ORDER BY d DESC, CASE WHEN event = 'leave' THEN 0 ELSE 1 END, move_id DESC) AS rn"
            + " FROM hg_mv) x WHERE rn = 1 AND event = 'arrive'"});
        sql.add(new String[] {"hg_stock", "SELECT r.person_id FROM hg_returnee r JOIN hg_incity c ON c.person_id = r.person_id"});
        // Person breakdowns (indicators.md; their expressions are declared in Breakdowns): district of the
        // latest arrival by D (ties on the date: the greatest move_id), country of the latest episode by
        // start date (ties: greatest episode_id), highest_degree, field, gender, age band at D. A missing
        // value is the category 'unknown'. The latest arrival, the latest episode and the person's columns are
        // taken per person over all persons and joined to the returnees once, at the end: the same rows (a person's
        // latest row does not depend on whether the person is a returnee), without joining each of the three to
        // hg_returnee first - measured on 10,000,000 persons, 16.8-17.2 s against 23.5-26.2 s (1,000,000: 0.9-1.0 s
        // against 1.3-1.4 s), the table equal row for row.
        StringBuilder cols = new StringBuilder();
        for (Breakdowns.Breakdown b : Breakdowns.of(Breakdowns.Scope.PERSON)) {
            cols.append(", ").append(b.expr()).append(" AS ").append(b.id());
        }
        sql.add(new String[] {"hg_pattr", """
            WITH la AS (SELECT person_id, district FROM (
                          SELECT m.person_id, m.district, row_number() OVER (PARTITION BY m.person_id ORDER BY m.d DESC, m.move_id DESC) AS rn
                          FROM hg_mv m WHERE m.event = 'arrive') x WHERE rn = 1),
                 lc AS (SELECT person_id, country FROM (
                          SELECT e.person_id, e.country, row_number() OVER (PARTITION BY e.person_id ORDER BY e.start_date DESC, e.episode_id DESC) AS rn
                          FROM hg_ep e) x WHERE rn = 1),
                 p AS (SELECT p.person_id, p.highest_degree, p.field, p.gender,
                              extract(year FROM ${asOf}) - extract(year FROM p.birth_date)
                              - CASE WHEN extract(month FROM p.birth_date) * 100 + extract(day FROM p.birth_date) > MMDD THEN 1 ELSE 0 END AS age
                       FROM persons p)
            SELECT r.person_idCOLS
            FROM hg_returnee r LEFT JOIN la ON la.person_id = r.person_id LEFT JOIN lc ON lc.person_id = r.person_id
            LEFT JOIN p ON p.person_id = r.person_id""".replace("MMDD", Integer.toString(mmdd)).replace("COLS", cols)});
        // The comparison's groups (Comparison.RETURNEE_OTHER) over every enterprise founded by D; grp is
        // NULL for an enterprise with no founder row (it belongs to neither group: the "all enterprises"
        // scope, hg_active_all and hg_ey_all, still counts it).
        sql.add(new String[] {"hg_ent", """
            WITH f AS (SELECT p.enterprise_id, max(CASE WHEN r.person_id IS NULL THEN 0 ELSE 1 END) AS ret
                       FROM enterprise_people p LEFT JOIN hg_returnee r ON r.person_id = p.person_id
                       WHERE p.role = 'founder' AND (p.joined_date IS NULL OR p.joined_date <= ${asOf})
                       GROUP BY p.enterprise_id)
            SELECT row_number() OVER (ORDER BY e.enterprise_id) AS eidx, e.enterprise_id,
                   CAST(extract(year FROM e.founded_date) AS INTEGER) AS fy,
                   CASE WHEN e.dissolved_date <= ${asOf} THEN CAST(extract(year FROM e.dissolved_date) AS INTEGER) END AS dy,
                   CASE f.ret WHEN 1 THEN 'returnee' WHEN 0 THEN 'other' END AS grp,
                   e.district, upper(substr(e.industry, 1, 1)) AS section,
                   ZONE, e.industry
            FROM enterprises e LEFT JOIN f ON f.enterprise_id = e.enterprise_id ZJOIN
            WHERE e.founded_date <= ${asOf}""".replace("ZONE", blueprint
                ? "CASE WHEN nullif(trim(e.zone), '') IS NULL THEN 'unknown' ELSE coalesce(z.zone_id, 'other') END AS zone, z.zone_id AS key_zone"
                : "coalesce(nullif(trim(e.zone), ''), 'unknown') AS zone, @str(NULL) AS key_zone")
                .replace("ZJOIN", blueprint ? "LEFT JOIN hg_bp_zname z ON z.zone = trim(e.zone)" : "")});
        sql.add(new String[] {"hg_eb", groupedBreakdowns(Comparison.RETURNEE_OTHER)});
        sql.add(new String[] {"hg_ey_all", "SELECT e.eidx, e.grp, CAST(y.@id(year) AS INTEGER) AS t, y.employees, y.local_employees,"
            + " y.revenue, y.overseas_revenue, y.overseas_markets, y.rd_expense, y.patents_granted, y.tax_paid, y.net_profit,"
            + " y.funding_raised, y.high_tech FROM enterprise_years y JOIN hg_ent e ON e.enterprise_id = y.enterprise_id"
            + " WHERE y.@id(year) <= ${asOfYear}"});
        sql.add(new String[] {"hg_ey0", "SELECT eidx, t, employees, local_employees, revenue, overseas_revenue, overseas_markets,"
            + " rd_expense, patents_granted, tax_paid, net_profit, funding_raised, high_tech FROM hg_ey_all WHERE grp IS NOT NULL"});
        // with the values of years t-3 and t-1 that the growth indicators compare (NULL when that year has no row)
        sql.add(new String[] {"hg_ey", "SELECT y.*, p3.employees AS employees_3, p3.revenue AS revenue_3, p1.revenue AS revenue_1"
            + " FROM hg_ey0 y LEFT JOIN hg_ey0 p3 ON p3.eidx = y.eidx AND p3.t = y.t - 3"
            + " LEFT JOIN hg_ey0 p1 ON p1.eidx = y.eidx AND p1.t = y.t - 1"});
        return sql;
    }

    /**
     * {@code (eidx, grp, breakdown, category)}: the enterprise breakdowns declared in {@link Breakdowns}
     * of the enterprises in a group of the comparison (breakdown '' = total); an enterprise may have
     * several categories of a breakdown that is not a partition.
     */
    static String groupedBreakdowns(Comparison cmp) {
        StringBuilder eb = new StringBuilder("SELECT g.eidx, g.grp, '' AS breakdown, '' AS category FROM (" + cmp.groupsSql() + ") g");
        for (Breakdowns.Breakdown b : Breakdowns.of(Breakdowns.Scope.ENTERPRISE)) {
            eb.append(" UNION ALL SELECT g.eidx, g.grp, '").append(b.id()).append("', x.category FROM (").append(b.expr())
                .append(") x JOIN (").append(cmp.groupsSql()).append(") g ON g.eidx = x.eidx");
        }
        return eb.toString();
    }

    static void create(SqlSession st, LocalDate asOf) throws SQLException {
        create(st, asOf, false);
    }

    static void create(SqlSession st, LocalDate asOf, boolean blueprint) throws SQLException {
        int dy = asOf.getYear();
        {
            for (String[] s : statements(asOf, blueprint)) {
                // with HAIGUI_TIMINGS the JDBC session times each statement (Timings)
                st.createTemp(s[0], bind(s[1], asOf));
            }
            Integer firstMove = firstYear(st, "SELECT CAST(min(extract(year FROM d)) AS INTEGER) FROM hg_mv");
            Integer firstEnt = firstYear(st, "SELECT min(fy) FROM hg_ent WHERE grp IS NOT NULL");
            st.createTemp("hg_pyears", "SELECT t FROM " + yearsValues(firstMove, dy));
            StringBuilder q = new StringBuilder();
            if (firstMove != null) {
                for (int y = firstMove; y <= dy; y++) {
                    for (int k = 1; k <= 4 && (y < dy || (k - 1) * 3 < asOf.getMonthValue()); k++) {
                        q.append(q.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%d, '%dQ%d')", y, y, k));
                    }
                }
            }
            st.createTemp("hg_pquarters", "SELECT t, label FROM "
                + (q.length() == 0 ? "(SELECT 0 AS t, '' AS label) x WHERE 1 = 0" : "(VALUES " + q + ") AS v(t, label)"));
            st.createTemp("hg_eyears", "SELECT t FROM " + yearsValues(firstEnt, dy));
            st.createTemp("hg_active_all", "SELECT e.eidx, y.t FROM hg_ent e JOIN hg_eyears y"
                + " ON y.t >= e.fy AND (e.dy IS NULL OR e.dy >= y.t)");
            st.createTemp("hg_active", "SELECT a.eidx, a.t FROM hg_active_all a JOIN hg_ent e ON e.eidx = a.eidx"
                + " WHERE e.grp IS NOT NULL");
        }
    }

    private static String yearsValues(Integer first, int last) {
        if (first == null || first > last) {
            return "(SELECT 0 AS t) x WHERE 1 = 0";
        }
        StringBuilder v = new StringBuilder();
        for (int y = first; y <= last; y++) {
            v.append(y == first ? "" : ", ").append('(').append(y).append(')');
        }
        return "(VALUES " + v + ") AS v(t)";
    }

    private static Integer firstYear(SqlSession st, String sql) throws SQLException {
        try (SqlSession.Rows rs = st.query(sql)) {
            rs.next();
            int v = rs.getInt(1);
            return rs.wasNull() ? null : v;
        }
    }
}
