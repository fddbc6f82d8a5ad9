package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.haigui.core.Progress;
import org.haigui.indicators.CellRelation.Measure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's seams: contributors per cell, relations between cells, runs that only read and never collide. */
class SeamsTest {

    @TempDir
    Path dir;

    private static final LocalDate D = LocalDate.of(2021, 9, 30);

    /** Five returnee firms in two districts with revenue 100, 50, 30, 20, 10; three other firms; persons in two districts. */
    private static Fixture city(Path dir) {
        Fixture f = new Fixture(dir);
        int[] revenue = {100, 50, 30, 20, 10};
        for (int i = 0; i < revenue.length; i++) {
            String id = "R" + i;
            f.returnee(id + "-f");
            f.enterprise(id, "2015-01-01", null, i < 2 ? "310104" : "310115", i == 0 ? "Zhangjiang" : null, "C3976");
            f.founder(id, id + "-f");
            f.year(id, 2020, "employees = " + (10 + i) + ", revenue = " + revenue[i] + ", rd_expense = " + (i + 1)
                + ", high_tech = " + (i % 2 == 0));
        }
        for (int i = 0; i < 3; i++) {
            f.otherFirm("O" + i, "2016-01-01", null);
            f.year("O" + i, 2020, "employees = 5, revenue = " + (7 + i) + ", rd_expense = 1, high_tech = false");
        }
        for (int i = 0; i < 7; i++) {
            f.returnee("P" + i);
            f.move("m" + i, "P" + i, "2019-0" + (i + 1) + "-01", "arrive", i < 4 ? "310104" : "310115");
        }
        return f;
    }

    private static Map<CellKey, RawCell> byKey(RawResult r) {
        Map<CellKey, RawCell> m = new HashMap<>();
        r.cells().forEach(c -> m.put(c.key(), c));
        return m;
    }

    @Test
    void everyCellCarriesItsContributorsAndTheTwoLargestContributions() {
        try (Fixture f = city(dir)) {
            RawResult r = new IndicatorEngine(Catalogue.core()).run(f.store.connection(), IndicatorRequest.of(D)
                .withOnly(Set.of("ent.revenue", "ent.high_tech_share", "ent.rd_intensity", "ent.revenue_growth_median", "stock",
                    "ent.active")));
            Map<CellKey, RawCell> m = byKey(r);
            Contributors rev = m.get(new CellKey("ent.revenue", "2020", "returnee", "", "")).contributors();
            assertThat(rev.units()).isEqualTo(5);
            assertThat(rev.top1()).isEqualByComparingTo("100");
            assertThat(rev.top2()).isEqualByComparingTo("50");
            Contributors district = m.get(new CellKey("ent.revenue", "2020", "returnee", "district", "310115")).contributors();
            assertThat(district.units()).isEqualTo(3);
            assertThat(district.top1()).isEqualByComparingTo("30");
            assertThat(district.top2()).isEqualByComparingTo("20");
            Contributors other = m.get(new CellKey("ent.revenue", "2020", "other", "", "")).contributors();
            assertThat(other.units()).isEqualTo(3);
            assertThat(other.top1()).isEqualByComparingTo("9");
            Contributors diff = m.get(new CellKey("ent.revenue", "2020", "difference", "", "")).contributors();
            assertThat(diff.units()).isEqualTo(3);
            assertThat(diff.top1()).isNull();
            // a share: units are the denominator, numerator units the hits (high_tech for firms 0, 2, 4)
            Contributors share = m.get(new CellKey("ent.high_tech_share", "2020", "returnee", "", "")).contributors();
            assertThat(share.units()).isEqualTo(5);
            assertThat(share.numeratorUnits()).isEqualTo(3);
            // a ratio of amounts: the largest contributions of numerator (rd_expense 5, 4) and denominator (revenue 100, 50)
            Contributors ratio = m.get(new CellKey("ent.rd_intensity", "2020", "returnee", "", "")).contributors();
            assertThat(ratio.units()).isEqualTo(5);
            assertThat(ratio.numeratorUnits()).isEqualTo(5);
            assertThat(ratio.top1()).isEqualByComparingTo("5");
            assertThat(ratio.top2()).isEqualByComparingTo("4");
            assertThat(ratio.denominatorTop1()).isEqualByComparingTo("100");
            assertThat(ratio.denominatorTop2()).isEqualByComparingTo("50");
            // persons: the count is the contributors
            assertThat(m.get(new CellKey("stock", "", "", "district", "310104")).contributors().units()).isEqualTo(4);
            // raw cells are the analyst's output: nothing suppressed, contributors nowhere in the tidy row
            assertThat(r.values()).allMatch(v -> !v.suppressed());
        }
    }

    @Test
    void theRelationsBetweenCellsHoldOnTheComputedFigures() {
        try (Fixture f = city(dir)) {
            RawResult r = new IndicatorEngine(Catalogue.core()).run(f.store.connection(), IndicatorRequest.of(D));
            Map<CellKey, RawCell> m = byKey(r);
            assertThat(r.relations()).hasSizeGreaterThan(50);
            int checked = 0;
            for (CellRelation rel : r.relations()) {
                BigDecimal target = measure(m.get(rel.target().cell()), rel.target().measure());
                BigDecimal sum = BigDecimal.ZERO;
                boolean complete = target != null;
                for (CellRelation.Term t : rel.terms()) {
                    BigDecimal v = measure(m.get(t.cell()), t.measure());
                    if (v == null) {
                        complete = false;
                        break;
                    }
                    sum = sum.add(v.multiply(BigDecimal.valueOf(t.coefficient())));
                }
                if (complete) {
                    assertThat(target.doubleValue()).as(rel.toString()).isCloseTo(sum.doubleValue(), within(1e-9 * Math.max(1, Math.abs(sum.doubleValue()))));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(50);
            // the kinds of relation: a table and its total, a difference, an identity between indicators
            CellKey total = new CellKey("ent.revenue", "2020", "returnee", "", "");
            assertThat(r.relations()).anySatisfy(rel -> {
                assertThat(rel.target()).isEqualTo(new CellRelation.Term(total, Measure.VALUE, 1));
                assertThat(rel.terms()).extracting(t -> t.cell().breakdown()).containsOnly("district");
            });
            assertThat(r.relations()).anySatisfy(rel -> {
                assertThat(rel.target().cell()).isEqualTo(total.inGroup("difference"));
                assertThat(rel.terms()).extracting(CellRelation.Term::coefficient).containsExactly(1, -1);
            });
            assertThat(r.relations()).anySatisfy(rel -> {
                assertThat(rel.target().cell().indicator()).isEqualTo("stock.share_entrepreneur");
                assertThat(rel.terms().get(0).cell().indicator()).isEqualTo("stock");
            });
            // shares add up on their numerators and denominators, not on their values
            assertThat(r.relations()).filteredOn(rel -> rel.target().cell().indicator().equals("ent.high_tech_share")
                    && !rel.target().cell().group().equals("difference"))
                .extracting(rel -> rel.target().measure()).containsOnly(Measure.NUMERATOR, Measure.DENOMINATOR);
        }
    }

    private static BigDecimal measure(RawCell c, Measure m) {
        if (c == null) {
            return null;
        }
        return switch (m) {
            case VALUE -> c.value().value();
            case NUMERATOR -> c.value().numerator();
            case DENOMINATOR -> c.value().denominator();
        };
    }

    @Test
    void aRunReadsOneSnapshotWhileTheWriterCommits() throws Exception {
        try (Fixture f = city(dir)) {
            IndicatorEngine engine = new IndicatorEngine(Catalogue.core());
            Set<String> ids = Set.of("stock", "inflow.year", "ent.revenue", "ent.active");
            List<IndicatorValue> before;
            try (Connection r = f.store.reader()) {
                before = engine.run(r, IndicatorRequest.of(D).withOnly(ids)).values();
            }
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch committed = new CountDownLatch(1);
            Progress pause = new Progress() {
                @Override
                public void start(String what, long total) {
                }

                @Override
                public void advance(long done) {
                    if (done == 1) {
                        started.countDown();
                        try {
                            assertThat(committed.await(60, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void finish() {
                }
            };
            ExecutorService ex = Executors.newSingleThreadExecutor();
            try (Connection reader = f.store.reader()) {
                Future<List<IndicatorValue>> during = ex.submit(() -> engine.run(reader, IndicatorRequest.of(D).withOnly(ids)
                    .withProgress(pause)).values());
                assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
                // the writer commits new records while the run is between two indicators
                f.store.writer().setAutoCommit(false);
                f.returnee("NEW");
                f.move("mNEW", "NEW", "2020-02-02", "arrive", "310104");
                f.returnee("NEWF");
                f.enterprise("NEWE", "2018-01-01", null);
                f.founder("NEWE", "NEWF");
                f.year("NEWE", 2020, "revenue = 1000");
                f.store.writer().commit();
                f.store.writer().setAutoCommit(true);
                committed.countDown();
                assertThat(during.get(120, TimeUnit.SECONDS)).isEqualTo(before);
            } finally {
                ex.shutdownNow();
            }
            List<IndicatorValue> after;
            try (Connection r = f.store.reader()) {
                after = engine.run(r, IndicatorRequest.of(D).withOnly(ids)).values();
            }
            assertThat(Fixture.value(after, "stock", "", "")).isEqualByComparingTo(Fixture.value(before, "stock", "", "").add(BigDecimal.ONE));
            assertThat(Fixture.value(after, "ent.revenue", "2020", "returnee"))
                .isEqualByComparingTo(Fixture.value(before, "ent.revenue", "2020", "returnee").add(BigDecimal.valueOf(1000)));
        }
    }

    @Test
    void twoRunsOnTwoReadersAtOnceGiveWhatEachGivesAlone() throws Exception {
        try (Fixture f = city(dir)) {
            IndicatorEngine engine = new IndicatorEngine(Catalogue.core());
            IndicatorRequest a = IndicatorRequest.of(D);
            IndicatorRequest b = IndicatorRequest.of(LocalDate.of(2020, 6, 30));
            List<IndicatorValue> aloneA;
            List<IndicatorValue> aloneB;
            try (Connection r = f.store.reader()) {
                aloneA = engine.run(r, a).values();
                aloneB = engine.run(r, b).values();
            }
            assertThat(aloneA).isNotEqualTo(aloneB);
            ExecutorService ex = Executors.newFixedThreadPool(2);
            try (Connection r1 = f.store.reader(); Connection r2 = f.store.reader()) {
                Future<List<IndicatorValue>> fa = ex.submit(() -> engine.run(r1, a).values());
                Future<List<IndicatorValue>> fb = ex.submit(() -> engine.run(r2, b).values());
                assertThat(fa.get(120, TimeUnit.SECONDS)).isEqualTo(aloneA);
                assertThat(fb.get(120, TimeUnit.SECONDS)).isEqualTo(aloneB);
            } finally {
                ex.shutdownNow();
            }
        }
    }

    @Test
    void aRunLeavesNothingBehindOnItsConnection() throws Exception {
        try (Fixture f = city(dir); Connection r = f.store.reader()) {
            new IndicatorEngine(Catalogue.core()).run(r, IndicatorRequest.of(D));
            try (var st = r.createStatement(); var rs = st.executeQuery(
                "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name LIKE 'hg_%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            assertThat(r.getAutoCommit()).isTrue();
        }
    }
}
