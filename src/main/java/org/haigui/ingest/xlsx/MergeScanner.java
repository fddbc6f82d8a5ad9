package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cheap first pass over a sheet: {@code <mergeCells>} comes after {@code <sheetData>}, so the
 * merged ranges are collected by a byte-level scan of the inflated stream before rows are read.
 * It looks only at markup (it tracks quoted attribute values, comments, CDATA and processing
 * instructions, so text that merely looks like a tag is never taken) and holds nothing but a
 * small buffer and the ranges found. It reads the entry to its end, so that the entry's size and
 * CRC are checked before any row is returned. Sheets are UTF-8 (the only encoding Excel writes); the
 * caller sends UTF-16 sheets to a StAX skim instead.
 */
final class MergeScanner {

    /** A merged range, 1-based rows, 0-based columns, inclusive; {@code ref} as written. */
    record Range(int top, int left, int bottom, int right, String ref) {}

    /** What the scan found: valid ranges and the refs it could not read. */
    record Result(List<Range> ranges, List<String> invalid) {}

    /** Tag names and attribute lists longer than this are skipped, not collected. */
    private static final int MAX_TAG_BYTES = 4096;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;

    private MergeScanner(InputStream in) {
        this.in = in;
    }

    static Result scan(InputStream in, int maxColumns, int maxRanges) throws IOException {
        return new MergeScanner(in).run(maxColumns, maxRanges);
    }

    private int next() throws IOException {
        if (pos == limit) {
            limit = in.read(buf, 0, buf.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    private Result run(int maxColumns, int maxRanges) throws IOException {
        List<Range> ranges = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        byte[] tag = new byte[MAX_TAG_BYTES];
        int c;
        while (skipPast('<')) {
            c = next();
            if (c == '!') {
                skipDeclaration();
                continue;
            }
            if (c == '?') {
                skipUntil("?>");
                continue;
            }
            if (c == '/') {
                // an end tag; the scan goes on to the end of the entry so that its size and CRC are checked
                skipPast('>');
                continue;
            }
            // a start tag: read its name; only a mergeCell tag has its attributes collected
            int nameLen = 0;
            while (c >= 0 && !isSpace(c) && c != '/' && c != '>' && nameLen < MAX_TAG_BYTES) {
                tag[nameLen++] = (byte) c;
                c = next();
            }
            boolean merge = endsWithLocalName(tag, nameLen, "mergeCell");
            if (!merge) {
                if (c != '>') {
                    skipTagRest(c);
                }
                continue;
            }
            // the rest of the tag up to its '>', quoted attribute values (which may hold '>') tracked
            int len = 0;
            boolean overflow = false;
            int quote = 0;
            while (c >= 0) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    break;
                }
                if (merge) {
                    if (len < MAX_TAG_BYTES) {
                        tag[len++] = (byte) c;
                    } else {
                        overflow = true;
                    }
                }
                c = next();
            }
            if (!merge || overflow) {
                continue;
            }
            String ref = attribute(new String(tag, 0, len, StandardCharsets.UTF_8), "ref");
            if (ref == null) {
                continue;
            }
            Range r = parseRange(ref, maxColumns);
            if (r == null) {
                invalid.add(ref);
            } else if (r.top() != r.bottom() || r.left() != r.right()) {
                if (ranges.size() >= maxRanges) {
                    throw new TooManyRanges(maxRanges);
                }
                ranges.add(r);
            }
        }
        return new Result(ranges, invalid);
    }

    /** Skips to just after the next occurrence of the byte; false at the end of the stream. */
    private boolean skipPast(int target) throws IOException {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == target) {
                    pos = i + 1;
                    return true;
                }
            }
            pos = limit;
            if (next() < 0) {
                return false;
            }
            pos--;
        }
    }

    /** Skips the rest of a start tag (c is its current byte) up to and including its '>', quoted values tracked. */
    private void skipTagRest(int c) throws IOException {
        int quote = 0;
        if (c == '"' || c == '\'') {
            quote = c;
        }
        while (true) {
            int i = pos;
            for (; i < limit; i++) {
                byte b = buf[i];
                if (quote != 0) {
                    if (b == quote) {
                        quote = 0;
                    }
                } else if (b == '>') {
                    pos = i + 1;
                    return;
                } else if (b == '"' || b == '\'') {
                    quote = b;
                }
            }
            pos = limit;
            if (next() < 0) {
                return;
            }
            pos--;
        }
    }

    /** Thrown when a sheet declares more merged ranges than accepted. */
    static final class TooManyRanges extends RuntimeException {
        final int max;

        TooManyRanges(int max) {
            super(null, null, false, false);
            this.max = max;
        }
    }

    /** After {@code <!}: a comment, a CDATA section or a declaration (DOCTYPE), skipped whole. */
    private void skipDeclaration() throws IOException {
        int c1 = next();
        if (c1 == '-') {
            next();
            skipUntil("-->");
        } else if (c1 == '[') {
            skipUntil("]]>");
        } else {
            int depth = 1;
            int c;
            while ((c = next()) >= 0) {
                if (c == '<') {
                    depth++;
                } else if (c == '>' && --depth == 0) {
                    return;
                }
            }
        }
    }

    private void skipUntil(String end) throws IOException {
        int matched = 0;
        int n = end.length();
        int c;
        while ((c = next()) >= 0) {
            if (c == end.charAt(matched)) {
                if (++matched == n) {
                    return;
                }
            } else {
                matched = c == end.charAt(0) ? 1 : 0;
            }
        }
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** True when tag[0..len) is {@code name} or {@code prefix:name}, trailing spaces ignored. */
    private static boolean endsWithLocalName(byte[] tag, int len, String name) {
        while (len > 0 && isSpace(tag[len - 1])) {
            len--;
        }
        int n = name.length();
        if (len < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (tag[len - n + i] != name.charAt(i)) {
                return false;
            }
        }
        return len == n || tag[len - n - 1] == ':';
    }

    /** The value of an unprefixed attribute in an attribute list, or null. */
    static String attribute(String attrs, String name) {
        int i = 0;
        int n = attrs.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(attrs.charAt(i)) || attrs.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < n && attrs.charAt(i) != '=' && !Character.isWhitespace(attrs.charAt(i))) {
                i++;
            }
            String attrName = attrs.substring(nameStart, i);
            while (i < n && Character.isWhitespace(attrs.charAt(i))) {
                i++;
            }
            if (i >= n || attrs.charAt(i) != '=') {
                return null;
            }
            i++;
            while (i < n && Character.isWhitespace(attrs.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return null;
            }
            char q = attrs.charAt(i);
            if (q != '"' && q != '\'') {
                return null;
            }
            int end = attrs.indexOf(q, i + 1);
            if (end < 0) {
                return null;
            }
            if (attrName.equals(name)) {
                return attrs.substring(i + 1, end).trim();
            }
            i = end + 1;
        }
        return null;
    }

    /** Parses {@code B2:C5} (or a single cell); null when it is not a valid range within maxColumns. */
    static Range parseRange(String ref, int maxColumns) {
        int colon = ref.indexOf(':');
        String a = colon < 0 ? ref : ref.substring(0, colon);
        String b = colon < 0 ? ref : ref.substring(colon + 1);
        int c1 = CellRefs.column(a, maxColumns);
        int c2 = CellRefs.column(b, maxColumns);
        int r1 = CellRefs.row(a);
        int r2 = CellRefs.row(b);
        if (c1 < 0 || c2 < 0 || c1 == Integer.MAX_VALUE || c2 == Integer.MAX_VALUE || r1 < 0 || r2 < 0) {
            return null;
        }
        return new Range(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2), ref);
    }
}
