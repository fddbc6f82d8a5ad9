package org.haigui.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.haigui.indicators.CellRelation.Measure;
import org.haigui.indicators.IndicatorDefinition.Kind;

/**
 * The linear relations between cells that anyone holding the published tables can write down,
 * derived from the catalogue's declarations alone (so the engine, which hands them to disclosure
 * control, and the audit, which plays the intruder on a published file, derive the same ones):
 * <ul>
 * <li><b>Tables and their total</b>: for each indicator, period and group, every breakdown that
 *     partitions its units ({@link Breakdowns.Breakdown#partition()}) adds up to the total: the value
 *     of counts and sums, the numerator and the denominator of shares and ratios. A category with
 *     no row is zero. Enterprise districts and industry sections are so two one-level hierarchies
 *     under the same total.</li>
 * <li><b>Groups</b>: the {@code difference} row is {@code returnee - other}, on the value, for every
 *     enterprise indicator given for both groups.</li>
 * <li><b>Figures repeated by other indicators</b> (identities): the numerator and denominator of
 *     {@code inflow.window5_multiple}, {@code inflow.ytd_vs_last_year} and
 *     {@code stock.share_entrepreneur}, of the survival and profitability shares (births of t-n),
 *     and of {@code ent.gazelle_share} (the gazelles; the high-growth count).</li>
 * </ul>
 */
public final class Relations {

    private Relations() {
    }

    /** The relations among {@code keys} (cells that exist), with each indicator's definition from {@code catalogue}. */
    public static List<CellRelation> derive(Collection<CellKey> keys, Function<String, Optional<IndicatorDefinition>> catalogue) {
        Set<CellKey> present = new HashSet<>(keys);
        // (indicator, period, group) -> breakdown -> cells
        Map<CellKey, Map<String, List<CellKey>>> tables = new LinkedHashMap<>();
        for (CellKey k : keys) {
            if (!k.breakdown().isEmpty()) {
                tables.computeIfAbsent(k.total(), x -> new LinkedHashMap<>())
                    .computeIfAbsent(k.breakdown(), x -> new ArrayList<>()).add(k);
            }
        }
        List<CellRelation> out = new ArrayList<>();
        for (Map.Entry<CellKey, Map<String, List<CellKey>>> t : tables.entrySet()) {
            CellKey total = t.getKey();
            Optional<IndicatorDefinition> d = catalogue.apply(total.indicator());
            if (d.isEmpty() || !present.contains(total) || IndicatorEngine.DIFFERENCE.equals(total.group())) {
                continue;
            }
            List<Measure> measures = additive(d.get().kind());
            for (Map.Entry<String, List<CellKey>> b : t.getValue().entrySet()) {
                if (!partition(d.get().kind(), b.getKey())) {
                    continue;
                }
                for (Measure m : measures) {
                    out.add(CellRelation.sum(m, total, b.getValue()));
                }
            }
        }
        for (CellKey k : keys) {
            if (IndicatorEngine.DIFFERENCE.equals(k.group())) {
                CellKey r = k.inGroup(IndicatorEngine.RETURNEE);
                CellKey o = k.inGroup(IndicatorEngine.OTHER);
                if (present.contains(r) && present.contains(o)) {
                    out.add(CellRelation.difference(k, r, o));
                }
            }
        }
        identities(keys, present, out);
        return out;
    }

    private static List<Measure> additive(Kind kind) {
        return switch (kind) {
            case PERSON_COUNT, ENT_COUNT, ENT_SUM, TIDY -> List.of(Measure.VALUE);
            case ENT_SHARE, ENT_RATIO -> List.of(Measure.NUMERATOR, Measure.DENOMINATOR);
            case ENT_MEDIAN, ENT_MEDIAN_DIFFERENCE -> List.of();
        };
    }

    private static boolean partition(Kind kind, String breakdown) {
        Breakdowns.Scope scope = switch (kind) {
            case PERSON_COUNT -> Breakdowns.Scope.PERSON;
            case TIDY -> Breakdowns.Scope.OTHER;
            default -> Breakdowns.Scope.ENTERPRISE;
        };
        return Breakdowns.find(scope, breakdown).map(Breakdowns.Breakdown::partition).orElse(false);
    }

    private static void identities(Collection<CellKey> keys, Set<CellKey> present, List<CellRelation> out) {
        for (CellKey k : keys) {
            String id = k.indicator();
            switch (id) {
                case "inflow.window5_multiple" -> {
                    int end = endYear(k.period());
                    if (end > 0) {
                        same(out, present, Measure.NUMERATOR, k, window("inflow.window5", end));
                        same(out, present, Measure.DENOMINATOR, k, window("inflow.window5", end - 5));
                    }
                }
                case "inflow.ytd_vs_last_year" -> {
                    same(out, present, Measure.NUMERATOR, k, new CellKey("inflow.ytd", k.period(), "", "", ""));
                    int year = k.period().length() >= 4 ? parse(k.period().substring(0, 4)) : -1;
                    if (year > 0) {
                        same(out, present, Measure.DENOMINATOR, k, new CellKey("inflow.year", Integer.toString(year - 1), "", "", ""));
                    }
                }
                case "stock.share_entrepreneur", "fit.talent_share" ->
                    same(out, present, Measure.DENOMINATOR, k, new CellKey("stock", "", "", "", ""));
                case "fit.gap" -> gap(k, keys, present, out);
                case "ent.gazelle_share" -> {
                    if (!IndicatorEngine.DIFFERENCE.equals(k.group())) {
                        same(out, present, Measure.NUMERATOR, k, new CellKey("ent.gazelles", k.period(), k.group(), k.breakdown(), k.category()));
                        sameMeasure(out, present, Measure.DENOMINATOR, k, Measure.NUMERATOR,
                            new CellKey("ent.high_growth_rate", k.period(), k.group(), k.breakdown(), k.category()));
                    }
                }
                default -> {
                    int n = bornBefore(id);
                    int t = parse(k.period());
                    if (n > 0 && t > 0 && !IndicatorEngine.DIFFERENCE.equals(k.group())) {
                        same(out, present, Measure.DENOMINATOR, k,
                            new CellKey("ent.births", Integer.toString(t - n), k.group(), k.breakdown(), k.category()));
                    }
                }
            }
        }
    }

    /**
     * fit.gap repeats figures: a talent row's numerator is fit.talent_by_industry of its industry and its
     * denominator the numerator of fit.talent_share; a firms row's numerator is fit.firms_by_industry
     * (returnee) and its denominator the numerator of ent.priority_industry_share (returnee, total) of D's
     * year - the latest year of that indicator present.
     */
    private static void gap(CellKey k, Collection<CellKey> keys, Set<CellKey> present, List<CellRelation> out) {
        if ("talent".equals(k.breakdown())) {
            same(out, present, Measure.NUMERATOR, k, new CellKey("fit.talent_by_industry", "", "", "priority_industry", k.category()));
            sameMeasure(out, present, Measure.DENOMINATOR, k, Measure.NUMERATOR, new CellKey("fit.talent_share", "", "", "", ""));
        } else if ("firms".equals(k.breakdown())) {
            same(out, present, Measure.NUMERATOR, k,
                new CellKey("fit.firms_by_industry", "", IndicatorEngine.RETURNEE, "priority_industry", k.category()));
            int year = -1;
            for (CellKey x : keys) {
                if (x.indicator().equals("ent.priority_industry_share")) {
                    year = Math.max(year, parse(x.period()));
                }
            }
            if (year > 0) {
                sameMeasure(out, present, Measure.DENOMINATOR, k, Measure.NUMERATOR,
                    new CellKey("ent.priority_industry_share", Integer.toString(year), IndicatorEngine.RETURNEE, "", ""));
            }
        }
    }

    /**
     * Cells of a breakdown table that the engine leaves out because they are zero (a category with no row is zero) but
     * whose absence an intruder can read through an identity: for each cell of {@code keys} tied by an identity to a
     * cell that is absent (in a table whose total is present), or that an absent cell would be tied to, that absent
     * cell. Example: {@code ent.gazelle_share} has no row where a district has no high-growth enterprise, so its
     * absence says that {@code ent.high_growth_rate}'s numerator there is 0 - even when that cell is suppressed.
     * Disclosure control treats these as cells of value 0 that it may publish as withheld rows.
     */
    public static List<CellKey> absentCounterparts(Collection<CellKey> keys) {
        return absentCounterparts(keys, new HashSet<>(keys));
    }

    /**
     * {@link #absentCounterparts(Collection)} of the cells {@code keys} among the cells {@code present} (which holds
     * them): the candidates of those keys only. A caller that adds the counterparts found and asks again needs to ask
     * only about the added ones: a key's candidates that were absent are now present, and those whose table had no
     * total still have none (a counterpart is never a total: it has its cell's breakdown).
     */
    static List<CellKey> absentCounterparts(Collection<CellKey> keys, Set<CellKey> present) {
        Set<CellKey> out = new java.util.LinkedHashSet<>();
        for (CellKey k : keys) {
            if (k.breakdown().isEmpty() || IndicatorEngine.DIFFERENCE.equals(k.group())) {
                continue;
            }
            List<CellKey> candidates = new ArrayList<>();
            String id = k.indicator();
            int t = parse(k.period());
            if (id.equals("ent.gazelle_share")) {
                candidates.add(new CellKey("ent.gazelles", k.period(), k.group(), k.breakdown(), k.category()));
                candidates.add(new CellKey("ent.high_growth_rate", k.period(), k.group(), k.breakdown(), k.category()));
            } else if (id.equals("ent.gazelles") || id.equals("ent.high_growth_rate")) {
                candidates.add(new CellKey("ent.gazelle_share", k.period(), k.group(), k.breakdown(), k.category()));
            } else if (id.equals("ent.births") && t > 0) {
                for (String prefix : new String[] {"ent.survival_", "ent.profitable_within_"}) {
                    for (int n = 1; n <= 10; n++) {
                        candidates.add(new CellKey(prefix + n + "y", Integer.toString(t + n), k.group(), k.breakdown(), k.category()));
                    }
                }
            } else if (bornBefore(id) > 0 && t > 0) {
                candidates.add(new CellKey("ent.births", Integer.toString(t - bornBefore(id)), k.group(), k.breakdown(), k.category()));
            }
            for (CellKey c : candidates) {
                if (!present.contains(c) && present.contains(c.total()) && tied(k, c)) {
                    out.add(c);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether an identity ties a and b (either way) when both are present. */
    private static boolean tied(CellKey a, CellKey b) {
        List<CellRelation> rel = new ArrayList<>();
        Set<CellKey> both = Set.of(a, b);
        identities(List.of(a, b), both, rel);
        return !rel.isEmpty();
    }

    /** n of ent.survival_ny and ent.profitable_within_ny, else 0. */
    private static int bornBefore(String id) {
        for (String prefix : new String[] {"ent.survival_", "ent.profitable_within_"}) {
            if (id.startsWith(prefix) && id.endsWith("y")) {
                return parse(id.substring(prefix.length(), id.length() - 1));
            }
        }
        return 0;
    }

    /** measure(target) = value(source). */
    private static void same(List<CellRelation> out, Set<CellKey> present, Measure m, CellKey target, CellKey source) {
        sameMeasure(out, present, m, target, Measure.VALUE, source);
    }

    /** measure(target) = sourceMeasure(source), when both cells exist. */
    private static void sameMeasure(List<CellRelation> out, Set<CellKey> present, Measure m, CellKey target, Measure sourceMeasure,
                                    CellKey source) {
        if (present.contains(target) && present.contains(source)) {
            out.add(CellRelation.identity(m, target, sourceMeasure, source));
        }
    }

    private static CellKey window(String id, int end) {
        return new CellKey(id, (end - 4) + "-" + end, "", "", "");
    }

    private static int endYear(String period) {
        int dash = period.indexOf('-');
        return dash < 0 ? -1 : parse(period.substring(dash + 1));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
