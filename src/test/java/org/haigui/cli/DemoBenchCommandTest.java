package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo and bench commands run the stages that exist and say which do not. */
class DemoBenchCommandTest {

    @TempDir
    Path tmp;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void demoGeneratesOnceImportsAndNamesTheMissingSteps() throws Exception {
        Path dir = tmp.resolve("demo");
        String[] r = run("demo", "--dir", dir.toString(), "--persons", "1500", "--no-serve");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("generate:", "1,500 persons", "import:", "0 rejected", "indicators:", "values as of 2021-09-30",
            "report:", dir.resolve("report").resolve("report.zh.pdf").toAbsolutePath().toString(), "dashboard:  skipped (--no-serve)",
            dir.resolve("haigui.duckdb").toAbsolutePath().toString());
        for (String f : List.of("report.zh.html", "report.en.html", "report.zh.pdf", "report.en.pdf", "tables.xlsx")) {
            assertThat(Files.size(dir.resolve("report").resolve(f))).as(f).isPositive();
        }
        assertThat(Files.exists(dir.resolve("haigui.duckdb"))).isTrue();
        List<String> ind = Files.readAllLines(dir.resolve("indicators.csv"), StandardCharsets.UTF_8);
        assertThat(ind.get(0)).startsWith("\uFEFFindicator,period,group,breakdown,category,value");
        assertThat(ind).anyMatch(l -> l.startsWith("stock,,,,,"));
        // Shanghai's blueprint and the synthetic questionnaire: fit, gap, promotion and survey figures, in the file and printed
        assertThat(ind).anyMatch(l -> l.startsWith("fit.talent_share,,,,,"));
        assertThat(ind).anyMatch(l -> l.startsWith("fit.gap,,,talent,ic,"));
        assertThat(ind).anyMatch(l -> l.startsWith("promo.jobs_share,2021,,,,"));
        assertThat(ind).anyMatch(l -> l.startsWith("survey.share,,,overseas_resources,tech_advantage,"));
        assertThat(ind).anyMatch(l -> l.startsWith("ent.active,2021,returnee,zone,zhangjiang,"));
        assertThat(r[1]).contains("fit:", "gap:", "Integrated circuits (leading)", "promo:", "survey:", "Technological advantage")
            .doesNotContain("not available");
        assertThat(Files.exists(dir.resolve("indicators.csv.meta.json"))).isTrue();
        r = run("demo", "--dir", dir.toString(), "--no-serve");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("generate:   skipped").contains(" 0 inserted").contains("unchanged");
    }

    @Test
    void benchPrintsEveryStageAsTextOrJson() throws Exception {
        String[] r = run("bench", "--persons", "1000");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("generate", "import", "indicators", "rows/s", "peak heap", "total").doesNotContain("not built");
        // the text names the import's phases, one line each, between the import and the indicators
        String text = r[1];
        int imp = text.indexOf("\n  import ");
        int ind = text.indexOf("\n  indicators ");
        assertThat(imp).isPositive();
        String importPart = text.substring(imp, ind);
        assertThat(importPart).containsPattern("\n    parse\\+row rules +[0-9.]+ s +[0-9,]+ rows +[0-9,]+ rows/s +cpu +[0-9.]+ s")
            .containsPattern("\n      parse +cpu +[0-9.]+ s").containsPattern("\n      row rules +cpu +[0-9.]+ s")
            .containsPattern("\n      load +cpu +[0-9.]+ s")
            .containsPattern("\n    cross-row rules +[0-9.]+ s").containsPattern("\n    merge +[0-9.]+ s")
            .containsPattern("\n    commit +[0-9.]+ s");
        Path dir = tmp.resolve("b");
        r = run("bench", "--persons", "1000", "--seed", "5", "--dir", dir.toString(), "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertThat(j.get("persons").asLong()).isEqualTo(1000);
        assertThat(j.get("stages").get(0).get("stage").asText()).isEqualTo("generate");
        assertThat(j.get("stages").get(0).get("rows").asLong()).isGreaterThan(3000);
        assertThat(j.get("stages").get(1).get("rows").asLong()).isEqualTo(j.get("stages").get(0).get("rows").asLong());
        assertThat(j.get("stages").get(1).get("peak_heap_bytes").asLong()).isPositive();
        assertThat(j.get("stages").get(2).get("stage").asText()).isEqualTo("indicators");
        assertThat(j.get("stages").get(2).get("built").asBoolean()).isTrue();
        assertThat(j.get("stages").get(2).get("detail").asText()).contains("values as of 2021-09-30");
        assertThat(j.get("total").get("wall_ms").asLong()).isPositive();
        // the import split into its phases, in the order they run, each with wall and CPU time; the parts of the first
        // (the engine path, and the Java path's parse, row rules, load) with their threads' CPU time
        JsonNode phases = j.get("stages").get(1).get("phases");
        List<String> names = new java.util.ArrayList<>();
        phases.forEach(p -> names.add(p.get("phase").asText()));
        assertThat(names).containsExactly("read", "parse+row rules", "engine path", "parse", "row rules", "load", "cross-row rules", "merge",
            "rejected rows", "after-merge", "commit");
        for (JsonNode p : phases) {
            if (p.get("part").asBoolean()) {
                assertThat(p.get("cpu_ms").asLong()).as(p.toString()).isNotNegative();
                assertThat(p.has("wall_ms")).as(p.toString()).isFalse();
            } else {
                assertThat(p.get("wall_ms").asLong()).as(p.toString()).isNotNegative();
                assertThat(p.has("cpu_ms")).as(p.toString()).isTrue();
                assertThat(p.has("rows_per_s")).as(p.toString()).isTrue();
            }
        }
        assertThat(phases.get(1).get("wall_ms").asLong() + phases.get(6).get("wall_ms").asLong())
            .isLessThanOrEqualTo(j.get("stages").get(1).get("wall_ms").asLong());
        assertThat(j.get("stages").get(0).has("phases")).isFalse();
        assertThat(Files.exists(dir.resolve("bench.duckdb"))).isTrue();
        r = run("bench", "--persons", "1000", "--dir", dir.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("already holds a benchmark run");
    }
}
