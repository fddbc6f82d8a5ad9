package org.haigui.ingest.xlsx;

import java.util.List;

/**
 * One row with at least one non-blank cell.
 *
 * @param rowNumber Excel's 1-based row number (the {@code r} attribute, or counted when absent)
 * @param cells the non-empty cells, sorted by column
 */
public record XlsxRow(int rowNumber, List<XlsxCell> cells) {

    public XlsxRow {
        cells = List.copyOf(cells);
    }

    /** The cell in the given 0-based column, or null when that cell is empty. */
    public XlsxCell cell(int column) {
        // cells are sorted by column: binary search
        int lo = 0;
        int hi = cells.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = cells.get(mid).column();
            if (c < column) {
                lo = mid + 1;
            } else if (c > column) {
                hi = mid - 1;
            } else {
                return cells.get(mid);
            }
        }
        return null;
    }
}
