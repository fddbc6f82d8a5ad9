/**
 * Import: reads CSV files, directories of them and .xlsx workbooks, validates every row against
 * {@link org.haigui.schema.Schema}, checks references against the store and the same import,
 * and writes accepted rows, batches and quarantined rows to the store in one transaction.
 * Rejected rows are written beside the user's input as {@code <table>.rejected.csv/.xlsx}. Survey
 * answers are checked against a survey definition when the caller gives one
 * ({@link org.haigui.ingest.SurveyCheck}, adapted by the command line; this package does not read
 * definitions).
 *
 * <p>Two paths into the staging tables, one set of rules: a plain CSV file (UTF-8, RFC 4180 quoting,
 * one record per line) of a table without credit codes is read by DuckDB's own CSV reader and
 * checked by the row rules written as SQL ({@link org.haigui.ingest.EngineStaging},
 * {@link org.haigui.ingest.EngineRules}), identity numbers excepted: DuckDB's reader leaves their
 * column out, and they are checked and hashed in Java ({@link org.haigui.ingest.IdColumn}) and
 * joined by line; every row the SQL does not accept, and every other input,
 * goes through the one row checker ({@link org.haigui.ingest.RowValidator}), so that both paths give
 * the same rows, messages and rejected-rows files (EnginePathTest compares them).
 *
 * <p>The audit trail: every import, deletion ({@link org.haigui.ingest.Deletion}) and undo
 * ({@link org.haigui.ingest.Batches}) is a batch; the rows a batch replaces or deletes are kept as
 * they were in {@code hist_<table>} and the keys it inserts are noted there, written in SQL inside
 * the same transaction, so that a batch can be undone exactly and every change to a record read
 * back ({@link org.haigui.ingest.History}). The keys an import inserts into a table where it
 * updates nothing are noted in {@code hist_pending} instead, one row per batch, and written out by
 * whatever changes a table next; readers read the history through {@code Trail.rows}, which gives
 * both. Deleted keys keep a tombstone: an import rejects rows
 * with such a key unless it revives them ({@code --revive}).
 *
 * <p>May use: {@code schema}, {@code ids}, {@code store}, {@code core}, {@code csv} (the CSV reader).
 */
package org.haigui.ingest;
