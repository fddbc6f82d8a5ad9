package org.haigui.core;

import java.text.Normalizer.Form;
import java.util.Locale;

/**
 * Name normalisation for matching: institution names (ties) and zone names (blueprint) are
 * normalised alike, in the order the spec's "Institution" definition gives: Unicode NFKC, case folding, trimming, a leading {@code the } dropped, {@code &} to {@code and},
 * every character that is not a letter or a digit removed.
 *
 * <p>Case folding: Java has no full Unicode case folding; lower-casing, upper-casing, then
 * lower-casing again (all in {@link Locale#ROOT}) gives the same result for the cases that matter
 * in institution names ({@code ß} and capital {@code ẞ} to {@code ss}, final sigma to sigma
 * (replaced explicitly: Java lower-cases a word-final capital sigma to the final form), ligatures)
 * and is locale-independent. Letters
 * and digits are Unicode ones ({@link Character#isLetterOrDigit(int)}), so Chinese, Japanese and
 * Korean names survive; combining marks are removed (after NFKC most accents are precomposed).
 */
public final class NameNormalizer {

    private NameNormalizer() {
    }

    /** The normalised form; the empty string when nothing is left (such a name matches nothing). */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = java.text.Normalizer.normalize(name, Form.NFKC);
        s = s.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('\u03C2', '\u03C3');
        s = s.strip();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        s = s.replace("&", "and");
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
