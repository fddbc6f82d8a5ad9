package org.haigui.ingest.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of a UTF-8 sheet read straight from its bytes, for {@link XlsxSheetReader}: the fast path
 * beside the StAX reader, which parses every character through a general XML parser (measured: about
 * a third of a workbook import's CPU time went to it).
 *
 * <p>It takes only the form spreadsheet writers use inside {@code sheetData}: {@code row} and {@code c}
 * elements, and in a cell {@code v}, {@code f} and an inline string {@code is} of {@code t} elements;
 * attributes quoted, of ASCII without {@code &}, {@code <} or a line break; text with the five named
 * entities and character references; comments, CDATA sections and processing instructions nowhere.
 * It checks what a well-formed document needs of that form (names and end tags match, whitespace
 * between attributes, no attribute twice, only declared prefixes, UTF-8 well formed, only XML's
 * characters, no {@code ]]>} in text). Anything else - another element, a carriage return in text
 * (which XML would turn into a line feed), a name outside ASCII, a tag over 4 KB, the end of the bytes
 * - makes it stop with {@link #BAIL}; the row it was in is not returned, and the reader reads the
 * sheet again with StAX from the start, skipping the rows already returned, so that every row is read
 * and every error is reported as StAX reads it. What it does report (rows, and the errors of rows and
 * cells that the sink raises as it goes, the bytes before them being well formed) is what StAX gives
 * for the same bytes: {@code SheetBytesTest} compares the two on generated sheets.
 *
 * <p>The part before {@code sheetData} (the worksheet's properties, columns, views: a few KB) is
 * checked by StAX itself: its bytes up to the end of the {@code sheetData} start tag are read into
 * memory (at most 1 MiB) and parsed, which also gives the namespace prefixes in scope and the declared
 * encoding and version (UTF-8 and 1.0, or no fast path).
 */
final class SheetBytes {

    /** What {@link #next} read. */
    static final int ROW = 0;
    static final int END = 1;
    static final int BAIL = 2;

    /** Where the rows go: {@link XlsxSheetReader}'s checks, shared with its StAX path. */
    interface Sink {
        /** A row element's start tag, with its {@code r} attribute (null without); returns the row's number. */
        int row(String r);

        /** A c element's start tag in row {@code row}, with its r, t and s attributes (null without). */
        void cell(int row, String ref, String type, String style);

        /** The c element ended: the text of its last v (null without), of its inline string (null without), and whether it had an f. */
        void cellEnd(int row, String value, String inline, boolean formula);

        /** The row element ended. */
        void rowEnd(int row);

        /** {@code n} characters of cell text more in the row (its limit). */
        void chars(int row, int n);
    }

    /** The longest prologue read into memory, and the longest tag taken (bytes). */
    private static final int MAX_PROLOGUE = 1 << 20;
    private static final int MAX_TAG = 4096;

    private final InputStream in;
    private final Sink sink;
    private final byte[] buf;
    private int pos;
    private int lim;
    private final NamespaceContext names;
    /** Element names with the prefix of sheetData ("x:row"), as bytes. */
    private final byte[] rowName;
    private final byte[] cName;
    private final byte[] vName;
    private final byte[] fName;
    private final byte[] isName;
    private final byte[] tName;
    private final byte[] sheetDataName;
    private final byte[] siName;
    private final byte[] runName;
    private final byte[] sstName;

    // the text read last
    private char[] text = new char[256];
    private int textLen;
    // the attributes of the tag read last: r, t and s, and every name (for the duplicate check)
    private String attrR;
    private String attrT;
    private String attrS;
    private final long[] attrNames = new long[32];
    private final String[] attrLongNames = new String[32];
    private int attrCount;

    private SheetBytes(InputStream in, Sink sink, Start start) {
        this.in = in;
        this.sink = sink;
        this.names = start.names();
        // the bytes read after the start tag come first (a long prologue may leave more than the usual buffer)
        this.buf = new byte[Math.max(1 << 16, start.restLen() + WINDOW)];
        System.arraycopy(start.rest(), 0, buf, 0, start.restLen());
        this.lim = start.restLen();
        String p = start.prefix().isEmpty() ? "" : start.prefix() + ":";
        rowName = ascii(p + "row");
        cName = ascii(p + "c");
        vName = ascii(p + "v");
        fName = ascii(p + "f");
        isName = ascii(p + "is");
        tName = ascii(p + "t");
        sheetDataName = ascii(p + "sheetData");
        siName = ascii(p + "si");
        runName = ascii(p + "r");
        sstName = ascii(p + "sst");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Reads {@code in} (the sheet part's bytes, UTF-8 or without a declaration) up to the end of the
     * sheetData start tag and checks that part with StAX; the reader positioned in sheetData, or null
     * when the fast path does not take this sheet (the stream is then partly read: the caller opens
     * the part again).
     */
    static SheetBytes open(InputStream in, Sink sink, String fileLabel, String part) throws IOException {
        Start start = start(in, "sheetData", fileLabel, part);
        return start == null ? null : new SheetBytes(in, sink, start);
    }

    /** What {@link #start} read: the bytes after the start tag, the prefixes in scope there and the element's prefix. */
    private record Start(byte[] rest, int restLen, NamespaceContext names, String prefix) {}

    /**
     * Reads {@code in} up to the end of the first start tag of {@code element} (with any prefix) and has
     * StAX check that part; null when the fast path does not take the part: the element is not found in
     * the first MiB, is empty ({@code <x/>}), or StAX refuses or reads it otherwise, or the part is not
     * UTF-8 XML 1.0.
     */
    private static Start start(InputStream in, String element, String fileLabel, String part) throws IOException {
        byte[] want = ascii(element);
        Prologue pro = new Prologue();
        int found = -1; // where "sheetData" starts, after "<" or "<prefix:"
        int lt = -1;
        int scanned = 0;
        while (found < 0) {
            if (!pro.more(in)) {
                return null;
            }
            byte[] b = pro.bytes;
            int n = pro.length;
            if (n >= 2 && (b[0] == 0 || b[1] == 0 || (b[0] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFF)) {
                return null; // UTF-16 (a byte order mark, or a zero byte in the first character)
            }
            for (; scanned + want.length < n && found < 0; scanned++) {
                if (scanned > 0 && b[scanned] == want[0] && Arrays.equals(b, scanned, scanned + want.length, want, 0, want.length)) {
                    byte after = b[scanned + want.length];
                    if (after == '>' || after == '/' || isSpace(after)) {
                        int at = scanned - 1;
                        if (b[at] == ':') {
                            do {
                                at--;
                            } while (at > 0 && (nameStart(b[at]) || (b[at] >= '0' && b[at] <= '9') || b[at] == '-' || b[at] == '.'));
                        }
                        if (at >= 0 && b[at] == '<' && at + 1 != scanned - 1) {
                            found = scanned;
                            lt = at;
                        }
                    }
                }
            }
        }
        String prefix = found - lt > 1 ? new String(pro.bytes, lt + 1, found - lt - 2, java.nio.charset.StandardCharsets.US_ASCII) : "";
        // the end of that start tag (a quoted value may hold '>')
        int end = -1;
        int quote = 0;
        int at = found + want.length;
        while (true) {
            for (; at < pro.length; at++) {
                byte b = pro.bytes[at];
                if (quote != 0) {
                    if (b == quote) {
                        quote = 0;
                    }
                } else if (b == '"' || b == '\'') {
                    quote = b;
                } else if (b == '>') {
                    end = at;
                    break;
                }
            }
            if (end >= 0) {
                break;
            }
            if (!pro.more(in)) {
                return null;
            }
        }
        if (pro.bytes[end - 1] == '/') {
            return null; // an empty element: nothing to read fast
        }
        // StAX checks the part up to there, as it reads it; its first sheetData must be this one
        XMLStreamReader r;
        try {
            r = Xml.reader(new ByteArrayInputStream(pro.bytes, 0, end + 1), fileLabel, part);
            while (true) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT && element.equals(r.getLocalName())) {
                    break;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return null; // StAX will say what is wrong, reading the whole part
        }
        String declared = r.getCharacterEncodingScheme();
        String version = r.getVersion();
        String seen = r.getPrefix() == null ? "" : r.getPrefix();
        if ((declared != null && !declared.equalsIgnoreCase("UTF-8")) || (version != null && !version.equals("1.0"))
                || !seen.equals(prefix)) {
            return null;
        }
        return new Start(Arrays.copyOfRange(pro.bytes, end + 1, pro.length), pro.length - (end + 1), r.getNamespaceContext(), prefix);
    }

    /** The bytes {@link #start} has read, in a buffer that grows up to {@link #MAX_PROLOGUE}. */
    private static final class Prologue {
        byte[] bytes = new byte[1 << 13];
        int length;

        /** Reads more of {@code in}, growing the buffer when full; false at the end of the part or past the limit. */
        boolean more(InputStream in) throws IOException {
            if (length == bytes.length) {
                if (bytes.length >= MAX_PROLOGUE) {
                    return false;
                }
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            int got = in.read(bytes, length, bytes.length - length);
            if (got <= 0) {
                return false;
            }
            length += got;
            return true;
        }
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private int read() throws IOException {
        if (pos < lim) {
            return buf[pos++] & 0xFF;
        }
        return refill();
    }

    private int refill() throws IOException {
        int got = in.read(buf, 0, buf.length);
        if (got <= 0) {
            lim = 0;
            pos = 0;
            return -1;
        }
        lim = got;
        pos = 1;
        return buf[0] & 0xFF;
    }

    /** The first byte after any markup whitespace, or -1. */
    private int skipSpace() throws IOException {
        int b = read();
        while (isSpace(b)) {
            b = read();
        }
        return b;
    }

    /**
     * Reads the next row element (or the end of sheetData) and hands it to the sink; {@link #BAIL}
     * when something is outside this reader's form (the sink then heard of no row since the last).
     */
    int next() throws IOException {
        int b = skipSpace();
        if (b != '<') {
            return BAIL;
        }
        b = read();
        if (b == '/') {
            return endTag(sheetDataName) ? END : BAIL;
        }
        if (!name(b, rowName)) {
            return BAIL;
        }
        int tag = attributes(false);
        if (tag == BAD) {
            return BAIL;
        }
        int row = sink.row(attrR);
        if (tag == EMPTY_TAG) {
            sink.rowEnd(row);
            return ROW;
        }
        while (true) {
            b = skipSpace();
            if (b != '<') {
                return BAIL;
            }
            b = read();
            if (b == '/') {
                if (!endTag(rowName)) {
                    return BAIL;
                }
                sink.rowEnd(row);
                return ROW;
            }
            if (!name(b, cName)) {
                return BAIL;
            }
            tag = attributes(true);
            if (tag == BAD) {
                return BAIL;
            }
            sink.cell(row, attrR, attrT, attrS);
            if (tag == EMPTY_TAG) {
                sink.cellEnd(row, null, null, false);
                continue;
            }
            if (!cell(row)) {
                return BAIL;
            }
        }
    }

    /** The content of a c element and its end tag; false to bail. */
    private boolean cell(int row) throws IOException {
        String value = null;
        String inline = null;
        boolean formula = false;
        while (true) {
            int b = skipSpace();
            if (b != '<') {
                return false;
            }
            b = read();
            if (b == '/') {
                if (!endTag(cName)) {
                    return false;
                }
                sink.cellEnd(row, value, inline, formula);
                return true;
            }
            int which = element(b);
            if (which < 0) {
                return false;
            }
            int tag = attributes(false);
            if (tag == BAD) {
                return false;
            }
            if (which == V) {
                if (tag == EMPTY_TAG) {
                    value = "";
                } else {
                    if (!text(row, true) || !endTag(vName)) {
                        return false;
                    }
                    value = new String(text, 0, textLen);
                }
            } else if (which == F) {
                formula = true;
                if (tag != EMPTY_TAG && (!text(row, false) || !endTag(fName))) {
                    return false;
                }
            } else if (which == IS) {
                if (tag == EMPTY_TAG) {
                    inline = "";
                } else {
                    String s = inlineString(row);
                    if (s == null) {
                        return false;
                    }
                    inline = s;
                }
            } else {
                return false;
            }
        }
    }

    private static final int V = 0;
    private static final int F = 1;
    private static final int IS = 2;

    /** After a '<' and its first byte b: which of v, f, is the element is (its name read by {@link #readName}), or -1. */
    private int element(int b) throws IOException {
        int len = readName(b);
        if (len < 0) {
            return -1;
        }
        if (Arrays.equals(nameBuf, 0, len, vName, 0, vName.length)) {
            return V;
        }
        if (Arrays.equals(nameBuf, 0, len, fName, 0, fName.length)) {
            return F;
        }
        if (Arrays.equals(nameBuf, 0, len, isName, 0, isName.length)) {
            return IS;
        }
        return -1;
    }

    private final byte[] nameBuf = new byte[64];

    /**
     * After a '<' and its first byte b: whether the element's name is {@code want}, read up to the byte
     * after it (a space, '/' or '>', left for {@link #attributes}).
     */
    private boolean name(int b, byte[] want) throws IOException {
        if (b != (want[0] & 0xFF)) {
            return false;
        }
        for (int i = 1; i < want.length; i++) {
            if (read() != (want[i] & 0xFF)) {
                return false;
            }
        }
        int c = read();
        if (c == -1 || !(isSpace(c) || c == '/' || c == '>')) {
            return false;
        }
        pos--; // read again by attributes(); refill() leaves pos >= 1, so the byte is still in buf
        return true;
    }

    /** After "</": the name {@code want}, optional space and '>'. */
    private boolean endTag(byte[] want) throws IOException {
        for (byte w : want) {
            if (read() != (w & 0xFF)) {
                return false;
            }
        }
        return skipSpace() == '>';
    }

    private static final int BAD = -1;
    private static final int OPEN_TAG = 0;
    private static final int EMPTY_TAG = 1;

    /**
     * The attributes of a start tag up to its '>' or "/>": {@link #attrR}, {@link #attrT},
     * {@link #attrS} (with {@code cell}: whatever their prefix, as the StAX path takes a cell's r, t
     * and s; else only the unprefixed r), {@link #BAD} for anything outside the form.
     */
    private int attributes(boolean cell) throws IOException {
        attrR = null;
        attrT = null;
        attrS = null;
        attrCount = 0;
        if (lim - pos < WINDOW) {
            ensure();
        }
        // the tag is read in the buffer itself: it holds the next WINDOW bytes (or the rest of the part),
        // so reaching its end within a tag means a tag longer than MAX_TAG or the end of the part: BAD
        final byte[] b = buf;
        final int end = lim;
        final int start = pos;
        int p = pos;
        while (true) {
            if (p >= end || p - start > MAX_TAG) {
                return BAD;
            }
            int c = b[p++];
            boolean spaced = false;
            while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                spaced = true;
                if (p >= end) {
                    return BAD;
                }
                c = b[p++];
            }
            if (c == '>') {
                pos = p;
                return OPEN_TAG;
            }
            if (c == '/') {
                if (p >= end) {
                    return BAD;
                }
                pos = p + 1;
                return b[p] == '>' ? EMPTY_TAG : BAD;
            }
            if (!spaced || !nameStart(c)) {
                return BAD;
            }
            // the name: ASCII name characters, at most one colon, not at either end
            final int nameAt = p - 1;
            long packed = 0;
            int colon = -1;
            int len = 0;
            while (true) {
                if (c == ':') {
                    if (colon >= 0) {
                        return BAD;
                    }
                    colon = len;
                } else if (!(nameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                    break;
                }
                len++;
                if (len <= 8) {
                    packed = packed << 8 | c;
                }
                if (p >= end || len > NAME_MAX) {
                    return BAD;
                }
                c = b[p++];
            }
            if (colon == len - 1) {
                return BAD;
            }
            while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (p >= end) {
                    return BAD;
                }
                c = b[p++];
            }
            if (c != '=') {
                return BAD;
            }
            do {
                if (p >= end) {
                    return BAD;
                }
                c = b[p++];
            } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
            if (c != '"' && c != '\'') {
                return BAD;
            }
            final int valueAt = p;
            boolean ascii = true;
            while (true) {
                if (p >= end) {
                    return BAD;
                }
                byte v = b[p];
                if (v == c) {
                    break;
                }
                if (v < 0) {
                    // outside ASCII (a font name such as 宋体): well-formed UTF-8 of an XML character
                    int n = utf8Length(b, p, end);
                    if (n < 0) {
                        return BAD;
                    }
                    p += n;
                    ascii = false;
                    continue;
                }
                if (v < 0x20 || v == 0x7F || v == '<' || v == '&') {
                    return BAD; // a line break or tab (normalised by XML), markup
                }
                p++;
            }
            final int valueLen = p - valueAt;
            p++; // the closing quote
            if (attrCount == attrNames.length) {
                return BAD;
            }
            // the attribute's expanded name: duplicates are an error in XML
            String longName = null;
            if (colon < 0) {
                if (len == 5 && packed == XMLNS) {
                    return BAD; // a namespace declaration inside sheetData
                }
                if (len > 8) {
                    longName = new String(b, nameAt, len, java.nio.charset.StandardCharsets.US_ASCII);
                }
            } else {
                String prefix = new String(b, nameAt, colon, java.nio.charset.StandardCharsets.US_ASCII);
                String uri = prefix.equals("xml") ? "http://www.w3.org/XML/1998/namespace" : names.getNamespaceURI(prefix);
                if (prefix.equals("xmlns") || uri == null || uri.isEmpty()) {
                    return BAD;
                }
                String local = new String(b, nameAt + colon + 1, len - colon - 1, java.nio.charset.StandardCharsets.US_ASCII);
                if (local.length() == 1 && (local.equals("r") || cell && (local.equals("t") || local.equals("s")))) {
                    return BAD; // a prefixed r, t or s: left to StAX
                }
                longName = "{" + uri + "}" + local;
                packed = 0;
            }
            for (int i = 0; i < attrCount; i++) {
                if (longName == null ? attrLongNames[i] == null && attrNames[i] == packed
                        : longName.equals(attrLongNames[i])) {
                    return BAD;
                }
            }
            attrNames[attrCount] = packed;
            attrLongNames[attrCount] = longName;
            attrCount++;
            if (colon < 0 && len == 1 && (b[nameAt] == 'r' || cell && (b[nameAt] == 't' || b[nameAt] == 's')) && !ascii) {
                return BAD; // a value the reader uses, outside ASCII: left to StAX
            }
            if (colon < 0 && len == 1) {
                switch (b[nameAt]) {
                    case 'r' -> attrR = value(b, valueAt, valueLen);
                    case 't' -> {
                        if (cell) {
                            attrT = value(b, valueAt, valueLen);
                        }
                    }
                    case 's' -> {
                        if (cell) {
                            attrS = value(b, valueAt, valueLen);
                        }
                    }
                    default -> {
                        // another one-letter attribute
                    }
                }
            }
        }
    }

    /**
     * The length of the well-formed UTF-8 sequence at {@code b[p]} (a lead byte) within {@code end},
     * of a character XML allows; -1 for any other.
     */
    private static int utf8Length(byte[] b, int p, int end) {
        int lead = b[p] & 0xFF;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        int cp;
        if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            cp = lead & 0x0F;
            lo = lead == 0xE0 ? 0xA0 : 0x80;
            hi = lead == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            cp = lead & 0x07;
            lo = lead == 0xF0 ? 0x90 : 0x80;
            hi = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (p + need >= end) {
            return -1;
        }
        for (int i = 1; i <= need; i++) {
            int c = b[p + i] & 0xFF;
            if (c < lo || c > hi) {
                return -1;
            }
            lo = 0x80;
            hi = 0xBF;
            cp = cp << 6 | (c & 0x3F);
        }
        return cp == 0xFFFE || cp == 0xFFFF ? -1 : need + 1;
    }

    /** Bytes a start tag is read within ({@link #attributes}), and the longest attribute name taken. */
    private static final int WINDOW = MAX_TAG + 512;
    private static final int NAME_MAX = 64;

    /** Moves the unread bytes to the buffer's start and reads until it holds {@link #WINDOW} of them or the part ends. */
    private void ensure() throws IOException {
        int have = lim - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, have);
            pos = 0;
            lim = have;
        }
        while (lim < WINDOW) {
            int got = in.read(buf, lim, buf.length - lim);
            if (got <= 0) {
                return;
            }
            lim += got;
        }
    }

    private static final long XMLNS = ((long) 'x' << 32) | ((long) 'm' << 24) | ((long) 'l' << 16) | ((long) 'n' << 8) | 's';

    /** An attribute value, common ones without a new string. */
    private static String value(byte[] b, int at, int n) {
        if (n == 1) {
            return switch (b[at]) {
                case 's' -> "s";
                case 'n' -> "n";
                case 'b' -> "b";
                case 'e' -> "e";
                case 'd' -> "d";
                case '0' -> "0";
                case '1' -> "1";
                default -> new String(b, at, 1, java.nio.charset.StandardCharsets.US_ASCII);
            };
        }
        if (n == 9 && b[at] == 'i' && Arrays.equals(b, at, at + 9, INLINE_STR, 0, 9)) {
            return "inlineStr";
        }
        if (n == 3 && b[at] == 's' && b[at + 1] == 't' && b[at + 2] == 'r') {
            return "str";
        }
        return new String(b, at, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final byte[] INLINE_STR = ascii("inlineStr");

    private static boolean nameStart(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
    }

    /**
     * The text up to the next "</" (both consumed: the caller reads the end tag's name) into
     * {@link #text}; {@code counted}: its characters count towards the row's limit. False to bail.
     */
    private boolean text(int row, boolean counted) throws IOException {
        return textUntilTag(row, counted, false) == END_TAG_NEXT;
    }

    private static final int END_TAG_NEXT = 0;
    private static final int START_TAG_NEXT = 1;

    /**
     * {@link #text}, stopping at any tag: {@link #END_TAG_NEXT} at "</" (both consumed),
     * {@link #START_TAG_NEXT} at '<' and a byte that may begin a name (that byte left unread), -1 to bail
     * (a comment, CDATA section or processing instruction among them). With {@code discarded} (text
     * that is not kept) a carriage return is taken too: only its normalisation kept it out.
     */
    private int textUntilTag(int row, boolean counted, boolean discarded) throws IOException {
        textLen = 0;
        int brackets = 0; // ']' just before, for "]]>"
        int reported = 0;
        while (true) {
            int b = pos < lim ? buf[pos++] & 0xFF : refill();
            if (b == '<') {
                int next = read();
                if (next != '/') {
                    if (!nameStart(next)) {
                        return -1; // a comment, CDATA section, processing instruction, or not well formed
                    }
                    pos--; // refill() leaves pos >= 1, so the byte is still in buf
                    return START_TAG_NEXT;
                }
                if (counted && textLen > reported) {
                    sink.chars(row, textLen - reported);
                }
                return END_TAG_NEXT;
            }
            if (textLen + 2 > text.length) {
                if (counted && textLen > reported) {
                    sink.chars(row, textLen - reported); // throws past the row's limit, before the text grows further
                    reported = textLen;
                }
                text = Arrays.copyOf(text, text.length * 2);
            }
            if (b >= 0x20 && b < 0x80) {
                if (b == '&') {
                    if (!entity()) {
                        return -1;
                    }
                    brackets = 0;
                    continue;
                }
                if (b == '>' && brackets >= 2) {
                    return -1; // "]]>" is not allowed in text
                }
                brackets = b == ']' ? brackets + 1 : 0;
                text[textLen++] = (char) b;
            } else if (b == '\t' || b == '\n' || (b == '\r' && discarded)) {
                brackets = 0;
                text[textLen++] = (char) b;
            } else if (b >= 0x80) {
                brackets = 0;
                if (!utf8(b)) {
                    return -1;
                }
            } else {
                return -1; // the end of the bytes, a carriage return (XML normalises it), a control character
            }
        }
    }

    /** A UTF-8 sequence starting with lead byte b, strictly formed, an XML character; appended. */
    private boolean utf8(int b) throws IOException {
        int cp;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            cp = b & 0x1F;
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            cp = b & 0x0F;
            need = 2;
            lo = b == 0xE0 ? 0xA0 : 0x80;
            hi = b == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            cp = b & 0x07;
            need = 3;
            lo = b == 0xF0 ? 0x90 : 0x80;
            hi = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        for (int i = 0; i < need; i++) {
            int c = read();
            if (c < lo || c > hi) {
                return false;
            }
            lo = 0x80;
            hi = 0xBF;
            cp = cp << 6 | (c & 0x3F);
        }
        return put(cp);
    }

    /** Appends a code point that XML 1.0 allows in text (its Char production); false for any other. */
    private boolean put(int cp) {
        if (cp < 0x20 ? cp != 0x9 && cp != 0xA && cp != 0xD : (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) {
            return false;
        }
        if (cp >= 0x10000) {
            text[textLen++] = Character.highSurrogate(cp);
            text[textLen++] = Character.lowSurrogate(cp);
        } else {
            text[textLen++] = (char) cp;
        }
        return true;
    }

    /** After '&': a named entity of XML's five or a character reference, and its ';'; appended. */
    private boolean entity() throws IOException {
        int b = read();
        if (b == '#') {
            int radix = 10;
            b = read();
            if (b == 'x') {
                radix = 16;
                b = read();
            }
            int cp = 0;
            int digits = 0;
            while (b != ';') {
                int d = Character.digit(b, radix);
                if (b < 0 || b >= 0x80 || d < 0 || ++digits > 8) {
                    return false;
                }
                cp = cp * radix + d;
                b = read();
            }
            return digits > 0 && put(cp);
        }
        int len = 0;
        long packed = 0;
        while (b != ';') {
            if (b < 'a' || b > 'z' || ++len > 4) {
                return false;
            }
            packed = packed << 8 | b;
            b = read();
        }
        char c;
        if (packed == AMP) {
            c = '&';
        } else if (packed == LT) {
            c = '<';
        } else if (packed == GT) {
            c = '>';
        } else if (packed == QUOT) {
            c = '"';
        } else if (packed == APOS) {
            c = '\'';
        } else {
            return false;
        }
        text[textLen++] = c;
        return true;
    }

    private static final long AMP = ((long) 'a' << 16) | ('m' << 8) | 'p';
    private static final long LT = ((long) 'l' << 8) | 't';
    private static final long GT = ((long) 'g' << 8) | 't';
    private static final long QUOT = ((long) 'q' << 24) | ((long) 'u' << 16) | ('o' << 8) | 't';
    private static final long APOS = ((long) 'a' << 24) | ((long) 'p' << 16) | ('o' << 8) | 's';

    /** The content of an is element after its start tag, to its end tag: the text of its t elements; null to bail. */
    private String inlineString(int row) throws IOException {
        StringBuilder all = null;
        String one = null;
        while (true) {
            int b = skipSpace();
            if (b != '<') {
                return null;
            }
            b = read();
            if (b == '/') {
                if (!endTag(isName)) {
                    return null;
                }
                return all != null ? all.toString() : one != null ? one : "";
            }
            if (!name(b, tName)) {
                return null;
            }
            int tag = attributes(false);
            if (tag == BAD) {
                return null;
            }
            if (tag == EMPTY_TAG) {
                continue;
            }
            if (!text(row, true) || !endTag(tName)) {
                return null;
            }
            String s = new String(text, 0, textLen);
            if (one == null && all == null) {
                one = s;
            } else {
                if (all == null) {
                    all = new StringBuilder(one);
                }
                all.append(s);
            }
        }
    }

    /**
     * The shared strings part ({@code sst}) read the same way: each {@code si} item's text (its {@code t}
     * elements, directly or in rich-text runs {@code r}; formatting {@code rPr}, phonetic runs
     * {@code rPh} and {@code phoneticPr} skipped, their markup checked as above) goes to {@code sink},
     * and {@code endString} runs at each item's end; then only white space may follow the root
     * element, to the end of the part. False when the part is not in that form (the caller reads it
     * again whole with StAX, into a new table): another element, a comment, text outside {@code t}, and
     * all that {@link #next} does not take.
     */
    static boolean sharedStrings(InputStream in, SharedStrings.TextSink sink, Runnable endString, String fileLabel, String part)
            throws IOException {
        Start start = start(in, "sst", fileLabel, part);
        return start != null && new SheetBytes(in, null, start).items(sink, endString);
    }

    private boolean items(SharedStrings.TextSink sink, Runnable endString) throws IOException {
        while (true) {
            int b = skipSpace();
            if (b != '<') {
                return false;
            }
            b = read();
            if (b == '/') {
                return endTag(sstName) && skipSpace() == -1; // as StAX, read to the end of the part
            }
            if (!name(b, siName)) {
                return false;
            }
            int tag = attributes(false);
            if (tag == BAD || (tag == OPEN_TAG && !item(sink, siName, false))) {
                return false;
            }
            endString.run();
        }
    }

    /** The content of an si element (or of a run in it) to its end tag. */
    private boolean item(SharedStrings.TextSink sink, byte[] name, boolean inRun) throws IOException {
        while (true) {
            int b = skipSpace();
            if (b != '<') {
                return false; // text outside t, or the end of the part
            }
            b = read();
            if (b == '/') {
                return endTag(name);
            }
            int len = readName(b);
            if (len < 0) {
                return false;
            }
            byte[] child = Arrays.copyOf(nameBuf, len);
            int tag = attributes(false);
            if (tag == BAD) {
                return false;
            }
            if (Arrays.equals(child, tName)) {
                if (tag == OPEN_TAG) {
                    if (!text(0, false) || !endTag(tName)) {
                        return false;
                    }
                    sink.append(text, 0, textLen);
                }
            } else if (!inRun && Arrays.equals(child, runName)) {
                if (tag == OPEN_TAG && !item(sink, runName, true)) {
                    return false;
                }
            } else if (skipped(child)) {
                if (tag == OPEN_TAG && !skip(child, 0)) {
                    return false;
                }
            } else {
                return false;
            }
        }
    }

    /** rPr, rPh and phoneticPr (with the element prefix): formatting and phonetic text, left out as StAX's reader leaves them out. */
    private boolean skipped(byte[] child) {
        int p = runName.length - 1; // the prefix and its colon
        if (child.length <= p || !Arrays.equals(child, 0, p, runName, 0, p)) {
            return false;
        }
        String local = new String(child, p, child.length - p, java.nio.charset.StandardCharsets.US_ASCII);
        return local.equals("rPr") || local.equals("rPh") || local.equals("phoneticPr");
    }

    /** The content of an element left out, to its end tag: any elements and text, checked as above. */
    private boolean skip(byte[] name, int depth) throws IOException {
        if (depth > 16) {
            return false;
        }
        while (true) {
            int got = textUntilTag(0, false, true);
            if (got < 0) {
                return false;
            }
            if (got == END_TAG_NEXT) {
                return endTag(name);
            }
            int len = readName(read());
            if (len < 0) {
                return false;
            }
            byte[] child = Arrays.copyOf(nameBuf, len);
            int tag = attributes(false);
            if (tag == BAD || (tag == OPEN_TAG && !skip(child, depth + 1))) {
                return false;
            }
        }
    }

    /**
     * An element name starting with byte b, into {@link #nameBuf} (ASCII name characters, at most one
     * colon whose prefix is declared), up to the byte after it (a space, '/' or '>', left unread); its
     * length, or -1.
     */
    private int readName(int b) throws IOException {
        if (!nameStart(b)) {
            return -1;
        }
        int len = 0;
        int colon = -1;
        int c = b;
        while (c != -1 && !isSpace(c) && c != '/' && c != '>') {
            if (len == nameBuf.length) {
                return -1;
            }
            if (c == ':') {
                if (colon >= 0) {
                    return -1;
                }
                colon = len;
            } else if (!(nameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return -1;
            }
            nameBuf[len++] = (byte) c;
            c = read();
        }
        if (c == -1 || colon == len - 1) {
            return -1;
        }
        if (colon >= 0) {
            String uri = names.getNamespaceURI(new String(nameBuf, 0, colon, java.nio.charset.StandardCharsets.US_ASCII));
            if (uri == null || uri.isEmpty()) {
                return -1; // an undeclared prefix
            }
        }
        pos--; // read again by attributes(); refill() leaves pos >= 1, so the byte is still in buf
        return len;
    }
}
