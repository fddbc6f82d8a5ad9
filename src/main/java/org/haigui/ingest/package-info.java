/**
 * Import: reads CSV files, directories of them and .xlsx workbooks, validates every row against
 * {@link org.haigui.schema.Schema}, checks references against the store and the same import,
 * and writes accepted rows, batches and quarantined rows to the store in one transaction.
 * Rejected rows are written beside the user's input as {@code <table>.rejected.csv/.xlsx}. Survey
 * answers are checked against a survey definition when the caller gives one
 * ({@link org.haigui.ingest.SurveyCheck}, adapted by the command line; this package does not read
 * definitions).
 *
 * <p>May use: {@code schema}, {@code ids}, {@code store}, {@code core}, {@code csv} (the CSV reader).
 */
package org.haigui.ingest;
