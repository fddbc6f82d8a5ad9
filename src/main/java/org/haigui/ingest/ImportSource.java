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

    ImportSource(int index, Sources.Spec spec) {
        this.index = index;
        this.spec = spec;
    }

    String name() {
        return spec.sheet() == null ? spec.file().getFileName().toString() : spec.file().getFileName() + ", sheet " + spec.sheet();
    }
}
