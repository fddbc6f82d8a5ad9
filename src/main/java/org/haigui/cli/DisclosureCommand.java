package org.haigui.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.disclosure.Audit;
import org.haigui.disclosure.AuditReport;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "disclosure", mixinStandardHelpOptions = true,
    description = "Disclosure control of published tables.",
    subcommands = {DisclosureCommand.AuditCmd.class})
final class DisclosureCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Play the intruder on a published tidy CSV: for every suppressed cell, the interval of its value "
            + "(and numerator, denominator) that every relation between the published cells leaves.",
            "Exit 0 when no suppressed cell is exposed, 1 when one is (recoverable exactly or within the exposure margin), "
                + "2 for a bad file."})
    static final class AuditCmd implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "PUBLISHED.csv", description = "A tidy CSV as written by haigui indicators.")
        Path file;

        @Option(names = "--disclosure", paramLabel = "FILE", description = "Disclosure rules (YAML; default: built-in defaults).")
        Path rulesFile;

        @Option(names = "--exposed-only", description = "Print only the exposed cells.")
        boolean exposedOnly;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            org.haigui.labels.Language l = lang.language();
            DisclosureRules rules = rulesFile == null ? DisclosureRules.DEFAULTS : DisclosureRules.read(rulesFile);
            List<IndicatorValue> rows = readPublished(file);
            AuditReport report = Audit.run(rows, Catalogue.standard()::find, rules);
            PrintWriter out = spec.commandLine().getOut();
            out.println("indicator,period,group,breakdown,category,value_low,value_high,numerator_low,numerator_high,"
                + "denominator_low,denominator_high,exposed");
            for (AuditReport.SuppressedCell c : report.cells()) {
                if (exposedOnly && !c.exposed()) {
                    continue;
                }
                CellKey k = c.key();
                out.println(String.join(",", csv(k.indicator()), csv(k.period()), csv(k.group()), csv(k.breakdown()), csv(k.category()),
                    ends(c.value()), ends(c.numerator()), ends(c.denominator()), Boolean.toString(c.exposed())));
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            int exposed = report.exposed().size();
            err.println(l.pick("haigui：" + rows.size() + " 个单元格，隐去 " + report.cells().size() + " 个，其中 " + exposed + " 个可被推算（"
                    + rules + "）",
                "haigui: " + rows.size() + " cells, " + report.cells().size() + " suppressed, " + exposed + " exposed (" + rules + ")"));
            err.flush();
            return exposed == 0 ? ErrorMapper.OK : 1;
        }

        private static String ends(AuditReport.Interval i) {
            if (i == null) {
                return ",";
            }
            String[] p = i.toString().substring(1, i.toString().length() - 1).split(", ");
            return p[0] + "," + p[1];
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    /** Reads a published tidy CSV; a bad file is an INPUT error naming the row (header = row 1) and column. */
    static List<IndicatorValue> readPublished(Path file) {
        List<IndicatorValue> rows = new ArrayList<>();
        Set<CellKey> seen = new HashSet<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(r)) {
            boolean header = true;
            for (CsvRecord rec : csv) {
                long row = rec.getStartingLineNumber();
                if (header) {
                    List<String> h = new ArrayList<>(rec.getFields());
                    if (!h.isEmpty()) {
                        h.set(0, h.get(0).replace("\uFEFF", ""));
                    }
                    if (!h.equals(IndicatorValue.COLUMNS)) {
                        throw HaiguiException.input(file + ", row 1: the header must be " + String.join(",", IndicatorValue.COLUMNS));
                    }
                    header = false;
                    continue;
                }
                if (rec.getFieldCount() == 1 && rec.getField(0).isEmpty()) {
                    continue;
                }
                if (rec.getFieldCount() != IndicatorValue.COLUMNS.size()) {
                    throw HaiguiException.input(file + ", row " + row + ": " + rec.getFieldCount() + " columns, expected "
                        + IndicatorValue.COLUMNS.size());
                }
                String s = rec.getField(10);
                if (!s.equals("true") && !s.equals("false")) {
                    throw HaiguiException.input(file + ", row " + row + ", column suppressed: expected true or false, not '" + s + "'");
                }
                boolean suppressed = s.equals("true");
                BigDecimal[] n = new BigDecimal[5];
                for (int i = 0; i < 5; i++) {
                    String t = rec.getField(5 + i);
                    String col = IndicatorValue.COLUMNS.get(5 + i);
                    if (!t.isEmpty()) {
                        if (suppressed) {
                            throw HaiguiException.input(file + ", row " + row + ", column " + col + ": a suppressed cell must be empty, not '"
                                + t + "'");
                        }
                        try {
                            n[i] = new BigDecimal(t);
                        } catch (NumberFormatException e) {
                            throw HaiguiException.input(file + ", row " + row + ", column " + col + ": not a number: '" + t + "'");
                        }
                    }
                }
                if (rec.getField(0).isEmpty()) {
                    throw HaiguiException.input(file + ", row " + row + ", column indicator: empty");
                }
                IndicatorValue v = new IndicatorValue(rec.getField(0), rec.getField(1), rec.getField(2), rec.getField(3), rec.getField(4),
                    n[0], n[1], n[2], n[3], n[4], suppressed);
                if (!seen.add(CellKey.of(v))) {
                    throw HaiguiException.input(file + ", row " + row + ": the same cell as an earlier row");
                }
                rows.add(v);
            }
            if (header) {
                throw HaiguiException.input(file + ", row 1: empty file, expected the header " + String.join(",", IndicatorValue.COLUMNS));
            }
        } catch (NoSuchFileException e) {
            throw HaiguiException.input(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw HaiguiException.input(file + ": not UTF-8", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
        return rows;
    }
}
