package org.haigui.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a generation wrote.
 *
 * @param files     the data files (CSV per table, or the workbook), then dirty-rows.csv if any
 * @param rows      data rows written per table (canonical table order)
 * @param damaged   rows listed in dirty-rows.csv as to be rejected (damaged or dangling by cascade)
 * @param accepted  damaged rows the import must still accept (full-width digits in an id number)
 * @param millis    wall time
 */
public record SynthResult(List<Path> files, Map<String, Long> rows, long damaged, long accepted, long millis) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
