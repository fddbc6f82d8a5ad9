-- The comparison baseline of the import + indicator benchmark (FiguresBenchmark): a subset of the
-- indicator catalogue computed by hand in DuckDB SQL straight from the import CSVs, without the
-- store, the import's checks or the engine. FiguresAgreeTest asserts that these figures EQUAL the
-- engine's on a synthetic city, so that the benchmark compares the same work.
--
-- Placeholders, replaced by the runner (SqlFigures) before the script runs:
--   ${data}    folder of the import CSVs (persons.csv, overseas_episodes.csv, city_moves.csv,
--              enterprises.csv, enterprise_people.csv, enterprise_years.csv)
--   ${ref}     folder of the reference CSVs: registry_norms.csv (norm, name_key: every normalised
--              name and alias of the institution registry with its institution key) and
--              zone_keys.csv (zone_key, zone_id: the normalised names of the blueprint's key zones)
--   ${asOf}    D as a literal, DATE '2021-09-30';  ${asOfYear}  D's year, 2021
--   ${ytd}     the ytd period text, 2021-01-01..2021-09-30
--
-- Figures (indicator ids of the catalogue), point estimates of every cell the engine gives:
--   inflow.year, inflow.window5, stock: totals and the person breakdowns (district, country,
--     degree, field, gender, age_band); inflow.quarter, inflow.ytd: totals;
--     inflow.window5_multiple, inflow.ytd_vs_last_year: value, numerator, denominator
--   ent.survival_1y, _3y, _5y, ent.high_growth_rate: returnee, other and difference, total and the
--     enterprise breakdowns (district, industry_section, zone): share, numerator, denominator,
--     Wilson interval per group, Newcombe's hybrid score interval for the difference
--   team.size_median, team.tie_share, team.tie_majority_share, team.schoolmate_share,
--     team.colleague_share (returnee-founded): value (and numerator, denominator); the Wilson
--     interval of team.tie_majority_share. Not here: the bootstrap intervals of the medians and
--     ratios (team.size_median, team.tie_share, team.schoolmate_share, team.colleague_share).
--
-- Input is taken as clean (the synthetic city without --dirty): no row is checked or rejected.
-- Every statement ends with a semicolon at the end of its line.

SET preserve_insertion_order = false;

CREATE OR REPLACE TEMP MACRO pdate(x) AS CAST(CASE length(trim(x)) WHEN 4 THEN trim(x) || '-01-01' WHEN 7 THEN trim(x) || '-01' ELSE trim(x) END AS DATE);

-- name normalisation (institutions, zones): NFC and full-width forms to ASCII (what NFKC does to
-- names in practice), case folding, trim, a leading 'the ' dropped, & to and, only letters and digits
CREATE OR REPLACE TEMP MACRO hg_norm(x) AS regexp_replace(replace(regexp_replace(trim(replace(replace(lower(translate(nfc_normalize(x), '　！＂＃＄％＆（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～', ' !"#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~')), 'ß', 'ss'), 'ς', 'σ')), '^the ', ''), '&', 'and'), '[^\p{L}\p{Nd}]', '', 'g');

-- Wilson score interval (z = 0.975 quantile of the standard normal) for x of n
CREATE OR REPLACE TEMP MACRO w_lo(x, n) AS CASE WHEN n = 0 THEN NULL WHEN x = 0 THEN 0.0 ELSE greatest(0.0, (2 * x + 1.959963984540054 ^ 2 - 1.959963984540054 * sqrt(1.959963984540054 ^ 2 + 4.0 * x * (1 - x / n))) / (2 * (n + 1.959963984540054 ^ 2))) END;
CREATE OR REPLACE TEMP MACRO w_hi(x, n) AS CASE WHEN n = 0 THEN NULL WHEN x = n THEN 1.0 ELSE least(1.0, (2 * x + 1.959963984540054 ^ 2 + 1.959963984540054 * sqrt(1.959963984540054 ^ 2 + 4.0 * x * (1 - x / n))) / (2 * (n + 1.959963984540054 ^ 2))) END;

-- ------------------------------------------------------------------ persons

CREATE OR REPLACE TEMP TABLE f_person AS
SELECT trim(person_id) AS person_id,
       CASE WHEN g IN ('m', '男', 'male') THEN 'M' WHEN g IN ('f', '女', 'female') THEN 'F'
            WHEN g IS NULL AND length(idn) = 18 THEN CASE WHEN CAST(substr(idn, 17, 1) AS INTEGER) % 2 = 1 THEN 'M' ELSE 'F' END END AS gender,
       coalesce(pdate(birth_date), CASE WHEN length(idn) = 18 THEN CAST(strptime(substr(idn, 7, 8), '%Y%m%d') AS DATE) END) AS birth_date,
       CASE WHEN hd IN ('bachelor', '学士', '本科') THEN 'bachelor' WHEN hd IN ('master', '硕士', '研究生') THEN 'master'
            WHEN hd IN ('doctorate', '博士', 'phd') THEN 'doctorate' WHEN hd IN ('other', '其他') THEN 'other' END AS highest_degree,
       nullif(trim(field), '') AS field
FROM (SELECT *, lower(trim(gender)) AS g, upper(trim(id_number)) AS idn, lower(trim(highest_degree)) AS hd
      FROM read_csv('${data}/persons.csv', header = true, all_varchar = true));

-- episodes started by D; e_end: the end date when it is by D (else not ended as of D); the
-- institutions are read again for the team members only (below)
CREATE OR REPLACE TEMP MACRO ep_kind(x) AS CASE WHEN lower(trim(x)) IN ('study', '学习') THEN 'study' WHEN lower(trim(x)) IN ('work', '工作') THEN 'work'
                                               WHEN lower(trim(x)) IN ('research', '研究') THEN 'research' END;
CREATE OR REPLACE TEMP TABLE f_ep AS
SELECT person_id, episode_id, kind, degree_ok, country, s, CASE WHEN e <= ${asOf} THEN e END AS e_end
FROM (SELECT trim(person_id) AS person_id, trim(episode_id) AS episode_id, ep_kind(kind) AS kind,
             lower(trim(degree)) IN ('bachelor', '学士', '本科', 'master', '硕士', 'doctorate', '博士', 'phd') AS degree_ok,
             upper(trim(country)) AS country, pdate(start_date) AS s, pdate(end_date) AS e
      FROM read_csv('${data}/overseas_episodes.csv', header = true, all_varchar = true))
WHERE s <= ${asOf};

-- returnee since T: the earliest end of a bachelor/master/doctorate study, or the first end date by
-- which the episodes ended so far cover 365 distinct days (their union, as islands of overlapping
-- intervals). Candidates T: end dates where the summed lengths already reach 365, before the degree.
CREATE OR REPLACE TEMP TABLE f_ret AS
WITH ended AS (SELECT person_id, s, e_end AS e FROM f_ep WHERE e_end IS NOT NULL),
deg AS (SELECT person_id, min(e_end) AS since FROM f_ep
        WHERE kind = 'study' AND degree_ok AND e_end IS NOT NULL GROUP BY person_id),
cand AS (SELECT DISTINCT x.person_id, x.e AS t
         FROM (SELECT person_id, e, sum(e - s + 1) OVER (PARTITION BY person_id ORDER BY e RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ub
               FROM ended) x LEFT JOIN deg ON deg.person_id = x.person_id
         WHERE x.ub >= 365 AND (deg.since IS NULL OR x.e < deg.since)),
isl AS (SELECT c.person_id, c.t, y.s, y.e,
               max(y.e) OVER (PARTITION BY c.person_id, c.t ORDER BY y.s, y.e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pm
        FROM cand c JOIN ended y ON y.person_id = c.person_id AND y.e <= c.t),
cov AS (SELECT person_id, min(t) AS since FROM (
          SELECT person_id, t, sum(CASE WHEN pm IS NULL OR s > pm THEN e - s + 1 WHEN e > pm THEN e - pm ELSE 0 END) AS days
          FROM isl GROUP BY person_id, t) u WHERE days >= 365 GROUP BY person_id)
SELECT person_id, min(since) AS since FROM (SELECT * FROM deg UNION ALL SELECT * FROM cov) z GROUP BY person_id;

-- moves dated by D
CREATE OR REPLACE TEMP TABLE f_mv AS
SELECT * FROM (
  SELECT trim(move_id) AS move_id, trim(person_id) AS person_id, CAST(trim("date") AS DATE) AS d,
         CASE WHEN lower(trim(event)) IN ('arrive', '来沪') THEN 'arrive' WHEN lower(trim(event)) IN ('leave', '离沪') THEN 'leave' END AS event,
         trim(district) AS district
  FROM read_csv('${data}/city_moves.csv', header = true, all_varchar = true)) m
WHERE d <= ${asOf};

-- return arrivals
CREATE OR REPLACE TEMP TABLE f_ra AS
SELECT m.person_id, m.d FROM f_mv m JOIN f_ret r ON r.person_id = m.person_id WHERE m.event = 'arrive' AND m.d >= r.since;

-- the returnees' breakdown values: district of the latest arrival, country of the latest episode,
-- highest degree, field, gender, age band at D
CREATE OR REPLACE TEMP TABLE f_pattr AS
WITH la AS (SELECT person_id, arg_max(district, (d, move_id)) AS district FROM f_mv WHERE event = 'arrive' GROUP BY person_id),
     lc AS (SELECT person_id, country FROM f_ep QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY s DESC, episode_id DESC) = 1)
SELECT r.person_id, coalesce(la.district, 'unknown') AS district, coalesce(lc.country, 'unknown') AS country,
       coalesce(p.highest_degree, 'unknown') AS degree, coalesce(p.field, 'unknown') AS field, coalesce(p.gender, 'unknown') AS gender,
       CASE WHEN age IS NULL OR age < 0 THEN 'unknown' WHEN age < 30 THEN '<30' WHEN age < 40 THEN '30-39' WHEN age < 50 THEN '40-49' ELSE '50+' END AS age_band
FROM f_ret r LEFT JOIN la ON la.person_id = r.person_id LEFT JOIN lc ON lc.person_id = r.person_id
LEFT JOIN (SELECT person_id, highest_degree, field, gender,
                  year(${asOf}) - year(birth_date)
                  - CASE WHEN month(birth_date) * 100 + day(birth_date) > month(${asOf}) * 100 + day(${asOf}) THEN 1 ELSE 0 END AS age
           FROM f_person) p ON p.person_id = r.person_id;

-- the years (from the first year with a move to D's year)
CREATE OR REPLACE TEMP TABLE f_pyears AS
SELECT CAST(unnest(range(m, ${asOfYear} + 1)) AS INTEGER) AS t FROM (SELECT min(year(d)) AS m FROM f_mv) x WHERE m IS NOT NULL;

-- stock: returnees whose latest move by D is an arrive (same date: the leave comes last)
CREATE OR REPLACE TEMP TABLE f_stock AS
SELECT r.person_id FROM f_ret r JOIN (
  SELECT person_id, arg_max(event, (d, CASE WHEN event = 'leave' THEN 1 ELSE 0 END, move_id)) AS last_event FROM f_mv GROUP BY person_id) c
  ON c.person_id = r.person_id
WHERE c.last_event = 'arrive';

-- ------------------------------------------------------------------ enterprises

CREATE OR REPLACE TEMP TABLE f_people AS
SELECT trim(enterprise_id) AS enterprise_id, trim(person_id) AS person_id,
       CASE WHEN lower(trim(role)) IN ('founder', '创始人') THEN 'founder' WHEN lower(trim(role)) IN ('core', '核心成员') THEN 'core' END AS role,
       pdate(joined_date) AS joined
FROM read_csv('${data}/enterprise_people.csv', header = true, all_varchar = true);

-- enterprises founded by D: founding year, dissolution year as known at D, group, breakdown values
CREATE OR REPLACE TEMP TABLE f_ent AS
WITH f AS (SELECT p.enterprise_id, max(CASE WHEN r.person_id IS NULL THEN 0 ELSE 1 END) AS ret
           FROM f_people p LEFT JOIN f_ret r ON r.person_id = p.person_id
           WHERE p.role = 'founder' AND (p.joined IS NULL OR p.joined <= ${asOf}) GROUP BY p.enterprise_id),
     e AS (SELECT trim(enterprise_id) AS enterprise_id, CAST(trim(founded_date) AS DATE) AS fd, CAST(trim(dissolved_date) AS DATE) AS dd,
                  trim(district) AS district, upper(substr(trim(industry), 1, 1)) AS section, nullif(trim(zone), '') AS zone
           FROM read_csv('${data}/enterprises.csv', header = true, all_varchar = true)),
     z AS (SELECT DISTINCT zone, hg_norm(zone) AS zk FROM e WHERE zone IS NOT NULL)
SELECT e.enterprise_id, e.fd, year(e.fd) AS fy, CASE WHEN e.dd <= ${asOf} THEN year(e.dd) END AS dy,
       CASE f.ret WHEN 1 THEN 'returnee' WHEN 0 THEN 'other' END AS grp, e.district, e.section,
       CASE WHEN e.zone IS NULL THEN 'unknown' ELSE coalesce(k.zone_id, 'other') END AS zone
FROM e LEFT JOIN f ON f.enterprise_id = e.enterprise_id
LEFT JOIN z ON z.zone = e.zone
LEFT JOIN read_csv('${ref}/zone_keys.csv', header = true, all_varchar = true) k ON k.zone_key = z.zk AND z.zk <> ''
WHERE e.fd <= ${asOf};

-- the grouped enterprises' cells: the total ('') and each breakdown's category
CREATE OR REPLACE TEMP TABLE f_eb AS
SELECT enterprise_id, grp, '' AS breakdown, '' AS category FROM f_ent WHERE grp IS NOT NULL
UNION ALL SELECT enterprise_id, grp, 'district', district FROM f_ent WHERE grp IS NOT NULL
UNION ALL SELECT enterprise_id, grp, 'industry_section', section FROM f_ent WHERE grp IS NOT NULL
UNION ALL SELECT enterprise_id, grp, 'zone', zone FROM f_ent WHERE grp IS NOT NULL;

-- employees of the grouped enterprises by year (up to D's year), with those of year t-3
CREATE OR REPLACE TEMP TABLE f_ey AS
WITH y AS (SELECT trim(y.enterprise_id) AS enterprise_id, CAST(trim(y."year") AS INTEGER) AS t, CAST(trim(y.employees) AS BIGINT) AS employees
           FROM read_csv('${data}/enterprise_years.csv', header = true, all_varchar = true) y)
SELECT y.enterprise_id, y.t, y.employees, p.employees AS employees_3
FROM y JOIN f_ent e ON e.enterprise_id = y.enterprise_id AND e.grp IS NOT NULL
LEFT JOIN y p ON p.enterprise_id = y.enterprise_id AND p.t = y.t - 3
WHERE y.t <= ${asOfYear};

-- units of the shares: (indicator, enterprise, period, hit)
CREATE OR REPLACE TEMP TABLE f_eunits AS
SELECT 'ent.survival_' || n || 'y' AS indicator, e.enterprise_id, CAST(e.fy + n AS VARCHAR) AS period,
       CASE WHEN e.dy IS NULL OR e.dy >= e.fy + n THEN 1 ELSE 0 END AS hit
FROM f_ent e CROSS JOIN (VALUES (1), (3), (5)) v(n)
WHERE e.grp IS NOT NULL AND e.fy + n <= ${asOfYear}
UNION ALL
SELECT 'ent.high_growth_rate', y.enterprise_id, CAST(y.t AS VARCHAR), CASE WHEN 1000 * y.employees > 1331 * y.employees_3 THEN 1 ELSE 0 END
FROM f_ey y JOIN f_ent e ON e.enterprise_id = y.enterprise_id
WHERE y.employees_3 >= 10 AND y.employees IS NOT NULL
  AND y.t >= (SELECT min(fy) FROM f_ent WHERE grp IS NOT NULL) AND y.t >= e.fy AND (e.dy IS NULL OR e.dy >= y.t);

-- ------------------------------------------------------------------ founding teams and ties

-- initial core teams of the returnee-founded enterprises active in D's year
CREATE OR REPLACE TEMP TABLE f_team AS
SELECT e.enterprise_id, p.person_id
FROM f_ent e JOIN f_people p ON p.enterprise_id = e.enterprise_id
WHERE e.grp = 'returnee' AND (e.dy IS NULL OR e.dy >= ${asOfYear})
  AND (p.joined IS NULL OR p.joined <= ${asOf})
  AND (p.role = 'founder' OR (p.role = 'core' AND p.joined IS NOT NULL AND p.joined <= e.fd + 365));

-- the members' episodes: kind class, institution id, institution key, interval cut at D
CREATE OR REPLACE TEMP TABLE f_tep AS
WITH o AS (SELECT trim(person_id) AS person_id, ep_kind(kind) AS kind, institution, nullif(trim(institution_id), '') AS iid,
                  pdate(start_date) AS s, pdate(end_date) AS e
           FROM read_csv('${data}/overseas_episodes.csv', header = true, all_varchar = true)),
     x AS (SELECT t.enterprise_id, t.person_id, CASE WHEN o.kind = 'study' THEN 'S' ELSE 'W' END AS kc, o.iid, o.institution,
                  o.s, CASE WHEN o.e IS NULL OR o.e > ${asOf} THEN ${asOf} ELSE o.e END AS e
           FROM f_team t JOIN o ON o.person_id = t.person_id WHERE o.s <= ${asOf}),
     n AS (SELECT institution, hg_norm(institution) AS norm FROM (SELECT DISTINCT institution FROM x) d)
SELECT x.enterprise_id, x.person_id, x.kc, x.iid, x.s, x.e,
       CASE WHEN n.norm = '' THEN NULL ELSE coalesce(r.name_key, 'n:' || n.norm) END AS name_key
FROM x JOIN n ON n.institution = x.institution
LEFT JOIN read_csv('${ref}/registry_norms.csv', header = true, all_varchar = true) r ON r.norm = n.norm;

CREATE OR REPLACE TEMP TABLE f_teams AS
WITH fl AS (SELECT DISTINCT a.enterprise_id, a.person_id, a.kc FROM f_tep a JOIN f_tep b
              ON a.enterprise_id = b.enterprise_id AND a.kc = b.kc AND a.person_id <> b.person_id AND a.s <= b.e AND b.s <= a.e
            WHERE a.iid = b.iid OR (a.name_key = b.name_key AND (a.iid IS NULL OR b.iid IS NULL))),
     f AS (SELECT enterprise_id, person_id, max(CASE WHEN kc = 'S' THEN 1 ELSE 0 END) AS school,
                  max(CASE WHEN kc = 'W' THEN 1 ELSE 0 END) AS colleague FROM fl GROUP BY enterprise_id, person_id)
SELECT t.enterprise_id, count(*) AS size, count(f.person_id) AS tied, sum(coalesce(f.school, 0)) AS school,
       sum(coalesce(f.colleague, 0)) AS colleague
FROM f_team t LEFT JOIN f ON f.enterprise_id = t.enterprise_id AND f.person_id = t.person_id
GROUP BY t.enterprise_id;

-- ------------------------------------------------------------------ the figures

CREATE OR REPLACE TEMP TABLE figures AS
WITH pu AS (SELECT DISTINCT 'inflow.year' AS indicator, person_id, CAST(year(d) AS VARCHAR) AS period FROM f_ra
            UNION ALL
            SELECT DISTINCT 'inflow.window5', r.person_id, CAST(y.t - 4 AS VARCHAR) || '-' || CAST(y.t AS VARCHAR)
            FROM f_ra r JOIN f_pyears y ON year(r.d) BETWEEN y.t - 4 AND y.t
            UNION ALL
            SELECT 'stock', person_id, '' FROM f_stock),
     pc AS (SELECT u.indicator, u.period, a.district, a.country, a.degree, a.field, a.gender, a.age_band, count(*) AS n,
                   grouping(a.district) AS g1, grouping(a.country) AS g2, grouping(a.degree) AS g3, grouping(a.field) AS g4,
                   grouping(a.gender) AS g5, grouping(a.age_band) AS g6
            FROM pu u JOIN f_pattr a ON a.person_id = u.person_id
            GROUP BY GROUPING SETS ((u.indicator, u.period), (u.indicator, u.period, a.district), (u.indicator, u.period, a.country),
                                    (u.indicator, u.period, a.degree), (u.indicator, u.period, a.field), (u.indicator, u.period, a.gender),
                                    (u.indicator, u.period, a.age_band))),
     w AS (SELECT y.t, count(DISTINCT r.person_id) AS n FROM f_pyears y LEFT JOIN f_ra r ON year(r.d) BETWEEN y.t - 4 AND y.t GROUP BY y.t),
     ytd AS (SELECT count(DISTINCT person_id) AS n FROM f_ra WHERE d >= make_date(${asOfYear}, 1, 1)),
     last AS (SELECT count(DISTINCT person_id) AS n FROM f_ra WHERE year(d) = ${asOfYear} - 1),
     es AS (SELECT u.indicator, u.period, b.breakdown, b.category, b.grp, CAST(sum(u.hit) AS DOUBLE) AS x, CAST(count(*) AS DOUBLE) AS n
            FROM f_eunits u JOIN f_eb b ON b.enterprise_id = u.enterprise_id
            GROUP BY u.indicator, u.period, b.breakdown, b.category, b.grp),
     cells AS (SELECT indicator, period, breakdown, category,
                      coalesce(max(CASE WHEN grp = 'returnee' THEN x END), 0) AS x1, coalesce(max(CASE WHEN grp = 'returnee' THEN n END), 0) AS n1,
                      coalesce(max(CASE WHEN grp = 'other' THEN x END), 0) AS x2, coalesce(max(CASE WHEN grp = 'other' THEN n END), 0) AS n2
               FROM es GROUP BY indicator, period, breakdown, category),
     big AS (SELECT * FROM f_teams WHERE size >= 2)
-- persons: counts by period, with the breakdowns
SELECT indicator, period, '' AS grp,
       CASE WHEN g1 = 0 THEN 'district' WHEN g2 = 0 THEN 'country' WHEN g3 = 0 THEN 'degree' WHEN g4 = 0 THEN 'field'
            WHEN g5 = 0 THEN 'gender' WHEN g6 = 0 THEN 'age_band' ELSE '' END AS breakdown,
       coalesce(CASE WHEN g1 = 0 THEN district WHEN g2 = 0 THEN country WHEN g3 = 0 THEN degree WHEN g4 = 0 THEN field
            WHEN g5 = 0 THEN gender WHEN g6 = 0 THEN age_band END, '') AS category,
       CAST(n AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
       CAST(NULL AS DOUBLE) AS ci_low, CAST(NULL AS DOUBLE) AS ci_high
FROM pc
UNION ALL -- the zero totals of periods without arrivals
SELECT 'inflow.year', CAST(y.t AS VARCHAR), '', '', '', 0, NULL, NULL, NULL, NULL
FROM f_pyears y LEFT JOIN (SELECT DISTINCT year(d) AS t FROM f_ra) r ON r.t = y.t WHERE r.t IS NULL
UNION ALL
SELECT 'inflow.window5', CAST(t - 4 AS VARCHAR) || '-' || CAST(t AS VARCHAR), '', '', '', 0, NULL, NULL, NULL, NULL FROM w WHERE n = 0
UNION ALL
SELECT 'stock', '', '', '', '', 0, NULL, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM f_stock)
UNION ALL -- quarters up to D's quarter
SELECT 'inflow.quarter', CAST(y.t AS VARCHAR) || 'Q' || CAST(q.k AS VARCHAR), '', '', '', coalesce(a.n, 0), NULL, NULL, NULL, NULL
FROM f_pyears y CROSS JOIN range(1, 5) q(k)
LEFT JOIN (SELECT year(d) AS t, quarter(d) AS k, count(DISTINCT person_id) AS n FROM f_ra GROUP BY year(d), quarter(d)) a ON a.t = y.t AND a.k = q.k
WHERE y.t < ${asOfYear} OR (q.k - 1) * 3 < month(${asOf})
UNION ALL
SELECT 'inflow.ytd', '${ytd}', '', '', '', n, NULL, NULL, NULL, NULL FROM ytd
UNION ALL
SELECT 'inflow.window5_multiple', CAST(a.t - 4 AS VARCHAR) || '-' || CAST(a.t AS VARCHAR), '', '', '',
       CAST(a.n AS DOUBLE) / nullif(b.n, 0), a.n, b.n, NULL, NULL
FROM w a JOIN w b ON b.t = a.t - 5
UNION ALL
SELECT 'inflow.ytd_vs_last_year', '${ytd}', '', '', '', CAST(ytd.n AS DOUBLE) / nullif(last.n, 0), ytd.n, last.n, NULL, NULL
FROM ytd CROSS JOIN last
UNION ALL -- enterprise shares: returnee, other, difference (Newcombe's hybrid score interval)
SELECT indicator, period, 'returnee', breakdown, category, CASE WHEN n1 > 0 THEN x1 / n1 END, x1, n1, w_lo(x1, n1), w_hi(x1, n1) FROM cells
UNION ALL
SELECT indicator, period, 'other', breakdown, category, CASE WHEN n2 > 0 THEN x2 / n2 END, x2, n2, w_lo(x2, n2), w_hi(x2, n2) FROM cells
UNION ALL
SELECT indicator, period, 'difference', breakdown, category,
       CASE WHEN n1 > 0 AND n2 > 0 THEN x1 / n1 - x2 / n2 END, NULL, NULL,
       CASE WHEN n1 > 0 AND n2 > 0 THEN x1 / n1 - x2 / n2 - sqrt((x1 / n1 - w_lo(x1, n1)) ^ 2 + (w_hi(x2, n2) - x2 / n2) ^ 2) END,
       CASE WHEN n1 > 0 AND n2 > 0 THEN x1 / n1 - x2 / n2 + sqrt((w_hi(x1, n1) - x1 / n1) ^ 2 + (x2 / n2 - w_lo(x2, n2)) ^ 2) END
FROM cells
UNION ALL -- founding teams (returnee-founded enterprises only, no breakdowns)
SELECT 'team.size_median', '', 'returnee', '', '', median(size), NULL, NULL, NULL, NULL FROM f_teams HAVING count(*) > 0
UNION ALL
SELECT 'team.tie_share', '', 'returnee', '', '', sum(tied) / sum(size), sum(tied), sum(size), NULL, NULL FROM big HAVING count(*) > 0
UNION ALL
SELECT 'team.schoolmate_share', '', 'returnee', '', '', sum(school) / sum(size), sum(school), sum(size), NULL, NULL FROM big HAVING count(*) > 0
UNION ALL
SELECT 'team.colleague_share', '', 'returnee', '', '', sum(colleague) / sum(size), sum(colleague), sum(size), NULL, NULL FROM big HAVING count(*) > 0
UNION ALL
SELECT 'team.tie_majority_share', '', 'returnee', '', '', x / n, x, n, w_lo(x, n), w_hi(x, n)
FROM (SELECT CAST(sum(CASE WHEN 2 * tied >= size THEN 1 ELSE 0 END) AS DOUBLE) AS x, CAST(count(*) AS DOUBLE) AS n FROM big) m WHERE n > 0;
