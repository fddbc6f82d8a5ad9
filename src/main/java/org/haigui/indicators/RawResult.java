package org.haigui.indicators;

import java.util.List;
import java.util.Map;

/**
 * The raw result of one run: every cell with its contributors, the linear relations between the
 * cells, the indicators that could not be computed (id to reason), and what must be recorded with
 * any output. Raw figures are for the analyst role only: the {@code disclosure} feature turns this
 * into the protected result that everything published accepts, and nothing downstream of it
 * accepts this type.
 */
public record RawResult(List<RawCell> cells, List<CellRelation> relations, Map<String, String> notAvailable,
                        IndicatorResult.RunInfo info) {

    public RawResult {
        cells = List.copyOf(cells);
        relations = List.copyOf(relations);
        notAvailable = Map.copyOf(notAvailable);
    }

    /** The tidy rows, unprotected ({@code suppressed} false), in output order. */
    public List<IndicatorValue> values() {
        return cells.stream().map(RawCell::value).toList();
    }

    /** The same as an {@link IndicatorResult} (the raw tidy output for the analyst). */
    public IndicatorResult asIndicatorResult() {
        return new IndicatorResult(values(), notAvailable, info);
    }
}
