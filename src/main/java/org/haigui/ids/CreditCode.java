package org.haigui.ids;

import java.text.Normalizer;
import java.util.Locale;

/** Unified Social Credit Code (GB 32100-2015): 18 characters over a 31-letter set, with a check character. */
public final class CreditCode {

    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** NFKC, trim and upper case. */
    public static String normalise(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).trim().toUpperCase(Locale.ROOT);
    }

    /** Returns null when valid, else what is wrong. The input must be normalised. */
    public static String validate(String s) {
        if (s.length() != 18) {
            return "credit code must have 18 characters, has " + s.length();
        }
        for (int i = 0; i < 18; i++) {
            char c = s.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                return "credit code: character " + (i + 1) + " '" + c + "' is not allowed (0-9 and A-Z without I, O, S, V, Z)";
            }
        }
        if (s.charAt(17) != checkCharacter(s)) {
            return "credit code: wrong check character";
        }
        return null;
    }

    /** The check character for the first 17 characters (which must be from {@link #CHARSET}). */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
