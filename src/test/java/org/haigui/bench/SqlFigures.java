package org.haigui.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.haigui.blueprint.Blueprint;
import org.haigui.indicators.IndicatorValue;
import org.haigui.ties.RegistryNormsCsv;

/**
 * The hand-written baseline of the comparison benchmark: the DuckDB SQL script
 * {@code bench/figures.sql} (test resource), which computes a subset of the catalogue straight from
 * the import CSVs, its reference data, and the comparison of its figures with the engine's.
 */
final class SqlFigures {

    /** The indicators the script computes (the subset the benchmark asks the engine for). */
    static final List<String> IDS = List.of("inflow.year", "inflow.quarter", "inflow.window5", "inflow.window5_multiple",
        "inflow.ytd", "inflow.ytd_vs_last_year", "stock", "ent.survival_1y", "ent.survival_3y", "ent.survival_5y",
        "ent.high_growth_rate", "team.size_median", "team.tie_share", "team.tie_majority_share", "team.schoolmate_share",
        "team.colleague_share");

    /** The subset's figures whose interval is a bootstrap: the script gives their point estimates only. */
    static final Set<String> BOOTSTRAP = Set.of("team.size_median", "team.tie_share", "team.schoolmate_share", "team.colleague_share");

    /** One row of the script's {@code figures} table (the tidy columns; null where empty). */
    record Figure(String indicator, String period, String group, String breakdown, String category, Double value,
                  Double numerator, Double denominator, Double ciLow, Double ciHigh) {

        String key() {
            return indicator + " | " + period + " | " + group + " | " + breakdown + " | " + category;
        }
    }

    private SqlFigures() {
    }

    /**
     * Writes the script's reference CSVs into {@code ref}: {@code registry_norms.csv} (the built-in
     * institution registry's normalised names with their keys) and {@code zone_keys.csv} (the
     * normalised names of the blueprint's key zones with the zone id).
     */
    static void writeReference(Path ref, Blueprint blueprint) throws IOException {
        Files.createDirectories(ref);
        RegistryNormsCsv.write(ref.resolve("registry_norms.csv"));
        try (Writer w = Files.newBufferedWriter(ref.resolve("zone_keys.csv"), StandardCharsets.UTF_8)) {
            w.write("zone_key,zone_id\n");
            for (Map.Entry<String, String> e : blueprint.zoneKeys().entrySet()) {
                w.write(quote(e.getKey()) + "," + quote(e.getValue()) + "\n");
            }
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The script with its placeholders replaced. */
    static String script(Path data, Path ref, LocalDate asOf) throws IOException {
        String sql;
        try (InputStream in = SqlFigures.class.getResourceAsStream("/bench/figures.sql")) {
            if (in == null) {
                throw new IOException("no resource bench/figures.sql");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return sql.replace("${data}", sqlPath(data)).replace("${ref}", sqlPath(ref))
            .replace("${asOfYear}", Integer.toString(asOf.getYear()))
            .replace("${asOf}", "DATE '" + asOf + "'")
            .replace("${ytd}", asOf.getYear() + "-01-01.." + asOf);
    }

    private static String sqlPath(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/').replace("'", "''");
    }

    /** The script's statements: split after each semicolon that ends a line; comment lines dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /** Runs the script on the connection and reads its {@code figures} table. */
    static List<Figure> run(Connection c, String script) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : statements(script)) {
                st.execute(s);
            }
            List<Figure> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT indicator, period, grp, breakdown, category, value, numerator, denominator,"
                + " ci_low, ci_high FROM figures")) {
                while (rs.next()) {
                    out.add(new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        dbl(rs, 6), dbl(rs, 7), dbl(rs, 8), dbl(rs, 9), dbl(rs, 10)));
                }
            }
            return out;
        }
    }

    private static Double dbl(ResultSet rs, int i) throws SQLException {
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : d;
    }

    /**
     * Where the script's figures and the engine's differ (empty when they agree): a cell on one side
     * only must be a zero cell (a count of 0, or a share with numerator and denominator 0 - the engine
     * gives some such cells for disclosure control); value, numerator and denominator must be equal
     * to 1e-9 (relative); the intervals must be equal where the script gives one, and absent from
     * both where it does not, except the bootstrap intervals the script leaves out ({@link #BOOTSTRAP}).
     */
    static List<String> differences(List<Figure> sql, List<IndicatorValue> engine) {
        Map<String, Figure> s = new LinkedHashMap<>();
        for (Figure f : sql) {
            if (s.put(f.key(), f) != null) {
                throw new IllegalStateException("the script gives " + f.key() + " twice");
            }
        }
        Map<String, Figure> e = new LinkedHashMap<>();
        for (IndicatorValue v : engine) {
            Figure f = new Figure(v.indicator(), v.period(), v.group(), v.breakdown(), v.category(), d(v.value()), d(v.numerator()),
                d(v.denominator()), d(v.ciLow()), d(v.ciHigh()));
            if (e.put(f.key(), f) != null) {
                throw new IllegalStateException("the engine gives " + f.key() + " twice");
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(s.keySet());
        keys.addAll(e.keySet());
        for (String k : keys) {
            Figure a = s.get(k);
            Figure b = e.get(k);
            if (a == null || b == null) {
                Figure only = a == null ? b : a;
                if (!zero(only)) {
                    out.add((a == null ? "engine only: " : "script only: ") + only);
                }
                continue;
            }
            boolean same = close(a.value(), b.value()) && close(a.numerator(), b.numerator()) && close(a.denominator(), b.denominator());
            if (a.ciLow() != null || a.ciHigh() != null || !BOOTSTRAP.contains(a.indicator())) {
                same &= close(a.ciLow(), b.ciLow()) && close(a.ciHigh(), b.ciHigh());
            }
            if (!same) {
                out.add("differ: script " + a + " / engine " + b);
            }
        }
        return out;
    }

    private static boolean zero(Figure f) {
        boolean v = f.value() == null || f.value() == 0;
        boolean n = f.numerator() == null || f.numerator() == 0;
        boolean d = f.denominator() == null || f.denominator() == 0;
        return v && n && d;
    }

    private static Double d(BigDecimal b) {
        return b == null ? null : b.doubleValue();
    }

    static boolean close(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
