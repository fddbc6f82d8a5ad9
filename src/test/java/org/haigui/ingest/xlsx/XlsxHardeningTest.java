package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haigui.ingest.xlsx.XlsxTestSupport.inline;
import static org.haigui.ingest.xlsx.XlsxTestSupport.row;
import static org.haigui.ingest.xlsx.XlsxTestSupport.rows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxHardeningTest {

    @TempDir
    Path dir;

    private static void assertInputError(Path file, String... fragments) {
        assertThatThrownBy(() -> {
            try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
                for (String s : wb.sheetNames()) {
                    try (XlsxSheetReader r = wb.sheet(s)) {
                        while (r.next() != null) {
                            // read everything
                        }
                    }
                }
            }
        }).isInstanceOfSatisfying(HaiguiException.class, e -> {
            assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT);
            assertThat(e.getMessage()).contains(file.toString());
            for (String f : fragments) {
                assertThat(e.getMessage()).contains(f);
            }
        });
    }

    @Test
    void filesThatAreNotWorkbooksGiveAClearInputError() throws IOException {
        byte[] random = new byte[5000];
        new Random(42).nextBytes(random);
        assertInputError(Files.write(dir.resolve("random.xlsx"), random), "not a zip archive");
        assertInputError(Files.write(dir.resolve("empty.xlsx"), new byte[0]), "empty");
        assertInputError(Files.writeString(dir.resolve("persons.xlsx"), "person_id,name_zh\nP1,张伟\n", StandardCharsets.UTF_8),
                "not a zip archive", "CSV");
        byte[] ole2 = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        assertInputError(Files.write(dir.resolve("old.xls.xlsx"), ole2), "OLE2", "encrypted", ".xls");

        Path plainZip = dir.resolve("notes.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(plainZip))) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertInputError(plainZip, "without xl/workbook.xml");

        Path ods = dir.resolve("sheet.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(ods))) {
            z.putNextEntry(new ZipEntry("mimetype"));
            z.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("content.xml"));
            z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        assertInputError(ods, "OpenDocument");

        Path xlsb = dir.resolve("binary.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(xlsb))) {
            z.putNextEntry(new ZipEntry("_rels/.rels"));
            z.write(("<Relationships xmlns=\"" + XlsxFixture.PKG_REL_NS + "\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/workbook.bin"));
            z.write(new byte[] {(byte) 0x83, 0x01, 0x00});
        }
        assertInputError(xlsb, ".xlsb");

        assertInputError(dir.resolve("does-not-exist.xlsx"), "no such file");
        assertInputError(dir, "directory");
    }

    @Test
    void aTruncatedOrCorruptWorkbookIsAnInputError() throws IOException {
        Path good = new XlsxFixture().sheet("s", row(1, inline("A1", "x".repeat(5000)))).write(dir.resolve("good.xlsx"));
        byte[] bytes = Files.readAllBytes(good);
        byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertInputError(Files.write(dir.resolve("half.xlsx"), half), "not a zip archive");

        // flip bytes inside the sheet's compressed data: the inflater or the CRC check catches it
        byte[] flipped = bytes.clone();
        int at = XlsxTestSupport.indexOf(flipped, "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.US_ASCII)) + 40;
        for (int i = at; i < at + 8; i++) {
            flipped[i] ^= 0x5A;
        }
        assertInputError(Files.write(dir.resolve("flipped.xlsx"), flipped), "xl/worksheets/sheet1.xml");
    }

    @Test
    void malformedXmlNamesThePart() throws IOException {
        Path file = new XlsxFixture().rawSheet("s", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></row></sheetData></worksheet>",
                StandardCharsets.UTF_8).write(dir.resolve("malformed.xlsx"));
        assertInputError(file, "xl/worksheets/sheet1.xml", "not well-formed XML");

        // the parser's namespace errors are said in words, not as the key it gives
        Path twice = new XlsxFixture().sheet("s", row(1, inline("A1", "x")) + "<row r=\"2\" r=\"3\"></row>").write(dir.resolve("twice.xlsx"));
        assertInputError(twice, "xl/worksheets/sheet1.xml", "the attribute \"r\" appears twice in a <row> tag (同一标签中属性重复)");
        assertThatThrownBy(() -> rows(twice, "s")).satisfies(e -> assertThat(e.getMessage()).doesNotContain("w3.org"));
        Path unbound = new XlsxFixture().sheet("s", "<y:row r=\"1\"></y:row>").write(dir.resolve("unbound.xlsx"));
        assertInputError(unbound, "the element <y:row> uses the prefix \"y\", which is not declared");
    }

    @Test
    void doctypesAndExternalEntitiesAreNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<worksheet xmlns=\"" + XlsxFixture.MAIN_NS + "\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&xxe;&b;</t></is></c>"
                + "</row></sheetData></worksheet>";
        Path file = new XlsxFixture().rawSheet("s", xxe, StandardCharsets.UTF_8).write(dir.resolve("xxe.xlsx"));
        assertInputError(file, "xl/worksheets/sheet1.xml", "DOCTYPE");
        assertThatThrownBy(() -> rows(file, "s")).satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));

        // even a harmless DOCTYPE is refused: Excel never writes one
        Path plain = new XlsxFixture().rawSheet("s", "<?xml version=\"1.0\"?><!DOCTYPE worksheet><worksheet xmlns=\""
                + XlsxFixture.MAIN_NS + "\"><sheetData/></worksheet>", StandardCharsets.UTF_8).write(dir.resolve("doctype.xlsx"));
        assertInputError(plain, "DOCTYPE");
    }

    @Test
    void aZipBombThatDeclaresItsSizeIsRefusedBeforeInflating() throws IOException {
        // 3 GiB of spaces in a file of a few MB; the central directory tells the truth
        long mib = 3 * 1024;
        Path file = ZipBombs.write(dir.resolve("honest-bomb.xlsx"), "xl/worksheets/sheet1.xml", mib, mib * ZipBombs.MIB);
        assertThat(Files.size(file)).isLessThan(10L << 20);
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            assertThatThrownBy(() -> wb.sheet("data"))
                    .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT))
                    .hasMessageContaining(file.toString()).hasMessageContaining("xl/worksheets/sheet1.xml")
                    .hasMessageContaining("zip bomb").hasMessageContaining("3,221,225,472");
        }
    }

    @Test
    void aZipBombThatLiesAboutItsSizeIsRefusedByTheRatioRule() throws IOException {
        Path file = ZipBombs.write(dir.resolve("lying-bomb.xlsx"), "xl/worksheets/sheet1.xml", 3 * 1024, 4096);
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            assertThatThrownBy(() -> wb.sheet("data"))
                    .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT))
                    .hasMessageContaining(file.toString()).hasMessageContaining("xl/worksheets/sheet1.xml")
                    .hasMessageContaining("zip bomb").hasMessageContaining("limit 200");
        }
        // the same in the shared strings (read when the first sheet is opened) and in workbook.xml (read by open)
        Path sst = ZipBombs.write(dir.resolve("sst-bomb.xlsx"), "xl/sharedStrings.xml", 64, 4096);
        assertInputError(sst, "xl/sharedStrings.xml", "zip bomb");
        Path wbBomb = ZipBombs.write(dir.resolve("wb-bomb.xlsx"), "xl/workbook.xml", 64, 4096);
        assertInputError(wbBomb, "xl/workbook.xml", "zip bomb");
    }

    @Test
    void aMultiGigabyteBombIsRefusedAtTheEntryLimitInASmallHeap() throws Exception {
        // With the ratio rule out of the way, the reader inflates up to maxEntryBytes (1 GiB) of a
        // 3 GiB entry and stops: in a child JVM with a 64 MB heap, so holding it would fail.
        Path file = ZipBombs.write(dir.resolve("big-bomb.xlsx"), "xl/worksheets/sheet1.xml", 3 * 1024, 4096);
        String out = XlsxTestSupport.runProbe(file, "64m", XlsxLimits.defaults().maxEntryBytes(), 1e12);
        assertThat(out).startsWith("REFUSED INPUT").contains("big-bomb.xlsx").contains("xl/worksheets/sheet1.xml")
                .contains("more than 1,073,741,824 bytes").contains("zip bomb");
    }

    @Test
    void aHugeCellIsRefusedWithoutHoldingIt() throws Exception {
        // 64 MiB of text in one cell, well within the entry limits: refused at the row limit, in a 128 MB heap
        Path file = dir.resolve("huge-cell.xlsx");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setLevel(1);
            XlsxFixture fx = new XlsxFixture();
            String[] wrap = fx.sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>@@</t></is></c></row>", "").split("@@");
            Path tmp = new XlsxFixture().sheet("s", "").write(dir.resolve("tmp.xlsx"));
            try (java.util.zip.ZipFile src = new java.util.zip.ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(src.entries())) {
                    z.putNextEntry(new ZipEntry(e.getName()));
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        z.write(wrap[0].getBytes(StandardCharsets.UTF_8));
                        byte[] chunk = "汉字abc".repeat(1 << 14).getBytes(StandardCharsets.UTF_8);
                        for (int i = 0; i < 512; i++) {
                            z.write(chunk);
                        }
                        z.write(wrap[1].getBytes(StandardCharsets.UTF_8));
                    } else {
                        src.getInputStream(e).transferTo(z);
                    }
                }
            }
        }
        // (repeated text compresses beyond the default ratio: that rule is switched off here)
        String out = XlsxTestSupport.runProbe(file, "128m", XlsxLimits.defaults().maxEntryBytes(), 1e12);
        assertThat(out).startsWith("REFUSED INPUT").contains("huge-cell.xlsx").contains("row 1 holds more than");
    }

    @Test
    void hugeTagsCommentsAndDeepNestingAreRefusedWithoutHoldingThem() throws Exception {
        // the parser would buffer each of these whole: refused at 1 MiB, in a 64 MB heap
        String big = "x".repeat(40 << 20);
        String[][] cases = {
            {"attr", "<row r=\"1\"><c r=\"A1\" foo=\"" + big + "\"><v>1</v></c></row>", "a tag (with its attributes) longer than"},
            {"comment", "<!--" + big + "--><row r=\"1\"/>", "a comment longer than"},
            {"cdata", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[" + big + "]]></t></is></c></row>", "a CDATA section longer than"},
            {"depth", "<row r=\"1\"><c r=\"A1\"><v>1</v></c>" + "<extLst>".repeat(100_000) + "</row>", "maxElementDepth"},
        };
        for (String[] c : cases) {
            Path file = new XlsxFixture().sheet("s", c[1]).write(dir.resolve(c[0] + ".xlsx"));
            String out = XlsxTestSupport.runProbe(file, "64m", XlsxLimits.defaults().maxEntryBytes(), 1e12);
            assertThat(out).as(c[0]).startsWith("REFUSED INPUT").contains(c[0] + ".xlsx").contains("xl/worksheets/sheet1.xml").contains(c[2]);
        }
        // and the same guard protects the shared strings
        Path sst = new XlsxFixture().sharedStringsXml("<sst xmlns=\"" + XlsxFixture.MAIN_NS + "\"><si><t a=\"" + big + "\">x</t></si></sst>")
                .sheet("s", "").write(dir.resolve("sst-attr.xlsx"));
        String out = XlsxTestSupport.runProbe(sst, "64m", XlsxLimits.defaults().maxEntryBytes(), 1e12);
        assertThat(out).startsWith("REFUSED INPUT").contains("xl/sharedStrings.xml").contains("a tag (with its attributes) longer than");
    }

    @Test
    void encryptedEntriesUnknownMethodsAndDuplicateNamesAreClearInputErrors() throws IOException {
        Path base = dir.resolve("base.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(base))) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/workbooX.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(base);
        byte[] encrypted = bytes.clone();
        byte[] method = bytes.clone();
        for (int i = 0; i + 12 < bytes.length; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2) { // central directory record
                encrypted[i + 8] |= 1;
                method[i + 10] = 12; // bzip2
            }
        }
        assertInputError(Files.write(dir.resolve("encrypted.xlsx"), encrypted), "encrypted", "without a password");
        assertInputError(Files.write(dir.resolve("bzip2.xlsx"), method), "compression method", "only stored and deflated");
        // two entries of the same name (in the local headers and the central directory alike)
        String twin = new String(bytes, StandardCharsets.ISO_8859_1).replace("xl/workbooX.xml", "xl/workbook.xml");
        assertInputError(Files.write(dir.resolve("twice.xlsx"), twin.getBytes(StandardCharsets.ISO_8859_1)),
            "entry xl/workbook.xml twice");
    }

    @Test
    void anAbsurdCentralDirectoryIsRefused() throws IOException {
        Path good = new XlsxFixture().sheet("s", row(1, inline("A1", "x"))).write(dir.resolve("cd.xlsx"));
        byte[] bytes = Files.readAllBytes(good);
        int eocd = bytes.length - 22;
        assertThat(bytes[eocd]).isEqualTo((byte) 0x50);
        // declare 0xFFFFFFF0 bytes of central directory
        bytes[eocd + 12] = (byte) 0xF0;
        bytes[eocd + 13] = (byte) 0xFF;
        bytes[eocd + 14] = (byte) 0xFF;
        bytes[eocd + 15] = (byte) 0xFF;
        Path bad = Files.write(dir.resolve("absurd.xlsx"), bytes);
        assertInputError(bad, "absurd size");
    }
}
