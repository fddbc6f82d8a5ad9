package org.haigui.indicators;

import java.util.List;

/**
 * A feature that contributes indicator definitions to the catalogue (for example the ties
 * package with {@code ent.market_tie_share} and {@code team.*}). Register an implementation as a
 * {@code java.util.ServiceLoader} service in
 * {@code META-INF/services/org.haigui.indicators.IndicatorProvider}, or pass its definitions to
 * {@link Catalogue#with}.
 */
public interface IndicatorProvider {

    /** The definitions, in the order they should appear in the output and the methods appendix. */
    List<IndicatorDefinition> definitions();

    /**
     * Called once at the start of every engine run, before any definition is computed: a provider
     * brings what its SQL reads up to date here (the ties provider keys new institution names).
     */
    default void prepare(java.sql.Connection c) {
    }
}
