package org.haigui.disclosure;

import java.util.List;
import java.util.Map;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorValue;

/**
 * What may be published: the tidy rows after disclosure control (a withheld cell has {@code suppressed} true and empty
 * value, numerator, denominator and interval - never 0), the rules that protected them (record them with the output),
 * the indicators not available and the run's information. Only {@link Disclosure#protect} makes one, so anything that
 * accepts this type receives protected figures.
 */
public final class ProtectedResult {

    private final List<IndicatorValue> values;
    private final DisclosureRules rules;
    private final Map<String, String> notAvailable;
    private final IndicatorResult.RunInfo info;
    private final Stats stats;

    /**
     * How much was withheld, and the simplest safe pattern for comparison ({@code baseline}: every cell of a linked
     * group with a primary cell); {@code exposed}: suppressed cells the intruder still recovers with their whole
     * linked group withheld (known from which rows exist; 0 on the engine's output).
     */
    public record Stats(int cells, int primary, int secondary, long baseline, int linkedGroups, long auditRounds, long millis,
                        int exposed) {
        /** Cells suppressed in all. */
        public int suppressed() {
            return primary + secondary;
        }
    }

    ProtectedResult(List<IndicatorValue> values, DisclosureRules rules, Map<String, String> notAvailable, IndicatorResult.RunInfo info,
                    Stats stats) {
        this.values = List.copyOf(values);
        this.rules = rules;
        this.notAvailable = Map.copyOf(notAvailable);
        this.info = info;
        this.stats = stats;
    }

    /** The protected tidy rows, in the raw result's order. */
    public List<IndicatorValue> values() {
        return values;
    }

    public DisclosureRules rules() {
        return rules;
    }

    public Map<String, String> notAvailable() {
        return notAvailable;
    }

    public IndicatorResult.RunInfo info() {
        return info;
    }

    public Stats stats() {
        return stats;
    }

    /** The protected rows as an {@link IndicatorResult}, for the tidy writer (the rules go into the metadata separately). */
    public IndicatorResult asIndicatorResult() {
        return new IndicatorResult(values, notAvailable, info);
    }
}
