/**
 * Export: the store's canonical tables (and the institution registry the ties indicators read) as
 * Parquet files with a manifest, for engines beyond one machine (the Spark module reads them).
 * Identity numbers leave only as the store holds them, hashed; accounts, sessions and the audit log
 * are never exported, and of the quarantine only which table and batch a rejected row belongs to and
 * whether it was resolved (never the rejected row's content, which is raw input). The export only reads the store. These
 * are records, not figures for publication: they go to the analyst's own engines, whose figures are
 * published only through disclosure control like the embedded engine's.
 *
 * <p>May use: {@code schema} (the table list), {@code core} (errors), JDBC (a read connection handed
 * over by {@code store}), jackson (the manifest). Nothing here opens a database.
 */
package org.haigui.export;
