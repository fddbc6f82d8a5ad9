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
 * <p>The indicators are contributed to the catalogue ({@link org.haigui.ties.TieIndicatorProvider},
 * a {@code ServiceLoader} service), their one implementation: {@code haigui indicators} and
 * {@code haigui ties --indicators} both run them through the indicator engine, with its groups,
 * intervals and tidy output. An engine run only reads the store (the provider builds temp tables
 * only); the registry and the episodes' name keys ({@code institution_name_keys}) are written by
 * import ({@link org.haigui.ties.InstitutionRegistry#refreshNameKeys}) and by
 * {@code institutions import}. {@code haigui ties --enterprise} (one team in detail) keys new names
 * itself, so it may write.
 *
 * <p>Public surface: {@link org.haigui.ties.InstitutionRegistry} (the registry: load, import,
 * unmatched names, name keys; the work is done by the package-private {@code RegistryStore},
 * {@code RegistryCsv}, {@code UnmatchedNames}, {@code NameKeys} and {@code Similarity}),
 * {@link org.haigui.ties.TeamTies} and {@link org.haigui.ties.TeamReport} (one team), and the
 * provider.
 *
 * <p>May use: {@code core}, {@code ids} (identity numbers are refused in a registry CSV), {@code schema}, {@code indicators} (the provider interface and
 * definition record), a {@link java.sql.Connection} handed out by {@code store} and its
 * {@code Transactions} helper, Jackson (the
 * built-in registry), FastCSV, the JDK.
 */
package org.haigui.ties;
