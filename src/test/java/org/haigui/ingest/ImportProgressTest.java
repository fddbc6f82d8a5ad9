package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haigui.cli.Main;
import org.haigui.core.Progress;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an import tells its progress bar (issue 12: it showed "? %" and nothing while checking and
 * merging): every file's rows with a total known before the end, then the named phases - checking,
 * merging (each through its tables), committing.
 */
class ImportProgressTest {

    @TempDir
    Path tmp;

    /** A step as the progress saw it: name, totals announced, the last amount done. */
    private static final class Step {
        final String name;
        final boolean phase;
        final List<Long> totals = new ArrayList<>();
        long done = -1;

        Step(String name, boolean phase, long total) {
            this.name = name;
            this.phase = phase;
            totals.add(total);
        }
    }

    @Test
    void everyFileHasATotalAndCheckingAndMergingAreNamedPhasesThroughTheTables() {
        Path data = tmp.resolve("data");
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "synth", "--persons", "2000", "--out", data.toString());
        assertThat(code).isZero();
        List<Step> steps = new ArrayList<>();
        Progress recorder = new Progress() {
            @Override
            public void start(String step, long total) {
                steps.add(new Step(step, false, total));
            }

            @Override
            public void startPhase(String step, long parts) {
                steps.add(new Step(step, true, parts));
            }

            @Override
            public void total(long total) {
                steps.get(steps.size() - 1).totals.add(total);
            }

            @Override
            public void advance(long done) {
                steps.get(steps.size() - 1).done = done;
            }

            @Override
            public void finish() {
            }
        };
        ImportReport report;
        try (Store store = Store.open(tmp.resolve("s.duckdb"))) {
            report = new Importer(store, ImportOptions.forCity(City.load("shanghai")), recorder).run(List.of(data));
        }
        List<Step> files = steps.stream().filter(s -> s.name.startsWith("import ")).toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Step f : files) {
            // an estimate (from the bytes read) before the file ends, and the rows read at the end
            assertThat(f.totals).as(f.name).anyMatch(t -> t > 0);
            assertThat(f.done).as(f.name).isPositive();
            assertThat(f.totals.get(f.totals.size() - 1)).as(f.name).isEqualTo(f.done);
        }
        Step checking = steps.stream().filter(s -> s.phase && s.name.startsWith("checking")).findFirst().orElseThrow();
        Step merging = steps.stream().filter(s -> s.phase && s.name.startsWith("merging")).findFirst().orElseThrow();
        for (Step p : List.of(checking, merging)) {
            assertThat(p.totals.get(0)).as(p.name).isGreaterThanOrEqualTo(8);
            assertThat(p.done).as(p.name).isEqualTo(p.totals.get(0));
        }
        assertThat(steps.indexOf(checking)).isLessThan(steps.indexOf(merging));
        assertThat(steps.get(steps.size() - 1).name).startsWith("committing");
        assertThat(report.sources()).isNotEmpty();
    }
}
