package org.haigui.ingest.xlsx;

import java.nio.file.Path;
import org.haigui.core.HaiguiException;

/**
 * Run in a child JVM with a small heap by the tests: reads every row of every sheet of a file
 * under the given limits and prints "REFUSED kind: message" or "READ n rows". Not a test itself.
 */
public final class BoundedMemoryProbe {

    private BoundedMemoryProbe() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        XlsxLimits d = XlsxLimits.defaults();
        XlsxLimits limits = new XlsxLimits(Long.parseLong(args[1]), Double.parseDouble(args[2]), d.minBytesBeforeRatioCheck(), d.maxColumns());
        long rows = 0;
        try (XlsxWorkbook wb = XlsxWorkbook.open(file, limits)) {
            for (String name : wb.sheetNames()) {
                try (XlsxSheetReader r = wb.sheet(name)) {
                    while (r.next() != null) {
                        rows++;
                    }
                }
            }
            System.out.println("READ " + rows + " rows");
        } catch (HaiguiException e) {
            System.out.println("REFUSED " + e.kind() + ": " + e.getMessage());
        }
    }
}
