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
 * published figures, and no withheld value in the HTML, the PDF's extracted text or the workbook.
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
