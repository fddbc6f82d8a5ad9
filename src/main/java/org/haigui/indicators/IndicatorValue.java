package org.haigui.indicators;

import java.math.BigDecimal;

/**
 * One row of the tidy output of indicators.md. Text fields are never null (empty string for
 * "none"); numbers are null where empty.
 */
public record IndicatorValue(
    String indicator,
    String period,
    String group,
    String breakdown,
    String category,
    BigDecimal value,
    BigDecimal numerator,
    BigDecimal denominator,
    BigDecimal ciLow,
    BigDecimal ciHigh,
    boolean suppressed) {

    public IndicatorValue {
        period = period == null ? "" : period;
        group = group == null ? "" : group;
        breakdown = breakdown == null ? "" : breakdown;
        category = category == null ? "" : category;
    }

    /** The columns of the tidy output, in order. */
    public static final java.util.List<String> COLUMNS = java.util.List.of(
        "indicator", "period", "group", "breakdown", "category", "value", "numerator", "denominator",
        "ci_low", "ci_high", "suppressed");
}
