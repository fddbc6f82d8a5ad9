package org.haigui.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.haigui.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator meets its calibration table (Calibration.TARGETS), measured by SQL over the files.
 * Runs at 1/10 of the default scale with proportional count targets; run it at the default scale
 * with {@code -Dsynth.persons=300000}.
 */
class SynthCalibrationTest {

    @TempDir
    Path tmp;

    @Test
    void meetsTheCalibrationTable() throws Exception {
        long persons = Long.getLong("synth.persons", 30_000L);
        Path dir = tmp.resolve("data");
        Synthesizer.generate(SynthOptions.defaults(dir).withPersons(persons), Progress.NONE);
        Map<String, Double> got;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("cal.duckdb"))) {
            got = CalibrationSql.measure(c, dir);
        }
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "calibration at %,d persons, seed %d%n", persons, Calibration.DEFAULT_SEED));
        for (Calibration.Target t : Calibration.TARGETS) {
            double v = got.get(t.id());
            double lo = t.lowAt(persons);
            double hi = t.highAt(persons);
            boolean ok = v >= lo && v <= hi;
            table.append(String.format(Locale.ROOT, "  %-36s %12.3f  [%.3f, %.3f] %s%n", t.id(), v, lo, hi, ok ? "ok" : "OUT"));
            if (!ok) {
                failures.add(t.id() + " = " + v);
            }
        }
        got.forEach((k, v) -> {
            if (Calibration.TARGETS.stream().noneMatch(t -> t.id().equals(k))) {
                table.append(String.format(Locale.ROOT, "  %-36s %12.3f%n", k, v));
            }
        });
        System.out.println(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }
}
