package org.haigui.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.CellRelation;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.Relations;

/**
 * The audit: plays the intruder on a published output. It writes every linear relation between the published cells
 * ({@link Relations#derive} on the published keys and the catalogue - the same relations the engine hands to
 * protection), adds what it knows a priori (counts, sums, numerators and denominators at least 0; a share in [0, 1] with
 * numerator at most denominator; a difference of any sign), and for every suppressed cell solves for the minimum and
 * maximum of each of its numbers (linear programmes, Hipparchus simplex, per independent part). The value of a share or
 * ratio is also bounded by scale x numerator / denominator from those intervals.
 *
 * <p><b>Exposed</b>: a suppressed number is exposed when the intruder can name a figure within the exposure margin
 * (10%) of it whatever its true value in the interval [lo, hi]: when hi - lo &lt;= margin x (|lo| + |hi|) with lo and hi
 * of the same sign (this includes exact recovery, hi = lo, and an interval [0, 0]); an interval that contains values of
 * both signs or is unbounded is safe. A cell is exposed when any of its numbers is. This does not need the true value,
 * so the audit of a published file decides exactly as protection did.
 */
public final class Audit {

    private Audit() {
    }

    /** Audits published rows with the relations the catalogue implies between them. */
    public static AuditReport run(List<IndicatorValue> published, Function<String, Optional<IndicatorDefinition>> catalogue,
                                  DisclosureRules rules) {
        return run(published, Relations.derive(published.stream().map(CellKey::of).toList(), catalogue), catalogue, rules);
    }

    /** Audits published rows with the given relations. */
    public static AuditReport run(List<IndicatorValue> published, List<CellRelation> relations,
                                  Function<String, Optional<IndicatorDefinition>> catalogue, DisclosureRules rules) {
        Model m = new Model(published, null, relations, catalogue);
        Protector p = new Protector(m, rules);
        p.components();
        boolean[] suppressed = new boolean[m.n];
        for (int i = 0; i < m.n; i++) {
            suppressed[i] = published.get(i).suppressed();
        }
        double[] lo = p.lo;
        double[] hi = p.hi;
        IntStream.range(0, p.components.length).parallel().forEach(i -> {
            int[] comp = p.components[i];
            boolean any = false;
            for (int c : comp) {
                any |= suppressed[c];
            }
            if (any) {
                new Intruder(m, rules.exposureMargin(), false, true).solve(comp, suppressed, lo, hi);
            }
        });
        List<AuditReport.SuppressedCell> out = new ArrayList<>();
        for (int c = 0; c < m.n; c++) {
            if (!suppressed[c]) {
                continue;
            }
            boolean parts = m.has[3 * c + 1] && m.has[3 * c + 2];
            double[] v = parts ? Protector.valueFromParts(m, c, lo, hi) : new double[] {lo[3 * c], hi[3 * c]};
            out.add(new AuditReport.SuppressedCell(m.keys[c], new AuditReport.Interval(v[0], v[1]),
                m.has[3 * c + 1] ? new AuditReport.Interval(lo[3 * c + 1], hi[3 * c + 1]) : null,
                m.has[3 * c + 2] ? new AuditReport.Interval(lo[3 * c + 2], hi[3 * c + 2]) : null,
                Protector.cellExposed(m, c, lo, hi, rules.exposureMargin())));
        }
        return new AuditReport(out, rules);
    }
}
