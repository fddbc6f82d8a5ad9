package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.haigui.core.HaiguiException;

/**
 * An .xlsx workbook opened for streaming reads: its sheet names, and a {@link XlsxSheetReader}
 * per sheet. Opening reads only the zip central directory, the relationships and workbook.xml;
 * the styles and the shared strings are read when the first sheet is opened. Every failure the
 * user can act on is a {@link HaiguiException} of kind INPUT whose message names the file.
 *
 * <p>Not thread-safe. Closing the workbook closes the sheet readers still open.
 */
public final class XlsxWorkbook implements AutoCloseable {

    private static final String REL_OFFICE_DOCUMENT = "/officeDocument";
    private static final String REL_WORKSHEET = "/worksheet";
    private static final String REL_STYLES = "/styles";
    private static final String REL_SHARED_STRINGS = "/sharedStrings";

    private final WorkbookZip zip;
    private final String workbookPart;
    private final Relationships workbookRels;
    private final boolean date1904;
    /** Sheet name -> worksheet part, in workbook order. */
    private final Map<String, String> sheets;
    private final List<XlsxSheetReader> openReaders = new ArrayList<>();
    /**
     * Each sheet's first pass (its merged ranges, whether it is UTF-16), kept once made: an import
     * opens a sheet twice (its header is checked first), and the first pass reads the whole part.
     */
    private final Map<String, java.util.concurrent.CompletableFuture<XlsxSheetReader.FirstPass>> firstPasses = new java.util.HashMap<>();
    private Styles styles;
    private SharedStrings sharedStrings;
    private volatile boolean closed;

    private XlsxWorkbook(WorkbookZip zip, String workbookPart, Relationships workbookRels, boolean date1904,
            Map<String, String> sheets) {
        this.zip = zip;
        this.workbookPart = workbookPart;
        this.workbookRels = workbookRels;
        this.date1904 = date1904;
        this.sheets = sheets;
    }

    /** Opens with {@link XlsxLimits#defaults()}. */
    public static XlsxWorkbook open(Path file) {
        return open(file, XlsxLimits.defaults());
    }

    /**
     * Opens a workbook; throws HaiguiException(INPUT) naming the file when it is not one (not a
     * zip, no workbook.xml, an encrypted or old .xls OLE2 file, an .ods or .xlsb, a zip bomb...).
     */
    public static XlsxWorkbook open(Path file, XlsxLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        WorkbookZip zip = WorkbookZip.open(file, limits);
        try {
            Relationships packageRels = Relationships.of(zip, "");
            Relationships.Rel office = packageRels.firstOfType(REL_OFFICE_DOCUMENT);
            String workbookPart = office != null && zip.contains(office.target()) ? office.target() : "xl/workbook.xml";
            WorkbookZip.Entry wb = zip.find(workbookPart);
            if (wb == null || wb.name().toLowerCase(Locale.ROOT).endsWith(".bin")) {
                throw HaiguiException.input(zip.fileLabel() + ": not an .xlsx workbook: " + whatElse(zip));
            }
            workbookPart = wb.name();
            Relationships rels = Relationships.of(zip, workbookPart);
            boolean[] date1904 = new boolean[1];
            Map<String, String> sheets = readWorkbook(zip, wb, rels, date1904);
            return new XlsxWorkbook(zip, workbookPart, rels, date1904[0], sheets);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static String whatElse(WorkbookZip zip) {
        if (zip.contains("xl/workbook.bin")) {
            return "it is a binary .xlsb workbook; save it as .xlsx (Excel Workbook) and import it again";
        }
        if (zip.contains("content.xml") && zip.contains("mimetype")) {
            return "it is an OpenDocument file (.ods); save it as .xlsx and import it again";
        }
        if (zip.contains("word/document.xml")) {
            return "it is a Word document";
        }
        return "it is a zip archive without xl/workbook.xml";
    }

    private static Map<String, String> readWorkbook(WorkbookZip zip, WorkbookZip.Entry wb, Relationships rels, boolean[] date1904) {
        Map<String, String> sheets = new LinkedHashMap<>();
        try (InputStream in = zip.open(wb)) {
            XMLStreamReader r = Xml.reader(in, zip.fileLabel(), wb.name());
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = r.getLocalName();
                    if ("workbookPr".equals(name)) {
                        String v = Xml.plainAttr(r, "date1904");
                        date1904[0] = v != null && ("1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()));
                    } else if ("sheet".equals(name)) {
                        String sheetName = Xml.plainAttr(r, "name");
                        String rid = relId(r);
                        if (sheetName == null || rid == null) {
                            continue;
                        }
                        Relationships.Rel rel = rels.byId(rid);
                        if (rel == null) {
                            throw HaiguiException.input(zip.fileLabel() + ": sheet '" + sheetName
                                    + "' has no part (relationship " + rid + " is missing from the workbook's relationships)");
                        }
                        // chart sheets, dialog sheets and macro sheets hold no cells: they are not listed
                        if (rel.type().endsWith(REL_WORKSHEET)) {
                            String twin = sameIgnoringCase(sheets, sheetName);
                            if (twin != null) {
                                throw HaiguiException.input(zip.fileLabel() + ": sheets '" + twin + "' and '" + sheetName
                                        + "' have names that differ only in case (Excel does not allow this, so a tool wrote "
                                        + "the file); rename or remove one of them");
                            }
                            sheets.put(sheetName, rel.target());
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw Xml.malformed(zip.fileLabel(), wb.name(), e);
        } catch (IOException e) {
            throw HaiguiException.input(zip.fileLabel() + ": cannot read part " + wb.name() + ": " + e.getMessage(), e);
        }
        return sheets;
    }

    /** The r:id attribute of a sheet element: local name "id" in a relationships namespace (transitional or strict). */
    private static String relId(XMLStreamReader r) {
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            if ("id".equals(r.getAttributeLocalName(i)) && ns != null && ns.endsWith("/relationships")) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The sheet already listed whose name differs from this one only in case, or null. */
    private static String sameIgnoringCase(Map<String, String> sheets, String name) {
        for (String s : sheets.keySet()) {
            if (s.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** The worksheet names in workbook order (hidden sheets included; chart sheets left out). */
    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    /**
     * A streaming reader of one sheet (exact name). Opening it runs the cheap first pass that
     * collects merged ranges, so a zip bomb in the sheet is refused here. NOT_FOUND when the
     * workbook has no such sheet.
     */
    public XlsxSheetReader sheet(String name) {
        ensureOpen();
        String part = sheets.get(name);
        if (part == null) {
            throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, zip.fileLabel() + ": no sheet named '" + name
                    + "'; the sheets are " + sheets.keySet());
        }
        WorkbookZip.Entry entry = zip.find(part);
        if (entry == null) {
            throw HaiguiException.input(zip.fileLabel() + ": sheet '" + name + "' points to part " + part + ", which is missing");
        }
        loadShared();
        XlsxSheetReader reader = new XlsxSheetReader(this, zip, name, entry, styles, sharedStrings, date1904);
        openReaders.add(reader);
        return reader;
    }

    private void loadShared() {
        if (styles == null) {
            Relationships.Rel st = workbookRels.firstOfType(REL_STYLES);
            styles = Styles.read(zip, st != null ? st.target() : Relationships.directoryOf(workbookPart) + "styles.xml");
        }
        if (sharedStrings == null) {
            Relationships.Rel ss = workbookRels.firstOfType(REL_SHARED_STRINGS);
            sharedStrings = SharedStrings.read(zip,
                    ss != null ? ss.target() : Relationships.directoryOf(workbookPart) + "sharedStrings.xml");
        }
    }

    /**
     * The sheet part's first pass: made by {@code scan} on this thread the first time it is asked for,
     * or awaited when another thread is making it ({@link #prefetchFirstPasses}). A failure is not kept:
     * it is thrown to whoever waits, and the next to ask makes the pass again.
     */
    XlsxSheetReader.FirstPass firstPass(String part, java.util.function.Supplier<XlsxSheetReader.FirstPass> scan) {
        java.util.concurrent.CompletableFuture<XlsxSheetReader.FirstPass> f = claim(part);
        if (f == null) {
            synchronized (firstPasses) {
                f = firstPasses.get(part);
            }
            try {
                return f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error er) {
                    throw er;
                }
                throw e;
            }
        }
        return make(part, f, scan);
    }

    /** A new future for the part when none is there (the caller then makes the pass), else null. */
    private java.util.concurrent.CompletableFuture<XlsxSheetReader.FirstPass> claim(String part) {
        synchronized (firstPasses) {
            if (firstPasses.containsKey(part)) {
                return null;
            }
            var f = new java.util.concurrent.CompletableFuture<XlsxSheetReader.FirstPass>();
            firstPasses.put(part, f);
            return f;
        }
    }

    private XlsxSheetReader.FirstPass make(String part, java.util.concurrent.CompletableFuture<XlsxSheetReader.FirstPass> f,
            java.util.function.Supplier<XlsxSheetReader.FirstPass> scan) {
        try {
            XlsxSheetReader.FirstPass p = scan.get();
            f.complete(p);
            return p;
        } catch (RuntimeException | Error e) {
            synchronized (firstPasses) {
                firstPasses.remove(part, f);
            }
            f.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Starts the first passes of these sheets (names as {@link #sheetNames}) on a background thread, in
     * order, each one no other thread has begun: a sheet's first pass reads its whole part, and an
     * import opens every sheet to check its header before it stages any, so the passes of two
     * sheets run at once. A failure is left for the reader of that sheet to meet again.
     */
    public void prefetchFirstPasses(List<String> names) {
        if (closed || names.size() < 2) {
            return;
        }
        List<String> todo = List.copyOf(names);
        Thread t = new Thread(() -> {
            for (String name : todo) {
                if (closed) {
                    return;
                }
                String part = sheets.get(name);
                WorkbookZip.Entry entry = part == null ? null : zip.find(part);
                if (entry == null) {
                    continue;
                }
                var f = claim(part);
                if (f == null) {
                    continue;
                }
                try {
                    make(part, f, () -> XlsxSheetReader.firstPass(zip, entry, name, zip.limits().maxColumns()));
                } catch (RuntimeException | Error e) {
                    // the sheet's reader makes the pass again and meets the failure itself
                }
            }
        }, "haigui-xlsx-first-pass");
        t.setDaemon(true);
        t.start();
    }

    void readerClosed(XlsxSheetReader reader) {
        openReaders.remove(reader);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("workbook " + zip.fileLabel() + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (XlsxSheetReader r : new ArrayList<>(openReaders)) {
            r.close();
        }
        openReaders.clear();
        zip.close();
    }
}
