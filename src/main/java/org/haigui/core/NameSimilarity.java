package org.haigui.core;

import java.util.HashSet;
import java.util.Set;

/**
 * Suggestions only: how close two normalised names are ({@link NameNormalizer}), by the Dice
 * coefficient of their sets of character bigrams (2 |A ∩ B| / (|A| + |B|), in 0..1; a
 * one-character name is its own single "bigram"). Works the same for Latin and Chinese names.
 * Used to propose the closest institution (ties) or key zone (blueprint) for an unmatched name;
 * never to match.
 */
public final class NameSimilarity {

    private NameSimilarity() {
    }

    /** The distinct character bigrams of a name (code points; a one-character name gives itself). */
    public static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    /** The Dice coefficient of the two names' bigram sets; 0 when either is empty. */
    public static double dice(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : x) {
            if (y.contains(s)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }
}
