package org.haigui.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorValue;
import org.haigui.ingest.xlsx.XlsxCell;
import org.haigui.ingest.xlsx.XlsxRow;
import org.haigui.ingest.xlsx.XlsxSheetReader;
import org.haigui.ingest.xlsx.XlsxWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small synthetic city (2,000 persons imported into a real store, every indicator computed and
 * protected once for the class), written in both languages: its sections and sentences, its tables against the
 * published figures, and no withheld value in the HTML, the PDF's extracted text or the workbook: cell by cell for the
 * tables (every cell read from a withheld row shows x at its place in both HTML pages and in tables.xlsx, every other
 * cell its published figure; a test shows that check finding a value written in place of an x), and by a scan of all
 * the text for the large withheld numbers (sentences, charts, notes).
 */
class ReportTest {

    @TempDir
    static Path tmp;

    static ReportFixture fx;
    static Path out;
    static Map<Lang, String> html = new HashMap<>();
    static Map<Lang, String> pdfText = new HashMap<>();
    static long writeMillis;

    @BeforeAll
    static void render() throws Exception {
        fx = ReportFixture.build(tmp, 2_000, 200);
        out = tmp.resolve("report");
        Report.Written w = Report.write(fx.published, fx.catalogue,
            ReportOptions.of(out, List.of(Lang.ZH, Lang.EN)).withBlueprint(fx.blueprint).withSurvey(fx.survey));
        writeMillis = w.millis();
        System.err.printf("report: written in %d ms%n", writeMillis);
        for (Lang l : Lang.values()) {
            html.put(l, Files.readString(out.resolve("report." + l.code() + ".html"), StandardCharsets.UTF_8));
            try (PDDocument doc = Loader.loadPDF(out.resolve("report." + l.code() + ".pdf").toFile())) {
                pdfText.put(l, new PDFTextStripper().getText(doc));
            }
        }
    }

    private static IndicatorValue pub(String id, String period, String group) {
        return fx.published.values().stream().filter(v -> v.indicator().equals(id) && v.period().equals(period) && v.group().equals(group)
            && v.breakdown().isEmpty()).findFirst().orElseThrow(() -> new AssertionError("no published " + id + " " + period));
    }

    /** The sentences of the page: text and cited indicator. */
    private static Map<String, List<String>> headlines(String page) {
        Map<String, List<String>> out = new HashMap<>();
        Matcher m = Pattern.compile("<p class=\"headline\">(.*?) <span class=\"cite\">\\[([^\\]]+)\\]</span></p>").matcher(page);
        while (m.find()) {
            out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
        }
        return out;
    }

    /** The body rows of a table of the HTML, cell texts. */
    private static List<List<String>> tableRows(String page, String id) {
        int at = page.indexOf("<table id=\"table-" + id + "\">");
        assertThat(at).as("table " + id).isGreaterThanOrEqualTo(0);
        String t = page.substring(at, page.indexOf("</table>", at));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>").matcher(t.substring(t.indexOf("<tbody>")));
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(tr.group(1));
            while (td.find()) {
                cells.add(td.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String grouped(BigDecimal v) {
        return String.format(Locale.ROOT, "%,d", v.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    @Test
    void writesEveryFileQuickly() throws IOException {
        for (String f : List.of("report.zh.html", "report.en.html", "report.zh.pdf", "report.en.pdf", "tables.xlsx")) {
            assertThat(Files.size(out.resolve(f))).as(f).isGreaterThan(10_000);
        }
        assertThat(Files.readAllBytes(out.resolve("report.en.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(html.get(Lang.EN).replace("http://www.w3.org/", "")).doesNotContain("http://", "https://").contains("@font-face", "<svg");
        assertThat(writeMillis).isPositive();
    }

    @Test
    void hasEverySectionInBothLanguages() {
        assertThat(html.get(Lang.EN)).contains("Key findings", "Returnees in Shanghai", "Arrivals", "Returnee-founded firms",
            "Survey", "Fit with the city's blueprint", "How returnees and the city promote each other", "Data quality",
            "Appendix: methods", "Disclosure control");
        assertThat(html.get(Lang.ZH)).contains("要点", "在上海的海归", "回流", "与城市蓝图的契合", "海归与城市的相互促进", "数据质量", "附录：方法", "披露控制说明");
        for (Lang l : Lang.values()) {
            // the methods appendix lists every indicator of the catalogue
            fx.catalogue.entries().forEach(d -> assertThat(html.get(l)).contains(l == Lang.ZH ? "【" + d.id() + "】" : "[" + d.id() + "]"));
        }
    }

    @Test
    void headlinesCiteTheirIndicatorAndFollowTheFigures() {
        IndicatorValue stock = pub("stock", "", "");
        assertThat(stock.suppressed()).isFalse();
        // the sentence is in its section and, as a key finding, at the top
        assertThat(headlines(html.get(Lang.EN)).get("stock"))
            .containsExactly(grouped(stock.value()) + " returnees were living in Shanghai on 2021-09-30.",
                grouped(stock.value()) + " returnees were living in Shanghai on 2021-09-30.");
        assertThat(headlines(html.get(Lang.ZH)).get("stock")).hasSize(2).allMatch(s -> s.contains(" 人") && s.startsWith("截至 2021-09-30"));

        IndicatorValue m = pub("inflow.window5_multiple", "2016-2020", "");
        List<String> en = headlines(html.get(Lang.EN)).get("inflow.window5_multiple");
        if (m.suppressed()) {
            assertThat(en).isNull();
        } else {
            double x = m.value().doubleValue();
            String expected = x > 2 ? "more than double" : Math.abs(x - 1) <= 0.1 ? "about as many as" : x > 1
                ? String.format(Locale.ROOT, "%.2fx the previous five years", x) : "fewer than";
            assertThat(en).hasSize(2);
            assertThat(en.get(1)).startsWith(grouped(pub("inflow.window5", "2016-2020", "").value()) + " returnees arrived in 2016-2020")
                .contains(expected).contains(grouped(m.denominator()));
        }
        // a key finding repeats a sentence of its section: every cited id is an indicator of the catalogue
        for (Lang l : Lang.values()) {
            assertThat(headlines(html.get(l)).keySet()).isNotEmpty().allMatch(id -> fx.catalogue.find(id).isPresent());
        }
        // the Chinese headlines are in the PDF's text
        String stockZh = headlines(html.get(Lang.ZH)).get("stock").get(0);
        assertThat(pdfText.get(Lang.ZH).replaceAll("\\s+", "")).contains(stockZh.replaceAll("\\s+", ""));
        assertThat(pdfText.get(Lang.EN)).contains("Key findings", "Disclosure control", "[inflow.", "[fit.");
    }

    @Test
    void aDifferenceIsCalledHigherOnlyWhenItsIntervalExcludesZero() {
        String page = html.get(Lang.EN);
        Map<String, List<String>> h = headlines(page);
        for (Map.Entry<String, List<String>> e : h.entrySet()) {
            if (!e.getKey().startsWith("ent.")) {
                continue;
            }
            for (String s : e.getValue()) {
                if (s.contains(" higher ") || s.contains(" lower ")) {
                    String firmYear = new Content(fx.published, fx.catalogue, fx.blueprint, fx.survey).firmYear();
                    IndicatorValue d = pub(e.getKey(), firmYear, "difference");
                    assertThat(Content.direction(d)).as(s).isNotEqualTo(Content.Direction.UNCLEAR);
                    assertThat(s.contains(" higher ")).as(s).isEqualTo(d.ciLow().signum() > 0);
                }
            }
        }
    }

    @Test
    void tablesShowThePublishedFigures() throws Exception {
        List<IndicatorValue> rows = fx.published.values().stream().filter(v -> v.indicator().equals("stock") && v.breakdown().equals("district"))
            .toList();
        assertThat(rows).isNotEmpty();
        for (Lang l : Lang.values()) {
            List<List<String>> t = tableRows(html.get(l), "stock_district");
            assertThat(t).hasSize(rows.size() + 1);
            for (int i = 0; i < rows.size(); i++) {
                IndicatorValue v = rows.get(i);
                assertThat(t.get(i).get(0)).isEqualTo(v.category());
                assertThat(t.get(i).get(2)).isEqualTo(v.suppressed() ? "x" : grouped(v.value()));
            }
            // arrivals per year: every year of the table is the published inflow.year
            for (List<String> r : tableRows(html.get(l), "arrivals")) {
                IndicatorValue v = pub("inflow.year", r.get(0), "");
                assertThat(r.get(1)).isEqualTo(v.suppressed() ? "x" : grouped(v.value()));
            }
        }
        // the workbook's sheet has the same figures as numbers, withheld cells as x
        try (XlsxWorkbook wb = XlsxWorkbook.open(out.resolve("tables.xlsx"))) {
            assertThat(wb.sheetNames()).contains("stock_district", "arrivals", "about");
            List<XlsxRow> sheet = read(wb, "stock_district");
            assertThat(sheet.get(2).cell(2).text()).isEqualTo("人数");
            assertThat(sheet.get(3).cell(2).text()).isEqualTo("Persons");
            for (int i = 0; i < rows.size(); i++) {
                XlsxCell c = sheet.get(4 + i).cell(2);
                IndicatorValue v = rows.get(i);
                if (v.suppressed()) {
                    assertThat(c.text()).isEqualTo("x");
                } else {
                    assertThat(c.kind()).isEqualTo(XlsxCell.Kind.NUMBER);
                    assertThat(new BigDecimal(c.text())).isEqualByComparingTo(v.value());
                }
            }
            String about = read(wb, "about").toString();
            assertThat(about).contains("2021-09-30", "min_frequency", Integer.toString(fx.published.stats().secondary()));
        }
    }

    private static List<XlsxRow> read(XlsxWorkbook wb, String sheet) {
        List<XlsxRow> rows = new ArrayList<>();
        try (XlsxSheetReader r = wb.sheet(sheet)) {
            for (XlsxRow row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The ways a number may be written in the report. */
    private static Set<String> forms(BigDecimal v) {
        Set<String> s = new HashSet<>();
        if (v == null) {
            return s;
        }
        for (Doc.Style st : Doc.Style.values()) {
            for (Lang l : Lang.values()) {
                s.add(Fmt.cell(l, st, v));
            }
        }
        for (Lang l : Lang.values()) {
            s.add(Fmt.countWords(l, v));
            s.add(Fmt.about(l, v));
        }
        s.add(Fmt.points(v));
        return s;
    }

    private static Set<String> allForms(IndicatorValue v) {
        Set<String> s = new HashSet<>();
        for (BigDecimal x : new BigDecimal[] {v.value(), v.numerator(), v.denominator(), v.ciLow(), v.ciHigh()}) {
            s.addAll(forms(x));
        }
        return s;
    }

    private static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(%|万|亿)?").matcher(text);
        while (m.find()) {
            String t = m.group();
            out.add(t);
            out.add(t.replaceAll("^[-+]", ""));
        }
        return out;
    }

    @Test
    void noWithheldValueAppearsAnywhere() throws Exception {
        // the raw values behind withheld cells, in every form the report writes numbers, except forms a published figure
        // also has (the same count may be published elsewhere) and forms of fewer than four digits (10.0% or 1.55 are
        // also axis ticks, rule parameters or shares the report works out from published figures)
        Map<String, IndicatorValue> rawByCell = new HashMap<>();
        for (IndicatorValue v : fx.raw.values()) {
            rawByCell.put(v.indicator() + '|' + v.period() + '|' + v.group() + '|' + v.breakdown() + '|' + v.category(), v);
        }
        Set<String> publishedForms = new HashSet<>();
        Set<BigDecimal> publishedNumbers = new HashSet<>();
        List<IndicatorValue> withheld = new ArrayList<>();
        for (IndicatorValue v : fx.published.values()) {
            if (v.suppressed()) {
                assertThat(v.value()).isNull();
                // a withheld row may have no raw counterpart (a zero cell that disclosure control adds withheld)
                withheld.add(rawByCell.get(v.indicator() + '|' + v.period() + '|' + v.group() + '|' + v.breakdown() + '|' + v.category()));
            } else {
                publishedForms.addAll(allForms(v));
                for (BigDecimal x : new BigDecimal[] {v.value(), v.numerator(), v.denominator(), v.ciLow(), v.ciHigh()}) {
                    if (x != null) {
                        publishedNumbers.add(x.stripTrailingZeros());
                    }
                }
            }
        }
        withheld.removeIf(java.util.Objects::isNull);
        // the about sheet's own counts (cells, withheld, resamples, ...) are not figures
        var st = fx.published.stats();
        for (long n : new long[] {st.cells(), st.primary(), st.secondary(), st.suppressed(), fx.published.info().resamples(),
            fx.published.info().seed()}) {
            publishedNumbers.add(BigDecimal.valueOf(n).stripTrailingZeros());
        }
        assertThat(withheld).as("the fixture withholds cells").hasSizeGreaterThan(10);
        Set<String> secret = new HashSet<>();
        Set<BigDecimal> secretNumbers = new HashSet<>();
        for (IndicatorValue v : withheld) {
            for (String f : allForms(v)) {
                if (!publishedForms.contains(f) && f.replaceAll("[^0-9]", "").length() >= 4) {
                    secret.add(f);
                }
            }
            for (BigDecimal x : new BigDecimal[] {v.value(), v.numerator(), v.denominator(), v.ciLow(), v.ciHigh()}) {
                if (x != null && !publishedNumbers.contains(x.stripTrailingZeros()) && x.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
                    secretNumbers.add(x.stripTrailingZeros());
                }
            }
        }
        assertThat(secret).isNotEmpty();
        for (Lang l : Lang.values()) {
            String visible = html.get(l).replaceAll("url\\(data:[^)]*\\)", "").replaceAll("<[^>]*>", " ");
            Set<String> leak = new HashSet<>(tokens(visible));
            leak.retainAll(secret);
            assertThat(leak).as("withheld values in the " + l + " HTML").isEmpty();
            leak = new HashSet<>(tokens(pdfText.get(l)));
            leak.retainAll(secret);
            assertThat(leak).as("withheld values in the " + l + " PDF").isEmpty();
        }
        // the workbook: no cell holds a withheld number, in full precision or as text
        Set<String> cellTexts = new HashSet<>();
        try (ZipFile z = new ZipFile(out.resolve("tables.xlsx").toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.getName().endsWith(".xml")) {
                    Matcher m = Pattern.compile("<(?:v|t)[^>]*>([^<]*)</(?:v|t)>").matcher(new String(z.getInputStream(e).readAllBytes(),
                        StandardCharsets.UTF_8));
                    while (m.find()) {
                        cellTexts.add(m.group(1));
                    }
                }
            }
        }
        for (String t : cellTexts) {
            assertThat(tokens(t)).as(t).doesNotContainAnyElementsOf(secret);
            try {
                assertThat(secretNumbers).as(t).doesNotContain(new BigDecimal(t).stripTrailingZeros());
            } catch (NumberFormatException notANumber) {
                // text
            }
        }
    }

    // ------------------------------------------------------------------ withheld cells, cell by cell

    /** A cell of the workbook: its text and whether it is a number. */
    record Shown(String text, boolean number) {
    }

    private static String cellKey(String i, String p, String g, String b, String c) {
        return i + '|' + p + '|' + g + '|' + b + '|' + c;
    }

    private static Map<String, IndicatorValue> byCell(List<IndicatorValue> values) {
        Map<String, IndicatorValue> m = new HashMap<>();
        for (IndicatorValue v : values) {
            m.put(cellKey(v.indicator(), v.period(), v.group(), v.breakdown(), v.category()), v);
        }
        return m;
    }

    private static BigDecimal field(IndicatorValue v, Doc.Field f) {
        return switch (f) {
            case VALUE -> v.value();
            case CI_LOW -> v.ciLow();
            case CI_HIGH -> v.ciHigh();
        };
    }

    /** The report's tables, as Content builds them for the writer (the same inputs give the same tables). */
    private static List<Doc.Table> docTables() {
        List<Doc.Table> out = new ArrayList<>();
        for (Doc.Section s : new Content(fx.published, fx.catalogue, fx.blueprint, fx.survey).sections()) {
            for (Doc.Block b : s.blocks()) {
                if (b instanceof Doc.Table t) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Every table of a page in order: id and body rows of cell texts (entities decoded). */
    private static List<Map.Entry<String, List<List<String>>>> htmlTables(String page) {
        List<Map.Entry<String, List<List<String>>>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<table id=\"table-([^\"]*)\">(.*?)</table>", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            String body = m.group(2).substring(m.group(2).indexOf("<tbody>"));
            List<List<String>> rows = new ArrayList<>();
            Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
            while (tr.find()) {
                List<String> cells = new ArrayList<>();
                Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr.group(1));
                while (td.find()) {
                    cells.add(td.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
                }
                rows.add(cells);
            }
            out.add(Map.entry(m.group(1), rows));
        }
        return out;
    }

    /** Every table's sheet of the workbook: the body cells by position (null: empty), rows placed by their row number. */
    private static List<List<List<Shown>>> sheets(List<Doc.Table> tables) throws IOException {
        List<List<List<Shown>>> grids = new ArrayList<>();
        List<String> names = Xlsx.sheetNames(tables);
        try (XlsxWorkbook wb = XlsxWorkbook.open(out.resolve("tables.xlsx"))) {
            for (int ti = 0; ti < tables.size(); ti++) {
                Map<Integer, XlsxRow> rows = new HashMap<>();
                for (XlsxRow r : read(wb, names.get(ti))) {
                    rows.put(r.rowNumber(), r);
                }
                List<List<Shown>> grid = new ArrayList<>();
                for (int r = 0; r < tables.get(ti).rows().size(); r++) {
                    XlsxRow row = rows.get(Xlsx.FIRST_BODY_ROW + r + 1);
                    List<Shown> cells = new ArrayList<>();
                    for (int c = 0; c < tables.get(ti).columns().size(); c++) {
                        XlsxCell cell = row == null ? null : row.cell(c);
                        cells.add(cell == null ? null : new Shown(cell.text(), cell.kind() == XlsxCell.Kind.NUMBER));
                    }
                    grid.add(cells);
                }
                grids.add(grid);
            }
        }
        return grids;
    }

    /**
     * The problems of the report's tables, cell by cell: every cell the tables read from a withheld row must be the
     * withheld mark in the content, x in each language's HTML table at its position, and the text x in the workbook's
     * sheet at its position (never a number, never the raw value); every cell read from a published row must show
     * that row's figure (formatted for the language in the HTML, the number itself in the workbook). {@code checked}
     * receives the number of withheld positions checked.
     */
    private static List<String> cellProblems(List<Doc.Table> tables, Map<Lang, List<Map.Entry<String, List<List<String>>>>> html,
                                             List<List<List<Shown>>> xlsx, long[] checked) {
        Map<String, IndicatorValue> published = byCell(fx.published.values());
        Map<String, IndicatorValue> raw = byCell(fx.raw.values());
        List<String> problems = new ArrayList<>();
        for (Lang l : html.keySet()) {
            if (!html.get(l).stream().map(Map.Entry::getKey).toList().equals(tables.stream().map(Doc.Table::id).toList())) {
                problems.add(l + " HTML: the tables are not the report's tables in order");
                return problems;
            }
        }
        for (int ti = 0; ti < tables.size(); ti++) {
            Doc.Table t = tables.get(ti);
            for (int r = 0; r < t.rows().size(); r++) {
                for (int c = 0; c < t.rows().get(r).size(); c++) {
                    Doc.Cell cell = t.rows().get(r).get(c);
                    Doc.Source src = cell instanceof Doc.Num n ? n.source() : cell instanceof Doc.Withheld w ? w.source() : null;
                    String where = t.id() + " row " + (r + 1) + " column " + (c + 1) + " (" + src + ")";
                    if (cell instanceof Doc.Withheld && src == null) {
                        problems.add(where + ": a withheld mark without its source");
                    }
                    if (src == null) {
                        continue;
                    }
                    String k = cellKey(src.indicator(), src.period(), src.group(), src.breakdown(), src.category());
                    IndicatorValue p = published.get(k);
                    if (p == null) {
                        problems.add(where + ": no such published row");
                        continue;
                    }
                    IndicatorValue rv = raw.get(k);
                    BigDecimal secret = rv == null ? null : field(rv, src.field());
                    Set<String> secretForms = forms(secret);
                    Doc.Style style = cell instanceof Doc.Num n && n.style() != null ? n.style() : t.columns().get(c).style();
                    Shown x = xlsx.get(ti).get(r).get(c);
                    if (p.suppressed()) {
                        checked[0]++;
                        if (!(cell instanceof Doc.Withheld)) {
                            problems.add("content: " + where + " is withheld but the table holds " + cell);
                        }
                        for (Lang l : html.keySet()) {
                            String shown = html.get(l).get(ti).getValue().get(r).get(c);
                            if (!shown.equals("x")) {
                                problems.add(l + " HTML: " + where + " is withheld but shows '" + shown + "'"
                                    + (secretForms.contains(shown) ? ": the withheld value" : ""));
                            }
                        }
                        if (x == null || x.number() || !x.text().equals("x")) {
                            problems.add("tables.xlsx: " + where + " is withheld but holds " + x
                                + (x != null && secret != null && x.number() && new BigDecimal(x.text()).compareTo(secret) == 0
                                ? ": the withheld value" : ""));
                        }
                    } else {
                        BigDecimal want = field(p, src.field());
                        if (!(cell instanceof Doc.Num n) || want == null || n.value().compareTo(want) != 0) {
                            problems.add("content: " + where + " holds " + cell + ", not the published " + want);
                            continue;
                        }
                        for (Lang l : html.keySet()) {
                            String shown = html.get(l).get(ti).getValue().get(r).get(c);
                            if (!shown.equals(Fmt.cell(l, style, want))) {
                                problems.add(l + " HTML: " + where + " shows '" + shown + "', not the published " + Fmt.cell(l, style, want));
                            }
                        }
                        if (x == null || !x.number() || new BigDecimal(x.text()).compareTo(want) != 0) {
                            problems.add("tables.xlsx: " + where + " holds " + x + ", not the published " + want);
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static Map<Lang, List<Map.Entry<String, List<List<String>>>>> htmlTablesByLang() {
        Map<Lang, List<Map.Entry<String, List<List<String>>>>> m = new java.util.EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            m.put(l, htmlTables(html.get(l)));
        }
        return m;
    }

    @Test
    void everyWithheldCellShowsTheMarkAtItsPlaceInTheHtmlAndTheWorkbook() throws Exception {
        List<Doc.Table> tables = docTables();
        long[] checked = {0};
        List<String> problems = cellProblems(tables, htmlTablesByLang(), sheets(tables), checked);
        assertThat(problems).as("cells of the report's tables").isEmpty();
        // not vacuous: the fixture's tables hold withheld cells, and every withheld row a table cites was checked
        assertThat(checked[0]).as("withheld positions checked").isGreaterThanOrEqualTo(3);
        System.err.printf("report: %d withheld table positions checked in 2 HTML pages and the workbook%n", checked[0]);
    }

    @Test
    void theCellCheckFindsAWithheldValueWrittenInItsPlace() throws Exception {
        List<Doc.Table> tables = docTables();
        Map<Lang, List<Map.Entry<String, List<List<String>>>>> pages = htmlTablesByLang();
        List<List<List<Shown>>> book = sheets(tables);
        Map<String, IndicatorValue> raw = byCell(fx.raw.values());
        // the first withheld cell with a raw value: write that value where the x is, as a leaking writer would
        for (int ti = 0; ti < tables.size(); ti++) {
            Doc.Table t = tables.get(ti);
            for (int r = 0; r < t.rows().size(); r++) {
                for (int c = 0; c < t.rows().get(r).size(); c++) {
                    if (!(t.rows().get(r).get(c) instanceof Doc.Withheld w)) {
                        continue;
                    }
                    Doc.Source s = w.source();
                    IndicatorValue rv = raw.get(cellKey(s.indicator(), s.period(), s.group(), s.breakdown(), s.category()));
                    BigDecimal secret = rv == null ? null : field(rv, s.field());
                    if (secret == null) {
                        continue;
                    }
                    Doc.Style style = t.columns().get(c).style();
                    pages.get(Lang.EN).get(ti).getValue().get(r).set(c, Fmt.cell(Lang.EN, style, secret));
                    book.get(ti).get(r).set(c, new Shown(secret.toPlainString(), true));
                    List<String> problems = cellProblems(tables, pages, book, new long[1]);
                    assertThat(problems).hasSize(2);
                    assertThat(problems.get(0)).startsWith("EN HTML: " + t.id() + " row " + (r + 1) + " column " + (c + 1))
                        .endsWith(": the withheld value");
                    assertThat(problems.get(1)).startsWith("tables.xlsx: " + t.id() + " row " + (r + 1)).endsWith(": the withheld value");
                    // and a table built with the value in the content
                    List<List<Doc.Cell>> rows = new ArrayList<>();
                    t.rows().forEach(x -> rows.add(new ArrayList<>(x)));
                    rows.get(r).set(c, new Doc.Num(secret, null, s));
                    List<Doc.Table> leaky = new ArrayList<>(tables);
                    leaky.set(ti, new Doc.Table(t.id(), t.title(), t.columns(), rows, t.note(), t.indicators()));
                    assertThat(cellProblems(leaky, htmlTablesByLang(), sheets(tables), new long[1]))
                        .containsExactly("content: " + t.id() + " row " + (r + 1) + " column " + (c + 1) + " (" + s + ") is withheld but the "
                            + "table holds " + rows.get(r).get(c));
                    return;
                }
            }
        }
        throw new AssertionError("the fixture's tables hold no withheld cell with a raw value");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path dir = tmp.resolve("again");
        Files.createDirectories(dir);
        Path existing = dir.resolve("tables.xlsx");
        Files.writeString(existing, "mine");
        Files.setLastModifiedTime(existing, FileTime.fromMillis(1_000_000L));
        ReportOptions o = ReportOptions.of(dir, List.of(Lang.EN)).withBlueprint(fx.blueprint).withSurvey(fx.survey).withPdf(false);
        assertThatThrownBy(() -> Report.write(fx.published, fx.catalogue, o)).isInstanceOf(HaiguiException.class)
            .hasMessageContaining(existing.toString()).hasMessageContaining("--force");
        assertThat(Files.readString(existing)).isEqualTo("mine");
        assertThat(Files.exists(dir.resolve("report.html"))).isFalse();
        Report.write(fx.published, fx.catalogue, o.withForce(true));
        assertThat(Files.size(existing)).isGreaterThan(1000);
        assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)).contains("Key findings");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "tables.xlsx");
        }
    }

    /**
     * The HTML as a reader sees it: opened from the file in headless Chromium (no network: the file
     * is self-contained), the embedded font in use, every chart drawn; a full-page screenshot of
     * each language is kept under target/screenshots. Skipped where Chromium is not installed
     * (.ci/run installs it).
     */
    @Test
    void theHtmlRendersInARealBrowserWithItsOwnFont() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverPath = Path.of("/usr/bin/chromedriver");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverPath),
            "chromium and chromium-driver are not installed");
        org.openqa.selenium.chrome.ChromeOptions o = new org.openqa.selenium.chrome.ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1400");
        org.openqa.selenium.chrome.ChromeDriver driver = new org.openqa.selenium.chrome.ChromeDriver(
            new org.openqa.selenium.chrome.ChromeDriverService.Builder().usingDriverExecutable(driverPath.toFile()).build(), o);
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            for (Lang l : Lang.values()) {
                driver.get(out.resolve("report." + l.code() + ".html").toUri().toString());
                Object fontReady = driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "document.fonts.ready.then(() => done(document.fonts.check('16px \"Noto Sans SC\"', '海归')"
                        + " && [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Noto Sans SC' && f.status === 'loaded')));");
                assertThat(fontReady).as("the embedded font is loaded (%s)", l).isEqualTo(true);
                Number charts = (Number) driver.executeScript("return document.querySelectorAll('svg').length;");
                assertThat(charts.intValue()).as("charts drawn (%s)", l).isGreaterThanOrEqualTo(5);
                Number drawn = (Number) driver.executeScript(
                    "return [...document.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 100).length;");
                assertThat(drawn.intValue()).as("charts laid out with a width (%s)", l).isEqualTo(charts.intValue());
                Object title = driver.executeScript("return document.querySelector('h1') && document.querySelector('h1').textContent;");
                assertThat(String.valueOf(title)).isNotBlank();
                byte[] png = ((org.openqa.selenium.chrome.ChromeDriver) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                Files.write(shots.resolve("report-" + l.code() + ".png"), png);
            }
        } finally {
            driver.quit();
        }
    }
}
