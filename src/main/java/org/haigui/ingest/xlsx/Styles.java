package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.haigui.core.HaiguiException;

/** Which cell styles ({@code cellXfs} indexes, the cells' {@code s} attribute) show a number as a date. */
final class Styles {

    static final byte NOT_DATE = 0;
    static final byte DATE = 1;
    static final byte DATE_TIME = 2;

    static final Styles NONE = new Styles(new byte[0]);

    /** A workbook with more cell formats than this is refused (Excel allows 64,000). */
    private static final int MAX_XFS = 1_000_000;

    private final byte[] xfKinds;

    private Styles(byte[] xfKinds) {
        this.xfKinds = xfKinds;
    }

    /** DATE, DATE_TIME or NOT_DATE for a cell's style index; an unknown index is not a date. */
    byte kind(int styleIndex) {
        return styleIndex >= 0 && styleIndex < xfKinds.length ? xfKinds[styleIndex] : NOT_DATE;
    }

    static Styles read(WorkbookZip zip, String part) {
        WorkbookZip.Entry e = zip.find(part);
        if (e == null) {
            return NONE;
        }
        Map<Integer, String> custom = new HashMap<>();
        byte[] kinds = new byte[64];
        int count = 0;
        try (InputStream in = zip.open(e)) {
            XMLStreamReader r = Xml.reader(in, zip.fileLabel(), part);
            try {
                // Only numFmt children of numFmts and xf children of cellXfs count: dxfs and cellStyleXfs hold look-alikes.
                String parent = null;
                int depth = 0;
                int parentDepth = -1;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String name = r.getLocalName();
                        if (depth == 2 && ("numFmts".equals(name) || "cellXfs".equals(name))) {
                            parent = name;
                            parentDepth = depth;
                        } else if (parent != null && depth == parentDepth + 1) {
                            if ("numFmts".equals(parent) && "numFmt".equals(name)) {
                                Integer id = parseInt(Xml.plainAttr(r, "numFmtId"));
                                String code = Xml.plainAttr(r, "formatCode");
                                if (id != null && code != null) {
                                    custom.put(id, code);
                                }
                            } else if ("cellXfs".equals(parent) && "xf".equals(name)) {
                                if (count == MAX_XFS) {
                                    throw HaiguiException.input(zip.fileLabel() + ": part " + part + " declares more than "
                                            + MAX_XFS + " cell formats; refused");
                                }
                                Integer id = parseInt(Xml.plainAttr(r, "numFmtId"));
                                if (count == kinds.length) {
                                    kinds = Arrays.copyOf(kinds, kinds.length * 2);
                                }
                                kinds[count++] = id == null ? NOT_DATE : kindOf(id, custom.get(id));
                            }
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        if (depth == parentDepth) {
                            parent = null;
                            parentDepth = -1;
                        }
                        depth--;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException ex) {
            throw Xml.malformed(zip.fileLabel(), part, ex);
        } catch (IOException ex) {
            throw HaiguiException.input(zip.fileLabel() + ": cannot read part " + part + ": " + ex.getMessage(), ex);
        }
        return new Styles(Arrays.copyOf(kinds, count));
    }

    private static Integer parseInt(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether a number format is a date: a custom code (which may redefine a built-in id) decides
     * by its tokens; otherwise the built-in date ids 14-22, 27-36, 45-47 and 50-58.
     */
    static byte kindOf(int numFmtId, String customCode) {
        if (customCode != null) {
            return kindOfCode(customCode);
        }
        switch (numFmtId) {
            case 14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58:
                return DATE;
            case 18, 19, 20, 21, 22, 32, 33, 34, 35, 45, 46, 47, 55, 56:
                return DATE_TIME;
            default:
                return NOT_DATE;
        }
    }

    /**
     * A format code is a date when it has d, m, y, h or s outside quoted text, [brackets] (colours,
     * conditions, locales), backslash escapes and the _x / *x width and fill markers; it shows a
     * time when it has h or s, or an elapsed-time bracket such as [h] or [mm].
     */
    static byte kindOfCode(String code) {
        boolean date = false;
        boolean time = false;
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            switch (c) {
                case '"' -> {
                    int end = code.indexOf('"', i + 1);
                    i = end < 0 ? n : end;
                }
                case '[' -> {
                    int end = code.indexOf(']', i + 1);
                    String inner = end < 0 ? "" : code.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
                    if (!inner.isEmpty() && (inner.chars().allMatch(ch -> ch == 'h') || inner.chars().allMatch(ch -> ch == 'm')
                            || inner.chars().allMatch(ch -> ch == 's'))) {
                        date = true;
                        time = true;
                    }
                    i = end < 0 ? n : end;
                }
                case '\\', '_', '*' -> i++;
                case 'd', 'D', 'y', 'Y', 'm', 'M' -> date = true;
                case 'h', 'H', 's', 'S' -> {
                    date = true;
                    time = true;
                }
                case 'G', 'g' -> {
                    // "General" is the default format, not a date (it has no d/m/y/h/s, but skip it whole anyway).
                    if (code.regionMatches(true, i, "General", 0, 7)) {
                        i += 6;
                    }
                }
                default -> {
                    // digits placeholders, separators and literals
                }
            }
        }
        return !date ? NOT_DATE : time ? DATE_TIME : DATE;
    }
}
