/**
 * The indicator catalogue on Apache Spark: the same {@link org.haigui.indicators.Catalogue} and
 * engine as the embedded store's, run in a Spark session over a Parquet export of the store
 * ({@code haigui export}), with the SQL rendered by {@link org.haigui.indicators.Dialect#SPARK}. The
 * bootstrap replicates are computed per cell on the executors (never all rows on the driver); only
 * cells (B numbers each) come back. Writes the same tidy output as {@code haigui indicators}: raw
 * figures for the analyst role, or with {@code --publish} the protected form of
 * {@link org.haigui.disclosure.Disclosure}.
 *
 * <p>May use: {@code indicators}, {@code blueprint}, {@code disclosure}, {@code core}, Spark SQL
 * (provided by the cluster), jackson (the export's manifest), picocli (the command line).
 */
package org.haigui.spark;
