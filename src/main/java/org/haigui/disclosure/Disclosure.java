package org.haigui.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.haigui.indicators.CellRelation;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;

/**
 * Disclosure control: turns a {@link RawResult} into a {@link ProtectedResult}.
 *
 * <ol>
 * <li><b>Primary suppression</b> (a cell sensitive by itself): a cell whose number of contributors is at least 1 and
 *     below {@code min_frequency} (persons of a person count, enterprises of an enterprise count, sum, median, share or
 *     ratio, teams for {@code team.*}, respondents for the survey); a sum of enterprise amounts ({@code ENT_SUM}: every
 *     sum, employees and patents included - a firm's headcount is confidential too) or either part of a ratio of sums
 *     ({@code ENT_RATIO}) where the (n,k) dominance rule or the p% rule holds. Cells whose contributors are unknown
 *     (data-quality rows, not about persons or firms) are never suppressed. A {@code difference} row is suppressed with
 *     its returnee or other row.</li>
 * <li><b>Secondary suppression</b>, for all linked tables of an output together (cells connected by the relations of
 *     {@link org.haigui.indicators.Relations}: breakdown tables and their total, the difference row, identities between
 *     indicators; each connected group is protected on its own, groups in parallel): a heuristic to a fixpoint (a
 *     relation with a single suppressed cell gets a second - a category before a total, non-zero, smallest; a partition
 *     whose suppressed parts the intruder can add up gets more parts until that sum passes the primary rules itself, so
 *     a dominant firm does not still dominate the group), then the {@link Audit intruder's audit} of the pattern and
 *     repair (for each exposed cell, suppress the smallest published cell of its relations), repeated until no
 *     suppressed cell is exposed; then a <b>release</b> pass publishes again every secondary cell that is not needed
 *     (totals first, then the largest: a cell goes back when no relation would be left with a single suppressed cell,
 *     no partition's suppressed parts would become sensitive together, and the intruder recovers nothing in the part
 *     it touches), so that each secondary cell left is needed given the others.</li>
 * </ol>
 */
public final class Disclosure {

    private Disclosure() {
    }

    /**
     * Protects every cell of {@code raw}. Where repair finds nothing more to suppress around an exposed cell, the whole
     * linked group is withheld; a number still exposed then is known from the output's structure alone (counted in
     * {@link ProtectedResult.Stats#exposed()}, never the case for the engine's output).
     */
    public static ProtectedResult protect(RawResult raw, DisclosureRules rules, Function<String, Optional<IndicatorDefinition>> catalogue) {
        long t0 = System.nanoTime();
        List<IndicatorValue> values = new ArrayList<>(raw.cells().size());
        List<org.haigui.indicators.Contributors> contributors = new ArrayList<>(raw.cells().size());
        for (RawCell c : raw.cells()) {
            values.add(c.value());
            contributors.add(c.contributors());
        }
        List<CellRelation> relations = raw.relations();
        Model m = new Model(values, contributors, relations, catalogue);
        Protector p = new Protector(m, rules);
        p.primary();
        p.components();
        long baseline = p.baseline();
        p.protectAll();
        List<IndicatorValue> out = new ArrayList<>(m.n);
        int primary = 0;
        int secondary = 0;
        for (int i = 0; i < m.n; i++) {
            IndicatorValue v = m.rows[i];
            if (p.suppressed[i]) {
                out.add(withheld(v));
                if (p.primary[i]) {
                    primary++;
                } else {
                    secondary++;
                }
            } else {
                out.add(v.suppressed() ? new IndicatorValue(v.indicator(), v.period(), v.group(), v.breakdown(), v.category(), v.value(),
                    v.numerator(), v.denominator(), v.ciLow(), v.ciHigh(), false) : v);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new ProtectedResult(out, rules, raw.notAvailable(), raw.info(),
            new ProtectedResult.Stats(out.size(), primary, secondary, baseline, p.components.length, p.auditRounds, ms, p.unprotectable.size()));
    }

    static IndicatorValue withheld(IndicatorValue v) {
        return new IndicatorValue(v.indicator(), v.period(), v.group(), v.breakdown(), v.category(), null, null, null, null, null, true);
    }
}
