package org.haigui.indicators;

import java.sql.SQLException;
import java.util.List;

/**
 * A feature that contributes indicator definitions to the catalogue (for example the ties
 * package with {@code ent.market_tie_share} and {@code team.*}). Register an implementation as a
 * {@code java.util.ServiceLoader} service in
 * {@code META-INF/services/org.haigui.indicators.IndicatorProvider}, or pass it to
 * {@link Catalogue#standard(RunContext, List)}.
 */
public interface IndicatorProvider {

    /**
     * The definitions for this run, in the order they should appear in the output and the methods
     * appendix. Titles and method texts may name the run's city; SQL may use the run's placeholders
     * (see {@link IndicatorDefinition}) and the {@link Dialect}'s functions.
     */
    List<IndicatorDefinition> definitions(RunContext context);

    /**
     * Called once at the start of every engine run, in the run's own session (the embedded store's
     * read-only connection inside the run's transaction, or a Spark session), before any definition is
     * computed. It may create temporary tables only ({@link SqlSession#createTemp}: private to the
     * session, they vanish with the run); it must never write to the store.
     */
    default void prepare(RunContext context, SqlSession session) throws SQLException {
    }
}
