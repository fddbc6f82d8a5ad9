package org.haigui.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One pass over a CSV file's bytes, for {@link EngineStaging}: the file's SHA-256, its records, whether
 * it is plain, and per column of the header facts that let {@link EngineRules} leave out checks every
 * value is known to pass: the column's longest value in bytes, whether any value holds a byte outside
 * ASCII, the most digits one value could hold (ASCII digits, and 3 for each character outside ASCII
 * that NFKC might turn into digits), and whether every value has the plain shape of a date, a whole
 * number or a decimal. A value's bytes are those between its separators (its quotes left out), so
 * spaces around it count: such a column gets the full checks.
 *
 * <p>"Plain" is what DuckDB's strict reader reads without an error and with one record per line:
 * well-formed UTF-8; quotes only as RFC 4180 has them (a quoted field starts at the field's start and
 * its closing quote ends the field); no line break inside a quoted field; no lone carriage return and
 * not both CRLF and LF line ends; no NUL byte; no blank line; the header's number of fields on every
 * line; no line longer than the reader's limit. The scan runs before DuckDB reads the file, inside the
 * import's transaction, where a failed statement would end the transaction: so it proves what the
 * reader checks rather than learning it from a failure.
 *
 * <p>Given the positions of a table's key columns ({@link Keys}), the scan also tells whether every
 * data record's key is greater than the record's before it ({@link #keysIncreasing}): then no key
 * appears twice in the file, and the import's check for keys seen twice has nothing to find
 * ({@link CrossRowChecks}).
 */
final class CsvScan {

    /** The file's SHA-256 (hex), null when it is not plain (the scan stopped early). */
    final String sha256;
    /** Records (lines; a last line without a line break counts), the header's included. */
    final long records;
    final boolean plain;
    /** A control byte (below 0x20 but line breaks, or 0x7F) anywhere in the file. */
    final boolean controls;
    final int[] maxBytes;
    final boolean[] nonAscii;
    final int[] maxPotentialDigits;
    /** Every non-empty value is YYYY-MM-DD (digits and dashes by position: the date itself is checked by SQL). */
    final boolean[] fullDates;
    /** Every non-empty value is YYYY-MM-DD, YYYY-MM or YYYY. */
    final boolean[] partialDates;
    /** Every non-empty value is -?[0-9]+ or -?[0-9]+\.[0-9]+ ; with {@link #maxIntDigits} and {@link #maxFracDigits}. */
    final boolean[] decimals;
    final int[] maxIntDigits;
    final int[] maxFracDigits;
    /** Some value starts with an apostrophe (a cell a rejected-rows file neutralised: {@link org.haigui.core.SpreadsheetCells#restore}). */
    final boolean[] apostrophes;
    /** Some value starts or ends with a space (what SQL's {@code trim} takes away). */
    final boolean[] spaced;
    /**
     * Key columns were given ({@link Keys}), and every data record's key is greater than the one
     * before it, so no two records have the same key: each key cell non-empty and unquoted, an
     * integer one in its one written form (digits, no leading zero), records compared part by part
     * in the key's order, a text part by its bytes (unsigned), an integer part by its number of
     * digits, then its digits. A file sorted by key (as most exports are) has this; any other
     * order, or a key cell of another form, leaves it false, and the check is not left out.
     */
    final boolean keysIncreasing;

    /**
     * The key columns of a table by their positions in the file's header, in the key's order, and
     * which of them are integers (compared as numbers written without leading zeros).
     */
    record Keys(int[] positions, boolean[] integer) {
        /** No key columns: {@link #keysIncreasing} is false. */
        static final Keys NONE = new Keys(new int[0], new boolean[0]);
    }

    private CsvScan(String sha256, long records, boolean plain, boolean controls, Columns c) {
        this.sha256 = sha256;
        this.records = records;
        this.plain = plain;
        this.controls = controls;
        this.maxBytes = c.maxBytes;
        this.nonAscii = c.nonAscii;
        this.maxPotentialDigits = c.maxPotential;
        this.fullDates = c.fullDates;
        this.partialDates = c.partialDates;
        this.decimals = c.decimals;
        this.maxIntDigits = c.maxInt;
        this.maxFracDigits = c.maxFrac;
        this.apostrophes = c.apostrophes;
        this.spaced = c.spaced;
        this.keysIncreasing = plain && c.keysIncreasing();
    }

    /** A key value longer than this proves nothing (the scan keeps two records' keys). */
    static final int MAX_KEY_BYTES = 256;

    /** The facts gathered per column, and the value being read. */
    private static final class Columns {
        final int[] maxBytes;
        final boolean[] nonAscii;
        final int[] maxPotential;
        final boolean[] fullDates;
        final boolean[] partialDates;
        final boolean[] decimals;
        final int[] maxInt;
        final int[] maxFrac;
        final boolean[] apostrophes;
        final boolean[] spaced;
        /** The column of the value being read, the records ended so far, and whether bytes came after the last one's end. */
        int k;
        long records;
        boolean content;
        // the value being read
        int len;
        int digits;
        int dashes;
        int dots;
        int others;
        int potential;
        int fracDigits;
        boolean high;
        /** The header's values are not the column's. */
        boolean header = true;
        /** A record with another number of fields than the header (a blank line has one). */
        boolean ragged;
        byte first;
        byte last;
        byte b4;
        byte b7;

        // the key columns (Keys): the part of each column (-1 not a key), the current column's part, and the
        // key of the record being read, of the record before it, and of this part of the file's first record
        final int[] partOf;
        final boolean[] integer;
        int kp = -1;
        byte[][] cur;
        int[] curLen;
        byte[][] prev;
        int[] prevLen;
        byte[][] firstKey;
        int[] firstLen;
        boolean hasPrev;
        /** Every key so far well formed and greater than the one before it (false at once without key columns). */
        boolean keysOk;

        Columns(int width, Keys keys) {
            int parts = keys.positions().length;
            partOf = new int[width];
            java.util.Arrays.fill(partOf, -1);
            keysOk = parts > 0;
            for (int p = 0; p < parts; p++) {
                int at = keys.positions()[p];
                if (at < 0 || at >= width || partOf[at] >= 0) {
                    keysOk = false; // not a column of the header, or named twice: nothing is proved
                } else {
                    partOf[at] = p;
                }
            }
            integer = keys.integer().clone();
            cur = new byte[parts][16];
            curLen = new int[parts];
            prev = new byte[parts][16];
            prevLen = new int[parts];
            firstKey = new byte[parts][];
            firstLen = new int[parts];
            kp = keysOk ? partOf[0] : -1;
            maxBytes = new int[width];
            nonAscii = new boolean[width];
            maxPotential = new int[width];
            fullDates = filled(width);
            partialDates = filled(width);
            decimals = filled(width);
            maxInt = new int[width];
            maxFrac = new int[width];
            apostrophes = new boolean[width];
            spaced = new boolean[width];
        }

        private static boolean[] filled(int n) {
            boolean[] b = new boolean[n];
            java.util.Arrays.fill(b, true);
            return b;
        }

        void add(byte b) {
            if (kp >= 0) {
                keyByte(b);
            }
            last = b;
            if (len == 0) {
                first = b;
            } else if (len == 4) {
                b4 = b;
            } else if (len == 7) {
                b7 = b;
            }
            len++;
            if (b >= '0' && b <= '9') {
                digits++;
                potential++;
                if (dots > 0) {
                    fracDigits++;
                }
            } else if (b == '-') {
                dashes++;
            } else if (b == '.') {
                dots++;
            } else {
                others++;
                if (b < 0) {
                    high = true;
                    int u = b & 0xff;
                    if (u >= 0xC0 && (u < 0xE4 || u > 0xE9)) {
                        potential += 3; // a character that may fold to digits, up to 2 ("⑳"), 3 to be safe (U+4000-U+9FFF, lead bytes E4-E9, cannot)
                    }
                }
            }
        }

        /**
         * Takes in the value bytes {@code buf[from, to)} up to the first that is not plain ASCII text
         * (a separator, a quote, a control byte or line break, a byte outside ASCII) and returns where it
         * stopped: what {@link #add} does byte by byte, with the counts kept in locals. Most of a plain
         * file is such runs (measured: 48 MB on one thread in 0.19-0.25 s against 0.27-0.40 s byte by byte).
         */
        int run(byte[] buf, int from, int to) {
            int d = 0;
            int da = 0;
            int dt = dots;
            int fd = 0;
            int o = 0;
            int j = from;
            for (; j < to; j++) {
                byte c = buf[j];
                if (c >= '0' && c <= '9') {
                    d++;
                    if (dt > 0) {
                        fd++;
                    }
                } else if (c < 0x20 || c == ',' || c == '"' || c == 0x7f) {
                    break; // bytes outside ASCII are negative: below 0x20 too
                } else if (c == '-') {
                    da++;
                } else if (c == '.') {
                    dt++;
                } else {
                    o++;
                }
            }
            int n = j - from;
            if (n > 0) {
                if (kp >= 0) {
                    keyBytes(buf, from, n);
                }
                if (len == 0) {
                    first = buf[from];
                }
                if (len <= 4 && len + n > 4) {
                    b4 = buf[from + 4 - len];
                }
                if (len <= 7 && len + n > 7) {
                    b7 = buf[from + 7 - len];
                }
                last = buf[j - 1];
                len += n;
                digits += d;
                potential += d;
                fracDigits += fd;
                dashes += da;
                dots = dt;
                others += o;
            }
            return j;
        }

        /** Takes in the records and facts of the part of the file after this one's. */
        void combine(Columns o) {
            if (keysOk && o.keysOk && hasPrev && o.hasPrev) {
                keysOk = compareKeys(prev, prevLen, o.firstKey, o.firstLen) < 0; // this part's last record, the other's first
            } else {
                keysOk &= o.keysOk;
            }
            if (o.hasPrev) {
                prev = o.prev;
                prevLen = o.prevLen;
                if (!hasPrev) {
                    firstKey = o.firstKey;
                    firstLen = o.firstLen;
                }
                hasPrev = true;
            }
            records += o.records;
            ragged |= o.ragged;
            for (int k = 0; k < maxBytes.length; k++) {
                maxBytes[k] = Math.max(maxBytes[k], o.maxBytes[k]);
                nonAscii[k] |= o.nonAscii[k];
                maxPotential[k] = Math.max(maxPotential[k], o.maxPotential[k]);
                fullDates[k] &= o.fullDates[k];
                partialDates[k] &= o.partialDates[k];
                decimals[k] &= o.decimals[k];
                maxInt[k] = Math.max(maxInt[k], o.maxInt[k]);
                maxFrac[k] = Math.max(maxFrac[k], o.maxFrac[k]);
                apostrophes[k] |= o.apostrophes[k];
                spaced[k] |= o.spaced[k];
            }
        }

        /** The value ended at a separator: the next one is the next column's. */
        void endValue() {
            end(k++);
            kp = k < partOf.length && keysOk ? partOf[k] : -1;
            content = true;
        }

        /** The record ended (a line break, or the end of the file after content). */
        void endRecord() {
            ragged |= k != maxBytes.length - 1;
            end(k);
            if (keysOk && !header) {
                keyEnded();
            }
            java.util.Arrays.fill(curLen, 0);
            header = false;
            k = 0;
            kp = keysOk ? partOf[0] : -1;
            records++;
            content = false;
        }

        /** A quote began the current value: a quoted key cell proves nothing here. */
        void quoted() {
            if (kp >= 0) {
                keysOk = false;
                kp = -1;
            }
        }

        /** One byte of the current key value (a byte the runs do not take: outside ASCII, say). */
        private void keyByte(byte b) {
            if (curLen[kp] < cur[kp].length && curLen[kp] < MAX_KEY_BYTES) {
                cur[kp][curLen[kp]++] = b;
            } else {
                keyBytes(new byte[] {b}, 0, 1);
            }
        }

        /** Bytes of the current key value. */
        private void keyBytes(byte[] buf, int from, int n) {
            int at = curLen[kp];
            if (at + n > MAX_KEY_BYTES) {
                keysOk = false; // a long key: nothing proved (the cells are not kept)
                kp = -1;
                return;
            }
            if (at + n > cur[kp].length) {
                cur[kp] = java.util.Arrays.copyOf(cur[kp], Math.max(at + n, 2 * cur[kp].length));
            }
            System.arraycopy(buf, from, cur[kp], at, n);
            curLen[kp] = at + n;
        }

        /** A data record's key is complete: well formed and greater than the one before it, or nothing is proved. */
        private void keyEnded() {
            for (int p = 0; p < cur.length; p++) {
                int n = curLen[p];
                if (n == 0) {
                    keysOk = false; // an empty key cell (or a short row)
                    return;
                }
                if (integer[p]) {
                    for (int i = 0; i < n; i++) {
                        if (cur[p][i] < '0' || cur[p][i] > '9') {
                            keysOk = false;
                            return;
                        }
                    }
                    if (n > 1 && cur[p][0] == '0') {
                        keysOk = false; // 07 is 7: one number, two forms
                        return;
                    }
                }
            }
            if (!hasPrev) {
                for (int p = 0; p < cur.length; p++) {
                    firstKey[p] = java.util.Arrays.copyOf(cur[p], curLen[p]);
                    firstLen[p] = curLen[p];
                }
            } else if (compareKeys(prev, prevLen, cur, curLen) >= 0) {
                keysOk = false;
                return;
            }
            byte[][] t = prev;
            prev = cur;
            cur = t;
            int[] tl = prevLen;
            prevLen = curLen;
            curLen = tl;
            hasPrev = true;
        }

        /** Negative, zero or positive as key a is below, equal to or above key b (see {@link CsvScan#keysIncreasing}). */
        private int compareKeys(byte[][] a, int[] aLen, byte[][] b, int[] bLen) {
            for (int p = 0; p < a.length; p++) {
                int c = integer[p] && aLen[p] != bLen[p] ? Integer.compare(aLen[p], bLen[p])
                    : java.util.Arrays.compareUnsigned(a[p], 0, aLen[p], b[p], 0, bLen[p]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        boolean keysIncreasing() {
            return keysOk; // false from the start without key columns
        }

        /** The value of column k ended (k beyond the header: DuckDB refuses the row, so it does not matter). */
        private void end(int k) {
            if (len > 0 && k < maxBytes.length && !header) {
                maxBytes[k] = Math.max(maxBytes[k], len);
                apostrophes[k] |= first == '\'';
                spaced[k] |= first == ' ' || last == ' ';
                nonAscii[k] |= high;
                maxPotential[k] = Math.max(maxPotential[k], potential);
                boolean plainDigits = others == 0;
                boolean date10 = plainDigits && dots == 0 && len == 10 && dashes == 2 && b4 == '-' && b7 == '-';
                boolean date7 = plainDigits && dots == 0 && len == 7 && dashes == 1 && b4 == '-';
                boolean date4 = plainDigits && dots == 0 && len == 4 && dashes == 0;
                fullDates[k] &= date10;
                partialDates[k] &= date10 || date7 || date4;
                int intDigits = digits - fracDigits;
                boolean number = plainDigits && dots <= 1 && (dashes == 0 || (dashes == 1 && first == '-')) && intDigits >= 1
                    && (dots == 0 || fracDigits >= 1);
                decimals[k] &= number;
                if (number) {
                    maxInt[k] = Math.max(maxInt[k], intDigits);
                    maxFrac[k] = Math.max(maxFrac[k], fracDigits);
                }
            }
            len = 0;
            digits = 0;
            dashes = 0;
            dots = 0;
            others = 0;
            potential = 0;
            fracDigits = 0;
            high = false;
        }
    }

    /**
     * Scans {@code file}, whose header has {@code width} fields and whose lines may hold at most
     * {@code maxLineBytes} bytes; stops reading once it is known not to be plain. A file of more than
     * {@link #SPLIT} bytes is scanned as two parts at once, split at the line break after its middle:
     * if the first part is plain, that line break ends a record (a plain file has none inside a quoted
     * value), so the second part starts at a record; a UTF-8 character never spans it (a line break is
     * one byte). The parts' facts are then combined; the file's SHA-256 is computed on the first part's
     * thread, over the whole file in order.
     */
    static CsvScan of(Path file, int width, int maxLineBytes) throws IOException {
        return of(file, width, maxLineBytes, Keys.NONE);
    }

    /** {@link #of(Path, int, int)}, telling also whether the keys at {@code keys} increase ({@link #keysIncreasing}). */
    static CsvScan of(Path file, int width, int maxLineBytes, Keys keys) throws IOException {
        long size = Files.size(file);
        long split = size > SPLIT ? lineEndAfter(file, size / 2) : -1;
        MessageDigest digest = Staging.sha256();
        if (split < 0) {
            Range all = new Range(width, keys, maxLineBytes, true);
            all.scan(file, 0, size, digest);
            return all.result(digest, null);
        }
        Range second = new Range(width, keys, maxLineBytes, false);
        IOException[] failed = new IOException[1];
        Thread other = new Thread(() -> {
            try {
                second.scan(file, split, size, null);
            } catch (IOException e) {
                failed[0] = e;
            }
        }, "haigui-import-scan-2");
        other.setDaemon(true);
        other.start();
        Range first = new Range(width, keys, maxLineBytes, true);
        try {
            first.scan(file, 0, split, digest);
            if (!first.plain) {
                second.stop = true; // not plain whatever the rest holds
            }
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while scanning " + file);
        } finally {
            if (other.isAlive()) {
                second.stop = true;
                other.interrupt();
            }
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        if (first.plain && second.plain) {
            // the digest goes on over the second part's bytes, in order
            try (InputStream in = java.nio.channels.Channels.newInputStream(java.nio.channels.FileChannel.open(file).position(split))) {
                byte[] buf = new byte[1 << 20];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                }
            }
        }
        return first.result(digest, second);
    }

    /** Whether runs of plain ASCII value bytes take {@link Columns#run} (the tests compare both ways). */
    static boolean FAST = true;

    /** A file larger than this is scanned as two parts at once (bytes; the tests lower it). */
    static long SPLIT = 4 << 20;

    /** The offset just after the first line break at or after {@code at}, or -1 when there is none within 1 MiB. */
    static long lineEndAfter(Path file, long at) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(EngineStaging.MAX_LINE_BYTES + 1);
            ch.read(buf, at);
            buf.flip();
            for (int i = 0; i < buf.limit(); i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1 < ch.size() ? at + i + 1 : -1;
                }
            }
            return -1;
        }
    }

    /** The scan of one part of a file: its state, and the facts of its values. */
    private static final class Range {
        final Columns cols;
        final int maxLineBytes;
        boolean plain = true;
        boolean controls = false;
        // 0 start of a value, 1 unquoted value, 2 quoted value, 3 a quote inside a quoted value, 4 after a carriage return
        int state = 0;
        // UTF-8: continuation bytes still expected, and the range of the next one
        int need = 0;
        int lo = 0x80;
        int hi = 0xBF;
        int line = 0;
        boolean crlf = false;
        boolean lf = false;
        /** The other part failed or the import stopped: no need to go on. */
        volatile boolean stop;

        Range(int width, Keys keys, int maxLineBytes, boolean header) {
            this.cols = new Columns(width, keys);
            this.cols.header = header;
            this.maxLineBytes = maxLineBytes;
        }

        /** Scans the bytes {@code [from, to)} of the file, feeding the digest when one is given. */
        void scan(Path file, long from, long to, MessageDigest digest) throws IOException {
            byte[] buf = new byte[1 << 20];
            long left = to - from;
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file);
                 InputStream in = java.nio.channels.Channels.newInputStream(ch.position(from))) {
                for (int n; plain && !stop && left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
                    left -= n;
                    if (digest != null) {
                        digest.update(buf, 0, n);
                    }
                    bytes(buf, n);
                }
            }
        }

        private void bytes(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                if (FAST && need == 0 && state <= 1) {
                    // runs of plain ASCII value bytes in unquoted values and the commas between them, within the
                    // line's limit; anything else (a line end, a quote, a byte outside ASCII) byte by byte below
                    while (line < maxLineBytes) {
                        int end = cols.run(buf, i, (int) Math.min(n, (long) i + maxLineBytes - line));
                        if (end > i) {
                            line += end - i;
                            state = 1;
                            cols.content = true;
                            i = end;
                        }
                        if (i < n && buf[i] == ',' && line < maxLineBytes) {
                            line++;
                            outside(buf[i]);
                            i++;
                        } else {
                            break;
                        }
                    }
                    if (i == n) {
                        break;
                    }
                }
                byte b = buf[i];
                if (b < 0) {
                    int u = b & 0xff;
                    if (need > 0) {
                        if (u < lo || u > hi) {
                            plain = false;
                            break;
                        }
                        need--;
                        lo = 0x80;
                        hi = 0xBF;
                    } else if (u >= 0xC2 && u <= 0xDF) {
                        need = 1;
                    } else if (u >= 0xE0 && u <= 0xEF) {
                        need = 2;
                        lo = u == 0xE0 ? 0xA0 : 0x80;
                        hi = u == 0xED ? 0x9F : 0xBF; // no surrogates
                    } else if (u >= 0xF0 && u <= 0xF4) {
                        need = 3;
                        lo = u == 0xF0 ? 0x90 : 0x80;
                        hi = u == 0xF4 ? 0x8F : 0xBF;
                    } else {
                        plain = false; // a stray continuation byte, an overlong or out-of-range lead byte
                        break;
                    }
                } else if (need > 0) {
                    plain = false; // a character cut short
                    break;
                } else if ((b < 0x20 && b != '\n' && b != '\r') || b == 0x7f) {
                    controls = true;
                    if (b == 0) {
                        plain = false;
                        break;
                    }
                }
                if (++line > maxLineBytes) {
                    plain = false;
                    break;
                }
                switch (state) {
                    case 0, 1 -> {
                        if (b == '"') {
                            plain = state == 0; // a quote inside an unquoted value is not
                            cols.quoted();
                            state = 2;
                            cols.content = true;
                        } else if (!outside(b)) {
                            cols.add(b);
                            state = 1;
                            cols.content = true;
                        }
                    }
                    case 2 -> {
                        if (b == '"') {
                            state = 3;
                        } else if (b == '\n' || b == '\r') {
                            plain = false; // a line break inside a quoted value
                        } else {
                            cols.add(b);
                        }
                    }
                    case 3 -> {
                        if (b == '"') {
                            cols.add(b); // an escaped quote
                            state = 2;
                        } else if (!outside(b)) {
                            plain = false; // text after a closing quote
                        }
                    }
                    default -> {
                        if (b == '\n') {
                            crlf = true;
                            endLine();
                        } else {
                            plain = false; // a lone carriage return
                        }
                    }
                }
                if (!plain) {
                    break;
                }
            }
        }

        /**
         * The steps of a byte outside quotes that ends something, the same after an unquoted value and after a
         * closing quote: a comma ends the value, a line feed the record, a carriage return begins a CRLF line
         * end. Returns false, having done nothing, for any other byte.
         */
        private boolean outside(byte b) {
            if (b == ',') {
                cols.endValue();
                state = 0;
            } else if (b == '\n') {
                lf = true;
                endLine();
            } else if (b == '\r') {
                state = 4;
            } else {
                return false;
            }
            return true;
        }

        /** The line ended (LF, or the LF of a CRLF): its record ends, the next line begins. */
        private void endLine() {
            cols.endRecord();
            line = 0;
            state = 0;
        }

        /**
         * The scan's result; with {@code second}, the part after this one, the two combined (this part
         * ends at a line break, so where it is plain it ends at a record).
         */
        CsvScan result(MessageDigest digest, Range second) {
            Columns c = cols;
            boolean ok = plain && state != 2 && state != 4 && need == 0;
            boolean cr = crlf;
            boolean lfs = lf;
            boolean ctl = controls;
            if (second != null) {
                // this part ends with the line break the file was split at: where it is plain, at a record's end
                ok &= state == 0 && !c.content && second.plain && second.state != 2 && second.state != 4 && second.need == 0;
                cr |= second.crlf;
                lfs |= second.lf;
                ctl |= second.controls;
                if (ok && second.cols.content) {
                    second.cols.endRecord(); // the last line, without a line break
                }
                c.combine(second.cols);
            } else if (ok && c.content) {
                c.endRecord();
            }
            if (!ok || (cr && lfs)) {
                // not plain, an unclosed quote, a carriage return at the very end, a character cut short,
                // or both kinds of line end: the rest is not needed
                return new CsvScan(null, c.records, false, ctl, c);
            }
            return new CsvScan(HexFormat.of().formatHex(digest.digest()), c.records, !c.ragged, ctl, c);
        }
    }
}
