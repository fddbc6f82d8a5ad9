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
 */
public record ImportReport(List<SourceSummary> sources, List<String> warnings, List<Path> rejectedFiles, boolean dryRun,
                           long millis) {

    public ImportReport {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        rejectedFiles = List.copyOf(rejectedFiles);
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
