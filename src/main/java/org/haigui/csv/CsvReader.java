package org.haigui.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma separator, double-quote quoting with {@code ""} escapes,
 * records ended by {@code \n}, {@code \r\n} or a lone {@code \r} (mixed endings are fine), a
 * UTF-8 BOM skipped. We parse ourselves (rather than with FastCSV) to report, per record, the
 * row number as a spreadsheet shows it (header = row 1, one row per record even when a quoted
 * field spans lines), a file that ends inside a quoted field, and undecodable bytes - decoding
 * replaces them with U+FFFD, which marks the record as undecodable instead of storing mojibake.
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

    private static final char REPLACEMENT = '\uFFFD';

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
        CharsetDecoder dec = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(REPLACEMENT));
        this.in = new InputStreamReader(raw, dec);
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
        field.setLength(0);
        boolean quoted = false;
        boolean afterQuote = false; // just closed a quoted section
        boolean fieldStarted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    error = "the file ends inside a quoted field (unclosed quote: the file may be truncated)";
                }
                fields.add(field.toString());
                break;
            }
            char ch = (char) c;
            if (ch == REPLACEMENT) {
                undecodable = true;
            }
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
                recordChars += field.length();
                fields.add(field.toString());
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
                fields.add(field.toString());
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
}
