package org.haigui.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did: per source (a CSV file or a sheet), and per table.
 *
 * @param sources       one entry per file or sheet read
 * @param warnings      unknown columns, merged cells, ignored files and the like
 * @param rejectedFiles the rejected-rows files written beside the input
 * @param dryRun        nothing was changed in the store
 * @param millis        wall time of the whole import
 * @param phases        where the time went, phase by phase ({@link Phase})
 */
public record ImportReport(List<SourceSummary> sources, List<String> warnings, List<Path> rejectedFiles, boolean dryRun,
                           long millis, List<Phase> phases) {

    public ImportReport {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        rejectedFiles = List.copyOf(rejectedFiles);
        phases = List.copyOf(phases);
    }

    /**
     * One phase of the import, measured. The phases run one after the other: {@code read} (finding the
     * inputs and checking every header), {@code parse+row rules} (every row parsed, checked against the
     * row rules and loaded into the staging tables), {@code cross-row rules} (references, unique values,
     * keys seen twice: SQL over the staging tables), {@code merge} (into the store, with the audit
     * trail), {@code rejected rows} (the rejected-rows files and the quarantine), {@code after-merge}
     * (the caller's hook) and {@code commit}. Within {@code parse+row rules} three sorts of work run at
     * the same time on different threads; they are given as parts ({@code part} true), each with the
     * CPU time its threads spent on it: {@code parse}, {@code row rules} and {@code load} (appending to
     * the staging tables).
     *
     * @param name      the phase
     * @param millis    wall time (for a part: the CPU time of its threads, as cpuMillis)
     * @param cpuMillis CPU time of the whole process during the phase (every thread, the database's too); for a part,
     *                  the CPU time of the threads doing that part
     * @param part      a part of the phase before it, overlapping the others
     */
    public record Phase(String name, long millis, long cpuMillis, boolean part) {
    }

    /** Counts for one file or sheet; {@code read} excludes blank rows, which are counted apart. */
    public record SourceSummary(String table, String source, long read, long blank, long inserted, long updated,
                                long unchanged, long rejected) {
    }

    /** Counts summed per table, in schema order. */
    public List<SourceSummary> perTable() {
        java.util.Map<String, long[]> m = new java.util.LinkedHashMap<>();
        for (var t : org.haigui.schema.Schema.tables()) {
            for (SourceSummary s : sources) {
                if (s.table().equals(t.name())) {
                    long[] a = m.computeIfAbsent(t.name(), k -> new long[6]);
                    a[0] += s.read();
                    a[1] += s.blank();
                    a[2] += s.inserted();
                    a[3] += s.updated();
                    a[4] += s.unchanged();
                    a[5] += s.rejected();
                }
            }
        }
        return m.entrySet().stream().map(e -> new SourceSummary(e.getKey(), "", e.getValue()[0], e.getValue()[1],
            e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5])).toList();
    }

    public long rejectedRows() {
        return sources.stream().mapToLong(SourceSummary::rejected).sum();
    }

    public long readRows() {
        return sources.stream().mapToLong(SourceSummary::read).sum();
    }
}
