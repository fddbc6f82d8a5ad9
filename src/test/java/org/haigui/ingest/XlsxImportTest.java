package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .xlsx through the whole import: sheets per table, Chinese names, merged cells, formulas, dates as numbers, bombs. */
class XlsxImportTest {

    @TempDir
    Path tmp;
    ImportHarness h;

    @BeforeEach
    void setUp() {
        h = new ImportHarness(tmp);
    }

    /** A minimal workbook written part by part, so the test controls cached formula values and styles. */
    static void miniXlsx(Path file, String sheetName, String sheetData, String extraAfterSheetData) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            put(z, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>");
            put(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
            put(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(z, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
            // style 0: general; style 1: a date format (numFmtId 14)
            put(z, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            put(z, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData
                + "</sheetData>" + extraAfterSheetData + "</worksheet>");
        }
    }

    private static void put(ZipOutputStream z, String name, String content) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    static String is(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    @Test
    void aRealisticWorkbookWithOneSheetPerTableAndChineseSheetNames() throws Exception {
        Path book = tmp.resolve("records.xlsx");
        try (OutputStream os = Files.newOutputStream(book)) {
            Workbook wb = new Workbook(os, "test", "1.0");
            Worksheet p = wb.newWorksheet("人员");
            p.value(0, 0, "人员编号");
            p.value(0, 1, "中文姓名");
            p.value(0, 2, "出生日期");
            p.value(0, 3, "专业领域");
            p.value(1, 0, "P1");
            p.value(1, 1, "张三");
            p.value(1, 2, LocalDate.of(1990, 3, 7));
            p.style(1, 2).format("yyyy-mm-dd").set();
            p.value(1, 3, 6);
            p.value(2, 0, "P2");
            p.value(2, 1, "=SUM(A1)");
            p.value(2, 2, 1985);
            Worksheet notes = wb.newWorksheet("说明");
            notes.value(0, 0, "not a table");
            Worksheet m = wb.newWorksheet("city_moves");
            m.value(0, 0, "move_id");
            m.value(0, 1, "person_id");
            m.value(0, 2, "date");
            m.value(0, 3, "event");
            m.value(0, 4, "district");
            m.value(1, 0, "M1");
            m.value(1, 1, "P1");
            m.value(1, 2, 43831); // 2020-01-01 as an Excel serial in a number cell
            m.value(1, 3, "来沪");
            m.value(1, 4, 310104);
            wb.finish();
        }
        ImportHarness.Run r = h.importPaths(book);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("sheet 说明: ignored (not named after a table)");
        assertThat(h.rows("SELECT person_id, name_zh, CAST(birth_date AS VARCHAR), field FROM persons ORDER BY 1")).containsExactly(
            List.of("P1", "张三", "1990-03-07", "06"), java.util.Arrays.asList("P2", "=SUM(A1)", "1985-01-01", null));
        assertThat(h.rows("SELECT CAST(date AS VARCHAR), event, district FROM city_moves"))
            .containsExactly(List.of("2020-01-01", "arrive", "310104"));
        assertThat(h.single("SELECT sheet FROM import_batches WHERE table_name = 'persons'")).isEqualTo("人员");
    }

    @Test
    void mergedCellsFormulasWithCachedValuesDatesAsNumbersAndATitleRow() throws Exception {
        Path book = tmp.resolve("moves.xlsx");
        String rows = "<row r=\"1\">" + is("A1", "2021年来沪人员登记") + "</row>"
            + "<row r=\"2\">" + is("A2", "move_id") + is("B2", "person_id") + is("C2", "date") + is("D2", "event") + is("E2", "district") + "</row>"
            + "<row r=\"3\">" + is("A3", "M1") + is("B3", "P1") + "<c r=\"C3\" s=\"1\"><v>44197</v></c>" + is("D3", "arrive")
            + "<c r=\"E3\"><f>310100+4</f><v>310104</v></c></row>"
            + "<row r=\"4\">" + is("A4", "M2") + is("B4", "P1") + "<c r=\"C4\" s=\"1\"><v>44198</v></c>" + is("D4", "leave") + "</row>"
            + "<row r=\"5\">" + is("A5", "M3") + is("B5", "P1") + "<c r=\"C5\"><f>DATE(2021,1,3)</f></c>" + is("D5", "arrive")
            + is("E5", "310104") + "</row>"
            + "<row r=\"6\">" + is("A6", "M4") + is("B6", "P1") + "<c r=\"C6\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>" + is("D6", "arrive")
            + is("E6", "310104") + "</row>";
        // E3:E4 merged: the district of row 3 applies to row 4 too
        miniXlsx(book, "city_moves", rows, "<mergeCells count=\"1\"><mergeCell ref=\"E3:E4\"/></mergeCells>");
        h.write("persons.csv", "person_id,name_zh\nP1,张三\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"), book);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("merged").contains("E3:E4");
        assertThat(h.rows("SELECT move_id, CAST(date AS VARCHAR), event, district FROM city_moves ORDER BY 1")).containsExactly(
            List.of("M1", "2021-01-01", "arrive", "310104"), List.of("M2", "2021-01-02", "leave", "310104"));
        String rej = Files.readString(tmp.resolve("city_moves.rejected.csv"));
        assertThat(rej).contains("row 5: ").contains("formula without a cached value");
        assertThat(rej).contains("row 6: column date (cell C6): Excel error #DIV/0!");
        assertThat(tmp.resolve("city_moves.rejected.xlsx")).exists();
    }

    @Test
    void aFileThatIsNotAWorkbookIsAFileError() throws Exception {
        Files.writeString(tmp.resolve("persons.xlsx"), "person_id,name_zh\nP1,张三\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.xlsx"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.xlsx");
        Files.write(tmp.resolve("empty.xlsx"), new byte[0]);
        assertThat(h.importPaths(tmp.resolve("empty.xlsx")).code()).isEqualTo(2);
    }

    @Test
    void aZipBombIsRefusedWithBoundedMemory() throws Exception {
        Path book = tmp.resolve("bomb.xlsx");
        miniXlsx(book, "persons", "", "");
        // rewrite with a sheet that inflates to 2 GiB of spaces inside sheetData
        Path bomb = tmp.resolve("persons.xlsx");
        try (var zin = new java.util.zip.ZipFile(book.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            var entries = zin.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<sheetData><row r=\"1\">" + is("A1", "person_id") + "</row>").getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 2048; i++) {
                        z.write(spaces);
                    }
                    z.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    z.write(zin.getInputStream(e).readAllBytes());
                }
                z.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(5_000_000);
        Runtime.getRuntime().gc();
        ImportHarness.Run r = h.importPaths(bomb);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("persons.xlsx").containsIgnoringCase("zip bomb");
        assertThat(h.count("SELECT count(*) FROM import_batches")).isZero();
    }
}
