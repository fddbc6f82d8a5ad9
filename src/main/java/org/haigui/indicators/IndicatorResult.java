package org.haigui.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The values of one run, the indicators that were asked for but could not be computed (id to
 * reason, e.g. "not available: needs a blueprint"), and what must be recorded with the output.
 */
public record IndicatorResult(List<IndicatorValue> values, Map<String, String> notAvailable, RunInfo info) {

    public IndicatorResult {
        values = List.copyOf(values);
        notAvailable = Map.copyOf(notAvailable);
    }

    /** Recorded with every output: D, the bootstrap seed and resamples, the catalogue version. */
    public record RunInfo(LocalDate asOf, long seed, int resamples, String catalogueVersion, String bootstrapScheme) {
    }
}
