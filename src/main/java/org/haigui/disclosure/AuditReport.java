package org.haigui.disclosure;

import java.util.List;
import org.haigui.indicators.CellKey;

/**
 * What the intruder learns about every suppressed cell of a published output: the feasible interval of its value (and of
 * its numerator and denominator where it has them) given every published cell and every relation between cells.
 */
public record AuditReport(List<SuppressedCell> cells, DisclosureRules rules) {

    public AuditReport {
        cells = List.copyOf(cells);
    }

    /** An interval [low, high]; infinite ends where nothing bounds the number. */
    public record Interval(double low, double high) {
        @Override
        public String toString() {
            return "[" + text(low) + ", " + text(high) + "]";
        }

        static String text(double d) {
            if (d == Double.POSITIVE_INFINITY) {
                return "inf";
            }
            if (d == Double.NEGATIVE_INFINITY) {
                return "-inf";
            }
            return new java.math.BigDecimal(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
        }
    }

    /** One suppressed cell: its intervals (numerator and denominator null where it has none) and whether it is exposed. */
    public record SuppressedCell(CellKey key, Interval value, Interval numerator, Interval denominator, boolean exposed) {
    }

    /** The exposed cells. */
    public List<SuppressedCell> exposed() {
        return cells.stream().filter(SuppressedCell::exposed).toList();
    }

    /** Whether no suppressed cell is exposed. */
    public boolean safe() {
        return cells.stream().noneMatch(SuppressedCell::exposed);
    }
}
