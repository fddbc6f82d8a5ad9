package org.haigui.indicators;

/**
 * One computed, unprotected figure: the tidy row as the analyst sees it, and its contributors.
 * Only the analyst role may see raw cells; everything published goes through disclosure control,
 * which turns a {@link RawResult} into protected tables.
 */
public record RawCell(IndicatorValue value, Contributors contributors) {

    public CellKey key() {
        return CellKey.of(value);
    }
}
