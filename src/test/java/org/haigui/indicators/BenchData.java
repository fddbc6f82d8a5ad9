package org.haigui.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A realistic-looking synthetic store made directly with SQL (range() and DuckDB's hash() as the
 * random source), for the benchmark until the synthetic generator lands: N persons with 1-5
 * overseas episodes each (about 3N), 1-3 city moves each, N/10 enterprises founded 2005-2025
 * (about 10 years of data each), 1-3 founders each (5% with none), survey-free. Not a unit test.
 */
final class BenchData {

    private BenchData() {
    }

    static void generate(Connection c, long persons) throws SQLException {
        long ents = Math.max(10, persons / 10);
        String[] sql = {
            "INSERT INTO persons (person_id, name_zh, gender, birth_date, highest_degree, field, batch_id)"
                + " SELECT 'P' || CAST(i AS VARCHAR), 'p' || CAST(i AS VARCHAR), CASE WHEN hash(i, 1) % 2 = 0 THEN 'M' ELSE 'F' END,"
                + " CASE WHEN hash(i, 9) % 20 = 0 THEN NULL ELSE DATE '1955-01-01' + CAST(hash(i, 2) % 16000 AS INTEGER) END,"
                + " (['bachelor', 'master', 'doctorate', 'other'])[1 + CAST(hash(i, 3) % 4 AS INTEGER)],"
                + " lpad(CAST(hash(i, 4) % 11 AS VARCHAR), 2, '0'), 1 FROM range(" + persons + ") t(i)",
            // episodes: per person 1..5, start 1990..2024, study 1-6 y, work/research 0.5-8 y, 8% still open
            "INSERT INTO overseas_episodes (episode_id, person_id, kind, institution, country, start_date, end_date, degree, batch_id)"
                + " SELECT 'E' || CAST(i AS VARCHAR) || '_' || CAST(j AS VARCHAR), 'P' || CAST(i AS VARCHAR), kind,"
                + " 'Inst ' || CAST(hash(i, j, 7) % 500 AS VARCHAR),"
                + " (['US', 'GB', 'JP', 'DE', 'FR', 'AU', 'CA', 'SG', 'KR', 'NL'])[1 + CAST(hash(i, j, 8) % 10 AS INTEGER)],"
                + " s, CASE WHEN hash(i, j, 9) % 100 < 8 THEN NULL ELSE s + CAST(len AS INTEGER) END,"
                + " CASE WHEN kind = 'study' THEN (['bachelor', 'master', 'doctorate', 'none'])[1 + CAST(hash(i, j, 10) % 4 AS INTEGER)] END, 1"
                + " FROM (SELECT i, j, CASE WHEN hash(i, j, 5) % 100 < 50 THEN 'study' WHEN hash(i, j, 5) % 100 < 85 THEN 'work' ELSE 'research' END AS kind,"
                + "  DATE '1990-01-01' + CAST(hash(i, j, 6) % 12800 AS INTEGER) AS s,"
                + "  CASE WHEN hash(i, j, 5) % 100 < 50 THEN 300 + hash(i, j, 11) % 1900 ELSE 150 + hash(i, j, 11) % 2800 END AS len"
                + "  FROM range(" + persons + ") t(i), range(5) u(j) WHERE j <= hash(i, 12) % 5) x",
            // moves: 1..3 per person: arrive, maybe leave, maybe arrive again
            "INSERT INTO city_moves (move_id, person_id, \"date\", event, district, batch_id)"
                + " SELECT 'M' || CAST(i AS VARCHAR) || '_' || CAST(j AS VARCHAR), 'P' || CAST(i AS VARCHAR),"
                + " DATE '2000-01-01' + CAST(hash(i, 20) % 9000 AS INTEGER) + CAST(j * (200 + hash(i, j, 21) % 900) AS INTEGER),"
                + " CASE WHEN j = 1 THEN 'leave' ELSE 'arrive' END,"
                + " CASE WHEN j = 1 THEN NULL ELSE (['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112',"
                + "  '310113', '310114', '310115', '310116', '310117', '310118', '310120', '310151'])[1 + CAST(hash(i, j, 22) % 16 AS INTEGER)] END, 1"
                + " FROM range(" + persons + ") t(i), range(3) u(j) WHERE j <= hash(i, 23) % 3",
            "INSERT INTO enterprises (enterprise_id, name_zh, founded_date, dissolved_date, district, zone, industry, batch_id)"
                + " SELECT 'F' || CAST(k AS VARCHAR), 'firm ' || CAST(k AS VARCHAR), f,"
                + " CASE WHEN hash(k, 31) % 100 < 25 THEN f + CAST(365 + hash(k, 32) % 4000 AS INTEGER) END,"
                + " (['310104', '310112', '310115', '310117', '310114', '310110'])[1 + CAST(hash(k, 33) % 6 AS INTEGER)],"
                + " CASE WHEN hash(k, 34) % 2 = 0 THEN (['Zhangjiang Science City', 'Lingang Special Area', 'Caohejing Hi-tech Park',"
                + "  'G60 Corridor', 'Jiading New Town'])[1 + CAST(hash(k, 35) % 5 AS INTEGER)] END,"
                + " (['C', 'I', 'M', 'L', 'F', 'C', 'I', 'Q'])[1 + CAST(hash(k, 36) % 8 AS INTEGER)] || CAST(10 + hash(k, 37) % 80 AS VARCHAR), 1"
                + " FROM (SELECT k, DATE '2005-01-01' + CAST(hash(k, 30) % 7600 AS INTEGER) AS f FROM range(" + ents + ") t(k)) x",
            "INSERT INTO enterprise_people (enterprise_id, person_id, role, joined_date, batch_id)"
                + " SELECT DISTINCT 'F' || CAST(k AS VARCHAR), 'P' || CAST(hash(k, j, 40) % " + persons + " AS VARCHAR),"
                + " CASE WHEN j < 3 THEN 'founder' ELSE 'core' END, NULL, 1"
                + " FROM range(" + ents + ") t(k), range(5) u(j) WHERE hash(k, 41) % 100 >= 5 AND (j <= hash(k, 42) % 3 OR j >= 3)",
            "INSERT INTO enterprise_years (enterprise_id, \"year\", employees, local_employees, revenue, overseas_revenue,"
                + " overseas_markets, rd_expense, patents_granted, tax_paid, net_profit, funding_raised, high_tech, batch_id)"
                + " SELECT 'F' || CAST(k AS VARCHAR), y, emp, CAST(emp * 0.7 AS BIGINT), rev,"
                + " CASE WHEN hash(k, 50) % 3 = 0 THEN CAST(rev * 0.2 AS DECIMAL(18, 2)) ELSE 0 END,"
                + " CASE WHEN hash(k, 50) % 3 = 0 THEN (['US', 'US;JP', 'GB;DE;FR', 'SG', 'US;GB;JP;KR'])[1 + CAST(hash(k, 51) % 5 AS INTEGER)] END,"
                + " CAST(rev * (hash(k, 52) % 20) / 100 AS DECIMAL(18, 2)), CAST(hash(k, y, 53) % 6 AS BIGINT), CAST(rev * 0.06 AS DECIMAL(18, 2)),"
                + " CAST(rev * (CAST(hash(k, y, 54) % 40 AS INTEGER) - 15) / 100 AS DECIMAL(18, 2)),"
                + " CASE WHEN hash(k, y, 55) % 10 = 0 THEN CAST(hash(k, y, 56) % 50000000 AS DECIMAL(18, 2)) ELSE 0 END,"
                + " hash(k, 57) % 4 = 0, 1"
                + " FROM (SELECT k, y, CAST(3 + (hash(k, 60) % 40) * power(1.0 + (hash(k, 61) % 30) / 100.0, y - fy) AS BIGINT) AS emp,"
                + "  CAST((100000 + hash(k, 62) % 5000000) * power(0.9 + (hash(k, 63) % 40) / 100.0, y - fy) * (0.9 + (hash(k, y, 64) % 20) / 100.0) AS DECIMAL(18, 2)) AS rev"
                + "  FROM (SELECT CAST(substr(enterprise_id, 2) AS BIGINT) AS k, CAST(extract(year FROM founded_date) AS INTEGER) AS fy,"
                + "   coalesce(CAST(extract(year FROM dissolved_date) AS INTEGER), 2025) AS ly FROM enterprises) e2, range(2005, 2026) yy(y)"
                + "  WHERE yy.y BETWEEN e2.fy AND least(e2.ly, 2025)) x",
        };
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
