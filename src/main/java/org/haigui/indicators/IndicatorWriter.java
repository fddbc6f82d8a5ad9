package org.haigui.indicators;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the tidy output: CSV (header = {@link IndicatorValue#COLUMNS}, RFC 4180, {@code \n}, UTF-8)
 * or JSON lines (one object per value with those keys; numbers as JSON numbers, empty as null).
 * Numbers are plain decimals, never with an exponent, independent of the locale. What must be
 * recorded with the output (D, bootstrap seed and resamples, the scheme, indicators not
 * available) goes to a metadata sidecar, {@link #metaFile(Path)}.
 */
public final class IndicatorWriter {

    /** Output formats. */
    public enum Format {
        CSV, JSON
    }

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Columns appended after the tidy ones ({@code haigui indicators --labels zh|en}): the names of
     * the codes of each row in one language. The tidy columns keep their names and places.
     */
    public interface Labeller {
        /** The names of the appended columns. */
        List<String> columns();

        /** The appended cells of one row, as many as {@link #columns()}. */
        List<String> labels(IndicatorValue v);
    }

    private IndicatorWriter() {
    }

    public static void write(List<IndicatorValue> values, Format format, Writer w) throws IOException {
        write(values, format, w, null);
    }

    /** {@link #write(List, Format, Writer)} with label columns (none when {@code labeller} is null). */
    public static void write(List<IndicatorValue> values, Format format, Writer w, Labeller labeller) throws IOException {
        if (format == Format.CSV) {
            writeCsv(values, w, labeller);
        } else {
            writeJsonLines(values, w, labeller);
        }
    }

    public static void writeCsv(List<IndicatorValue> values, Writer w) throws IOException {
        writeCsv(values, w, null);
    }

    /** {@link #writeCsv(List, Writer)} with label columns after the tidy ones (none when {@code labeller} is null). */
    public static void writeCsv(List<IndicatorValue> values, Writer w, Labeller labeller) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
        List<String> header = new java.util.ArrayList<>(IndicatorValue.COLUMNS);
        if (labeller != null) {
            header.addAll(labeller.columns());
        }
        csv.writeRecord(header);
        List<String> row = new java.util.ArrayList<>(header.size());
        for (IndicatorValue v : values) {
            row.clear();
            java.util.Collections.addAll(row, v.indicator(), v.period(), v.group(), v.breakdown(), v.category(),
                Numbers.text(v.value()), Numbers.text(v.numerator()), Numbers.text(v.denominator()), Numbers.text(v.ciLow()),
                Numbers.text(v.ciHigh()), Boolean.toString(v.suppressed()));
            if (labeller != null) {
                row.addAll(labeller.labels(v));
            }
            csv.writeRecord(row);
        }
        csv.flush();
    }

    public static void writeJsonLines(List<IndicatorValue> values, Writer w) throws IOException {
        writeJsonLines(values, w, null);
    }

    /** {@link #writeJsonLines(List, Writer)} with label keys after the tidy ones (none when {@code labeller} is null). */
    public static void writeJsonLines(List<IndicatorValue> values, Writer w, Labeller labeller) throws IOException {
        for (IndicatorValue v : values) {
            ObjectNode o = JSON.createObjectNode();
            o.put("indicator", v.indicator());
            o.put("period", v.period());
            o.put("group", v.group());
            o.put("breakdown", v.breakdown());
            o.put("category", v.category());
            number(o, "value", v.value());
            number(o, "numerator", v.numerator());
            number(o, "denominator", v.denominator());
            number(o, "ci_low", v.ciLow());
            number(o, "ci_high", v.ciHigh());
            o.put("suppressed", v.suppressed());
            if (labeller != null) {
                List<String> names = labeller.columns();
                List<String> cells = labeller.labels(v);
                for (int i = 0; i < names.size(); i++) {
                    o.put(names.get(i), cells.get(i));
                }
            }
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
        }
        w.flush();
    }

    private static void number(ObjectNode o, String key, BigDecimal b) {
        if (b == null) {
            o.putNull(key);
        } else {
            o.put(key, b);
        }
    }

    /**
     * A CSV file for people: the CSV of {@link #writeCsv} preceded by a UTF-8 byte-order mark, so
     * that Excel on a Chinese Windows reads it as UTF-8 (zone names intact; as the rejected-rows
     * files). Standard output gets no mark.
     */
    public static void writeCsvFile(List<IndicatorValue> values, Path file) throws IOException {
        writeCsvFile(values, file, null);
    }

    /** {@link #writeCsvFile(List, Path)} with label columns (none when {@code labeller} is null). */
    public static void writeCsvFile(List<IndicatorValue> values, Path file, Labeller labeller) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            writeCsv(values, w, labeller);
        }
    }

    /**
     * An .xlsx workbook: sheet {@code indicators} with the columns of {@link IndicatorValue#COLUMNS},
     * the codes (indicator, period, group, breakdown, category) as text cells so that Excel keeps
     * field {@code 04} and district {@code 310104} as written, the figures as number cells; and
     * sheet {@code about} with the metadata (as-of date first).
     */
    public static void writeXlsx(IndicatorResult r, java.util.Map<String, Object> extra, Path file) throws IOException {
        writeXlsx(r, extra, file, null);
    }

    /** {@link #writeXlsx(IndicatorResult, java.util.Map, Path)} with label columns as text (none when {@code labeller} is null). */
    public static void writeXlsx(IndicatorResult r, java.util.Map<String, Object> extra, Path file, Labeller labeller) throws IOException {
        try (java.io.OutputStream os = Files.newOutputStream(file)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "HaiguiObservatory", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("indicators");
            List<String> header = new java.util.ArrayList<>(IndicatorValue.COLUMNS);
            if (labeller != null) {
                header.addAll(labeller.columns());
            }
            for (int i = 0; i < header.size(); i++) {
                ws.value(0, i, header.get(i));
                ws.style(0, i).bold().set();
            }
            int row = 1;
            for (IndicatorValue v : r.values()) {
                String[] codes = {v.indicator(), v.period(), v.group(), v.breakdown(), v.category()};
                for (int i = 0; i < codes.length; i++) {
                    ws.value(row, i, codes[i] == null ? "" : codes[i]);
                    ws.style(row, i).format("@").set();
                }
                BigDecimal[] nums = {v.value(), v.numerator(), v.denominator(), v.ciLow(), v.ciHigh()};
                for (int i = 0; i < nums.length; i++) {
                    if (nums[i] != null) {
                        ws.value(row, codes.length + i, nums[i]);
                    }
                }
                ws.value(row, codes.length + nums.length, Boolean.toString(v.suppressed()));
                if (labeller != null) {
                    List<String> cells = labeller.labels(v);
                    for (int i = 0; i < cells.size(); i++) {
                        ws.value(row, IndicatorValue.COLUMNS.size() + i, cells.get(i));
                    }
                }
                row++;
            }
            org.dhatim.fastexcel.Worksheet about = wb.newWorksheet("about");
            about.value(0, 0, "as_of 截至日期");
            about.value(0, 1, r.info().asOf().toString());
            about.value(1, 0, "metadata");
            about.value(1, 1, metadata(r, extra));
            wb.finish();
        }
    }

    /** The sidecar of an output file: {@code <file>.meta.json}. */
    public static Path metaFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".meta.json");
    }

    /** The metadata recorded with an output, as one JSON object. */
    public static String metadata(IndicatorResult r) throws IOException {
        return metadata(r, java.util.Map.of());
    }

    /**
     * The metadata recorded with an output, as one JSON object, with more entries (the output's form,
     * raw or protected, and the disclosure rules applied) after the run's own.
     */
    public static String metadata(IndicatorResult r, java.util.Map<String, Object> extra) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("as_of", r.info().asOf().toString());
        o.put("catalogue_version", r.info().catalogueVersion());
        o.put("bootstrap_seed", r.info().seed());
        o.put("bootstrap_resamples", r.info().resamples());
        o.put("bootstrap_scheme", r.info().bootstrapScheme());
        o.put("share_intervals", "Wilson score per group; Newcombe hybrid score (method 10) for the difference; 95%");
        o.put("count_and_sum_intervals", "none");
        o.put("rows", r.values().size());
        ObjectNode na = o.putObject("not_available");
        r.notAvailable().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
            .forEach(e -> na.put(e.getKey(), e.getValue()));
        extra.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
        return JSON.writeValueAsString(o);
    }

    public static void writeMetadata(IndicatorResult r, Path file) throws IOException {
        writeMetadata(r, java.util.Map.of(), file);
    }

    public static void writeMetadata(IndicatorResult r, java.util.Map<String, Object> extra, Path file) throws IOException {
        Files.writeString(file, metadata(r, extra) + "\n", StandardCharsets.UTF_8);
    }
}
