package org.haigui.indicators;

/**
 * The address of one cell of the tidy output: indicator, period, group, breakdown, category (empty
 * strings where the tidy form has none). Two runs address the same figure by the same key.
 */
public record CellKey(String indicator, String period, String group, String breakdown, String category) {

    public CellKey {
        period = period == null ? "" : period;
        group = group == null ? "" : group;
        breakdown = breakdown == null ? "" : breakdown;
        category = category == null ? "" : category;
    }

    /** The key of a tidy row. */
    public static CellKey of(IndicatorValue v) {
        return new CellKey(v.indicator(), v.period(), v.group(), v.breakdown(), v.category());
    }

    /** The total of this cell's breakdown table (same indicator, period and group). */
    public CellKey total() {
        return new CellKey(indicator, period, group, "", "");
    }

    /** The same cell in another group. */
    public CellKey inGroup(String g) {
        return new CellKey(indicator, period, g, breakdown, category);
    }
}
