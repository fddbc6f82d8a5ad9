package org.haigui.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the store holds: rows per canonical table, import batches, unresolved quarantined rows. */
public record StoreStatus(Map<String, Long> tables, long batches, long quarantined, int schemaVersion) {
    public StoreStatus {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }
}
