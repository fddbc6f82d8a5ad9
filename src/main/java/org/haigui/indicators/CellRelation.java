package org.haigui.indicators;

import java.util.List;

/**
 * A linear relation between cells that an intruder holding the published tables can write down:
 * {@code target = sum of coefficient x term} over {@code terms}, each term one number (value,
 * numerator or denominator) of one cell. {@link Relations} derives them from the catalogue: a
 * breakdown table that partitions its units adds up to its total, a {@code difference} row is
 * {@code returnee - other}, and a few figures are repeated by other indicators (identities, one
 * term with coefficient 1).
 */
public record CellRelation(Term target, List<Term> terms) {

    /** Which number of a cell. */
    public enum Measure {
        VALUE, NUMERATOR, DENOMINATOR
    }

    /** One number of one cell, with its coefficient (+1 or -1) on the right-hand side. */
    public record Term(CellKey cell, Measure measure, int coefficient) {
    }

    public CellRelation {
        terms = List.copyOf(terms);
    }

    /** {@code measure(total) = sum of measure(parts)}. */
    public static CellRelation sum(Measure m, CellKey total, List<CellKey> parts) {
        return new CellRelation(new Term(total, m, 1), parts.stream().map(p -> new Term(p, m, 1)).toList());
    }

    /** {@code value(d) = value(a) - value(b)}. */
    public static CellRelation difference(CellKey d, CellKey a, CellKey b) {
        return new CellRelation(new Term(d, Measure.VALUE, 1), List.of(new Term(a, Measure.VALUE, 1), new Term(b, Measure.VALUE, -1)));
    }

    /** {@code targetMeasure(target) = sourceMeasure(source)}. */
    public static CellRelation identity(Measure targetMeasure, CellKey target, Measure sourceMeasure, CellKey source) {
        return new CellRelation(new Term(target, targetMeasure, 1), List.of(new Term(source, sourceMeasure, 1)));
    }
}
