package org.haigui.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.Contributors;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.Relations;

/**
 * Benchmark (not a unit test): builds a synthetic raw result shaped like the published tables of a city of PERSONS
 * persons (default 300,000: about 140,000 cells), protects it, audits the output, and prints the times and the
 * suppression counts against the baseline.
 *
 * <pre>java -Xmx4g -cp target/haigui.jar:target/test-classes org.haigui.disclosure.DisclosureBenchmark [PERSONS] [SEED]</pre>
 *
 * Person counts ({@code inflow.year}, {@code inflow.quarter}, {@code inflow.window5}, {@code stock}) by every person
 * breakdown; enterprise counts, sums, ratios, shares and medians for returnee, other and difference, every year from
 * 1995 to 2021, by district, industry section and zone, aggregated from simulated firms (skewed categories and
 * log-normal amounts), so that the contributors (units, two largest) are exact. Indicators tied by identities are left
 * out (their figures would have to agree across indicators).
 */
public final class DisclosureBenchmark {

    private static final Catalogue CAT = Catalogue.standard();

    public static void main(String[] args) {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20211001;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            RawResult raw = generate(persons, seed);
            long t1 = System.nanoTime();
            ProtectedResult p = Disclosure.protect(raw, DisclosureRules.DEFAULTS, CAT::find);
            long t2 = System.nanoTime();
            AuditReport a = Audit.run(p.values(), raw.relations(), CAT::find, DisclosureRules.DEFAULTS);
            long t3 = System.nanoTime();
            ProtectedResult.Stats s = p.stats();
            System.out.printf(java.util.Locale.ROOT,
                "persons %,d: %,d cells, %,d relations (generated in %.1f s); protect %.2f s: %,d primary, %,d secondary"
                    + " (baseline: %,d beyond primary), %,d linked groups, %,d audit rounds; audit %.2f s: %,d suppressed, %,d exposed%n",
                persons, s.cells(), raw.relations().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, s.primary(), s.secondary(),
                s.baseline() - s.primary(), s.linkedGroups(), s.auditRounds(), (t3 - t2) / 1e9, a.cells().size(), a.exposed().size());
        }
    }

    static final String[] PERSON_IDS = {"inflow.year", "inflow.quarter", "inflow.window5", "stock"};
    static final String[][] PERSON_BREAKDOWNS = {{"district", "17"}, {"country", "45"}, {"degree", "6"}, {"field", "12"},
        {"gender", "3"}, {"age_band", "5"}};
    static final String[][] ENT_BREAKDOWNS = {{"district", "17"}, {"industry_section", "21"}, {"zone", "40"}};

    /** A raw result shaped like a city of {@code persons} persons. */
    public static RawResult generate(long persons, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<RawCell> cells = new ArrayList<>();
        double scale = persons / 300_000.0;
        for (String id : PERSON_IDS) {
            List<String> periods = new ArrayList<>();
            switch (id) {
                case "stock" -> periods.add("");
                case "inflow.quarter" -> {
                    for (int y = 1985; y <= 2021; y++) {
                        for (int q = 1; q <= 4; q++) {
                            periods.add(y + "Q" + q);
                        }
                    }
                }
                case "inflow.window5" -> {
                    for (int y = 1989; y <= 2021; y++) {
                        periods.add((y - 4) + "-" + y);
                    }
                }
                default -> {
                    for (int y = 1985; y <= 2021; y++) {
                        periods.add(Integer.toString(y));
                    }
                }
            }
            for (String period : periods) {
                int year = period.isEmpty() ? 2021 : Integer.parseInt(period.substring(period.length() - 4).replaceAll("[^0-9]", "").isEmpty()
                    ? period.substring(0, 4) : period.substring(0, 4));
                double base = switch (id) {
                    case "stock" -> 220_000;
                    case "inflow.quarter" -> 5_500 * Math.pow(1.09, year - 2021);
                    case "inflow.window5" -> 67_000 * Math.pow(1.09, year - 2020);
                    default -> 22_000 * Math.pow(1.09, year - 2021);
                };
                long total = Math.max(0, Math.round(base * scale * (0.9 + 0.2 * rnd.nextDouble())));
                cells.add(count(id, period, "", "", "", total));
                if (!"inflow.quarter".equals(id)) {
                    for (String[] b : PERSON_BREAKDOWNS) {
                        long[] parts = split(total, Integer.parseInt(b[1]), rnd);
                        for (int c = 0; c < parts.length; c++) {
                            if (parts[c] > 0) {
                                cells.add(count(id, period, "", b[0], b[0] + c, parts[c]));
                            }
                        }
                    }
                }
            }
        }
        for (IndicatorDefinition d : CAT.entries()) {
            if (!d.available() || !d.kind().enterprise() || d.groups() != IndicatorDefinition.Groups.RETURNEE_OTHER_DIFFERENCE
                || d.id().startsWith("ent.survival") || d.id().startsWith("ent.profitable") || d.id().equals("ent.gazelle_share")) {
                continue;
            }
            for (int year = 1995; year <= 2021; year++) {
                Map<String, Agg[]> byGroup = new java.util.HashMap<>();
                for (String g : new String[] {"returnee", "other"}) {
                    double firms = (g.equals("returnee") ? 5_800 : 4_100) * scale * (year - 1990) / 31.0;
                    if (d.id().equals("ent.births")) {
                        firms *= 0.12;
                    } else if (d.id().equals("ent.gazelles")) {
                        firms *= 0.03;
                    }
                    int nf = (int) Math.round(firms);
                    Agg[] aggs = aggregate(d, nf, rnd);
                    byGroup.put(g, aggs);
                }
                emit(cells, d, Integer.toString(year), byGroup);
            }
        }
        List<CellKey> keys = cells.stream().map(RawCell::key).toList();
        return new RawResult(cells, Relations.derive(keys, CAT::find), Map.of(),
            new IndicatorResult.RunInfo(LocalDate.of(2021, 9, 30), 1, 1000, "1", "benchmark"));
    }

    /** Aggregates of one (indicator, year, group): index 0 the total, then the categories of each breakdown in order. */
    private static Agg[] aggregate(IndicatorDefinition d, int nf, SplittableRandom rnd) {
        int size = 1;
        for (String[] b : ENT_BREAKDOWNS) {
            size += Integer.parseInt(b[1]);
        }
        Agg[] a = new Agg[size];
        for (int i = 0; i < size; i++) {
            a[i] = new Agg();
        }
        for (int f = 0; f < nf; f++) {
            double x = Math.floor(Math.exp(rnd.nextGaussian() * 1.6 + 8));
            double y = Math.floor(Math.exp(rnd.nextGaussian() * 1.2 + 11));
            boolean hit = rnd.nextDouble() < 0.3;
            a[0].add(x, y, hit);
            int off = 1;
            for (String[] b : ENT_BREAKDOWNS) {
                int k = Integer.parseInt(b[1]);
                a[off + zipf(k, rnd)].add(x, y, hit);
                off += k;
            }
        }
        return a;
    }

    private static void emit(List<RawCell> cells, IndicatorDefinition d, String period, Map<String, Agg[]> byGroup) {
        Agg[] r = byGroup.get("returnee");
        Agg[] o = byGroup.get("other");
        int idx = 0;
        for (int bi = -1; bi < ENT_BREAKDOWNS.length; bi++) {
            int k = bi < 0 ? 1 : Integer.parseInt(ENT_BREAKDOWNS[bi][1]);
            for (int c = 0; c < k; c++, idx++) {
                String b = bi < 0 ? "" : ENT_BREAKDOWNS[bi][0];
                String cat = bi < 0 ? "" : b + c;
                RawCell rc = cell(d, period, "returnee", b, cat, r[idx]);
                RawCell oc = cell(d, period, "other", b, cat, o[idx]);
                if (rc == null || oc == null) {
                    if (rc != null) {
                        cells.add(rc);
                    }
                    if (oc != null) {
                        cells.add(oc);
                    }
                    continue;
                }
                cells.add(rc);
                cells.add(oc);
                BigDecimal dv = rc.value().value() == null || oc.value().value() == null ? null : rc.value().value().subtract(oc.value().value());
                cells.add(new RawCell(new IndicatorValue(d.id(), period, "difference", b, cat, dv, null, null, null, null, false),
                    new Contributors(Math.min(r[idx].units, o[idx].units), -1, null, null, null, null)));
            }
        }
    }

    private static RawCell cell(IndicatorDefinition d, String period, String g, String b, String cat, Agg a) {
        if (a.units == 0 && !b.isEmpty()) {
            return null;
        }
        Kind k = d.kind();
        BigDecimal value;
        BigDecimal num = null;
        BigDecimal den = null;
        Contributors c;
        switch (k) {
            case ENT_COUNT -> {
                value = BigDecimal.valueOf(a.units);
                c = Contributors.count(a.units);
            }
            case ENT_SUM -> {
                value = BigDecimal.valueOf((long) a.sumX);
                c = new Contributors(a.units, a.units, BigDecimal.valueOf((long) a.x1), BigDecimal.valueOf((long) a.x2), null, null);
            }
            case ENT_SHARE -> {
                num = BigDecimal.valueOf(a.hits);
                den = BigDecimal.valueOf(a.units);
                value = a.units == 0 ? null : BigDecimal.valueOf((double) a.hits / a.units).round(new java.math.MathContext(12));
                c = new Contributors(a.units, a.hits, null, null, null, null);
            }
            case ENT_RATIO -> {
                num = BigDecimal.valueOf((long) a.sumX);
                den = BigDecimal.valueOf((long) a.sumY);
                value = a.sumY == 0 ? null : BigDecimal.valueOf(a.sumX / a.sumY).round(new java.math.MathContext(12));
                c = new Contributors(a.units, a.units, BigDecimal.valueOf((long) a.x1), BigDecimal.valueOf((long) a.x2),
                    BigDecimal.valueOf((long) a.y1), BigDecimal.valueOf((long) a.y2));
            }
            default -> {
                value = a.units == 0 ? null : BigDecimal.valueOf(a.sumX / Math.max(1, a.units) / 1000).round(new java.math.MathContext(12));
                c = Contributors.count(a.units);
            }
        }
        return new RawCell(new IndicatorValue(d.id(), period, g, b, cat, value, num, den, null, null, false), c);
    }

    private static final class Agg {
        long units;
        long hits;
        double sumX;
        double sumY;
        double x1;
        double x2;
        double y1;
        double y2;

        void add(double x, double y, boolean hit) {
            units++;
            hits += hit ? 1 : 0;
            sumX += x;
            sumY += y;
            if (x > x1) {
                x2 = x1;
                x1 = x;
            } else if (x > x2) {
                x2 = x;
            }
            if (y > y1) {
                y2 = y1;
                y1 = y;
            } else if (y > y2) {
                y2 = y;
            }
        }
    }

    private static RawCell count(String id, String period, String g, String b, String c, long n) {
        return new RawCell(new IndicatorValue(id, period, g, b, c, BigDecimal.valueOf(n), null, null, null, null, false), Contributors.count(n));
    }

    /** Splits n into k parts with Zipf-like weights. */
    private static long[] split(long n, int k, SplittableRandom rnd) {
        long[] out = new long[k];
        for (long i = 0; i < Math.min(n, 20_000); i++) {
            out[zipf(k, rnd)]++;
        }
        if (n > 20_000) {
            long sum = 0;
            for (int i = 0; i < k; i++) {
                out[i] = Math.round(out[i] * (n / 20_000.0));
                sum += out[i];
            }
            out[0] += n - sum;
        }
        return out;
    }

    /** An index in [0, k) with probability about 1/(i+1). */
    private static int zipf(int k, SplittableRandom rnd) {
        double h = 0;
        for (int i = 1; i <= k; i++) {
            h += 1.0 / i;
        }
        double u = rnd.nextDouble() * h;
        for (int i = 0; i < k; i++) {
            u -= 1.0 / (i + 1);
            if (u <= 0) {
                return i;
            }
        }
        return k - 1;
    }
}
