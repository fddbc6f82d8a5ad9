package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers for the reader tests. */
final class XlsxTestSupport {

    private XlsxTestSupport() {}

    /** Every returned row of a sheet, rendered as "7: A=STRING:x | B=NUMBER:42". */
    static List<String> rows(Path file, String sheet) {
        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet(sheet)) {
            return render(r);
        }
    }

    static List<String> render(XlsxSheetReader r) {
        List<String> out = new ArrayList<>();
        XlsxRow row;
        while ((row = r.next()) != null) {
            out.add(render(row));
        }
        return out;
    }

    static String render(XlsxRow row) {
        StringBuilder sb = new StringBuilder().append(row.rowNumber()).append(':');
        String sep = " ";
        for (XlsxCell c : row.cells()) {
            sb.append(sep).append(c.columnName()).append('=').append(c.kind()).append(':').append(c.text());
            sep = " | ";
        }
        return sb.toString();
    }

    /** Where {@code needle} first occurs in {@code hay}; an AssertionError when it does not. */
    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** A row element with cells given as raw XML. */
    static String row(int r, String... cells) {
        return "<row r=\"" + r + "\">" + String.join("", cells) + "</row>";
    }

    static String num(String ref, String v) {
        return "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
    }

    static String styled(String ref, int s, String v) {
        return "<c r=\"" + ref + "\" s=\"" + s + "\"><v>" + v + "</v></c>";
    }

    static String shared(String ref, int index) {
        return "<c r=\"" + ref + "\" t=\"s\"><v>" + index + "</v></c>";
    }

    static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + XlsxFixture.escape(text) + "</t></is></c>";
    }

    /** Runs {@link BoundedMemoryProbe} on a file in a child JVM with the given heap; returns its output line. */
    static String runProbe(Path file, String heap, long maxEntryBytes, double maxRatio) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                BoundedMemoryProbe.class.getName(), file.toString(), Long.toString(maxEntryBytes), Double.toString(maxRatio))
                .redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
