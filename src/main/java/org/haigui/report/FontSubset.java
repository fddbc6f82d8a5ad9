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

    static String fontFace(byte[] subset, int weight) {
        return "@font-face { font-family: 'Noto Sans SC'; font-weight: " + weight + "; src: url(data:font/ttf;base64,"
            + Base64.getEncoder().encodeToString(subset) + ") format('truetype'); }\n";
    }


    /**
     * The font reduced to the characters of {@code text} (plus ASCII). Also what the PDF embeds: the full font maps the
     * Kangxi radicals (U+2F00-U+2FDF) and the unified ideographs to the same glyphs, and a PDF's text extraction would
     * then return 至 as the radical ⾄; a subset without the radicals maps every glyph back to the ideograph.
     */
    static byte[] subset(String text, byte[] ttf) {
        Set<Integer> cps = new TreeSet<>();
        for (int c = 0x20; c < 0x7f; c++) {
            cps.add(c);
        }
        text.codePoints().filter(c -> c < 0x2E80 || c > 0x2FDF).forEach(cps::add);
        // a parsed font serves one subset only (a second subset of the same parsed font writes wrong compound glyphs)
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            TTFSubsetter sub = new TTFSubsetter(font);
            sub.addAll(cps);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sub.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot subset the report font", e);
        }
    }
}
