package org.haigui.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.haigui.indicators.IndicatorValue;

/** The protected rows, indexed by cell: what the report reads its figures from. */
final class Figures {

    private final Map<String, IndicatorValue> cells = new HashMap<>();
    private final Map<String, List<IndicatorValue>> byTable = new LinkedHashMap<>();
    private final Map<String, Set<String>> periods = new HashMap<>();

    Figures(List<IndicatorValue> values) {
        for (IndicatorValue v : values) {
            cells.put(key(v.indicator(), v.period(), v.group(), v.breakdown(), v.category()), v);
            byTable.computeIfAbsent(key(v.indicator(), v.period(), v.group(), v.breakdown(), null), k -> new ArrayList<>()).add(v);
            periods.computeIfAbsent(v.indicator(), k -> new LinkedHashSet<>()).add(v.period());
        }
    }

    private static String key(String i, String p, String g, String b, String c) {
        return i + '\u0001' + p + '\u0001' + g + '\u0001' + b + (c == null ? "" : '\u0001' + c);
    }

    boolean has(String indicator) {
        return periods.containsKey(indicator);
    }

    /** The cell, published or withheld; empty when there is no such row. */
    Optional<IndicatorValue> cell(String indicator, String period, String group, String breakdown, String category) {
        return Optional.ofNullable(cells.get(key(indicator, period, group, breakdown, category)));
    }

    /** The total cell of an indicator. */
    Optional<IndicatorValue> total(String indicator, String period, String group) {
        return cell(indicator, period, group, "", "");
    }

    /** The published value of a total, empty when withheld, missing or without value. */
    Optional<BigDecimal> value(String indicator, String period, String group) {
        return total(indicator, period, group).filter(v -> !v.suppressed() && v.value() != null).map(IndicatorValue::value);
    }

    /** The rows of one breakdown (categories in output order). */
    List<IndicatorValue> breakdown(String indicator, String period, String group, String breakdown) {
        return byTable.getOrDefault(key(indicator, period, group, breakdown, null), List.of()).stream()
            .filter(v -> !v.category().isEmpty() || breakdown.isEmpty()).toList();
    }

    /** The periods an indicator has rows for, in output order. */
    List<String> periods(String indicator) {
        return List.copyOf(periods.getOrDefault(indicator, Set.of()));
    }

    /** The breakdown names an indicator has rows for in a period and group. */
    List<String> breakdowns(String indicator, String period, String group) {
        List<String> out = new ArrayList<>();
        for (String k : byTable.keySet()) {
            String[] p = k.split("\u0001", -1);
            if (p[0].equals(indicator) && p[1].equals(period) && p[2].equals(group) && !p[3].isEmpty()) {
                out.add(p[3]);
            }
        }
        return out;
    }

    static boolean published(IndicatorValue v) {
        return v != null && !v.suppressed() && v.value() != null;
    }
}
