package org.haigui.ingest.xlsx;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.haigui.core.HaiguiException;

/** StAX with DTDs and external entities disabled; helpers shared by the part readers. */
final class Xml {

    /** The deepest element nesting accepted. */
    static final int MAX_ELEMENT_DEPTH = 200;

    private static final XMLInputFactory FACTORY = createFactory();

    private Xml() {}

    private static XMLInputFactory createFactory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // Not coalescing: long text arrives in chunks of at most 16K characters, so memory stays bounded.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // SpreadsheetML nests a dozen levels at most; the parser keeps a stack per level.
        try {
            f.setProperty("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
        } catch (IllegalArgumentException e) {
            // an older JDK without the property: MarkupGuard and the entry limits still bound the part
        }
        return f;
    }

    /**
     * A reader of one part, through a {@link MarkupGuard} (no tag, comment or CDATA section of more
     * than 1 MiB, no DOCTYPE). Excel never writes a DOCTYPE: a part that has one (or an entity
     * reference, which only a DTD can declare) is refused outright rather than read with its
     * entities silently dropped.
     */
    static XMLStreamReader reader(InputStream in, String fileLabel, String part) {
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(new MarkupGuard(in, fileLabel, part));
        } catch (XMLStreamException e) {
            throw malformed(fileLabel, part, e);
        }
        return new StreamReaderDelegate(r) {
            @Override
            public int next() throws XMLStreamException {
                int ev = super.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw HaiguiException.input(fileLabel + ": part " + part + " has a DOCTYPE declaration or an entity reference,"
                            + " which no workbook written by Excel has; refused (it could hide entity expansion or read other files)");
                }
                return ev;
            }
        };
    }

    /** Turns a StAX failure into an INPUT error; a limit refusal raised inside the stream comes out as itself. */
    static HaiguiException malformed(String fileLabel, String part, XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HaiguiException he) {
                return he;
            }
            if (t instanceof XMLStreamException xe && xe.getNestedException() instanceof HaiguiException he) {
                return he;
            }
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = msg.indexOf("\nMessage: ");
        if (nl >= 0) {
            msg = msg.substring(nl + "\nMessage: ".length());
        }
        if (msg.contains("JAXP000")) {
            // the parser's own safety limits (element depth, attribute count, name length)
            return HaiguiException.input(fileLabel + ": part " + part + " exceeds a safety limit of the XML parser" + where + ": " + msg, e);
        }
        return HaiguiException.input(fileLabel + ": part " + part + " is not well-formed XML (XML 格式有误)" + where + ": "
                + namespaceMessage(msg), e);
    }

    private static final String NAMES_SPEC = "http://www.w3.org/TR/1999/REC-xml-names-19990114#";

    /**
     * The parser's namespace errors come as a key and arguments ({@code ...#AttributeNotUnique?row&r});
     * the common ones are said in words here, others are left as they are.
     */
    static String namespaceMessage(String msg) {
        if (!msg.startsWith(NAMES_SPEC)) {
            return msg;
        }
        String rest = msg.substring(NAMES_SPEC.length());
        int q = rest.indexOf('?');
        String key = q < 0 ? rest : rest.substring(0, q);
        String[] a = q < 0 ? new String[0] : rest.substring(q + 1).split("&", -1);
        return switch (key) {
            case "AttributeNotUnique", "AttributeNSNotUnique" -> a.length >= 2
                    ? "the attribute \"" + a[1] + "\" appears twice in a <" + a[0] + "> tag (同一标签中属性重复)" : msg;
            case "ElementPrefixUnbound" -> a.length >= 2
                    ? "the element <" + a[1] + "> uses the prefix \"" + a[0] + "\", which is not declared (前缀未声明)" : msg;
            case "AttributePrefixUnbound" -> a.length >= 3
                    ? "the attribute \"" + a[1] + "\" of a <" + a[0] + "> tag uses the prefix \"" + a[2] + "\", which is not declared (前缀未声明)" : msg;
            default -> msg;
        };
    }

    /** Skips the element the reader is on (at its START_ELEMENT), ending on its END_ELEMENT. */
    static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the document");
            }
        }
    }

    /** The value of the attribute of that local name (any namespace), or null. */
    static String attr(XMLStreamReader r, String localName) {
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The value of the attribute without a namespace of that local name, or null. */
    static String plainAttr(XMLStreamReader r, String localName) {
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                String ns = r.getAttributeNamespace(i);
                if (ns == null || ns.isEmpty()) {
                    return r.getAttributeValue(i);
                }
            }
        }
        return null;
    }

    /**
     * Decodes Excel's {@code _xHHHH_} escapes (used for control characters such as {@code _x000D_},
     * and {@code _x005F_} for a literal underscore) in string cell text.
     */
    static String decodeEscapes(String s) {
        int i = s.indexOf("_x");
        if (i < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        while (i >= 0) {
            if (i + 7 <= s.length() && s.charAt(i + 6) == '_' && isHex(s, i + 2, i + 6)) {
                sb.append(s, from, i);
                sb.append((char) Integer.parseInt(s, i + 2, i + 6, 16));
                from = i + 7;
                i = s.indexOf("_x", from);
            } else {
                i = s.indexOf("_x", i + 1);
            }
        }
        sb.append(s, from, s.length());
        return sb.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
