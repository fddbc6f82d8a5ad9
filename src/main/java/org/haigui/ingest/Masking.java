package org.haigui.ingest;

import org.haigui.ids.IdText;
import org.haigui.ids.IdentityNumber;

/**
 * Identity numbers never reach the store, logs or messages in clear: every value, message, reason
 * and key that leaves the validator (stored in the quarantine, written to the rejected-rows files'
 * {@code errors} column, printed) passes here.
 */
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
        return IdText.maskAll(v);
    }

    /** Free text (a message, a reason, a key) with every identity-number-shaped run of digits masked. */
    static String text(String s) {
        return IdText.maskAll(s);
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
