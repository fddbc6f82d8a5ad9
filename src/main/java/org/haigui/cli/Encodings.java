package org.haigui.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.haigui.core.HaiguiException;

/**
 * The {@code --encoding} of every command that reads a CSV: UTF-8, or GB18030 (what Chinese Excel
 * and WPS save). GBK and GB2312 are accepted as GB18030, of which they are subsets.
 */
final class Encodings {

    private Encodings() {
    }

    static Charset parse(String encoding) {
        return switch (encoding.trim().toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GB18030", "GBK", "GB2312", "CP936" -> Charset.forName("GB18030");
            default -> throw HaiguiException.usage("--encoding must be UTF-8 or GB18030 (GBK and GB2312 are read as GB18030), not "
                + encoding);
        };
    }
}
