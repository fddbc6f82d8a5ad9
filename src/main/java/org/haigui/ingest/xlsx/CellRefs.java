package org.haigui.ingest.xlsx;

/** Column letters and A1 references. */
final class CellRefs {

    private CellRefs() {}

    /**
     * The 0-based column of a reference such as {@code B7}, {@code $AB$12} or {@code xfd1}; -1 when
     * it has no letters; {@code Integer.MAX_VALUE} when it is beyond {@code maxColumns}.
     */
    static int column(String ref, int maxColumns) {
        int col = 0;
        int i = 0;
        int n = ref.length();
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        int letters = 0;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            int v;
            if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 1;
            } else if (c >= 'a' && c <= 'z') {
                v = c - 'a' + 1;
            } else {
                break;
            }
            col = col * 26 + v;
            letters++;
            if (col > maxColumns) {
                return Integer.MAX_VALUE;
            }
        }
        return letters == 0 ? -1 : col - 1;
    }

    /** The 1-based row of a reference such as {@code B7} or {@code $B$7}; -1 when it has none or it is not a number. */
    static int row(String ref) {
        int i = 0;
        int n = ref.length();
        while (i < n && (ref.charAt(i) == '$' || Character.isLetter(ref.charAt(i)))) {
            i++;
        }
        if (i == n) {
            return -1;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return v == 0 ? -1 : (int) v;
    }

    /** Excel letters of a 0-based column: 0 -> A, 25 -> Z, 26 -> AA. */
    static String columnName(int column) {
        StringBuilder sb = new StringBuilder(3);
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.append((char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.reverse().toString();
    }
}
