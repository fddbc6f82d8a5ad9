package org.haigui.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.CellRelation;
import org.haigui.indicators.Contributors;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.Relations;

/** Hand-made raw cells for the disclosure tests. */
final class Cells {

    static final Catalogue CATALOGUE = Catalogue.standard();
    static final Function<String, Optional<IndicatorDefinition>> FIND = CATALOGUE::find;
    static final IndicatorResult.RunInfo INFO = new IndicatorResult.RunInfo(LocalDate.of(2021, 9, 30), 1, 1000, "1", "test");

    private Cells() {
    }

    static BigDecimal d(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros();
    }

    /** A count of persons or enterprises (contributors = the count). */
    static RawCell count(String indicator, String period, String group, String breakdown, String category, long n) {
        return new RawCell(new IndicatorValue(indicator, period, group, breakdown, category, BigDecimal.valueOf(n), null, null, null, null,
            false), Contributors.count(n));
    }

    /** A sum of enterprise amounts with its contributors and two largest contributions. */
    static RawCell sum(String indicator, String period, String group, String breakdown, String category, double value, long units,
                       double top1, double top2) {
        return new RawCell(new IndicatorValue(indicator, period, group, breakdown, category, d(value), null, null, null, null, false),
            new Contributors(units, units, d(top1), d(top2), null, null));
    }

    static RawResult raw(List<RawCell> cells) {
        return new RawResult(cells, Relations.derive(cells.stream().map(RawCell::key).toList(), FIND), Map.of(), INFO);
    }

    static RawResult raw(List<RawCell> cells, List<CellRelation> relations) {
        return new RawResult(cells, relations, Map.of(), INFO);
    }

    static CellKey key(String indicator, String period, String group, String breakdown, String category) {
        return new CellKey(indicator, period, group, breakdown, category);
    }

    /** Protects, then audits what is published with the same relations; asserts that nothing is exposed. */
    static ProtectedResult protectAndAudit(RawResult raw, DisclosureRules rules) {
        ProtectedResult p = Disclosure.protect(raw, rules, FIND);
        AuditReport a = Audit.run(p.values(), raw.relations(), FIND, rules);
        assertThat(a.exposed()).as("exposed after protection").isEmpty();
        assertThat(a.cells()).hasSize(p.stats().suppressed());
        for (IndicatorValue v : p.values()) {
            if (v.suppressed()) {
                assertThat(v.value()).isNull();
                assertThat(v.numerator()).isNull();
                assertThat(v.denominator()).isNull();
                assertThat(v.ciLow()).isNull();
                assertThat(v.ciHigh()).isNull();
            }
        }
        return p;
    }

    static boolean suppressed(ProtectedResult p, CellKey k) {
        return p.values().stream().filter(v -> CellKey.of(v).equals(k)).findFirst().orElseThrow().suppressed();
    }

    static AuditReport.SuppressedCell interval(AuditReport a, CellKey k) {
        return a.cells().stream().filter(c -> c.key().equals(k)).findFirst().orElseThrow();
    }

    /** Published rows from raw cells with the given keys suppressed. */
    static List<IndicatorValue> publish(RawResult raw, java.util.Set<CellKey> hide) {
        return raw.cells().stream().map(c -> hide.contains(c.key()) ? Disclosure.withheld(c.value()) : c.value()).toList();
    }
}
