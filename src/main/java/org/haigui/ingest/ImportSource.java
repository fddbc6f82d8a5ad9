package org.haigui.ingest;

import java.time.LocalDateTime;

/** One input (a CSV file or a sheet) being imported, with its counts. */
final class ImportSource {
    final int index;
    final Sources.Spec spec;
    HeaderMap header;
    String checksum;
    long read;
    long blank;
    long inserted;
    long updated;
    long unchanged;
    long rejected;
    LocalDateTime started;
    LocalDateTime finished;
    /**
     * No two staged rows of this input have the same key: its scan found the keys increasing, and the
     * SQL took every row with the key cells as written ({@link EngineStaging#stage}).
     */
    boolean keysDistinct;

    ImportSource(int index, Sources.Spec spec) {
        this.index = index;
        this.spec = spec;
    }

    String name() {
        return spec.sheet() == null ? spec.file().getFileName().toString() : spec.file().getFileName() + ", sheet " + spec.sheet();
    }
}
