package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haigui.ingest.xlsx.XlsxTestSupport.inline;
import static org.haigui.ingest.xlsx.XlsxTestSupport.num;
import static org.haigui.ingest.xlsx.XlsxTestSupport.render;
import static org.haigui.ingest.xlsx.XlsxTestSupport.row;
import static org.haigui.ingest.xlsx.XlsxTestSupport.rows;
import static org.haigui.ingest.xlsx.XlsxTestSupport.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxStructureTest {

    @TempDir
    Path dir;

    @Test
    void sheetNamesComeInWorkbookOrderWhateverThePartNames() throws IOException {
        Path file = new XlsxFixture()
                .sheet("persons", row(1, inline("A1", "p")))
                .sheet("企业", row(1, inline("A1", "e")))
                .sheet("survey", row(1, inline("A1", "s")))
                .write(dir.resolve("names.xlsx"));

        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            assertThat(wb.sheetNames()).containsExactly("persons", "企业", "survey");
            try (XlsxSheetReader r = wb.sheet("企业")) {
                assertThat(render(r.next())).isEqualTo("1: A=STRING:e");
                assertThat(r.next()).isNull();
            }
            assertThatThrownBy(() -> wb.sheet("missing"))
                    .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.NOT_FOUND))
                    .hasMessageContaining("names.xlsx").hasMessageContaining("missing").hasMessageContaining("persons");
        }
    }

    @Test
    void absoluteRelationshipTargetsAndPrefixedElements() throws IOException {
        XlsxFixture fx = new XlsxFixture().absoluteTargets().prefix("x").sharedStrings("甲", "乙");
        Path file = fx.sheet("t",
                        "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"B2\"><x:v>7</x:v></x:c></x:row>"
                                + "<x:row r=\"3\"><x:c r=\"A3\" t=\"s\"><x:v>0</x:v></x:c></x:row>",
                        "<x:mergeCells count=\"1\"><x:mergeCell ref=\"B2:B3\"/></x:mergeCells>")
                .write(dir.resolve("abs.xlsx"));

        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("t")) {
            assertThat(XlsxTestSupport.render(r)).containsExactly("2: A=STRING:乙 | B=NUMBER:7", "3: A=STRING:甲 | B=NUMBER:7");
            assertThat(r.warnings()).containsExactly("sheet t: merged cells B2:B3, the value of B2 is used for every cell of the range");
        }
    }

    @Test
    void strictOpenXmlNamespacesAndRelationshipTypes() throws IOException {
        Path file = new XlsxFixture().strict().sharedStrings("严格").styles(XlsxFixture.STYLES)
                .sheet("strict", row(1, shared("A1", 0), "<c r=\"B1\" s=\"1\"><v>45292</v></c>"))
                .write(dir.resolve("strict.xlsx"));
        assertThat(rows(file, "strict")).containsExactly("1: A=STRING:严格 | B=DATE:2024-01-01");
    }

    @Test
    void aZip64ArchiveWithManyEntriesIsRead() throws IOException {
        // more than 65,535 entries make ZipOutputStream write the zip64 end records
        XlsxFixture fx = new XlsxFixture().sheet("s", row(1, num("A1", "64")));
        for (int i = 0; i < 66_000; i++) {
            fx.part("xl/media/m" + i + ".txt", "");
        }
        Path file = fx.write(dir.resolve("zip64.xlsx"));
        assertThat(rows(file, "s")).containsExactly("1: A=NUMBER:64");
    }

    @Test
    void mergedCellsFillDownAndAcrossWithOneWarningPerRange() throws IOException {
        Path file = new XlsxFixture().sharedStrings("Returnee records 2024", "研发部", "Alice", "Bob", "Chen")
                .sheet("persons",
                        row(1, shared("A1", 0), "<c r=\"B1\" s=\"3\"/>", "<c r=\"C1\" s=\"3\"/>")
                                + row(2, shared("A2", 2), shared("B2", 1))
                                + row(3, shared("A3", 3), "<c r=\"B3\" s=\"3\"/>")
                                // row 4 has no element at all: B4 still belongs to B2:B5
                                + row(5, shared("A5", 4), num("B5", "99"))
                                + row(6, num("A6", "1")),
                        "<mergeCells count=\"4\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B2:B5\"/>"
                                + "<mergeCell ref=\"D6:E8\"/><mergeCell ref=\"A7\"/></mergeCells>")
                .write(dir.resolve("merged.xlsx"));

        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("persons")) {
            assertThat(XlsxTestSupport.render(r)).containsExactly(
                    "1: A=STRING:Returnee records 2024 | B=STRING:Returnee records 2024 | C=STRING:Returnee records 2024",
                    "2: A=STRING:Alice | B=STRING:研发部",
                    "3: A=STRING:Bob | B=STRING:研发部",
                    "4: B=STRING:研发部",
                    // the hidden value 99 in B5 gives way to the top-left value, as Excel shows it
                    "5: A=STRING:Chen | B=STRING:研发部",
                    // D6:E8 has an empty top-left cell: nothing to fill, rows 7 and 8 stay blank
                    "6: A=NUMBER:1");
            assertThat(r.warnings()).containsExactly(
                    "sheet persons: merged cells A1:C1, the value of A1 is used for every cell of the range",
                    "sheet persons: merged cells B2:B5, the value of B2 is used for every cell of the range",
                    "sheet persons: merged cells D6:E8, the value of D6 is used for every cell of the range");
            assertThat(r.blankRowsSkipped()).isZero();
        }
    }

    @Test
    void hugeFilledMergesAreRefusedAndManyMergesSummedUpInTheWarnings() throws IOException {
        Path huge = new XlsxFixture().sheet("s", row(1, inline("A1", "title")), "<mergeCells><mergeCell ref=\"A1:XFD2000\"/></mergeCells>")
                .write(dir.resolve("hugemerge.xlsx"));
        assertThatThrownBy(() -> rows(huge, "s")).isInstanceOf(HaiguiException.class)
                .hasMessageContaining("hugemerge.xlsx").hasMessageContaining("A1:XFD2000").hasMessageContaining("20,000,000 cells");

        StringBuilder merges = new StringBuilder("<mergeCells>");
        for (int r = 1; r <= 1500; r++) {
            merges.append("<mergeCell ref=\"A").append(r).append(":B").append(r).append("\"/>");
        }
        merges.append("<mergeCell ref=\"nonsense\"/></mergeCells>");
        Path many = new XlsxFixture().sheet("s", row(1, num("A1", "1")), merges.toString()).write(dir.resolve("manymerges.xlsx"));
        try (XlsxWorkbook wb = XlsxWorkbook.open(many); XlsxSheetReader r = wb.sheet("s")) {
            assertThat(r.warnings()).hasSize(1002)
                    .contains("sheet s: merged cells 'nonsense' is not a range this reader understands; it is ignored")
                    .contains("sheet s: 500 more merged ranges, each filled with the value of its top-left cell (not listed one by one)");
            assertThat(XlsxTestSupport.render(r)).containsExactly("1: A=NUMBER:1 | B=NUMBER:1");
        }
    }

    @Test
    void mergeScannerIgnoresLookAlikesInCommentsCdataAndAttributeValues() throws IOException {
        Path file = new XlsxFixture()
                .sheet("s", row(1, inline("A1", "<mergeCell ref=\"A1:A3\"/>"), num("B1", "5")) + row(3, num("A3", "1")),
                        "<!-- <mergeCell ref=\"B1:B3\"/> --><extLst><ext uri=\"x>y\"><![CDATA[<mergeCell ref=\"A1:A2\"/>]]></ext></extLst>")
                .write(dir.resolve("lookalikes.xlsx"));

        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("s")) {
            assertThat(XlsxTestSupport.render(r)).containsExactly("1: A=STRING:<mergeCell ref=\"A1:A3\"/> | B=NUMBER:5", "3: A=NUMBER:1");
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void aUtf16SheetIsReadAndItsMergesFound() throws IOException {
        XlsxFixture fx = new XlsxFixture();
        String xml = fx.sheetXml(row(1, inline("A1", "宽")) + row(2, inline("B2", "x")), "<mergeCells><mergeCell ref=\"A1:A2\"/></mergeCells>")
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        Path file = fx.rawSheet("u", xml, StandardCharsets.UTF_16).write(dir.resolve("utf16.xlsx"));

        assertThat(rows(file, "u")).containsExactly("1: A=STRING:宽", "2: A=STRING:宽 | B=STRING:x");
    }

    @Test
    void blankRowsAreCountedNotReturned() throws IOException {
        Path file = new XlsxFixture().sharedStrings("", "   ")
                .sheet("s", row(3, inline("A3", "person_id"))
                        + "<row r=\"4\" spans=\"1:3\" ht=\"20\" customHeight=\"1\"/>"
                        + row(5, "<c r=\"A5\" s=\"1\"/>", shared("B5", 0), shared("C5", 1), inline("D5", " "))
                        + row(8, inline("A8", "P1"))
                        + "<row r=\"12\"/>")
                .write(dir.resolve("blank.xlsx"));

        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("s")) {
            assertThat(render(r.next())).isEqualTo("3: A=STRING:person_id");
            assertThat(r.blankRowsSkipped()).isEqualTo(2); // rows 1 and 2
            assertThat(render(r.next())).isEqualTo("8: A=STRING:P1");
            assertThat(r.blankRowsSkipped()).isEqualTo(6); // + 4, 5, 6, 7
            assertThat(r.next()).isNull();
            assertThat(r.blankRowsSkipped()).isEqualTo(10); // + 9, 10, 11, 12
        }
    }

    @Test
    void missingRowAndCellReferencesAreCounted() throws IOException {
        Path file = new XlsxFixture()
                .sheet("s", "<row><c><v>1</v></c><c><v>2</v></c></row>"
                        + "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c r=\"D2\"><v>4</v></c><c><v>5</v></c></row>"
                        + "<row r=\"5\"><c r=\"B5\"><v>6</v></c></row>"
                        + "<row><c><v>7</v></c></row>")
                .write(dir.resolve("nor.xlsx"));

        assertThat(rows(file, "s")).containsExactly(
                "1: A=NUMBER:1 | B=NUMBER:2", "2: A=STRING:a | D=NUMBER:4 | E=NUMBER:5", "5: B=NUMBER:6", "6: A=NUMBER:7");
    }

    @Test
    void cellsOutOfOrderInARowAreSortedAndRowsOutOfOrderRefused() throws IOException {
        Path sorted = new XlsxFixture().sheet("s", row(1, num("C1", "3"), num("A1", "1"))).write(dir.resolve("sorted.xlsx"));
        assertThat(rows(sorted, "s")).containsExactly("1: A=NUMBER:1 | C=NUMBER:3");

        Path bad = new XlsxFixture().sheet("s", row(5, num("A5", "1")) + row(3, num("A3", "1"))).write(dir.resolve("order.xlsx"));
        try (XlsxWorkbook wb = XlsxWorkbook.open(bad); XlsxSheetReader r = wb.sheet("s")) {
            assertThat(render(r.next())).isEqualTo("5: A=NUMBER:1");
            assertThatThrownBy(r::next).isInstanceOf(HaiguiException.class)
                    .hasMessageContaining("order.xlsx").hasMessageContaining("row 3 comes after row 5");
            // and keeps saying so
            assertThatThrownBy(r::next).isInstanceOf(HaiguiException.class).hasMessageContaining("row 3 comes after row 5");
        }
    }

    @Test
    void columnsBeyondTheLimitAreRefused() throws IOException {
        Path file = new XlsxFixture().sheet("s", row(1, num("A1", "1"), num("XFE1", "2"))).write(dir.resolve("wide.xlsx"));
        assertThatThrownBy(() -> rows(file, "s"))
                .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT))
                .hasMessageContaining("wide.xlsx").hasMessageContaining("XFE1").hasMessageContaining("16,384 columns");

        Path narrow = new XlsxFixture().sheet("s", row(1, num("A1", "1"), num("D1", "2"))).write(dir.resolve("narrow.xlsx"));
        XlsxLimits d = XlsxLimits.defaults();
        try (XlsxWorkbook wb = XlsxWorkbook.open(narrow, new XlsxLimits(d.maxEntryBytes(), d.maxRatio(), d.minBytesBeforeRatioCheck(), 3));
                XlsxSheetReader r = wb.sheet("s")) {
            assertThatThrownBy(r::next).isInstanceOf(HaiguiException.class).hasMessageContaining("D1").hasMessageContaining("3 columns");
        }
    }

    @Test
    void readersCanBeInterleavedAndAreClosedWithTheWorkbook() throws IOException {
        Path file = new XlsxFixture()
                .sheet("a", row(1, num("A1", "1")) + row(2, num("A2", "2")))
                .sheet("b", row(1, num("A1", "10")) + row(2, num("A2", "20")))
                .write(dir.resolve("two.xlsx"));
        XlsxSheetReader ra;
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            ra = wb.sheet("a");
            XlsxSheetReader rb = wb.sheet("b");
            assertThat(render(ra.next())).isEqualTo("1: A=NUMBER:1");
            assertThat(render(rb.next())).isEqualTo("1: A=NUMBER:10");
            assertThat(render(ra.next())).isEqualTo("2: A=NUMBER:2");
            assertThat(render(rb.next())).isEqualTo("2: A=NUMBER:20");
        }
        assertThat(ra.next()).isNull();
        assertThat(ra.warnings()).isEmpty();
    }
}
