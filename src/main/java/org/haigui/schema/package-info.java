/**
 * The table schema: the one description of every importable table (columns, Chinese aliases,
 * types, rules, keys, references). The store's DDL, the import's validation, the synthetic
 * generator's writer and the format documentation all derive from {@link org.haigui.schema.Schema}.
 *
 * <p>May use: the JDK and {@code csv} (the one CSV reader, for its own resources such as the city's
 * districts). Used by: everything that touches tables.
 */
package org.haigui.schema;
