package org.haigui.synth;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures the calibration figures on generated CSV files with SQL run by DuckDB, following
 * indicators.md literally (returnee as of T, return arrival, in the city on T, returnee-founded
 * enterprise, profitable within n years). Independent of the generator's own bookkeeping.
 */
final class CalibrationSql {

    static final String D = "DATE '2021-09-30'";

    private CalibrationSql() {
    }

    static Map<String, Double> measure(Connection c, Path dir) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : new String[] {"persons", "overseas_episodes", "city_moves", "enterprises", "enterprise_people",
                "enterprise_years", "survey"}) {
                String file = dir.resolve(t + ".csv").toString().replace("'", "''");
                s.execute("CREATE OR REPLACE VIEW " + t + " AS SELECT * FROM read_csv('" + file
                    + "', header = true, all_varchar = true, quote = '\"', escape = '\"', delim = ',')");
            }
            // a partial date is its first day (data-format.md)
            s.execute("CREATE OR REPLACE MACRO pdate(x) AS CASE WHEN x IS NULL OR x = '' THEN NULL "
                + "WHEN length(x) = 4 THEN CAST(x || '-01-01' AS DATE) WHEN length(x) = 7 THEN CAST(x || '-01' AS DATE) "
                + "ELSE CAST(x AS DATE) END");
            s.execute("CREATE OR REPLACE TABLE ep AS SELECT person_id, kind, degree, pdate(start_date) AS s, pdate(end_date) AS e "
                + "FROM overseas_episodes");
            s.execute("CREATE OR REPLACE TABLE mv AS SELECT person_id, CAST(date AS DATE) AS d, event FROM city_moves");
            // the (person, date) pairs at which returnee status is needed: every arrival and D
            s.execute("CREATE OR REPLACE TABLE q AS SELECT DISTINCT person_id, d AS t FROM mv WHERE event = 'arrive' "
                + "UNION SELECT person_id, " + D + " FROM persons");
            // (a) a degree study episode ended by T
            s.execute("CREATE OR REPLACE TABLE ret_a AS SELECT DISTINCT q.person_id, q.t FROM q JOIN ep ON ep.person_id = q.person_id "
                + "WHERE ep.kind = 'study' AND ep.degree IN ('bachelor', 'master', 'doctorate') AND ep.e <= q.t");
            // (b) episodes ended by T whose union covers at least 365 distinct days (gaps and islands)
            s.execute("CREATE OR REPLACE TABLE ret_b AS "
                + "WITH x AS (SELECT q.person_id, q.t, ep.s, ep.e FROM q JOIN ep ON ep.person_id = q.person_id "
                + "           WHERE ep.e IS NOT NULL AND ep.e <= q.t), "
                + "y AS (SELECT *, max(e) OVER (PARTITION BY person_id, t ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm FROM x), "
                + "z AS (SELECT *, sum(CASE WHEN pm IS NULL OR s > pm THEN 1 ELSE 0 END) "
                + "      OVER (PARTITION BY person_id, t ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island FROM y), "
                + "w AS (SELECT person_id, t, island, min(s) AS a, max(e) AS b FROM z GROUP BY 1, 2, 3) "
                + "SELECT person_id, t FROM w GROUP BY 1, 2 HAVING sum(date_diff('day', a, b) + 1) >= 365");
            s.execute("CREATE OR REPLACE TABLE ret AS SELECT * FROM ret_a UNION SELECT * FROM ret_b");
            s.execute("CREATE OR REPLACE TABLE arrivals AS SELECT m.person_id, m.d FROM mv m "
                + "JOIN ret r ON r.person_id = m.person_id AND r.t = m.d WHERE m.event = 'arrive'");
            // in the city on D: the latest move on or before D is an arrival (same date: arrive before leave)
            s.execute("CREATE OR REPLACE TABLE incity AS SELECT person_id FROM ("
                + "SELECT person_id, event, row_number() OVER (PARTITION BY person_id ORDER BY d DESC, "
                + "CASE WHEN event = 'leave' THEN 1 ELSE 0 END DESC) AS rn FROM mv WHERE d <= " + D + ") WHERE rn = 1 AND event = 'arrive'");
            s.execute("CREATE OR REPLACE TABLE returnee_d AS SELECT person_id FROM ret WHERE t = " + D);
            // returnee-founded enterprises as of D
            s.execute("CREATE OR REPLACE TABLE firms AS SELECT enterprise_id, CAST(founded_date AS DATE) AS f FROM enterprises "
                + "WHERE CAST(founded_date AS DATE) <= " + D);
            s.execute("CREATE OR REPLACE TABLE rfirms AS SELECT DISTINCT f.enterprise_id, f.f FROM firms f "
                + "JOIN enterprise_people p ON p.enterprise_id = f.enterprise_id AND p.role = 'founder' "
                + "JOIN returnee_d r ON r.person_id = p.person_id");
            s.execute("CREATE OR REPLACE TABLE rfounders AS SELECT DISTINCT p.person_id FROM rfirms f "
                + "JOIN enterprise_people p ON p.enterprise_id = f.enterprise_id AND p.role = 'founder' "
                + "JOIN returnee_d r ON r.person_id = p.person_id");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("stock", one(c, "SELECT count(*) FROM incity i JOIN returnee_d r ON r.person_id = i.person_id"));
        double w2016 = one(c, "SELECT count(DISTINCT person_id) FROM arrivals WHERE d BETWEEN DATE '2016-01-01' AND DATE '2020-12-31'");
        double w2011 = one(c, "SELECT count(DISTINCT person_id) FROM arrivals WHERE d BETWEEN DATE '2011-01-01' AND DATE '2015-12-31'");
        double y2020 = one(c, "SELECT count(DISTINCT person_id) FROM arrivals WHERE d BETWEEN DATE '2020-01-01' AND DATE '2020-12-31'");
        double ytd = one(c, "SELECT count(DISTINCT person_id) FROM arrivals WHERE d BETWEEN DATE '2021-01-01' AND " + D);
        m.put("inflow.window5.2016-2020", w2016);
        m.put("inflow.window5.2011-2015", w2011);
        m.put("inflow.window5_multiple.2016-2020", w2016 / w2011);
        m.put("inflow.ytd.2021-09-30", ytd);
        m.put("inflow.year.2020", y2020);
        m.put("inflow.ytd_vs_last_year.2021", ytd / y2020);
        // founders: returnee founders of returnee-founded firms; degree share over those with a degree on record
        m.put("founders.master_or_doctorate", one(c, "SELECT avg(CASE WHEN p.highest_degree IN ('master', 'doctorate') THEN 1.0 ELSE 0.0 END) "
            + "FROM rfounders f JOIN persons p ON p.person_id = f.person_id WHERE p.highest_degree IS NOT NULL"));
        m.put("founders.worked_overseas", one(c, "SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM ep WHERE ep.person_id = f.person_id "
            + "AND ep.kind IN ('work', 'research') AND ep.s <= " + D + ") THEN 1.0 ELSE 0.0 END) FROM rfounders f"));
        m.put("survey.senior_position_abroad", weighted(c, "senior_position_abroad", "answer = 'yes'"));
        m.put("survey.founded_business_abroad", weighted(c, "founded_business_abroad", "answer = 'yes'"));
        m.put("survey.passion_innovation", weighted(c, "motivation", "list_contains(string_split(answer, ';'), 'passion_innovation')"));
        m.put("ent.profitable_within_1y", profitable(c, 1, 2010, 2019));
        m.put("ent.profitable_within_3y", profitable(c, 3, 2010, 2017));
        m.put("firms.returnee", one(c, "SELECT count(*) FROM rfirms"));
        m.put("founders.returnee", one(c, "SELECT count(*) FROM rfounders"));
        m.put("survey.respondents", one(c, "SELECT count(DISTINCT respondent_id) FROM survey"));
        return m;
    }

    /** Pooled over birth cohorts: firms born in b with net_profit > 0 in some year b..b+n, over firms born in b. */
    private static double profitable(Connection c, int n, int from, int to) throws SQLException {
        return one(c, "SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM enterprise_years y WHERE y.enterprise_id = f.enterprise_id "
            + "AND CAST(y.year AS INTEGER) BETWEEN year(f.f) AND year(f.f) + " + n + " AND CAST(y.net_profit AS DECIMAL(18,2)) > 0) "
            + "THEN 1.0 ELSE 0.0 END) FROM rfirms f WHERE year(f.f) BETWEEN " + from + " AND " + to);
    }

    private static double weighted(Connection c, String question, String condition) throws SQLException {
        return one(c, "SELECT sum(CASE WHEN " + condition + " THEN CAST(weight AS DOUBLE) ELSE 0 END) / sum(CAST(weight AS DOUBLE)) "
            + "FROM survey WHERE question = '" + question + "'");
    }

    static double one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
