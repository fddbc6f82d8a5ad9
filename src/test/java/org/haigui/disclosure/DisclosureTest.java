package org.haigui.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haigui.disclosure.Cells.count;
import static org.haigui.disclosure.Cells.key;
import static org.haigui.disclosure.Cells.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.CellRelation;
import org.haigui.indicators.CellRelation.Measure;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private static final DisclosureRules RULES = DisclosureRules.DEFAULTS;

    @Test
    void aDistrictWithFourReturneesAndTheCellThatWouldGiveItAwayFromTheTotal() {
        RawResult raw = Cells.raw(List.of(
            count("stock", "", "", "", "", 100),
            count("stock", "", "", "district", "310101", 4),
            count("stock", "", "", "district", "310104", 30),
            count("stock", "", "", "district", "310105", 66)));
        // primary alone: 4 = 100 - 30 - 66, recovered exactly
        AuditReport primaryOnly = Audit.run(Cells.publish(raw, Set.of(key("stock", "", "", "district", "310101"))), raw.relations(),
            Cells.FIND, RULES);
        assertThat(primaryOnly.safe()).isFalse();
        assertThat(primaryOnly.cells().get(0).value()).isEqualTo(new AuditReport.Interval(4, 4));

        ProtectedResult p = Cells.protectAndAudit(raw, RULES);
        assertThat(p.stats().primary()).isEqualTo(1);
        assertThat(p.stats().secondary()).isEqualTo(1);
        assertThat(Cells.suppressed(p, key("stock", "", "", "district", "310101"))).isTrue();
        assertThat(Cells.suppressed(p, key("stock", "", "", "district", "310104"))).isTrue(); // the smallest other category
        assertThat(Cells.suppressed(p, key("stock", "", "", "district", "310105"))).isFalse();
        assertThat(Cells.suppressed(p, key("stock", "", "", "", ""))).isFalse();
        AuditReport a = Audit.run(p.values(), raw.relations(), Cells.FIND, RULES);
        // 4 + 30 = 34 is all the intruder knows: each in [0, 34]
        assertThat(Cells.interval(a, key("stock", "", "", "district", "310101")).value()).isEqualTo(new AuditReport.Interval(0, 34));
        assertThat(p.stats().baseline()).isEqualTo(4);
    }

    @Test
    void aTableWithNothingToHide() {
        RawResult raw = Cells.raw(List.of(
            count("stock", "", "", "", "", 100),
            count("stock", "", "", "gender", "female", 45),
            count("stock", "", "", "gender", "male", 55)));
        ProtectedResult p = Cells.protectAndAudit(raw, RULES);
        assertThat(p.stats().suppressed()).isZero();
        assertThat(p.stats().baseline()).isZero();
        assertThat(p.values()).isEqualTo(raw.values());
        assertThat(p.rules()).isEqualTo(RULES);
        assertThat(p.info()).isEqualTo(Cells.INFO);
    }

    @Test
    void aSumDominatedByOneFirmAndTheGroupOfSuppressedCellsIsNotDominatedEither() {
        String id = "ent.revenue";
        RawResult raw = Cells.raw(List.of(
            sum(id, "2020", "returnee", "", "", 1000, 25, 480, 100),
            sum(id, "2020", "returnee", "district", "X", 500, 6, 480, 10), // one firm makes 96%
            sum(id, "2020", "returnee", "district", "Y", 60, 6, 20, 15),
            sum(id, "2020", "returnee", "district", "W", 40, 5, 10, 10),
            sum(id, "2020", "returnee", "district", "Z", 400, 8, 100, 90)));
        ProtectedResult p = Cells.protectAndAudit(raw, RULES);
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "district", "X"))).isTrue();
        // X + Y = 560 with 480 + 20 = 500 (89%) from two firms would still be dominated: W is added (X + Y + W = 600, 83%)
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "district", "Y"))).isTrue();
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "district", "W"))).isTrue();
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "district", "Z"))).isFalse();
        assertThat(p.stats().primary()).isEqualTo(1);
        assertThat(p.stats().secondary()).isEqualTo(2);
    }

    @Test
    void aSumDominatedByTwoFirms() {
        String id = "ent.tax_paid";
        List<RawCell> cells = List.of(
            sum(id, "2020", "returnee", "", "", 1000, 30, 250, 200),
            sum(id, "2020", "returnee", "district", "A", 500, 10, 250, 200), // 50% + 40%: (1,85) no, (2,85) yes
            sum(id, "2020", "returnee", "district", "B", 200, 10, 30, 30),
            sum(id, "2020", "returnee", "district", "C", 300, 10, 40, 40));
        ProtectedResult p = Cells.protectAndAudit(Cells.raw(cells), RULES);
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "district", "A"))).isTrue();
        assertThat(p.stats().primary()).isEqualTo(1);
        ProtectedResult one = Cells.protectAndAudit(Cells.raw(cells),
            new DisclosureRules(5, DisclosureRules.MagnitudeRule.DOMINANCE, 1, 85, 10, 0.1));
        assertThat(one.stats().suppressed()).isZero();
        // p% rule: 500 - 250 - 200 = 50 < 10% of 250? no (50 >= 25): not sensitive; with p = 25 it is (50 < 62.5)
        assertThat(Cells.protectAndAudit(Cells.raw(cells),
            new DisclosureRules(5, DisclosureRules.MagnitudeRule.P_PERCENT, 2, 85, 10, 0.1)).stats().primary()).isZero();
        assertThat(Cells.protectAndAudit(Cells.raw(cells),
            new DisclosureRules(5, DisclosureRules.MagnitudeRule.P_PERCENT, 2, 85, 25, 0.1)).stats().primary()).isEqualTo(1);
    }

    @Test
    void aReturneeCellRecoverableFromOtherAndDifference() {
        String id = "ent.active";
        RawResult raw = Cells.raw(List.of(
            count(id, "2020", "returnee", "", "", 3),
            count(id, "2020", "other", "", "", 50),
            count(id, "2020", "difference", "", "", -47)));
        AuditReport naive = Audit.run(Cells.publish(raw, Set.of(key(id, "2020", "returnee", "", ""))), raw.relations(), Cells.FIND, RULES);
        assertThat(naive.safe()).isFalse();
        assertThat(naive.cells().get(0).value()).isEqualTo(new AuditReport.Interval(3, 3));

        ProtectedResult p = Cells.protectAndAudit(raw, RULES);
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "", ""))).isTrue();
        assertThat(Cells.suppressed(p, key(id, "2020", "difference", "", ""))).isTrue();
        assertThat(Cells.suppressed(p, key(id, "2020", "other", "", ""))).isFalse();
    }

    @Test
    void twoBreakdownTablesOfOneTotalProtectedAloneLeakThroughTheCellTheyShare() {
        // T = a1 + a2 + U and T = b1 + b2 + U: U (the unknown category both tables share) links them
        String id = "stock";
        CellKey t = key(id, "", "", "", "");
        CellKey a1 = key(id, "", "", "district", "a1");
        CellKey a2 = key(id, "", "", "district", "a2");
        CellKey b1 = key(id, "", "", "country", "b1");
        CellKey b2 = key(id, "", "", "country", "b2");
        CellKey u = key(id, "", "", "shared", "unknown");
        List<RawCell> cells = List.of(count(id, "", "", "", "", 100), count(id, "", "", "district", "a1", 3),
            count(id, "", "", "district", "a2", 60), count(id, "", "", "country", "b1", 40), count(id, "", "", "country", "b2", 23),
            count(id, "", "", "shared", "unknown", 37));
        CellRelation r1 = CellRelation.sum(Measure.VALUE, t, List.of(a1, a2, u));
        CellRelation r2 = CellRelation.sum(Measure.VALUE, t, List.of(b1, b2, u));
        // each table alone
        ProtectedResult alone1 = Cells.protectAndAudit(Cells.raw(List.of(cells.get(0), cells.get(1), cells.get(2), cells.get(5)), List.of(r1)),
            RULES);
        ProtectedResult alone2 = Cells.protectAndAudit(Cells.raw(List.of(cells.get(0), cells.get(3), cells.get(4), cells.get(5)), List.of(r2)),
            RULES);
        assertThat(Cells.suppressed(alone1, u)).isTrue();
        assertThat(Cells.suppressed(alone2, u)).isFalse();
        // the intruder holds both: U is published in the second
        List<IndicatorValue> both = new ArrayList<>();
        for (IndicatorValue v : alone1.values()) {
            both.add(CellKey.of(v).equals(u) ? alone2.values().stream().filter(w -> CellKey.of(w).equals(u)).findFirst().orElseThrow() : v);
        }
        alone2.values().stream().filter(v -> CellKey.of(v).equals(b1) || CellKey.of(v).equals(b2)).forEach(both::add);
        AuditReport leak = Audit.run(both, List.of(r1, r2), Cells.FIND, RULES);
        assertThat(leak.exposed()).extracting(AuditReport.SuppressedCell::key).containsExactly(a1);
        // together
        ProtectedResult p = Cells.protectAndAudit(Cells.raw(cells, List.of(r1, r2)), RULES);
        assertThat(Cells.suppressed(p, a1)).isTrue();
        assertThat(Cells.suppressed(p, u)).isTrue();
        assertThat(Cells.suppressed(p, b2)).isTrue();
        assertThat(p.stats().secondary()).isEqualTo(2);
    }

    @Test
    void aTwoLevelHierarchy() {
        // T = A + B, A = a1 + a2, B = b1 + b2; a1 = 1 and a2 = 2 make A = 3 primary too
        String id = "stock";
        CellKey t = key(id, "", "", "", "");
        CellKey a = key(id, "", "", "level1", "A");
        CellKey b = key(id, "", "", "level1", "B");
        CellKey a1 = key(id, "", "", "level2", "a1");
        CellKey a2 = key(id, "", "", "level2", "a2");
        CellKey b1 = key(id, "", "", "level2", "b1");
        CellKey b2 = key(id, "", "", "level2", "b2");
        List<RawCell> cells = List.of(count(id, "", "", "", "", 73), count(id, "", "", "level1", "A", 3), count(id, "", "", "level1", "B", 70),
            count(id, "", "", "level2", "a1", 1), count(id, "", "", "level2", "a2", 2), count(id, "", "", "level2", "b1", 30),
            count(id, "", "", "level2", "b2", 40));
        List<CellRelation> rel = List.of(CellRelation.sum(Measure.VALUE, t, List.of(a, b)), CellRelation.sum(Measure.VALUE, a, List.of(a1, a2)),
            CellRelation.sum(Measure.VALUE, b, List.of(b1, b2)));
        ProtectedResult p = Cells.protectAndAudit(Cells.raw(cells, rel), RULES);
        assertThat(p.stats().primary()).isEqualTo(3);
        // A suppressed: B must go (T = A + B), then one of B's parts (B = b1 + b2): b1, the smaller
        assertThat(Cells.suppressed(p, b)).isTrue();
        assertThat(Cells.suppressed(p, b1)).isTrue();
        assertThat(Cells.suppressed(p, b2)).isFalse();
        assertThat(Cells.suppressed(p, t)).isFalse();
        AuditReport audit = Audit.run(p.values(), rel, Cells.FIND, RULES);
        // A + B = 73 and B = b1 + 40 >= 40: A in [0, 33]
        assertThat(Cells.interval(audit, a).value()).isEqualTo(new AuditReport.Interval(0, 33));
        assertThat(Cells.interval(audit, a1).value()).isEqualTo(new AuditReport.Interval(0, 33));
    }

    @Test
    void suppressedZerosThatAddUpToZeroAreExposedAndRepaired() {
        // shares: the numerators of the two small districts are 0 and the total's numerator equals the published one
        String id = "ent.high_tech_share";
        List<RawCell> cells = List.of(
            share(id, "returnee", "", "", 2, 20, 20), share(id, "returnee", "district", "A", 0, 2, 2), share(id, "returnee", "district", "B", 0, 3, 3),
            share(id, "returnee", "district", "C", 2, 15, 15));
        RawResult raw = Cells.raw(cells);
        ProtectedResult p = Cells.protectAndAudit(raw, RULES);
        assertThat(Cells.suppressed(p, key(id, "2020", "returnee", "district", "C"))).isTrue();
    }

    private static RawCell share(String id, String group, String breakdown, String category, long hits, long units, long den) {
        return new RawCell(new IndicatorValue(id, "2020", group, breakdown, category, Cells.d((double) hits / den),
            java.math.BigDecimal.valueOf(hits), java.math.BigDecimal.valueOf(den), null, null, false),
            new org.haigui.indicators.Contributors(units, hits, null, null, null, null));
    }
}
