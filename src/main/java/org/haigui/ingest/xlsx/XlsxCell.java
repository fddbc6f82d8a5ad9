package org.haigui.ingest.xlsx;

import java.util.Objects;

/**
 * One non-empty cell.
 *
 * @param column 0-based column index (A = 0)
 * @param text the value as text: a STRING as stored; a NUMBER as the shortest plain decimal
 *     ({@code 42}, {@code 0.0000001}); a DATE as {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM:SS};
 *     a BOOLEAN as {@code true}/{@code false}; an ERROR as Excel's code ({@code #DIV/0!}) or a short
 *     explanation ({@code formula without a cached value})
 * @param kind what the cell held
 */
public record XlsxCell(int column, String text, Kind kind) {

    /** What a cell held. */
    public enum Kind { STRING, NUMBER, DATE, BOOLEAN, ERROR }

    public XlsxCell {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    /** The column as Excel letters ({@code A}, {@code AB}). */
    public String columnName() {
        return CellRefs.columnName(column);
    }
}
