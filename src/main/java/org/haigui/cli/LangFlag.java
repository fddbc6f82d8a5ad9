package org.haigui.cli;

import java.util.Locale;
import org.haigui.core.HaiguiException;
import org.haigui.labels.Language;
import picocli.CommandLine.Option;

/**
 * {@code --lang zh|en}: the language of a command's summary (tables, counts, headings). Without it,
 * the system's: Chinese under a Chinese locale, English otherwise. Error messages stay in both
 * languages whatever the choice (they are read in logs and forwarded).
 */
final class LangFlag {

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of the summary (default: the system's; "
        + "zh under a Chinese locale, en otherwise). 摘要的语言。")
    String lang;

    Language language() {
        if (lang == null) {
            return Language.of(Locale.getDefault());
        }
        return Language.parse(lang).orElseThrow(() -> HaiguiException.usage(
            "--lang must be zh or en, not '" + lang + "' (--lang 取值为 zh 或 en)"));
    }
}
