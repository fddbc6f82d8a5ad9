package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SheetBytes}, the fast path of {@link XlsxSheetReader}, against the StAX path on generated
 * sheets: every row, warning, blank-row count and error must be the same either way, and the sheets
 * in the fast path's form must be read by it to the end (else the comparison would prove nothing).
 */
class SheetBytesTest {

    @TempDir
    Path dir;

    @AfterEach
    void fastAgain() {
        XlsxSheetReader.FAST = true;
    }

    /** One reading of a sheet: its rows, then its warnings and blank rows, or the error that ended it. */
    private record Reading(List<String> lines, boolean fellBack) {}

    private Reading read(Path file, boolean fast) {
        XlsxSheetReader.FAST = fast;
        List<String> lines = new ArrayList<>();
        boolean fellBack = false;
        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("s")) {
            try {
                XlsxRow row;
                while ((row = r.next()) != null) {
                    lines.add(XlsxTestSupport.render(row));
                }
                lines.add("blank " + r.blankRowsSkipped());
                lines.addAll(r.warnings());
            } catch (HaiguiException e) {
                lines.add("error " + e.kind() + ": " + e.getMessage());
            } finally {
                fellBack = r.fellBack;
            }
        } catch (HaiguiException e) {
            lines.add("open error " + e.kind() + ": " + e.getMessage());
        } finally {
            XlsxSheetReader.FAST = true;
        }
        return new Reading(lines, fellBack);
    }

    @Test
    void theFastPathReadsAsStaxDoesOnGeneratedSheets() throws IOException {
        int plain = 0;
        int plainFast = 0;
        int fellBack = 0;
        int errors = 0;
        for (int seed = 0; seed < 600; seed++) {
            Random rnd = new Random(seed);
            Gen g = new Gen(rnd, seed % 3 == 0 ? 0 : 0.06, seed % 7 == 0);
            byte[] xml = g.sheet();
            Path file = new XlsxFixture().sharedStrings("甲", "b", " ", "x&y").styles(XlsxFixture.STYLES)
                    .rawSheet("s", new String(xml, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1)
                    .write(dir.resolve("g" + seed + ".xlsx"));
            Reading stax = read(file, false);
            Reading fast = read(file, true);
            assertThat(fast.lines()).as("seed %d:\n%s", seed, new String(xml, StandardCharsets.UTF_8)).isEqualTo(stax.lines());
            if (!g.odd) {
                plain++;
                if (!fast.fellBack()) {
                    plainFast++;
                }
            }
            fellBack += fast.fellBack() ? 1 : 0;
            errors += stax.lines().stream().anyMatch(l -> l.startsWith("error")) ? 1 : 0;
        }
        System.out.printf("plain %d, fast %d, fell back %d, errors %d%n", plain, plainFast, fellBack, errors);
        // a sheet with nothing odd is read by the fast path alone; the others exercise the fall back and the errors
        assertThat(plainFast).isEqualTo(plain).isGreaterThan(150);
        assertThat(fellBack).isGreaterThan(100);
        assertThat(errors).isGreaterThan(50);
    }

    @Test
    void aPlainSheetIsReadByTheFastPathAndAnOddOneAgainByStax() throws IOException {
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&#x4E2D;a&amp;b</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>12.50</v></c></row>";
        Path plain = new XlsxFixture().sharedStrings("甲").sheet("s", rows).write(dir.resolve("plain.xlsx"));
        Reading r = read(plain, true);
        assertThat(r.fellBack()).isFalse();
        assertThat(r.lines()).containsExactly("1: A=STRING:中a&b | B=STRING:甲", "3: A=NUMBER:12.5", "blank 1");

        // a comment in row 3: rows 1 is not returned twice, row 3 comes from StAX
        Path odd = new XlsxFixture().sharedStrings("甲").sheet("s", rows.replace("<v>12.50</v>", "<!-- note --><v>12.50</v>"))
                .write(dir.resolve("odd.xlsx"));
        Reading o = read(odd, true);
        assertThat(o.fellBack()).isTrue();
        assertThat(o.lines()).isEqualTo(r.lines());
    }

    @Test
    void aLongPartBeforeSheetDataIsReadWhole() throws IOException {
        // about 300 KB of column definitions before sheetData: the first read runs far past its start tag
        StringBuilder cols = new StringBuilder("<cols>");
        for (int i = 1; i <= 6000; i++) {
            cols.append("<col min=\"").append(i).append("\" max=\"").append(i).append("\" width=\"12.5\" customWidth=\"1\"/>");
        }
        cols.append("</cols>");
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 3000; r++) {
            rows.append(XlsxTestSupport.row(r, XlsxTestSupport.inline("A" + r, "v" + r)));
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + XlsxFixture.MAIN_NS + "\">" + cols
                + "<sheetData>" + rows + "</sheetData></worksheet>";
        Path file = new XlsxFixture().rawSheet("s", xml, StandardCharsets.UTF_8).write(dir.resolve("cols.xlsx"));
        Reading fast = read(file, true);
        assertThat(fast.fellBack()).isFalse();
        assertThat(fast.lines()).hasSize(3001).startsWith("1: A=STRING:v1").isEqualTo(read(file, false).lines());

        // a stream that gives all it has at once: far more than the usual buffer is read past the start tag
        int[] seen = new int[2];
        SheetBytes.Sink sink = new SheetBytes.Sink() {
            @Override
            public int row(String r) {
                return Integer.parseInt(r);
            }

            @Override
            public void cell(int row, String ref, String type, String style) {
                seen[1]++;
            }

            @Override
            public void cellEnd(int row, String value, String inline, boolean formula) {
            }

            @Override
            public void rowEnd(int row) {
                seen[0] = row;
            }

            @Override
            public void chars(int row, int n) {
            }
        };
        SheetBytes bytes = SheetBytes.open(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink, "f", "p");
        assertThat(bytes).isNotNull();
        int got;
        while ((got = bytes.next()) == SheetBytes.ROW) {
            // rows to the end
        }
        assertThat(got).isEqualTo(SheetBytes.END);
        assertThat(seen).containsExactly(3000, 3000);
    }

    @Test
    void firstPassesMadeInTheBackgroundGiveTheSameRowsWarningsAndErrors() throws IOException {
        XlsxFixture fx = new XlsxFixture();
        for (int i = 0; i < 6; i++) {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 200 * (i + 1); r++) {
                rows.append(XlsxTestSupport.row(r, XlsxTestSupport.inline("A" + r, "v" + i + "-" + r), XlsxTestSupport.num("B" + r, String.valueOf(r))));
            }
            String after = i % 2 == 0 ? "<mergeCells count=\"2\"><mergeCell ref=\"A2:B3\"/><mergeCell ref=\"nonsense\"/></mergeCells>" : "";
            fx.sheet("s" + i, rows.toString(), after);
        }
        Path good = fx.write(dir.resolve("six.xlsx"));
        // a copy whose fourth sheet part is damaged inside its compressed bytes
        byte[] bytes = java.nio.file.Files.readAllBytes(good);
        int at = XlsxTestSupport.indexOf(bytes, "xl/worksheets/sheet3.xml".getBytes(StandardCharsets.US_ASCII)) + 60;
        for (int i = at; i < at + 12; i++) {
            bytes[i] ^= 0x5A;
        }
        Path bad = java.nio.file.Files.write(dir.resolve("six-bad.xlsx"), bytes);
        for (Path file : List.of(good, bad)) {
            List<String> plain = readAll(file, false);
            for (int round = 0; round < 5; round++) {
                assertThat(readAll(file, true)).as("%s, round %d", file.getFileName(), round).isEqualTo(plain);
            }
            if (file == bad) {
                assertThat(plain).anyMatch(l -> l.contains("error") && l.contains("sheet3.xml"));
            }
        }
    }

    @Test
    void sharedStringsReadFromTheBytesAreThoseStaxReads() throws IOException {
        int plain = 0;
        long fastBefore = SharedStrings.FAST_READS.get();
        for (int seed = 0; seed < 300; seed++) {
            Random rnd = new Random(1000 + seed);
            Gen g = new Gen(rnd, seed % 3 == 0 ? 0 : 0.05, seed % 5 == 0);
            byte[] sst = g.sst(1 + rnd.nextInt(20));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < g.items; i++) {
                rows.append(XlsxTestSupport.row(i + 1, "<c r=\"A" + (i + 1) + "\" t=\"s\"><v>" + i + "</v></c>"));
            }
            Path file = new XlsxFixture().sharedStringsXml(new String(sst, StandardCharsets.ISO_8859_1)).sheet("s", rows.toString())
                    .write(dir.resolve("sst" + seed + ".xlsx"));
            // the fixture writes the shared strings part as UTF-8: it is given the bytes as ISO-8859-1 text
            Reading stax = read(file, false);
            Reading fast = read(file, true);
            assertThat(fast.lines()).as("seed %d:\n%s", seed, new String(sst, StandardCharsets.UTF_8)).isEqualTo(stax.lines());
            plain += g.odd ? 0 : 1;
        }
        // every table without anything odd was read from the bytes (and the odd ones fell back or failed alike)
        assertThat(SharedStrings.FAST_READS.get() - fastBefore).isGreaterThanOrEqualTo(plain);
        assertThat(plain).isGreaterThan(80);
    }

    /** Every sheet of the workbook read in order (each opened twice, as an import does), its first passes begun in the background or not. */
    private static List<String> readAll(Path file, boolean prefetch) {
        List<String> out = new ArrayList<>();
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            if (prefetch) {
                wb.prefetchFirstPasses(wb.sheetNames());
            }
            for (int pass = 0; pass < 2; pass++) {
                for (String name : wb.sheetNames()) {
                    try (XlsxSheetReader r = wb.sheet(name)) {
                        out.add(name + ": " + XlsxTestSupport.render(r).size() + " rows, " + r.warnings());
                    } catch (HaiguiException e) {
                        out.add(name + ": error " + e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    /** Generates a sheet part: mostly the fast path's form, with odd things (for StAX) and errors at the given rate. */
    private static final class Gen {
        final Random rnd;
        final double oddRate;
        final boolean prefixed;
        /** Something the fast path does not take, or an error, was written. */
        boolean odd;
        final StringBuilder sb = new StringBuilder();

        Gen(Random rnd, double oddRate, boolean prefixed) {
            this.rnd = rnd;
            this.oddRate = oddRate;
            this.prefixed = prefixed;
        }

        private boolean odd() {
            if (rnd.nextDouble() < oddRate) {
                odd = true;
                return true;
            }
            return false;
        }

        private String p(String name) {
            return prefixed ? "x:" + name : name;
        }

        private String ws() {
            return switch (rnd.nextInt(8)) {
                case 0 -> " ";
                case 1 -> "\n  ";
                case 2 -> "\r\n";
                case 3 -> "\t";
                default -> "";
            };
        }

        private String q(String v) {
            return rnd.nextInt(5) == 0 ? "'" + v + "'" : "\"" + v + "\"";
        }

        private String eq() {
            return rnd.nextInt(6) == 0 ? " = " : "=";
        }

        byte[] sheet() {
            String ns = prefixed ? "xmlns:x" : "xmlns";
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<").append(p("worksheet")).append(' ').append(ns)
                    .append("=\"").append(XlsxFixture.MAIN_NS).append("\" xmlns:r=\"").append(XlsxFixture.REL_NS)
                    .append("\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">");
            sb.append("<").append(p("dimension")).append(" ref=\"A1:D9\"/>");
            if (rnd.nextInt(20) == 0) {
                sb.append("<!-- <sheetData> in a comment -->");
            }
            sb.append('<').append(p("sheetData")).append(rnd.nextInt(4) == 0 ? " " : "").append('>').append(ws());
            int rows = 1 + rnd.nextInt(12);
            int r = 0;
            for (int i = 0; i < rows; i++) {
                r += 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
                int number = r;
                if (odd() && rnd.nextBoolean()) {
                    number = Math.max(1, r - 2); // out of order
                }
                row(number, i);
                sb.append(ws());
            }
            if (odd() && rnd.nextInt(3) == 0) {
                return truncated();
            }
            sb.append("</").append(p("sheetData")).append('>');
            if (rnd.nextInt(5) == 0) {
                sb.append("<").append(p("mergeCells")).append(" count=\"1\"><").append(p("mergeCell")).append(" ref=\"A2:B3\"/></")
                        .append(p("mergeCells")).append(">");
            }
            sb.append("</").append(p("worksheet")).append('>');
            return bytes();
        }

        /** Shared string items counted by {@link #sst}. */
        int items;

        /** A shared strings part of n items: plain text, rich-text runs, phonetic runs, with odd things at the rate. */
        byte[] sst(int n) {
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<").append(p("sst")).append(' ')
                    .append(prefixed ? "xmlns:x" : "xmlns").append("=\"").append(XlsxFixture.MAIN_NS).append("\" count=\"").append(n)
                    .append("\" uniqueCount=\"").append(n).append("\">");
            for (int i = 0; i < n; i++) {
                items++;
                sb.append(ws());
                switch (rnd.nextInt(7)) {
                    case 0 -> sb.append('<').append(p("si")).append("/>");
                    case 1 -> sb.append('<').append(p("si")).append("><").append(p("t")).append("/></").append(p("si")).append('>');
                    case 2 -> {
                        sb.append('<').append(p("si")).append('>');
                        for (int r = 0; r < 1 + rnd.nextInt(3); r++) {
                            sb.append('<').append(p("r")).append('>');
                            if (rnd.nextBoolean()) {
                                sb.append('<').append(p("rPr")).append("><").append(p("b")).append("/><").append(p("sz"))
                                        .append(" val=\"11\"/>").append(ws()).append('<').append(p("rFont")).append(" val=\"宋体\"/></")
                                        .append(p("rPr")).append('>');
                            }
                            sb.append('<').append(p("t")).append(" xml:space=\"preserve\">").append(text()).append("</").append(p("t"))
                                    .append("></").append(p("r")).append('>');
                        }
                        sb.append("</").append(p("si")).append('>');
                    }
                    case 3 -> sb.append('<').append(p("si")).append("><").append(p("t")).append('>').append(text()).append("</")
                            .append(p("t")).append("><").append(p("rPh")).append(" sb=\"0\" eb=\"1\"><").append(p("t")).append(">かな</")
                            .append(p("t")).append("></").append(p("rPh")).append("><").append(p("phoneticPr")).append(" fontId=\"1\"/></")
                            .append(p("si")).append('>');
                    default -> sb.append('<').append(p("si")).append("><").append(p("t")).append('>').append(text()).append("</")
                            .append(p("t")).append("></").append(p("si")).append('>');
                }
                if (odd()) {
                    items++;
                    sb.append(switch (rnd.nextInt(8)) {
                        case 0 -> "<" + p("si") + "><!-- c --><" + p("t") + ">a</" + p("t") + "></" + p("si") + ">";
                        case 1 -> "<" + p("si") + ">loose<" + p("t") + ">a</" + p("t") + "></" + p("si") + ">";
                        case 2 -> "<" + p("si") + "><" + p("extLst") + "/><" + p("t") + ">a</" + p("t") + "></" + p("si") + ">";
                        case 3 -> "<" + p("si") + "><" + p("r") + "><" + p("r") + "><" + p("t") + ">a</" + p("t") + "></" + p("r") + "></" + p("r") + "></" + p("si") + ">";
                        case 4 -> "<" + p("si") + "><" + p("rPr") + "><q:b/></" + p("rPr") + "><" + p("t") + ">a</" + p("t") + "></" + p("si") + ">";
                        case 5 -> "<" + p("si") + "><" + p("rPr") + "><" + p("sz") + " val=\"1\" val=\"2\"/></" + p("rPr") + "></" + p("si") + ">";
                        case 6 -> "<" + p("si") + "><" + p("t") + "><![CDATA[x<y]]></" + p("t") + "></" + p("si") + ">";
                        default -> "<" + p("si") + "><" + p("t") + ">a</" + p("r") + "></" + p("si") + ">";
                    });
                }
            }
            sb.append("</").append(p("sst")).append('>');
            if (odd()) {
                sb.append(rnd.nextBoolean() ? "<!-- after -->" : "<x/>");
            } else if (rnd.nextBoolean()) {
                sb.append("\n");
            }
            if (odd() && rnd.nextInt(3) == 0) {
                return truncated();
            }
            return bytes();
        }

        private byte[] truncated() {
            byte[] all = bytes();
            return java.util.Arrays.copyOf(all, all.length - rnd.nextInt(Math.min(all.length / 3, 40)));
        }

        /** The text as UTF-8, with its odd bytes: U+E000 stands for 0xFF, U+E001 for a lone 0x80. */
        private byte[] bytes() {
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < b.length; i++) {
                if (i + 2 < b.length && (b[i] & 0xFF) == 0xEE && (b[i + 1] & 0xFF) == 0x80 && ((b[i + 2] & 0xFF) == 0x80 || (b[i + 2] & 0xFF) == 0x81)) {
                    out.write((b[i + 2] & 0xFF) == 0x80 ? 0xFF : 0x80);
                    i += 2;
                } else {
                    out.write(b[i]);
                }
            }
            return out.toByteArray();
        }

        private void row(int number, int i) {
            sb.append('<').append(p("row"));
            boolean withR = rnd.nextInt(6) != 0;
            List<String> attrs = new ArrayList<>();
            if (withR) {
                attrs.add("r" + eq() + q((rnd.nextInt(10) == 0 ? " " : "") + number));
            }
            if (rnd.nextBoolean()) {
                attrs.add("spans=\"1:4\"");
            }
            if (rnd.nextInt(3) == 0) {
                attrs.add("x14ac:dyDescent=\"0.25\"");
            }
            if (odd()) {
                switch (rnd.nextInt(6)) {
                    case 0 -> attrs.add("spans=\"1:2\""); // twice: not well formed if spans is there
                    case 1 -> attrs.add("y:foo=\"1\""); // an undeclared prefix
                    case 2 -> attrs.add("ht=\"1&amp;\"");
                    case 3 -> attrs.add("xmlns:z=\"http://z\"");
                    case 4 -> attrs.add("r=\"abc\"");
                    default -> attrs.add("customHeight=\"1\"" + "x=\"2\""); // no space between
                }
            }
            java.util.Collections.shuffle(attrs, rnd);
            for (String a : attrs) {
                sb.append(rnd.nextInt(8) == 0 ? "\n " : " ").append(a);
            }
            if (rnd.nextInt(12) == 0) {
                sb.append("/>");
                return;
            }
            sb.append(ws()).append('>');
            int cells = rnd.nextInt(5);
            int col = 0;
            for (int k = 0; k < cells; k++) {
                col += 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
                int c = col;
                if (odd() && rnd.nextInt(3) == 0) {
                    c = Math.max(1, col - 1); // a cell twice, or out of order
                }
                cell(number, c);
                sb.append(ws());
                if (odd() && rnd.nextInt(4) == 0) {
                    sb.append(rnd.nextBoolean() ? "<extLst><ext uri=\"u\"/></extLst>" : "<!-- between cells -->");
                }
            }
            String end = p("row");
            if (odd() && rnd.nextInt(3) == 0) {
                end = rnd.nextBoolean() ? end + "w" : p("rox"); // not the start tag's name
            }
            sb.append("</").append(end).append(ws()).append('>');
        }

        private void cell(int row, int col) {
            String ref = CellRefs.columnName(col - 1) + row;
            if (odd() && rnd.nextInt(4) == 0) {
                ref = switch (rnd.nextInt(4)) {
                    case 0 -> "ZZZZ" + row;
                    case 1 -> "A0";
                    case 2 -> "A\t" + row; // XML reads a tab in a value as a space
                    default -> "Ａ" + row; // outside ASCII
                };
            }
            sb.append('<').append(p("c"));
            List<String> attrs = new ArrayList<>();
            if (rnd.nextInt(7) != 0) {
                attrs.add("r" + eq() + q(ref));
            }
            int kind = rnd.nextInt(8);
            String type = switch (kind) {
                case 0 -> "inlineStr";
                case 1 -> "s";
                case 2 -> "str";
                case 3 -> "b";
                case 4 -> rnd.nextBoolean() ? "e" : "d";
                default -> null;
            };
            if (type != null) {
                attrs.add("t" + eq() + q(type));
            }
            if (rnd.nextInt(3) == 0) {
                attrs.add("s=" + q(String.valueOf(rnd.nextInt(10))));
            }
            if (odd() && rnd.nextInt(4) == 0) {
                attrs.add(rnd.nextBoolean() ? "x:t=\"s\"" : "t=\"n\"");
            }
            java.util.Collections.shuffle(attrs, rnd);
            for (String a : attrs) {
                sb.append(' ').append(a);
            }
            if (rnd.nextInt(10) == 0) {
                sb.append(rnd.nextBoolean() ? "/>" : " />");
                return;
            }
            sb.append('>');
            if (rnd.nextInt(6) == 0) {
                sb.append("<").append(p("f")).append(rnd.nextBoolean() ? "/>" : ">SUM(A1:B1)&gt;0</" + p("f") + ">");
            }
            switch (kind) {
                case 0 -> {
                    sb.append(ws()).append('<').append(p("is")).append('>');
                    int ts = rnd.nextInt(6) == 0 ? 2 : 1;
                    for (int t = 0; t < ts; t++) {
                        sb.append(ws()).append('<').append(p("t")).append(rnd.nextInt(3) == 0 ? " xml:space=\"preserve\"" : "").append('>')
                                .append(text()).append("</").append(p("t")).append('>');
                    }
                    if (odd() && rnd.nextInt(3) == 0) {
                        sb.append("<").append(p("r")).append("><").append(p("t")).append(">rich</").append(p("t")).append("></").append(p("r")).append(">");
                    }
                    sb.append("</").append(p("is")).append('>');
                }
                case 1 -> sb.append('<').append(p("v")).append('>').append(rnd.nextInt(12) == 0 ? "9" : String.valueOf(rnd.nextInt(4)))
                        .append("</").append(p("v")).append('>');
                case 3 -> sb.append('<').append(p("v")).append('>').append(rnd.nextBoolean() ? "1" : "0").append("</").append(p("v")).append('>');
                case 4 -> sb.append('<').append(p("v")).append('>').append(rnd.nextBoolean() ? "#N/A" : "2021-03-04").append("</").append(p("v")).append('>');
                default -> {
                    if (rnd.nextInt(8) == 0) {
                        sb.append('<').append(p("v")).append("/>");
                    } else {
                        String v = type == null
                                ? (rnd.nextBoolean() ? String.valueOf(rnd.nextInt(50000)) : rnd.nextInt(100) + "." + rnd.nextInt(1000))
                                : text();
                        sb.append('<').append(p("v")).append('>').append(v).append("</").append(p("v")).append('>');
                    }
                }
            }
            sb.append("</").append(odd() && rnd.nextInt(5) == 0 ? p("d") : p("c")).append('>');
        }

        private String text() {
            StringBuilder t = new StringBuilder();
            int n = rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                t.append(switch (rnd.nextInt(16)) {
                    case 0 -> "中文";
                    case 1 -> "&amp;";
                    case 2 -> "&lt;&gt;&quot;&apos;";
                    case 3 -> "&#x4E2D;&#20013;&#x1F600;";
                    case 4 -> " \t";
                    case 5 -> "\n";
                    case 6 -> "]]";
                    case 7 -> "_x000D__x005F_";
                    case 8 -> "😀é";
                    case 9 -> "　";
                    default -> "ab" + rnd.nextInt(100);
                });
            }
            if (odd()) {
                t.append(switch (rnd.nextInt(12)) {
                    case 0 -> "<!-- c -->";
                    case 1 -> "<![CDATA[<x>]]>";
                    case 2 -> "\r";
                    case 3 -> "&nbsp;";
                    case 4 -> "]]>";
                    case 5 -> "\u0001";
                    case 6 -> "\uE000"; // a 0xFF byte: not UTF-8
                    case 7 -> "\uE001"; // a lone continuation byte
                    case 8 -> "&#0;";
                    case 9 -> "<?pi x?>";
                    case 10 -> "&#xFFFE;";
                    default -> "<b>x</b>";
                });
            }
            return t.toString();
        }
    }
}
