package org.haigui.ties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.IndicatorValue;
import org.haigui.store.Store;

/**
 * Benchmark of the tie indicators (not a unit test). Builds a realistic store with SQL alone
 * (range() and hash-based pseudo-random numbers): persons with 0-6 overseas episodes at ~3,000
 * registry institutions with a strong concentration (the index is 3000 u^3, so the top 1% of
 * institutions take about a fifth of the episodes), one in ten names written in upper case (a
 * variant that matches after normalisation), 5% of episodes still abroad; one enterprise per ten
 * persons with an initial team of 1-8 (1-3 founders, core members joining from 200 days before to
 * 700 days after founding), 10% dissolved; 40% of the other team members also have an episode at
 * the institution of the first founder's first episode, shifted by up to two years (so that
 * teams are often tied, as the report says); five years of enterprise data with overseas markets.
 *
 * <p>Usage: {@code TiesBenchmark PERSONS [DB_FILE]} (default 300000 persons, a temp file). Prints
 * the build time, the sizes, and the time of the indicator engine on the tie indicators
 * ({@link TieIndicatorProvider#IDS}, the engine's base tables included), twice.
 */
public final class TiesBenchmark {

    private TiesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        Path db = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("ties-bench").resolve("bench.duckdb");
        boolean fresh = !Files.exists(db);
        try (Store store = Store.open(db)) {
            Connection c = store.connection();
            if (fresh) {
                long t0 = System.nanoTime();
                build(c, persons);
                System.out.printf(Locale.ROOT, "built %s in %.1f s%n", db, (System.nanoTime() - t0) / 1e9);
            }
            try (Statement st = c.createStatement()) {
                for (String t : new String[] {"persons", "overseas_episodes", "enterprises", "enterprise_people", "enterprise_years"}) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        System.out.printf(Locale.ROOT, "  %-18s %,12d%n", t, rs.getLong(1));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT institution) FROM overseas_episodes")) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "  %-18s %,12d%n", "distinct names", rs.getLong(1));
                }
            }
            LocalDate d = LocalDate.of(2021, 12, 31);
            InstitutionRegistry.refreshNameKeys(c); // what import does
            for (int run = 1; run <= 2; run++) {
                long t0 = System.nanoTime();
                RawResult r = new IndicatorEngine().run(c,
                    IndicatorRequest.of(d).withOnly(Set.copyOf(TieIndicatorProvider.IDS)));
                double total = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: all tie indicators in %.2f s%n", run, total);
                if (run == 1) {
                    for (IndicatorValue v : r.values()) {
                        if (v.period().isEmpty() || v.period().equals("2021")) {
                            System.out.printf(Locale.ROOT, "    %-26s %-5s %s  (%s/%s)  [%s, %s]%n", v.indicator(),
                                v.period(), v.value(), v.numerator(), v.denominator(), v.ciLow(), v.ciHigh());
                        }
                    }
                }
            }
            long t0 = System.nanoTime();
            TeamReport team = TeamTies.team(c, "E42", d);
            System.out.printf(Locale.ROOT, "one enterprise's team (ties --enterprise E42): %.2f s, %d members, %d ties%n",
                (System.nanoTime() - t0) / 1e9, team.members().size(), team.ties().size());
        }
    }

    /** u in [0,1) from a hash of an expression and a salt. */
    private static String u(String expr, int salt) {
        return "((hash(" + expr + ", " + salt + ") % 1000000) / 1000000.0)";
    }

    private static String n(String expr, int salt, long mod) {
        return "CAST(hash(" + expr + ", " + salt + ") % " + mod + " AS BIGINT)";
    }

    static void build(Connection c, long persons) throws SQLException {
        InstitutionRegistry.ensureLoaded(c);
        long ents = Math.max(1, persons / 10);
        try (Statement st = c.createStatement()) {
            st.execute("""
                CREATE TEMP TABLE bench_inst AS
                SELECT CAST(row_number() OVER (ORDER BY hash(institution_id)) - 1 AS BIGINT) AS idx, name, country
                FROM institutions WHERE source = 'builtin' AND country IS NOT NULL AND country <> 'CN'
                QUALIFY idx < 3000""");
            st.execute("INSERT INTO persons (person_id, name_en, batch_id) SELECT 'P' || i, 'Person ' || i, 0 FROM range("
                + persons + ") t(i)");
            st.execute("""
                INSERT INTO overseas_episodes (episode_id, person_id, kind, institution, institution_id, country, start_date,
                                               end_date, degree, batch_id)
                WITH ep AS (
                  SELECT i, k,
                         %1$s AS u_kind, CAST(floor(3000 * pow(%2$s, 3)) AS BIGINT) AS inst,
                         %3$s AS variant,
                         DATE '1995-01-01' + CAST(%4$s AS INTEGER) AS s,
                         CAST(200 + %5$s AS INTEGER) AS dur, %6$s AS u_open, %7$s AS u_deg
                  FROM range(%8$d) p(i), range(6) e(k)
                  WHERE k < %9$s)
                SELECT 'X' || i || '_' || k, 'P' || i,
                       CASE WHEN u_kind < 0.6 THEN 'study' WHEN u_kind < 0.9 THEN 'work' ELSE 'research' END,
                       CASE WHEN variant = 0 THEN upper(b.name) ELSE b.name END, NULL, b.country,
                       s, CASE WHEN u_open < 0.05 THEN NULL ELSE s + dur END,
                       CASE WHEN u_kind < 0.6 THEN (CASE WHEN u_deg < 0.3 THEN 'bachelor' WHEN u_deg < 0.8 THEN 'master'
                                                          WHEN u_deg < 0.95 THEN 'doctorate' ELSE 'none' END) END,
                       0
                FROM ep JOIN bench_inst b ON ep.inst = b.idx
                """.formatted(u("i * 8 + k", 1), u("i * 8 + k", 2), n("i * 8 + k", 3, 10), n("i * 8 + k", 4, 9000),
                    n("i * 8 + k", 5, 2000), u("i * 8 + k", 6), u("i * 8 + k", 7), persons, n("i", 8, 7)));
            st.execute("""
                INSERT INTO enterprises (enterprise_id, name_zh, founded_date, dissolved_date, district, industry, batch_id)
                SELECT 'E' || e, '企业' || e, f, CASE WHEN %3$s < 0.1 THEN f + CAST(500 + %4$s AS INTEGER) END, '310104', 'I65', 0
                FROM (SELECT e, DATE '2000-01-01' + CAST(%1$s AS INTEGER) AS f FROM range(%2$d) t(e))
                """.formatted(n("e", 11, 8000), ents, u("e", 12), n("e", 13, 2500)));
            st.execute("""
                INSERT INTO enterprise_people (enterprise_id, person_id, role, joined_date, batch_id)
                SELECT enterprise_id, person_id, role, joined, 0 FROM (
                  SELECT 'E' || e AS enterprise_id, 'P' || %1$s AS person_id,
                         CASE WHEN k < 1 + %2$s THEN 'founder' ELSE 'core' END AS role,
                         CASE WHEN k < 1 + %2$s THEN NULL ELSE en.founded_date + CAST(%3$s - 200 AS INTEGER) END AS joined
                  FROM range(%4$d) t(e), range(8) m(k), enterprises en
                  WHERE en.enterprise_id = 'E' || e AND k < 1 + %5$s)
                QUALIFY row_number() OVER (PARTITION BY enterprise_id, person_id ORDER BY role DESC) = 1
                """.formatted(n("e * 8 + k", 21, persons), n("e", 22, 3), n("e * 8 + k", 23, 900), ents, n("e", 24, 8)));
            // founding teams are often former schoolmates or colleagues: 40% of the other members get an
            // episode at the institution of the first founder's first episode, shifted by up to +-2 years
            st.execute("""
                INSERT INTO overseas_episodes (episode_id, person_id, kind, institution, institution_id, country, start_date,
                                               end_date, degree, batch_id)
                WITH first_founder AS (
                  SELECT enterprise_id, min(person_id) AS person_id FROM enterprise_people WHERE role = 'founder'
                  GROUP BY enterprise_id),
                first_episode AS (
                  SELECT f.enterprise_id, f.person_id,
                         arg_min(o.kind, o.start_date) AS kind, arg_min(o.institution, o.start_date) AS institution,
                         arg_min(o.country, o.start_date) AS country, min(o.start_date) AS s,
                         arg_min(o.end_date, o.start_date) AS e, arg_min(o.degree, o.start_date) AS degree
                  FROM first_founder f JOIN overseas_episodes o ON o.person_id = f.person_id
                  GROUP BY f.enterprise_id, f.person_id)
                SELECT 'Y' || m.enterprise_id || '_' || m.person_id, m.person_id, fe.kind, fe.institution, NULL, fe.country,
                       fe.s + CAST(%1$s - 730 AS INTEGER), fe.e + CAST(%1$s - 730 AS INTEGER), fe.degree, 0
                FROM enterprise_people m JOIN first_episode fe ON m.enterprise_id = fe.enterprise_id
                WHERE m.person_id <> fe.person_id AND %2$s < 0.4
                """.formatted(n("hash(m.enterprise_id || m.person_id)", 41, 1461), u("hash(m.enterprise_id || m.person_id)", 42)));
            st.execute("""
                INSERT INTO enterprise_years (enterprise_id, year, employees, overseas_markets, batch_id)
                SELECT en.enterprise_id, y, 10,
                       CASE WHEN %1$s < 0.3 THEN
                         list_extract(['US','GB','JP','DE','SG','AU','CA','FR','KR','NL'], 1 + %2$s)
                         || CASE WHEN %3$s < 0.5 THEN ';' || list_extract(['US','GB','JP','DE','SG','AU','CA','FR','KR','NL'], 1 + %4$s) ELSE '' END
                       END, 0
                FROM enterprises en, range(2017, 2022) yr(y)
                WHERE year(en.founded_date) <= y
                """.formatted(u("hash(en.enterprise_id) + y", 31), n("hash(en.enterprise_id) + y", 32, 10),
                    u("hash(en.enterprise_id) + y", 33), n("hash(en.enterprise_id) + y", 34, 10)));
            st.execute("DROP TABLE bench_inst");
            st.execute("CHECKPOINT");
        }
    }
}
