package org.haigui.ids;

import java.text.Normalizer;

/**
 * Identity numbers inside free text: finding and masking them wherever text leaves the program
 * (messages, reasons, keys, files). A candidate is a maximal run of 15 or 18 digits (full-width
 * digits count; the last of 18 may be X): "ID 310107199003070017", "ID310107199003070017" and
 * "310107199003070017号" hold one; a run of 19 or more digits is some other number. A valid
 * 18-character number written in groups ("310107 19900307 0017", "310107-19900307-0017": digits
 * separated by single spaces or hyphens) is one too; grouped digits that are not a valid number
 * are some other number (a date, a telephone number) and left alone.
 */
public final class IdText {

    private IdText() {
    }

    /** True when the text holds a valid 18-character identity number (check character and all). */
    public static boolean containsValid(String text) {
        if (text == null || text.length() < 18) {
            return false;
        }
        String t = folded(text);
        int n = t.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(t.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int grouped = groupedEnd(t, i);
            if (grouped > 0) {
                return true;
            }
            i = runEnd(t, i);
            if (i - start == 18 && IdentityNumber.parse(t.substring(start, i)).ok()) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a valid identity number written in groups starts at {@code start} (at least two groups
     * of digits separated by single spaces or hyphens, 18 characters in all; it may follow other
     * groups, such as a date), the end (exclusive) of its last group; otherwise 0.
     */
    private static int groupedEnd(String t, int start) {
        StringBuilder digits = new StringBuilder(18);
        int i = start;
        int groups = 0;
        while (true) {
            int end = runEnd(t, i);
            digits.append(t, i, end);
            groups++;
            if (digits.length() > 18) {
                return 0;
            }
            if (end < t.length() - 1 && isSeparatorBetweenDigits(t, end)) {
                i = end + 1;
                continue;
            }
            if (groups < 2 || digits.length() != 18 || !IdentityNumber.parse(digits.toString()).ok()) {
                return 0;
            }
            return end;
        }
    }

    private static boolean isSeparatorBetweenDigits(String t, int at) {
        char c = t.charAt(at);
        return (c == ' ' || c == '-') && at > 0 && at + 1 < t.length()
            && (isDigit(t.charAt(at - 1)) || isX(t.charAt(at - 1))) && isDigit(t.charAt(at + 1));
    }

    /**
     * The text with every run of 15 or 18 digits (an identity number, valid or not, first or second
     * generation) masked as {@link IdentityNumber#mask}: the first 4 characters kept. Text without
     * such a run is returned as it is.
     */
    public static String maskAll(String text) {
        if (text == null || text.length() < 15 || !hasLongDigitRun(text)) {
            return text;
        }
        String t = folded(text);
        if (t.length() != text.length()) {
            text = t; // NFKC changed the length (rare): mask the folded form
        }
        StringBuilder out = null;
        int n = t.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            if (!isDigit(t.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int grouped = groupedEnd(t, i);
            if (grouped > 0) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start);
                int kept = 0;
                for (int k = start; k < grouped; k++) {
                    char c = t.charAt(k);
                    boolean digit = isDigit(c) || isX(c);
                    out.append(digit && kept++ >= 4 ? '*' : c);
                }
                copied = grouped;
                i = grouped;
                continue;
            }
            i = runEnd(t, i);
            int len = i - start;
            boolean xOnlyLast = true;
            for (int k = start; k < i - 1; k++) {
                if (isX(t.charAt(k))) {
                    xOnlyLast = false;
                }
            }
            if ((len == 18 || (len == 15 && !isX(t.charAt(i - 1)))) && xOnlyLast) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start + 4).append("*".repeat(len - 4));
                copied = i;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The end (exclusive) of the run of digits and X's that starts at {@code start}: the candidate identity number there. */
    private static int runEnd(String t, int start) {
        int i = start;
        while (i < t.length() && (isDigit(t.charAt(i)) || isX(t.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** At least 15 digits in all (a run, or groups): the text may hold an identity number. */
    private static boolean hasLongDigitRun(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19')) {
                if (++digits >= 15) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Full-width digits and letters to ASCII (only when there are any). */
    private static String folded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isX(char c) {
        return c == 'X' || c == 'x';
    }
}
