package org.haigui.synth;

import java.util.Arrays;
import java.util.List;

/** Encodes rows as RFC 4180 CSV in UTF-8 straight into bytes (quoted only where needed). */
final class Csv {

    private byte[] buf = new byte[1 << 14];
    private int n;

    byte[] toBytes() {
        return Arrays.copyOf(buf, n);
    }

    void reset() {
        n = 0;
    }

    void rows(List<String[]> rows) {
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    put((byte) ',');
                }
                String v = row[c];
                if (v != null) {
                    value(v);
                }
            }
            put((byte) '\n');
        }
    }

    void value(String v) {
        int len = v.length();
        if (buf.length - n < len * 3 + 2) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + len * 3 + 2));
        }
        byte[] b = buf;
        int k = n;
        boolean quote = false;
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (quote) {
            b[k++] = '"';
        }
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    b[k++] = '"';
                }
                b[k++] = (byte) c;
            } else if (c < 0x800) {
                b[k++] = (byte) (0xC0 | (c >> 6));
                b[k++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(v.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, v.charAt(++i));
                b[k++] = (byte) (0xF0 | (cp >> 18));
                b[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[k++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[k++] = (byte) (0xE0 | (c >> 12));
                b[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[k++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        if (quote) {
            b[k++] = '"';
        }
        n = k;
    }

    private void put(byte b) {
        if (n == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[n++] = b;
    }
}
