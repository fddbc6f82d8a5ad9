package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small .xlsx files part by part, so that tests control exactly what is inside: cached
 * formula values, styles, merged cells, 1904 dates, inline and shared strings, rich text.
 */
final class XlsxFixture {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

    /**
     * Styles used by the date tests, cellXfs index: 0 General, 1 id 14 (date), 2 id 22 (date
     * time), 3 custom yyyy\-mm\-dd, 4 custom 0.00" days" (not a date), 5 custom [h]:mm:ss, 6 id 4
     * #,##0.00, 7 custom [Red]0.00, 8 custom yyyy"年"m"月"d"日", 9 id 49 (@, text).
     * cellStyleXfs and dxfs hold date look-alikes that must not count.
     */
    static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <numFmts count="5">
                <numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>
                <numFmt numFmtId="165" formatCode="0.00&quot; days&quot;"/>
                <numFmt numFmtId="166" formatCode="[h]:mm:ss"/>
                <numFmt numFmtId="167" formatCode="[Red]0.00"/>
                <numFmt numFmtId="168" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
              </numFmts>
              <cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>
              <cellXfs count="10">
                <xf numFmtId="0" xfId="0"/>
                <xf numFmtId="14" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="22" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="164" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="165" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="166" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="4" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="167" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="168" xfId="0" applyNumberFormat="1"/>
                <xf numFmtId="49" xfId="0" applyNumberFormat="1"/>
              </cellXfs>
              <dxfs count="1"><dxf><numFmt numFmtId="169" formatCode="yyyy-mm-dd"/></dxf></dxfs>
            </styleSheet>
            """;

    private record Sheet(String name, String xml, Charset charset) {}

    private final List<Sheet> sheets = new ArrayList<>();
    private final Map<String, byte[]> extraParts = new LinkedHashMap<>();
    private List<String> sharedStrings;
    private String sharedStringsXml;
    private String styles;
    private boolean date1904;
    private boolean absoluteTargets;
    private String prefix = "";
    private boolean strict;

    /** A sheet whose sheetData holds the given rows XML; {@code after} follows sheetData (mergeCells...). */
    XlsxFixture sheet(String name, String rows, String after) {
        return rawSheet(name, sheetXml(rows, after), StandardCharsets.UTF_8);
    }

    XlsxFixture sheet(String name, String rows) {
        return sheet(name, rows, "");
    }

    /** A sheet part written exactly as given. */
    XlsxFixture rawSheet(String name, String xml, Charset charset) {
        sheets.add(new Sheet(name, xml, charset));
        return this;
    }

    String sheetXml(String rows, String after) {
        String p = prefix.isEmpty() ? "" : prefix + ":";
        String ns = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<" + p + "worksheet " + ns + "=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">"
                + "<" + p + "dimension ref=\"A1\"/><" + p + "sheetData>" + rows + "</" + p + "sheetData>" + after
                + "</" + p + "worksheet>";
    }

    /** Writes every SpreadsheetML element with this namespace prefix (as some tools do). */
    XlsxFixture prefix(String p) {
        this.prefix = p;
        return this;
    }

    XlsxFixture sharedStrings(String... strings) {
        this.sharedStrings = List.of(strings);
        return this;
    }

    XlsxFixture sharedStringsXml(String xml) {
        this.sharedStringsXml = xml;
        return this;
    }

    XlsxFixture styles(String xml) {
        this.styles = xml;
        return this;
    }

    XlsxFixture date1904() {
        this.date1904 = true;
        return this;
    }

    /** Relationship targets written as absolute part names (/xl/worksheets/...). */
    XlsxFixture absoluteTargets() {
        this.absoluteTargets = true;
        return this;
    }

    /** Writes Strict Open XML (ISO/IEC 29500 strict) namespaces and relationship types. */
    XlsxFixture strict() {
        this.strict = true;
        return this;
    }

    private String ns(String xml) {
        if (!strict) {
            return xml;
        }
        return xml.replace(MAIN_NS, "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships");
    }

    XlsxFixture part(String name, String content) {
        extraParts.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", contentTypes());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + PKG_REL_NS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"xl/workbook.xml\"/></Relationships>");
            StringBuilder wb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN_NS
                    + "\" xmlns:r=\"" + REL_NS + "\">");
            if (date1904) {
                wb.append("<workbookPr date1904=\"1\"/>");
            }
            wb.append("<sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + PKG_REL_NS + "\">");
            for (int i = 0; i < sheets.size(); i++) {
                // relationship ids and part numbers deliberately not in sheet order
                int partNo = sheets.size() - i;
                wb.append("<sheet name=\"").append(escape(sheets.get(i).name())).append("\" sheetId=\"").append(i + 1)
                        .append("\" r:id=\"rIdS").append(partNo).append("\"/>");
            }
            for (int i = sheets.size() - 1; i >= 0; i--) {
                int partNo = sheets.size() - i;
                rels.append("<Relationship Id=\"rIdS").append(partNo)
                        .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"")
                        .append(absoluteTargets ? "/xl/worksheets/sheet" : "worksheets/sheet").append(partNo).append(".xml\"/>");
            }
            wb.append("</sheets></workbook>");
            if (sharedStrings != null || sharedStringsXml != null) {
                rels.append("<Relationship Id=\"rIdSS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"")
                        .append(absoluteTargets ? "/xl/sharedStrings.xml" : "sharedStrings.xml").append("\"/>");
            }
            if (styles != null) {
                rels.append("<Relationship Id=\"rIdST\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"")
                        .append(absoluteTargets ? "/xl/styles.xml" : "styles.xml").append("\"/>");
            }
            rels.append("</Relationships>");
            put(zip, "xl/workbook.xml", wb.toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.toString());
            for (int i = 0; i < sheets.size(); i++) {
                int partNo = sheets.size() - i;
                Sheet s = sheets.get(i);
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + partNo + ".xml"));
                zip.write(ns(s.xml()).getBytes(s.charset()));
                zip.closeEntry();
            }
            if (sharedStringsXml != null) {
                put(zip, "xl/sharedStrings.xml", sharedStringsXml);
            } else if (sharedStrings != null) {
                StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN_NS + "\" count=\""
                        + sharedStrings.size() + "\" uniqueCount=\"" + sharedStrings.size() + "\">");
                for (String s : sharedStrings) {
                    sst.append("<si><t xml:space=\"preserve\">").append(escape(s)).append("</t></si>");
                }
                sst.append("</sst>");
                put(zip, "xl/sharedStrings.xml", sst.toString());
            }
            if (styles != null) {
                put(zip, "xl/styles.xml", styles);
            }
            for (Map.Entry<String, byte[]> e : extraParts.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getValue().length == 0) {
                    // stored, not deflated: cheap when a test writes tens of thousands of them
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(0);
                    entry.setCompressedSize(0);
                    entry.setCrc(0);
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private String contentTypes() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    }

    private void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(ns(content).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
