package org.haigui.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haigui.core.Progress;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.Contributors;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine's output of a small synthetic city, protected and audited: protection succeeds (every indicator,
 * the identity-linked ones included), the intruder recovers no withheld cell, and nothing the rules protect is shown.
 */
class RealEngineProtectionTest {

    @TempDir
    Path tmp;

    @Test
    void theEnginesOutputOfASyntheticCityIsProtectedAndNothingIsExposed() {
        SynthResult r = Synthesizer.generate(SynthOptions.defaults(tmp.resolve("data")).withPersons(3_000), Progress.NONE);
        LocalDate asOf = LocalDate.of(2021, 9, 30);
        RawResult raw;
        Catalogue cat;
        try (Store store = Store.open(tmp.resolve("store.duckdb"))) {
            new Importer(store, ImportOptions.forCity(City.load("shanghai")), Progress.NONE).run(r.files());
            IndicatorEngine engine = new IndicatorEngine();
            IndicatorRequest req = IndicatorRequest.of(asOf);
            raw = engine.run(store.connection(), req);
            cat = engine.catalogue(req.context());
        }
        ProtectedResult p = Disclosure.protect(raw, DisclosureRules.DEFAULTS, cat::find);
        assertThat(p.stats().primary()).isPositive();
        assertThat(p.stats().exposed()).isZero();
        assertThat(p.stats().suppressed()).isLessThanOrEqualTo((int) p.stats().baseline());

        AuditReport audit = Audit.run(p.values(), cat::find, DisclosureRules.DEFAULTS);
        assertThat(audit.exposed()).as("cells the intruder recovers").isEmpty();
        assertThat(audit.cells()).hasSize(p.stats().suppressed());

        Map<CellKey, RawCell> byKey = new HashMap<>();
        raw.cells().forEach(c -> byKey.put(c.key(), c));
        int shown = 0;
        for (IndicatorValue v : p.values()) {
            RawCell c = byKey.get(CellKey.of(v));
            if (c == null) {
                // a zero the engine left out, published withheld so that its absence says nothing
                assertThat(v.suppressed()).isTrue();
                continue;
            }
            if (v.suppressed()) {
                assertThat(List.of(String.valueOf(v.value()), String.valueOf(v.numerator()), String.valueOf(v.denominator())))
                    .containsOnly("null");
                continue;
            }
            shown++;
            Contributors k = c.contributors();
            Kind kind = cat.find(v.indicator()).orElseThrow().kind();
            boolean difference = v.group().equals("difference");
            if (k.known() && !difference) {
                assertThat(k.units()).as("contributors of shown %s", CellKey.of(v)).satisfiesAnyOf(
                    u -> assertThat(u).isZero(), u -> assertThat(u).isGreaterThanOrEqualTo(5));
                if (kind == Kind.ENT_SUM && v.value() != null && v.value().signum() > 0) {
                    double top = k.top1().doubleValue() + (k.top2() == null ? 0 : k.top2().doubleValue());
                    assertThat(top).as("two largest of shown sum %s", CellKey.of(v)).isLessThanOrEqualTo(0.85 * v.value().doubleValue());
                }
            }
        }
        assertThat(shown).isPositive();
    }
}
