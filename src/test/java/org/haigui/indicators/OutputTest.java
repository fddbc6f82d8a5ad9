package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haigui.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tidy CSV / JSON lines output, its metadata sidecar, and the {@code haigui indicators} command. */
class OutputTest {

    @TempDir
    Path dir;

    private static final IndicatorValue V = new IndicatorValue("ent.rd_intensity", "2020", "returnee", "zone", "Park, \"A\"",
        new BigDecimal("0.0000001234"), new BigDecimal("12345678901234.5"), new BigDecimal("1E+3"), new BigDecimal("-0.5"), null, false);

    @Test
    void csvIsPlainDecimalsWhateverTheLocale() throws Exception {
        StringWriter w = new StringWriter();
        IndicatorWriter.writeCsv(List.of(V), w);
        assertThat(w.toString()).isEqualTo("indicator,period,group,breakdown,category,value,numerator,denominator,ci_low,ci_high,suppressed\n"
            + "ent.rd_intensity,2020,returnee,zone,\"Park, \"\"A\"\"\",0.0000001234,12345678901234.5,1000,-0.5,,false\n");
    }

    @Test
    void jsonLinesHaveTheTidyKeys() throws Exception {
        StringWriter w = new StringWriter();
        IndicatorWriter.writeJsonLines(List.of(V, V), w);
        String[] lines = w.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"value\":0.0000001234").contains("\"denominator\":1000").contains("\"ci_high\":null");
        JsonNode n = new ObjectMapper().readTree(lines[0]);
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(IndicatorValue.COLUMNS);
        assertThat(n.get("suppressed").asBoolean()).isFalse();
    }

    @Test
    void commandWritesCsvJsonAndTheMetadataSidecar() throws Exception {
        Path db = dir.resolve("h.duckdb");
        try (org.haigui.store.Store s = org.haigui.store.Store.open(db)) {
            try (var st = s.connection().createStatement()) {
                st.execute("INSERT INTO persons (person_id, name_zh, batch_id) VALUES ('a', 'x', 1)");
                st.execute("INSERT INTO overseas_episodes (episode_id, person_id, kind, institution, country, start_date, end_date, degree, batch_id)"
                    + " VALUES ('e', 'a', 'study', 'U', 'US', DATE '2015-09-01', DATE '2019-06-30', 'master', 1)");
                st.execute("INSERT INTO city_moves (move_id, person_id, \"date\", event, district, batch_id)"
                    + " VALUES ('m', 'a', DATE '2019-07-01', 'arrive', '310104', 1)");
            }
        }
        Path csv = dir.resolve("out.csv");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "indicators", "--db", db.toString(),
            "--as-of", "2020-12-31", "--allow-future", "--only", "stock,inflow.year,ent.key_zone_share", "--out", csv.toString(), "--seed", "5", "--blueprint", "none");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("ent.key_zone_share omitted: not available: needs a blueprint");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        // a file gets the byte-order mark, so that Excel on a Chinese Windows reads it as UTF-8
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", IndicatorValue.COLUMNS));
        assertThat(lines).contains("inflow.year,2019,,,,1,,,,,false", "stock,,,,,1,,,,,false", "stock,,,district,310104,1,,,,,false");
        JsonNode meta = new ObjectMapper().readTree(Files.readString(IndicatorWriter.metaFile(csv)));
        assertThat(meta.get("bootstrap_seed").asLong()).isEqualTo(5);
        assertThat(meta.get("bootstrap_resamples").asInt()).isEqualTo(1000);
        assertThat(meta.get("as_of").asText()).isEqualTo("2020-12-31");
        assertThat(meta.get("not_available").get("ent.key_zone_share").asText()).contains("blueprint");

        StringWriter out = new StringWriter();
        code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "indicators", "--db", db.toString(),
            "--as-of", "2020-12-31", "--allow-future", "--only", "stock", "--format", "json");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("{\"indicator\":\"stock\",\"period\":\"\",\"group\":\"\",\"breakdown\":\"\",\"category\":\"\",\"value\":1,");

        code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "indicators", "--db", db.toString(),
            "--only", "nope");
        assertThat(code).isEqualTo(2);
        code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "indicators", "--db", db.toString(),
            "--as-of", "31/12/2020");
        assertThat(code).isEqualTo(2);
        code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "indicators", "--db", db.toString(),
            "--resamples", "999");
        assertThat(code).isEqualTo(2);
    }
}
