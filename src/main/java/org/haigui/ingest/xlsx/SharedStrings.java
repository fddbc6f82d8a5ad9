package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.haigui.core.HaiguiException;

/**
 * The shared string table, held for random access in one char array with an int array of
 * offsets: two chars per character plus four bytes per string, instead of one String object
 * (about 40 bytes of overhead) per string. Its size is bounded by the inflated part, itself
 * bounded by {@link #maxChars} and {@link #maxStrings}.
 */
final class SharedStrings {

    static final SharedStrings NONE = new SharedStrings(new char[0], new int[] {0}, 0);

    /**
     * The most characters the table may hold (128 Mi: 256 MiB of heap), so that a workbook whose
     * shared strings inflate to a gigabyte within the zip limits is refused, not an out-of-memory
     * crash. Package-private and not final so that tests can lower it.
     */
    static int maxChars = 128 << 20;
    /** The most strings the table may hold (16 Mi: 64 MiB of offsets). */
    static int maxStrings = 16 << 20;

    private final char[] chars;
    private final int[] offsets;
    private final int count;

    private SharedStrings(char[] chars, int[] offsets, int count) {
        this.chars = chars;
        this.offsets = offsets;
        this.count = count;
    }

    int size() {
        return count;
    }

    /** The string at that index (0-based); the caller checks the range. */
    String get(int index) {
        int from = offsets[index];
        int to = offsets[index + 1];
        return Xml.decodeEscapes(new String(chars, from, to - from));
    }

    /** Tables read by the fast path (for tests). */
    static final java.util.concurrent.atomic.AtomicLong FAST_READS = new java.util.concurrent.atomic.AtomicLong();

    static SharedStrings read(WorkbookZip zip, String part) {
        WorkbookZip.Entry e = zip.find(part);
        if (e == null) {
            return NONE;
        }
        if (XlsxSheetReader.FAST) {
            // the usual form straight from the bytes (SheetBytes); anything else again whole with StAX
            Builder fast = new Builder(zip.fileLabel(), part);
            try (InputStream in = zip.open(e)) {
                if (SheetBytes.sharedStrings(in, fast, fast::endString, zip.fileLabel(), part)) {
                    FAST_READS.incrementAndGet();
                    return fast.build();
                }
            } catch (IOException ex) {
                // StAX reads the part again and reports it
            }
        }
        Builder b = new Builder(zip.fileLabel(), part);
        try (InputStream in = zip.open(e)) {
            XMLStreamReader r = Xml.reader(in, zip.fileLabel(), part);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "si".equals(r.getLocalName())) {
                        readStringItem(r, b);
                        b.endString();
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
        return b.build();
    }

    /**
     * Appends the text of an {@code si} or {@code is} element (the reader on its START_ELEMENT):
     * its {@code t} child, or the {@code t} of each rich-text run {@code r}; phonetic runs
     * ({@code rPh}, furigana) and formatting are left out. Ends on the element's END_ELEMENT.
     */
    static void readStringItem(XMLStreamReader r, TextSink sink) throws XMLStreamException {
        int depth = 1;
        boolean inText = false;
        int textDepth = -1;
        int skipDepth = -1;
        while (depth > 0) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    String name = r.getLocalName();
                    if (skipDepth < 0) {
                        if ("rPh".equals(name) || "rPr".equals(name) || "phoneticPr".equals(name)) {
                            skipDepth = depth;
                        } else if ("t".equals(name) && !inText) {
                            inText = true;
                            textDepth = depth;
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == skipDepth) {
                        skipDepth = -1;
                    }
                    if (inText && depth == textDepth) {
                        inText = false;
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inText && skipDepth < 0) {
                        sink.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of the document");
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /** Where string text goes. */
    interface TextSink {
        void append(char[] text, int start, int length);
    }

    private static final class Builder implements TextSink {
        private final String fileLabel;
        private final String part;
        private char[] chars = new char[1 << 16];
        private int length;
        private int[] offsets = new int[1 << 12];
        private int count;

        Builder(String fileLabel, String part) {
            this.fileLabel = fileLabel;
            this.part = part;
        }

        @Override
        public void append(char[] text, int start, int len) {
            if (length + (long) len > maxChars) {
                throw HaiguiException.input(fileLabel + ": part " + part + " holds more than "
                        + maxChars + " characters of shared strings; refused (too large to read safely: "
                        + "save the sheets as CSV files and import those)");
            }
            if (length + (long) len > chars.length) {
                long want = Math.max(length + (long) len, Math.min((long) chars.length * 2, maxChars));
                chars = Arrays.copyOf(chars, (int) want);
            }
            System.arraycopy(text, start, chars, length, len);
            length += len;
        }

        void endString() {
            if (count >= maxStrings) {
                throw HaiguiException.input(fileLabel + ": part " + part + " holds more than " + maxStrings
                    + " shared strings; refused (too large to read safely: save the sheets as CSV files and import those)");
            }
            if (count + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, (int) Math.min((long) offsets.length * 2, maxStrings + 2L));
            }
            count++;
            offsets[count] = length;
        }

        SharedStrings build() {
            // trim the spare capacity: the table lives as long as the workbook
            return new SharedStrings(Arrays.copyOf(chars, length), Arrays.copyOf(offsets, count + 1), count);
        }
    }
}
