/**
 * The project's one CSV reader ({@link org.haigui.csv.CsvReader}, streaming RFC 4180 with exact
 * row numbers, unclosed quotes and undecodable bytes reported per record). It sits below the
 * feature packages so that both {@code ingest} (user files) and {@code schema} (its own resources,
 * such as the city's districts) read CSV the same way.
 *
 * <p>May use: the JDK only. Used by: {@code schema}, {@code ingest}.
 */
package org.haigui.csv;
