package org.haigui.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The PDF: openhtmltopdf renders the report's XHTML (A4, page numbers, table of contents with page references,
 * bookmarks) with Noto Sans SC embedded as a subset, so that the Chinese text renders anywhere and text extraction
 * returns it. The font files are put into the classes by the build (fetched from the npm registry, see haigui-app.pom.xml).
 */
final class Pdf {

    static {
        // the PDF libraries' own progress and font notes are not for the user's terminal
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    static final String FONT_DIR = "/org/haigui/report/fonts/";
    static final String REGULAR = "NotoSansSC_400Regular.ttf";
    static final String BOLD = "NotoSansSC_700Bold.ttf";

    /** Characters the renderer adds (page numbers, leaders). */
    private static final String PAGE_CHARS = "0123456789 /.";

    private static volatile byte[] regular;
    private static volatile byte[] bold;

    private Pdf() {
    }

    static byte[] font(String name) {
        try (InputStream in = Pdf.class.getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + name + " is missing from the build (it is fetched by the Maven build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] regular() {
        if (regular == null) {
            regular = font(REGULAR);
        }
        return regular;
    }

    static byte[] bold() {
        if (bold == null) {
            bold = font(BOLD);
        }
        return bold;
    }

    /** Characters the renderer may add to a document's own. */
    static String pageChars() {
        return PAGE_CHARS;
    }

    private static volatile boolean awtFonts;

    /**
     * Makes the report font known to Java's font system, which Batik (the charts) draws with: the
     * charts' Chinese text then renders in the report's font on a machine without any CJK font.
     * The whole fonts, once per process (a subset would be kept for later documents that need
     * other characters).
     */
    static synchronized void registerWithAwt() {
        if (awtFonts) {
            return;
        }
        awtFonts = true;
        java.awt.GraphicsEnvironment ge = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (byte[] f : new byte[][] {regular(), bold()}) {
            try {
                ge.registerFont(java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(f)));
            } catch (java.awt.FontFormatException | IOException e) {
                // the charts fall back to a CJK font of the system; the text of the PDF is unaffected
            }
        }
    }

    /** Writes the PDF of {@code xhtml} with the fonts {@code r} and {@code b} subset to (at least) its characters. */
    static void write(String xhtml, byte[] r, byte[] b, OutputStream out) throws IOException {
        registerWithAwt();
        // the fonts subset to the document's characters (fast to load; text extraction maps back to ideographs)
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(r), "Noto Sans SC", 400, BaseRendererBuilder.FontStyle.NORMAL, false);
        builder.useFont(() -> new ByteArrayInputStream(b), "Noto Sans SC", 700, BaseRendererBuilder.FontStyle.NORMAL, false);
        // the charts go through Batik, which finds fonts through Java's font system (registerWithAwt)
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }
}
