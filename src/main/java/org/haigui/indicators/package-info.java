/**
 * Indicators: the catalogue of indicator definitions of indicators.md (id, bilingual titles and
 * method texts, unit, groups, breakdowns, and the SQL that computes each over the canonical
 * tables) and the engine that runs them as of a date, adds the returnee / other / difference
 * groups with their 95% intervals (Wilson, Newcombe hybrid score, percentile bootstrap) and
 * writes the tidy output (CSV or JSON lines, with a metadata sidecar).
 *
 * <p>Other packages add indicators by contributing {@link org.haigui.indicators.IndicatorDefinition}s
 * through an {@link org.haigui.indicators.IndicatorProvider} (a {@code java.util.ServiceLoader}
 * service, or {@link org.haigui.indicators.Catalogue#with}).
 *
 * <p>A run's SQL runs on the caller's thread, on its one connection and transaction; only the
 * bootstraps' arithmetic over rows already fetched runs on a small pool (as many threads as cores),
 * joined in catalogue order, so the output does not depend on the threads.
 *
 * <p>May use: {@code schema}, {@code core}, {@code blueprint} (the run context's blueprint and survey definition), JDBC (a connection handed over by {@code store}),
 * hipparchus-stat, jackson. Nothing here opens a database.
 */
package org.haigui.indicators;
