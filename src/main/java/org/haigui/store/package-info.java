/**
 * The store: an embedded DuckDB file with the canonical tables of {@link org.haigui.schema.Schema},
 * import batches and quarantined rows, the audit trail's history tables and tombstones (version 4),
 * created and upgraded by versioned migrations. Only this
 * package opens the database; other features receive the {@link java.sql.Connection} it hands out.
 * The identity-number key lives in a file beside the database, never inside it.
 *
 * <p>May use: {@code schema}, {@code ids}, {@code core}, DuckDB JDBC.
 */
package org.haigui.store;
