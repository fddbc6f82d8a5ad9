package org.haigui.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory peaks of this process, for `haigui bench` and the benchmarks: the heap's (the sum of
 * the heap pools' peak usage) and the resident set's (VmHWM: the JVM and the database's native
 * memory, which the heap figures do not include).
 */
public final class Peaks {

    private Peaks() {
    }

    /** Restarts both peaks here (the resident one where the system allows it; a GC first, so the heap's starts low). */
    public static void reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: resident() then gives the peak since the start
        }
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
            }
        }
    }

    /** The heap's peak in bytes since the last {@link #reset()}: the sum over heap pools of their peaks. */
    public static long heap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The resident set's peak in bytes since the last {@link #reset()} where allowed, else since the start; 0 where unknown. */
    public static long resident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }
}
