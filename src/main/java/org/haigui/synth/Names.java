package org.haigui.synth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** Chinese names and their pinyin (pinyin4j, looked up once per character at start-up). */
final class Names {

    private static final Map<Character, String> PINYIN = new HashMap<>();

    static {
        HanyuPinyinOutputFormat f = new HanyuPinyinOutputFormat();
        f.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        f.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        f.setVCharType(HanyuPinyinVCharType.WITH_V);
        String all = Ref.MALE_CHARS + Ref.FEMALE_CHARS + Ref.BRAND_CHARS;
        for (char c : all.toCharArray()) {
            try {
                String[] p = PinyinHelper.toHanyuPinyinStringArray(c, f);
                PINYIN.put(c, p == null || p.length == 0 ? "x" : p[0]);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Names() {
    }

    /** Pinyin of a run of characters, joined, first letter upper case ("Zihan"). */
    static String pinyin(String chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chars.length(); i++) {
            String p = PINYIN.get(chars.charAt(i));
            sb.append(p == null ? "" : p);
        }
        if (sb.length() == 0) {
            return "";
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    /** A name: [zh, en] (either may be null, never both). */
    static String[] person(Rng r, char gender) {
        int s = r.weighted(Ref.SURNAME_CUM);
        String chars = gender == 'M' ? Ref.MALE_CHARS : Ref.FEMALE_CHARS;
        int len = r.p(0.72) ? 2 : 1;
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < len; i++) {
            given.append(chars.charAt(r.below(chars.length())));
        }
        String zh = Ref.SURNAMES_ZH[s] + given;
        String sur = Ref.SURNAMES_PY[s];
        String giv = pinyin(given.toString());
        double x = r.u();
        String en;
        if (x < 0.45) {
            en = giv + " " + sur; // passport order used abroad
        } else if (x < 0.65) {
            en = sur.toUpperCase(Locale.ROOT) + " " + giv;
        } else if (x < 0.80) {
            en = sur + " " + giv;
        } else if (x < 0.90) {
            en = r.pick(gender == 'M' ? Ref.ENGLISH_MALE : Ref.ENGLISH_FEMALE) + " " + giv + " " + sur;
        } else {
            en = null;
        }
        if (en != null && r.p(0.04)) {
            zh = null; // only the English name was recorded
        }
        return new String[] {zh, en};
    }

    /**
     * A firm's brand word, [zh, pinyin]: three characters picked by a permutation of the firm
     * number, so that no two of the first 64,000 firms share one (registries refuse a name already
     * taken). The two draws keep the firm's random stream as it was calibrated.
     */
    static String[] brand(Rng r, long firmNumber) {
        r.below(Ref.BRAND_CHARS.length());
        r.below(Ref.BRAND_CHARS.length());
        int n = Ref.BRAND_CHARS.length();
        long cube = (long) n * n * n;
        long x = Math.floorMod(firmNumber * 40_503L + 7_919L, cube);
        String b = "" + Ref.BRAND_CHARS.charAt((int) (x % n)) + Ref.BRAND_CHARS.charAt((int) (x / n % n))
            + Ref.BRAND_CHARS.charAt((int) (x / n / n % n));
        return new String[] {b, pinyin(b)};
    }
}
