package org.haigui.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma separator, double-quote quoting with {@code ""} escapes,
 * records ended by {@code \n}, {@code \r\n} or a lone {@code \r} (mixed endings are fine), a
 * UTF-8 BOM skipped. We parse ourselves (rather than with FastCSV) to report, per record, the
 * row number as a spreadsheet shows it (header = row 1, one row per record even when a quoted
 * field spans lines), a file that ends inside a quoted field, and undecodable bytes - each is kept
 * as the lone low surrogate {@code U+DC00 + byte} ({@link #isEscapedByte}), which marks the record
 * as undecodable instead of storing mojibake, and lets the rejected-rows file give the byte back
 * unchanged ({@link #escapedByte}); {@link #visible} shows it as {@code \xHH} for people.
 *
 * <p>The one CSV reader of the project: the import reads user files with it, and the schema reads
 * its own resources (the city's districts) with it.
 */
public final class CsvReader implements AutoCloseable {

    /** One record: its fields, its row number, and an error that makes the whole record unusable. */
    public record Record(long rowNumber, List<String> fields, String error) {
    }

    /**
     * The bounds that keep a hostile file from exhausting memory: characters per field, fields per
     * record, characters per record.
     */
    public record Limits(int maxFieldChars, int maxFields, int maxRecordChars) {

        /** 1 Mi characters per field, 16,384 fields (Excel's widest sheet), 8 Mi characters per record. */
        public static Limits defaults() {
            return new Limits(1 << 20, 16_384, 8 << 20);
        }
    }

    /** A record beyond the {@link Limits}: the file cannot be read safely (reading stops). */
    public static final class TooLarge extends IOException {
        private final long rowNumber;

        TooLarge(long rowNumber, String message) {
            super(message);
            this.rowNumber = rowNumber;
        }

        /** The row (spreadsheet numbering) where reading stopped. */
        public long rowNumber() {
            return rowNumber;
        }
    }

    /** Undecodable byte {@code b} is read as the character {@code ESCAPE_BASE | b}. */
    static final char ESCAPE_BASE = '\uDC00';

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long record; // records returned so far
    private boolean eof;
    private boolean first = true;
    private final StringBuilder field = new StringBuilder(64);
    private final Limits limits;
    private final String undecodableHint;

    /** Reads {@code raw} decoded with {@code charset}; undecodable bytes mark their record (see {@link Record#error()}). */
    public CsvReader(InputStream raw, Charset charset) {
        this(raw, charset, Limits.defaults());
    }

    /** As {@link #CsvReader(InputStream, Charset)}, within these limits (beyond them {@link #next} throws {@link TooLarge}). */
    public CsvReader(InputStream raw, Charset charset, Limits limits) {
        this.limits = limits;
        this.undecodableHint = charset.name().equalsIgnoreCase("GB18030")
            ? "bytes that are not valid GB18030 (is the file UTF-8? then import it without --encoding GB18030)"
            : "bytes that are not valid in the file's encoding (is the file GB18030? try --encoding GB18030)";
        this.in = new EscapingReader(raw, charset);
    }

    private int read() throws IOException {
        if (pos == len) {
            if (eof) {
                return -1;
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                eof = true;
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread() {
        pos--;
    }

    /** The next record, or null at the end of the input. */
    public Record next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>(16);
        long recordChars = 0;
        String error = null;
        boolean undecodable = false;
        char previous = 0;
        field.setLength(0);
        boolean quoted = false;
        boolean afterQuote = false; // just closed a quoted section
        boolean fieldStarted = false;
        // a field that is one plain run ended by a separator in the buffer, taken from the buffer at
        // once rather than through the builder (which, once a Chinese character inflated it, would
        // have to compress every later ASCII field back: a third of the parsing CPU); set only just
        // before that separator is handled below
        String direct = null;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    error = "the file ends inside a quoted field (unclosed quote: the file may be truncated)";
                }
                fields.add(field.toString());
                break;
            }
            if (!quoted && !fieldStarted && c != '"' && c != ',' && c != '\n' && c != '\r' && !Character.isSurrogate((char) c)) {
                // the common case, an unquoted field: take the run of plain characters from the buffer at once
                // (c is buf[pos - 1]); what ends the run is handled below, one character at a time
                int start = pos - 1;
                int end = pos;
                while (end < len) {
                    char x = buf[end];
                    if (x == ',' || x == '\n' || x == '\r' || x == '"' || Character.isSurrogate(x)) {
                        break;
                    }
                    end++;
                }
                int runLength = end - start;
                if (end < len && (buf[end] == ',' || buf[end] == '\n' || buf[end] == '\r')) {
                    direct = new String(buf, start, runLength);
                } else {
                    field.append(buf, start, runLength);
                }
                previous = buf[end - 1];
                fieldStarted = true;
                pos = end;
                if (runLength > limits.maxFieldChars() || field.length() > limits.maxFieldChars()) {
                    throw new TooLarge(record + 1, "a field longer than " + limits.maxFieldChars() + " characters");
                }
                if (recordChars + Math.max(runLength, field.length()) > limits.maxRecordChars()) {
                    throw new TooLarge(record + 1, "a row longer than " + limits.maxRecordChars() + " characters");
                }
                c = read();
                continue;
            }
            char ch = (char) c;
            if (Character.isLowSurrogate(ch) && !Character.isHighSurrogate(previous)) {
                undecodable = true;
            }
            previous = ch;
            if (quoted) {
                if (ch == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        if (n != -1) {
                            unread();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                if (fields.size() + 1 >= limits.maxFields()) {
                    throw new TooLarge(record + 1, "a row with more than " + limits.maxFields() + " fields");
                }
                String value = direct != null ? direct : field.toString();
                direct = null;
                recordChars += value.length();
                fields.add(value);
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int n = read();
                    if (n != '\n' && n != -1) {
                        unread();
                    }
                }
                fields.add(direct != null ? direct : field.toString());
                break;
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else {
                if (afterQuote && error == null) {
                    error = "text after a closing quote in field " + (fields.size() + 1);
                }
                field.append(ch);
                fieldStarted = true;
            }
            if (field.length() > limits.maxFieldChars()) {
                throw new TooLarge(record + 1, "a field longer than " + limits.maxFieldChars() + " characters");
            }
            if (recordChars + field.length() > limits.maxRecordChars()) {
                throw new TooLarge(record + 1, "a row longer than " + limits.maxRecordChars() + " characters");
            }
            c = read();
        }
        record++;
        if (undecodable && error == null) {
            error = undecodableHint;
        }
        return new Record(record, fields, error);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whether {@code s} holds at least one undecodable byte kept by this reader. */
    public static boolean hasEscapedBytes(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isEscapedByte(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character at {@code i} is an undecodable byte kept by this reader (a lone low surrogate). */
    public static boolean isEscapedByte(String s, int i) {
        char c = s.charAt(i);
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))
            && c <= (ESCAPE_BASE | 0xff);
    }

    /** The byte an escaped character stands for (see {@link #isEscapedByte}). */
    public static int escapedByte(char c) {
        return c & 0xff;
    }

    /** {@code s} with every undecodable byte shown as {@code \xHH}: for messages, the quarantine and workbooks. */
    public static String visible(String s) {
        if (!hasEscapedBytes(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            if (isEscapedByte(s, i)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\x%02X", escapedByte(s.charAt(i))));
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
