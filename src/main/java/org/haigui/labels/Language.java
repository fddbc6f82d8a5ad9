package org.haigui.labels;

import java.util.Locale;
import java.util.Optional;

/** The two languages of everything a person reads. */
public enum Language {
    ZH, EN;

    /** {@code zh} or {@code en} (any case); empty for anything else. */
    public static Optional<Language> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh_cn", "cn", "chinese", "中文" -> Optional.of(ZH);
            case "en", "english" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The text in this language: {@code zh} in Chinese, {@code en} in English. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    /**
     * {@code s} padded with spaces to {@code width} terminal columns (a Chinese character takes two), so that
     * columns of Chinese headings line up; longer text is left as it is.
     */
    public static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w >= width ? s : s + " ".repeat(width - w);
    }

    /** Like {@link #pad} but right-aligned. */
    public static String padLeft(String s, int width) {
        String p = pad(s, width);
        return p.length() == s.length() ? s : " ".repeat(p.length() - s.length()) + s;
    }

    /** Chinese when the locale's language is Chinese, English otherwise. */
    public static Language of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? ZH : EN;
    }
}
