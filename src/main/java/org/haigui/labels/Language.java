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

    /** Chinese when the locale's language is Chinese, English otherwise. */
    public static Language of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? ZH : EN;
    }
}
