package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haigui.ingest.xlsx.XlsxTestSupport.inline;
import static org.haigui.ingest.xlsx.XlsxTestSupport.num;
import static org.haigui.ingest.xlsx.XlsxTestSupport.row;
import static org.haigui.ingest.xlsx.XlsxTestSupport.rows;
import static org.haigui.ingest.xlsx.XlsxTestSupport.shared;
import static org.haigui.ingest.xlsx.XlsxTestSupport.styled;

import java.io.IOException;
import java.nio.file.Path;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxCellValuesTest {

    @TempDir
    Path dir;

    @Test
    void sharedInlineAndRichTextStringsIncludingChinese() throws IOException {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + XlsxFixture.MAIN_NS + "\" count=\"5\" uniqueCount=\"5\">"
                + "<si><t>plain</t></si>"
                + "<si><r><t>Rich </t></r><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\">text </t></r><r><t>run</t></r></si>"
                + "<si><t>张伟</t><rPh sb=\"0\" eb=\"2\"><t>ZHANG WEI</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t>line one_x000D_&#10;line two, a_x005F_x0041_b</t></si>"
                + "<si><t>   </t></si>"
                + "</sst>";
        Path file = new XlsxFixture().sharedStringsXml(sst)
                .sheet("persons", row(1, shared("A1", 0), shared("B1", 1), shared("C1", 2), shared("D1", 3), shared("E1", 4),
                        inline("F1", "上海市浦东新区"),
                        "<c r=\"G1\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c>",
                        inline("H1", "=SUM(A1:A3)"), inline("I1", "\u3000 ")))
                .write(dir.resolve("strings.xlsx"));

        assertThat(rows(file, "persons")).containsExactly(
                "1: A=STRING:plain | B=STRING:Rich text run | C=STRING:张伟 | D=STRING:line one\r\nline two, a_x0041_b"
                        + " | F=STRING:上海市浦东新区 | G=STRING:inline | H=STRING:=SUM(A1:A3)");
    }

    @Test
    void numbersAreShortestPlainDecimals() throws IOException {
        Path file = new XlsxFixture()
                .sheet("n", row(1, num("A1", "42"), num("B1", "42.0"), num("C1", "1E-7"), num("D1", "-3.50"), num("E1", "0.1"),
                        num("F1", "-0"), num("G1", "1.5E+20"), num("H1", "123456789012345"), num("I1", "007"),
                        num("J1", "0.30000000000000004"), num("K1", "abc")))
                .write(dir.resolve("numbers.xlsx"));

        assertThat(rows(file, "n")).containsExactly(
                "1: A=NUMBER:42 | B=NUMBER:42 | C=NUMBER:0.0000001 | D=NUMBER:-3.5 | E=NUMBER:0.1 | F=NUMBER:0"
                        + " | G=NUMBER:150000000000000000000 | H=NUMBER:123456789012345 | I=NUMBER:7"
                        + " | J=NUMBER:0.30000000000000004 | K=ERROR:not a number: abc");
    }

    @Test
    void datesIn1900SystemIncludingTheLeapYearBug() throws IOException {
        Path file = new XlsxFixture().styles(XlsxFixture.STYLES)
                .sheet("d", row(1, styled("A1", 1, "1"), styled("B1", 1, "59"), styled("C1", 1, "60"), styled("D1", 1, "61"),
                                styled("E1", 1, "45658"), styled("F1", 1, "45658.75"))
                        + row(2, styled("A2", 2, "45658.5"), styled("B2", 2, "45658"), styled("C2", 3, "45292"), styled("D2", 5, "1.5"),
                                styled("E2", 8, "45292"), styled("F2", 2, "45658.99999999"))
                        + row(3, styled("A3", 4, "45658"), styled("B3", 6, "45658"), styled("C3", 7, "45658"), styled("D3", 0, "45658"),
                                styled("E3", 9, "45658"), styled("F3", 99, "45658"))
                        + row(4, styled("A4", 1, "-1"), styled("B4", 1, "3000000"), styled("C4", 1, "0"), styled("D4", 2, "0.25")))
                .write(dir.resolve("dates1900.xlsx"));

        assertThat(rows(file, "d")).containsExactly(
                // 59 is the last true date before Lotus's 29 February 1900; 60 is shown as Excel shows it
                "1: A=DATE:1900-01-01 | B=DATE:1900-02-28 | C=DATE:1900-02-29 | D=DATE:1900-03-01 | E=DATE:2025-01-01 | F=DATE:2025-01-01",
                "2: A=DATE:2025-01-01T12:00:00 | B=DATE:2025-01-01 | C=DATE:2024-01-01 | D=DATE:1900-01-01T12:00:00"
                        + " | E=DATE:2024-01-01 | F=DATE:2025-01-02",
                // custom non-date formats, built-in #,##0.00, General, text (@), unknown style
                "3: A=NUMBER:45658 | B=NUMBER:45658 | C=NUMBER:45658 | D=NUMBER:45658 | E=NUMBER:45658 | F=NUMBER:45658",
                "4: A=ERROR:date serial -1 is outside Excel's dates | B=ERROR:date serial 3000000 is outside Excel's dates"
                        + " | C=DATE:1899-12-31 | D=DATE:1899-12-31T06:00:00");
    }

    @Test
    void datesIn1904System() throws IOException {
        Path file = new XlsxFixture().styles(XlsxFixture.STYLES).date1904()
                .sheet("d", row(1, styled("A1", 1, "0"), styled("B1", 1, "1"), styled("C1", 1, "60"), styled("D1", 1, "44196"),
                        styled("E1", 2, "44196.5")))
                .write(dir.resolve("dates1904.xlsx"));

        assertThat(rows(file, "d")).containsExactly(
                "1: A=DATE:1904-01-01 | B=DATE:1904-01-02 | C=DATE:1904-03-01 | D=DATE:2025-01-01 | E=DATE:2025-01-01T12:00:00");
    }

    @Test
    void isoDateCellsOfTypeD() throws IOException {
        Path file = new XlsxFixture()
                .sheet("d", row(1, "<c r=\"A1\" t=\"d\"><v>2024-02-29</v></c>", "<c r=\"B1\" t=\"d\"><v>2024-02-29T13:45:10</v></c>",
                        "<c r=\"C1\" t=\"d\"><v>2024-02-29T00:00:00Z</v></c>", "<c r=\"D1\" t=\"d\"><v>yesterday</v></c>"))
                .write(dir.resolve("isodates.xlsx"));

        assertThat(rows(file, "d")).containsExactly(
                "1: A=DATE:2024-02-29 | B=DATE:2024-02-29T13:45:10 | C=DATE:2024-02-29 | D=ERROR:not an ISO date: yesterday");
    }

    @Test
    void formulasTakeTheCachedValueAndAreNeverEvaluated() throws IOException {
        Path file = new XlsxFixture().styles(XlsxFixture.STYLES).sharedStrings("=1+1")
                .sheet("f", row(1,
                        "<c r=\"A1\"><f>1+1</f><v>2</v></c>",
                        "<c r=\"B1\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab</v></c>",
                        "<c r=\"C1\"><f>NOW()</f></c>",
                        "<c r=\"D1\" t=\"str\"><f>A1&amp;\"\"</f></c>",
                        "<c r=\"E1\" t=\"b\"><f>1=1</f><v>1</v></c>",
                        "<c r=\"F1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>",
                        "<c r=\"G1\" s=\"1\"><f>DATE(2024,1,1)</f><v>45292</v></c>",
                        "<c r=\"H1\" t=\"str\"><f>\"\"</f><v></v></c>",
                        "<c r=\"I1\"><f t=\"shared\" ref=\"I1:I2\" si=\"0\">A1*2</f><v>4</v></c>",
                        shared("J1", 0)))
                .write(dir.resolve("formulas.xlsx"));

        assertThat(rows(file, "f")).containsExactly(
                "1: A=NUMBER:2 | B=STRING:ab | C=ERROR:formula without a cached value | D=ERROR:formula without a cached value"
                        + " | E=BOOLEAN:true | F=ERROR:#DIV/0! | G=DATE:2024-01-01 | I=NUMBER:4 | J=STRING:=1+1");
    }

    @Test
    void booleansAndErrors() throws IOException {
        Path file = new XlsxFixture()
                .sheet("b", row(1, "<c r=\"A1\" t=\"b\"><v>1</v></c>", "<c r=\"B1\" t=\"b\"><v>0</v></c>", "<c r=\"C1\" t=\"b\"><v>2</v></c>",
                        "<c r=\"D1\" t=\"e\"><v>#N/A</v></c>", "<c r=\"E1\" t=\"e\"><v>#REF!</v></c>", "<c r=\"F1\" t=\"x\"><v>1</v></c>"))
                .write(dir.resolve("bool.xlsx"));

        assertThat(rows(file, "b")).containsExactly(
                "1: A=BOOLEAN:true | B=BOOLEAN:false | C=ERROR:not a boolean: 2 | D=ERROR:#N/A | E=ERROR:#REF! | F=ERROR:unknown cell type t=\"x\"");
    }

    @Test
    void aSharedStringIndexOutOfRangeIsAnInputError() throws IOException {
        Path file = new XlsxFixture().sharedStrings("only")
                .sheet("s", row(3, shared("B3", 5)))
                .write(dir.resolve("badindex.xlsx"));

        assertThatThrownBy(() -> rows(file, "s"))
                .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT))
                .hasMessageContaining("badindex.xlsx").hasMessageContaining("sheet s").hasMessageContaining("cell B3")
                .hasMessageContaining("shared string 5");
    }

    @Test
    void dateFormatCodes() {
        assertThat(Styles.kindOfCode("yyyy-mm-dd")).isEqualTo(Styles.DATE);
        assertThat(Styles.kindOfCode("d/m/yy h:mm")).isEqualTo(Styles.DATE_TIME);
        assertThat(Styles.kindOfCode("[$-F800]dddd, mmmm dd, yyyy")).isEqualTo(Styles.DATE);
        assertThat(Styles.kindOfCode("[h]:mm")).isEqualTo(Styles.DATE_TIME);
        assertThat(Styles.kindOfCode("General")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOfCode("#,##0.00_);[Red](#,##0.00)")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOfCode("0.00\" hrs\"")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOfCode("\\d0")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOfCode("0.00E+00")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOfCode("_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOfCode("yyyy\"年\"m\"月\"d\"日\"")).isEqualTo(Styles.DATE);
        assertThat(Styles.kindOfCode("@")).isEqualTo(Styles.NOT_DATE);
        // a custom definition of a built-in id wins over the built-in meaning
        assertThat(Styles.kindOf(14, null)).isEqualTo(Styles.DATE);
        assertThat(Styles.kindOf(14, "0.00")).isEqualTo(Styles.NOT_DATE);
        assertThat(Styles.kindOf(22, null)).isEqualTo(Styles.DATE_TIME);
        assertThat(Styles.kindOf(49, null)).isEqualTo(Styles.NOT_DATE);
    }
}
