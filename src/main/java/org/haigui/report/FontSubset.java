package org.haigui.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The browser's copy of the CJK font: Noto Sans SC subset to the characters of the page, as an {@code @font-face} rule
 * with a data URL, so that the HTML file needs no network and looks the same everywhere.
 */
final class FontSubset {

    private FontSubset() {
    }

    static String fontFace(String text, byte[] ttf, int weight) {
        Set<Integer> cps = new TreeSet<>();
        text.codePoints().forEach(cps::add);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            TTFSubsetter sub = new TTFSubsetter(font);
            sub.addAll(cps);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sub.writeToStream(out);
            return "@font-face { font-family: 'Noto Sans SC'; font-weight: " + weight + "; src: url(data:font/ttf;base64,"
                + Base64.getEncoder().encodeToString(out.toByteArray()) + ") format('truetype'); }\n";
        } catch (IOException e) {
            return "";
        }
    }
}
