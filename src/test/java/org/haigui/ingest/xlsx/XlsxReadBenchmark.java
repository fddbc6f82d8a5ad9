package org.haigui.ingest.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Benchmark (not a test): writes a 1,000,000-row, 10-column workbook with fastexcel, then reads
 * it with {@link XlsxWorkbook} and reports rows per second.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile
 * M=~/.m2/repository
 * java -Xmx1g -cp target/classes:target/test-classes:$M/org/dhatim/fastexcel/0.19.0/fastexcel-0.19.0.jar:$M/com/github/rzymek/opczip/1.2.0/opczip-1.2.0.jar \
 *     org.haigui.ingest.xlsx.XlsxReadBenchmark [rows, default 1000000] [runs, default 3]
 * </pre>
 */
public final class XlsxReadBenchmark {

    private XlsxReadBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("xlsx-bench");
        Path file = dir.resolve("bench.xlsx");
        try {
            long t0 = System.nanoTime();
            write(file, rows);
            double writeSecs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "wrote %,d rows x 10 columns with fastexcel in %.1f s (%,d bytes)%n",
                    rows, writeSecs, Files.size(file));
            for (int run = 1; run <= runs; run++) {
                resetPeaks();
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long count = 0;
                long cells = 0;
                try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("data")) {
                    XlsxRow row;
                    while ((row = r.next()) != null) {
                        count++;
                        cells += row.cells().size();
                    }
                }
                double secs = (System.nanoTime() - start) / 1e9;
                double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
                // the CPU time of the reading thread is the steadier figure on a shared machine
                System.out.printf(Locale.ROOT, "run %d: read %,d rows (%,d cells) in %.2f s = %,.0f rows/s"
                                + " (thread CPU %.2f s = %,.0f rows per CPU second); peak heap %,d MB; load average %.1f%n",
                        run, count, cells, secs, count / secs, cpu, count / cpu, peakHeap() >> 20,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        String[] degrees = {"学士", "硕士", "博士", "其他"};
        String[] countries = {"US", "GB", "JP", "DE", "AU", "CA", "SG", "FR"};
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook wb = new Workbook(os, "Haigui", "1.0");
            Worksheet ws = wb.newWorksheet("data");
            String[] headers = {"person_id", "name_zh", "gender", "birth_date", "highest_degree", "country", "revenue", "employees",
                "high_tech", "score"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            LocalDate base = LocalDate.of(1960, 1, 1);
            for (int r = 1; r <= rows; r++) {
                ws.value(r, 0, "P" + r);
                ws.value(r, 1, "张" + (char) ('伟' + r % 50));
                ws.value(r, 2, r % 2 == 0 ? "M" : "F");
                ws.value(r, 3, base.plusDays(r % 15_000));
                ws.style(r, 3).format("yyyy-mm-dd").set();
                ws.value(r, 4, degrees[r % degrees.length]);
                ws.value(r, 5, countries[r % countries.length]);
                ws.value(r, 6, r * 1234.56);
                ws.value(r, 7, r % 500);
                ws.value(r, 8, r % 3 == 0);
                ws.value(r, 9, r / 7.0);
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
