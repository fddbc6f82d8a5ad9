package org.haigui.indicators;

import java.math.BigDecimal;

/**
 * Who stands behind one raw value, as disclosure control needs it; never part of any output.
 *
 * <p>{@code units} are the contributors of the value: persons for person counts, enterprises for
 * enterprise counts, sums, medians and the denominators of shares and ratios, teams for
 * {@code team.*} (a team is its enterprise), respondents for the survey. {@code numeratorUnits} are
 * the contributors of a share's or ratio's numerator (units with a hit, or with a non-zero
 * numerator amount). {@code top1} and {@code top2} are the two largest contributions to a sum of
 * enterprise amounts (the value of an {@code ENT_SUM}, the numerator of an {@code ENT_RATIO}),
 * {@code denominatorTop1} and {@code denominatorTop2} those of a ratio's denominator; computed in
 * the same query as the value. A field that does not apply is {@code -1} (counts) or null (amounts).
 *
 * <p>For a {@code difference} row the counts are the smaller of the two groups' (its safety rests on
 * both groups, which {@link CellRelation}s link to it) and the amounts are null.
 */
public record Contributors(long units, long numeratorUnits, BigDecimal top1, BigDecimal top2, BigDecimal denominatorTop1,
                           BigDecimal denominatorTop2) {

    /** Nothing known (a figure that is not about persons or enterprises, e.g. rows of a table). */
    public static final Contributors UNKNOWN = new Contributors(-1, -1, null, null, null, null);

    /** A count of {@code n} units (persons or enterprises). */
    public static Contributors count(long n) {
        return new Contributors(n, -1, null, null, null, null);
    }

    /** Whether the unit count is known. */
    public boolean known() {
        return units >= 0;
    }
}
