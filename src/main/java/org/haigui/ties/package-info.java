/**
 * Ties: the institution registry (world universities plus aliases and the user's own
 * institutions), the matching of overseas episodes to institutions exactly as the spec's
 * "Institution" definition, and the founding-team indicators of indicators.md "Founding teams
 * and overseas ties" ({@code team.*}) plus {@code ent.market_tie_share}.
 *
 * <p>Names are normalised in Java once per distinct name (there are few); everything over the
 * data (initial core teams, the interval joins that find schoolmates and colleagues, the
 * per-enterprise counts) is SQL run by the store's engine, kept portable (DuckDB now, Spark SQL
 * later). The all-pairs graph of everyone at the same institution is never built: pairs are only
 * formed inside one enterprise's initial core team, by an equi-join on (enterprise, kind class,
 * institution key) plus an interval-overlap filter.
 *
 * <p>Fuzzy similarity ({@code unmatched}) only ever produces suggestions for an analyst to
 * confirm into aliases; it is never applied to the data.
 *
 * <p>The indicators are also contributed to the catalogue ({@link org.haigui.ties.TieIndicatorProvider},
 * a {@code ServiceLoader} service), so that {@code haigui indicators} computes them with the
 * engine's groups, intervals and tidy output; {@code haigui ties --indicators} computes them
 * standalone (its own returnee SQL and intervals).
 *
 * <p>May use: {@code core}, {@code schema}, {@code indicators} (the provider interface and
 * definition record), a {@link java.sql.Connection} handed out by {@code store} and its
 * {@code Transactions} helper, Jackson (the
 * built-in registry), FastCSV, the JDK.
 */
package org.haigui.ties;
