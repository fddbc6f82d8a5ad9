package org.haigui.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.indicators.RawResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesAndCliTest {

    @TempDir
    Path dir;

    @Test
    void yamlRulesWithDefaultsAndErrorsNamingTheLine() {
        assertThat(DisclosureRules.parse(new StringReader(""), "x.yaml")).isEqualTo(DisclosureRules.DEFAULTS);
        DisclosureRules r = DisclosureRules.parse(new StringReader("min_frequency: 3\nrule: p-percent\np_percent: 15\n"), "x.yaml");
        assertThat(r).isEqualTo(new DisclosureRules(3, DisclosureRules.MagnitudeRule.P_PERCENT, 2, 85, 15, 0.10));
        assertThat(r.asMap()).containsEntry("rule", "p-percent").containsEntry("min_frequency", 3);
        assertThatThrownBy(() -> DisclosureRules.parse(new StringReader("min_frequency: 3\n\nminimum: 4\n"), "rules.yaml"))
            .isInstanceOf(HaiguiException.class).hasMessageContaining("rules.yaml, line 3: unknown key 'minimum'")
            .extracting(e -> ((HaiguiException) e).kind()).isEqualTo(HaiguiException.Kind.INPUT);
        assertThatThrownBy(() -> DisclosureRules.parse(new StringReader("dominance_k: lots\n"), "rules.yaml"))
            .hasMessageContaining("line 1").hasMessageContaining("dominance_k must be a number");
        assertThatThrownBy(() -> DisclosureRules.parse(new StringReader("dominance_n: 3\n"), "rules.yaml"))
            .hasMessageContaining("dominance_n must be 1 or 2");
    }

    @Test
    void auditCommandExitCodes() throws Exception {
        RawResult raw = Cells.raw(List.of(
            Cells.count("stock", "", "", "", "", 100),
            Cells.count("stock", "", "", "district", "310101", 4),
            Cells.count("stock", "", "", "district", "310104", 30),
            Cells.count("stock", "", "", "district", "310105", 66)));
        ProtectedResult p = Cells.protectAndAudit(raw, DisclosureRules.DEFAULTS);
        Path safe = write("safe.csv", p.values());
        assertThat(run("disclosure", "audit", safe.toString())).isZero();
        Path bad = write("exposed.csv", Cells.publish(raw, java.util.Set.of(Cells.key("stock", "", "", "district", "310101"))));
        StringWriter out = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "disclosure", "audit", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("stock,,,district,310101,4,4,,,,,true");
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "exposure_margin: 0.2\n");
        assertThat(run("disclosure", "audit", safe.toString(), "--disclosure", rules.toString())).isZero();
        Files.writeString(rules, "margin: 0.2\n");
        assertThat(run("disclosure", "audit", safe.toString(), "--disclosure", rules.toString())).isEqualTo(2);
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, String.join(",", IndicatorValue.COLUMNS) + "\nstock,,,,,abc,,,,,false\n");
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "disclosure", "audit", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("row 2, column value: not a number");
    }

    private Path write(String name, List<IndicatorValue> values) throws Exception {
        Path f = dir.resolve(name);
        try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            IndicatorWriter.writeCsv(values, w);
        }
        return f;
    }

    private static int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    /** Bridge to the package-private command entry point. */
    static final class Main {
        static int run(PrintWriter out, PrintWriter err, String... args) {
            return org.haigui.cli.Main.run(out, err, args);
        }
    }
}
