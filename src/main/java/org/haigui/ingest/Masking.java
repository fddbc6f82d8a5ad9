package org.haigui.ingest;

import org.haigui.ids.IdentityNumber;

/** Identity numbers never reach the store, logs or messages in clear: everything shown passes here. */
final class Masking {

    private Masking() {
    }

    /** Masks the value of an identity-number column, and any value anywhere that is a valid identity number. */
    static String value(boolean idColumn, String v) {
        if (v == null) {
            return null;
        }
        if (idColumn || IdentityNumber.looksValid(v) || looksLikeIdNumber(v)) {
            return IdentityNumber.mask(v);
        }
        return v;
    }

    /** 15 or 18 characters of digits (the last may be X), possibly full-width: masked even when invalid. */
    private static boolean looksLikeIdNumber(String v) {
        String t = Values.nfkc(v);
        int n = t.length();
        if (n != 18 && n != 15) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (i == n - 1 && (c == 'X' || c == 'x'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
