package org.haigui.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.Progress;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.export.ParquetExport;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.RunContext;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.SynthResult;
import org.haigui.synth.Synthesizer;
import org.haigui.ties.InstitutionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue on Spark (local mode) against the embedded engine on the same synthetic records
 * (the Synthesizer's city with 3,000 persons, exported to Parquet by {@code haigui export}'s code):
 * indicator by indicator, the same cells in the same order, the same figures, contributors and
 * relations, and the same cells withheld by disclosure control. Point figures are equal to the 12
 * significant digits of the output where both engines compute them exactly (counts, sums,
 * medians, exact ratios); figures that pass through floating point (shares, ratios, and the
 * bootstrap intervals, whose replicates use the same weights on both engines but add in a different
 * order) are compared to a relative 1e-9.
 */
class SparkEqualityTest {

    private static final double TOLERANCE = 1e-9;

    private static Path tmp;
    private static RunContext ctx;
    private static RawResult embedded;
    private static RawResult onSpark;
    private static SparkSession spark;
    private static double sparkSeconds;

    @BeforeAll
    static void runBoth() throws Exception {
        tmp = Files.createTempDirectory("haigui-spark-test");
        SynthResult data = Synthesizer.generate(SynthOptions.defaults(tmp.resolve("data")).withPersons(3_000), Progress.NONE);
        Path db = tmp.resolve("store.duckdb");
        Path export = tmp.resolve("export");
        try (Store store = Store.open(db)) {
            assertThat(new Importer(store, ImportOptions.forCity(org.haigui.schema.City.load("shanghai")), Progress.NONE)
                .run(data.files()).rejectedRows()).isZero();
            InstitutionRegistry.refreshNameKeys(store.connection());
            LocalDate d = store.newestDate().orElseThrow();
            ctx = RunContext.of(d).withBlueprint(BlueprintReader.shanghai()).withSurvey(SurveyReader.entrepreneurs2021());
            try (Connection c = store.reader()) {
                embedded = new IndicatorEngine().run(c, IndicatorRequest.of(ctx));
                ParquetExport.export(c, export, false);
            }
        }
        spark = SparkSession.builder().master("local[2]").appName("haigui-spark-test").config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            // a few thousand rows per table: compiling whole-stage code for each of the run's ~1,000 queries costs more than it saves
            .config("spark.sql.codegen.wholeStage", "false").getOrCreate();
        long t0 = System.nanoTime();
        onSpark = SparkIndicators.run(spark, export.toString(), IndicatorRequest.of(ctx).withProgress(new Progress() {
            private long t = System.nanoTime();

            @Override
            public void start(String step, long total) {
                System.out.println("spark: " + step + ", " + total);
            }

            @Override
            public void advance(long done) {
                long now = System.nanoTime();
                System.out.printf(java.util.Locale.ROOT, "spark: indicator %d done in %.1f s%n", done, (now - t) / 1e9);
                t = now;
            }

            @Override
            public void finish() {
            }
        }));
        sparkSeconds = (System.nanoTime() - t0) / 1e9;
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        try (var s = Files.walk(tmp)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Map<String, List<RawCell>> byIndicator(RawResult r) {
        Map<String, List<RawCell>> m = new LinkedHashMap<>();
        for (RawCell c : r.cells()) {
            m.computeIfAbsent(c.value().indicator(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    @Test
    void sparkComputesTheSameIndicatorsAsTheEmbeddedEngine() {
        System.out.printf(java.util.Locale.ROOT, "Spark local[2]: %d cells in %.1f s%n", onSpark.cells().size(), sparkSeconds);
        assertThat(onSpark.notAvailable()).isEqualTo(embedded.notAvailable());
        Map<String, List<RawCell>> e = byIndicator(embedded);
        Map<String, List<RawCell>> s = byIndicator(onSpark);
        assertThat(s.keySet()).containsExactlyElementsOf(e.keySet());
        // the run covers every kind of indicator: counts of persons, enterprise counts, shares, ratios, medians, tables
        assertThat(e.keySet()).hasSizeGreaterThan(40);
        List<String> differences = new ArrayList<>();
        for (String id : e.keySet()) {
            List<RawCell> a = e.get(id);
            List<RawCell> b = s.get(id);
            if (a.size() != b.size()) {
                differences.add(id + ": " + a.size() + " cells embedded, " + b.size() + " on Spark");
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                String diff = difference(a.get(i), b.get(i));
                if (diff != null) {
                    differences.add(id + " cell " + i + ": " + diff);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theBootstrapIntervalsAreThereOnBothEngines() {
        // ratios and medians: intervals from the replicates of the same Poisson weights on both engines
        long withCi = embedded.cells().stream().filter(c -> c.value().ciLow() != null).count();
        long sparkCi = onSpark.cells().stream().filter(c -> c.value().ciLow() != null).count();
        assertThat(withCi).isPositive().isEqualTo(sparkCi);
        assertThat(embedded.cells()).anyMatch(c -> c.value().indicator().equals("ent.rd_intensity") && c.value().ciLow() != null);
    }

    @Test
    void theRelationsBetweenCellsAreTheSame() {
        assertThat(onSpark.relations()).isEqualTo(embedded.relations());
    }

    @Test
    void disclosureControlWithholdsTheSameCells() {
        var find = Catalogue.standard(ctx);
        List<IndicatorValue> a = Disclosure.protect(embedded, DisclosureRules.DEFAULTS, find::find).values();
        List<IndicatorValue> b = Disclosure.protect(onSpark, DisclosureRules.DEFAULTS, find::find).values();
        assertThat(b).hasSameSizeAs(a);
        Set<String> sa = new TreeSet<>();
        Set<String> sb = new TreeSet<>();
        a.stream().filter(IndicatorValue::suppressed).forEach(v -> sa.add(key(v)));
        b.stream().filter(IndicatorValue::suppressed).forEach(v -> sb.add(key(v)));
        assertThat(sa).isNotEmpty();
        assertThat(sb).isEqualTo(sa);
    }

    private static String key(IndicatorValue v) {
        return String.join("|", v.indicator(), v.period(), v.group(), v.breakdown(), v.category());
    }

    /** Null when the cells agree; else what differs. */
    static String difference(RawCell x, RawCell y) {
        IndicatorValue a = x.value();
        IndicatorValue b = y.value();
        if (!key(a).equals(key(b))) {
            return "cell " + key(a) + " vs " + key(b);
        }
        String[] names = {"value", "numerator", "denominator", "ci_low", "ci_high"};
        BigDecimal[] p = {a.value(), a.numerator(), a.denominator(), a.ciLow(), a.ciHigh()};
        BigDecimal[] q = {b.value(), b.numerator(), b.denominator(), b.ciLow(), b.ciHigh()};
        for (int i = 0; i < p.length; i++) {
            if (!close(p[i], q[i])) {
                return key(a) + " " + names[i] + ": " + p[i] + " vs " + q[i];
            }
        }
        var c = x.contributors();
        var d = y.contributors();
        if (c.units() != d.units() || c.numeratorUnits() != d.numeratorUnits() || !close(c.top1(), d.top1()) || !close(c.top2(), d.top2())
            || !close(c.denominatorTop1(), d.denominatorTop1()) || !close(c.denominatorTop2(), d.denominatorTop2())) {
            return key(a) + " contributors: " + c + " vs " + d;
        }
        return null;
    }

    static boolean close(BigDecimal p, BigDecimal q) {
        if (p == null || q == null) {
            return p == q;
        }
        if (p.compareTo(q) == 0) {
            return true;
        }
        double scale = Math.max(Math.abs(p.doubleValue()), Math.abs(q.doubleValue()));
        return Math.abs(p.doubleValue() - q.doubleValue()) <= TOLERANCE * Math.max(scale, 1e-12);
    }
}
