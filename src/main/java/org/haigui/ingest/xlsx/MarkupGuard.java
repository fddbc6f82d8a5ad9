package org.haigui.ingest.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.haigui.core.HaiguiException;

/**
 * Sits between an entry and the StAX parser, which streams text in chunks but buffers a whole
 * tag (with its attribute values), comment, CDATA section or processing instruction in memory.
 * Any one of those longer than {@link #MAX_MARKUP_UNITS} is refused, so a part cannot make the
 * parser hold hundreds of MB; a DOCTYPE is refused at once (Excel never writes one). Text between
 * tags is not limited here. Works on UTF-8 bytes (markup characters are ASCII and never occur
 * inside a multi-byte sequence) and on UTF-16 code units when the part starts as UTF-16.
 */
final class MarkupGuard extends FilterInputStream {

    /** The longest tag, comment, CDATA section or processing instruction accepted, in bytes or UTF-16 units. */
    static final int MAX_MARKUP_UNITS = 1 << 20;

    private static final int TEXT = 0;
    private static final int LT = 1;
    private static final int TAG = 2;
    private static final int BANG = 3;
    private static final int COMMENT = 4;
    private static final int CDATA = 5;
    private static final int PI = 6;

    private static final int UNKNOWN = 0;
    private static final int UTF8 = 1;
    private static final int UTF16BE = 2;
    private static final int UTF16LE = 3;

    private final String fileLabel;
    private final String part;
    private int encoding = UNKNOWN;
    private int pendingByte = -1;
    private int state = TEXT;
    private int quote;
    private long length;
    /** Progress through the end marker of a comment (-->), CDATA (]]>) or PI (?>). */
    private int matched;

    MarkupGuard(InputStream in, String fileLabel, String part) {
        super(in);
        this.fileLabel = fileLabel;
        this.part = part;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            scan(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            scan(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must be seen
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long done = 0;
        while (done < n) {
            int k = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (k < 0) {
                break;
            }
            done += k;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void scan(byte[] b, int off, int n) {
        int i = off;
        int end = off + n;
        if (encoding == UNKNOWN) {
            int b0 = b[i] & 0xFF;
            int b1 = n > 1 ? b[i + 1] & 0xFF : -1;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == '<')) {
                encoding = UTF16BE;
            } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == '<' && b1 == 0)) {
                encoding = UTF16LE;
            } else {
                encoding = UTF8;
            }
        }
        if (encoding == UTF8) {
            scanUtf8(b, i, end);
            return;
        }
        for (; i < end; i++) {
            int v = b[i] & 0xFF;
            if (pendingByte < 0) {
                pendingByte = v;
            } else {
                step(encoding == UTF16BE ? (pendingByte << 8) | v : (v << 8) | pendingByte);
                pendingByte = -1;
            }
        }
    }

    /** The UTF-8 path, with tight loops for the two states almost every byte is in: text and inside a tag. */
    private void scanUtf8(byte[] b, int from, int end) {
        int i = from;
        while (i < end) {
            if (state == TEXT) {
                while (i < end && b[i] != '<') {
                    i++;
                }
                if (i == end) {
                    return;
                }
                i++;
                state = LT;
                length = 1;
            } else if (state == TAG) {
                int start = i;
                int q = quote;
                while (i < end) {
                    byte c = b[i];
                    if (q != 0) {
                        if (c == q) {
                            q = 0;
                        }
                    } else if (c == '>') {
                        break;
                    } else if (c == '"' || c == '\'') {
                        q = c;
                    }
                    i++;
                }
                quote = q;
                length += i - start;
                if (length > MAX_MARKUP_UNITS) {
                    throw tooLong();
                }
                if (i < end) {
                    i++;
                    state = TEXT;
                }
            } else {
                step(b[i++] & 0xFF);
            }
        }
    }

    private HaiguiException tooLong() {
        String what = switch (state) {
            case COMMENT -> "a comment";
            case CDATA -> "a CDATA section";
            case PI -> "a processing instruction";
            default -> "a tag (with its attributes)";
        };
        return HaiguiException.input(String.format(Locale.ROOT,
                "%s: part %s has %s longer than %,d bytes, which no real workbook has; refused to protect memory",
                fileLabel, part, what, MAX_MARKUP_UNITS));
    }

    private void step(int c) {
        switch (state) {
            case TEXT -> {
                if (c == '<') {
                    state = LT;
                    length = 1;
                }
                return;
            }
            case LT -> {
                if (c == '!') {
                    state = BANG;
                } else if (c == '?') {
                    state = PI;
                    matched = 0;
                } else {
                    state = TAG;
                    quote = 0;
                    stepTag(c);
                }
            }
            case BANG -> {
                if (c == '-') {
                    state = COMMENT;
                    matched = 0;
                } else if (c == '[') {
                    state = CDATA;
                    matched = 0;
                } else {
                    throw HaiguiException.input(fileLabel + ": part " + part + " has a DOCTYPE declaration, which no workbook"
                            + " written by Excel has; refused (it could hide entity expansion or read other files)");
                }
            }
            case TAG -> stepTag(c);
            case COMMENT -> stepEnd(c, "-->");
            case CDATA -> stepEnd(c, "]]>");
            case PI -> stepEnd(c, "?>");
            default -> throw new IllegalStateException("state " + state);
        }
        if (state != TEXT && ++length > MAX_MARKUP_UNITS) {
            throw tooLong();
        }
    }

    private void stepTag(int c) {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            state = TEXT;
        }
    }

    private void stepEnd(int c, String marker) {
        if (c == marker.charAt(matched)) {
            if (++matched == marker.length()) {
                state = TEXT;
            }
        } else {
            // "--->" or "]]]>": a repeated first character keeps the partial match
            matched = c == marker.charAt(0) ? (matched > 0 && marker.charAt(0) == marker.charAt(1) ? matched : 1) : 0;
        }
    }
}
