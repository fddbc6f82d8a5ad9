/**
 * The table schema: the one description of every importable table (columns, Chinese aliases,
 * types, rules, keys, references). The store's DDL, the import's validation, the synthetic
 * generator's writer and the format documentation all derive from {@link org.haigui.schema.Schema}.
 *
 * <p>May use: the JDK only. Used by: everything that touches tables.
 */
package org.haigui.schema;
