package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.haigui.core.HaiguiException;

/** The relationships of one part ({@code _rels/x.rels}), with targets resolved to part names. */
final class Relationships {

    /** One internal relationship: its id, type URI and the resolved part name (no leading '/'). */
    record Rel(String id, String type, String target) {}

    private final Map<String, Rel> byId = new HashMap<>();
    private final List<Rel> all = new ArrayList<>();

    private Relationships() {}

    /** The relationships of the given source part ("" for the package), empty when it has none. */
    static Relationships of(WorkbookZip zip, String sourcePart) {
        Relationships rels = new Relationships();
        String dir = directoryOf(sourcePart);
        String file = sourcePart.substring(dir.length());
        String relsPart = dir + "_rels/" + file + ".rels";
        WorkbookZip.Entry e = zip.find(relsPart);
        if (e == null) {
            return rels;
        }
        try (InputStream in = zip.open(e)) {
            XMLStreamReader r = Xml.reader(in, zip.fileLabel(), relsPart);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                        String id = Xml.plainAttr(r, "Id");
                        String type = Xml.plainAttr(r, "Type");
                        String target = Xml.plainAttr(r, "Target");
                        String mode = Xml.plainAttr(r, "TargetMode");
                        if (id == null || type == null || target == null || "External".equalsIgnoreCase(mode)) {
                            continue;
                        }
                        String part = resolve(dir, target);
                        if (part != null) {
                            Rel rel = new Rel(id, type, part);
                            rels.byId.putIfAbsent(id, rel);
                            rels.all.add(rel);
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException ex) {
            throw Xml.malformed(zip.fileLabel(), relsPart, ex);
        } catch (IOException ex) {
            throw HaiguiException.input(zip.fileLabel() + ": cannot read part " + relsPart + ": " + ex.getMessage(), ex);
        }
        return rels;
    }

    Rel byId(String id) {
        return byId.get(id);
    }

    /** The first relationship whose type ends with the given suffix (transitional and strict type URIs differ only in their start). */
    Rel firstOfType(String typeSuffix) {
        for (Rel r : all) {
            if (r.type().endsWith(typeSuffix)) {
                return r;
            }
        }
        return null;
    }

    static String directoryOf(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    /**
     * Resolves a target against the source part's directory: absolute ({@code /xl/worksheets/sheet1.xml})
     * or relative ({@code worksheets/sheet1.xml}, {@code ../xl/x.xml}); percent-escapes are decoded.
     * Returns null for a target that leaves the package.
     */
    static String resolve(String sourceDir, String target) {
        String t = target.trim().replace('\\', '/');
        String decoded = t.indexOf('%') < 0 ? t : percentDecode(t);
        String path = decoded.startsWith("/") ? decoded.substring(1) : sourceDir + decoded;
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(seg);
            }
        }
        return String.join("/", out);
    }

    /** Decodes %HH escapes as UTF-8; a malformed escape is kept as it is. */
    private static String percentDecode(String s) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length
                    && Character.digit(raw[i + 1], 16) >= 0 && Character.digit(raw[i + 2], 16) >= 0) {
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
