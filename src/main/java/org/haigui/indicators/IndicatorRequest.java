package org.haigui.indicators;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.haigui.core.Progress;

/**
 * What to compute: the {@link RunContext} (D, city, bootstrap), the indicator ids (empty = all of
 * the catalogue), and where progress goes.
 */
public record IndicatorRequest(RunContext context, Set<String> only, Progress progress) {

    /** The default bootstrap seed (recorded with every output). */
    public static final long DEFAULT_SEED = RunContext.DEFAULT_SEED;
    /** The default number of bootstrap resamples (indicators.md asks for at least 1,000). */
    public static final int DEFAULT_RESAMPLES = RunContext.DEFAULT_RESAMPLES;

    public IndicatorRequest {
        Objects.requireNonNull(context, "context");
        only = only == null ? Set.of() : Set.copyOf(only);
        progress = progress == null ? Progress.NONE : progress;
    }

    /** All indicators as of D with the default seed and 1,000 resamples. */
    public static IndicatorRequest of(LocalDate asOf) {
        return of(RunContext.of(asOf));
    }

    /** All indicators of the given run. */
    public static IndicatorRequest of(RunContext context) {
        return new IndicatorRequest(context, Set.of(), Progress.NONE);
    }

    public LocalDate asOf() {
        return context.asOf();
    }

    public long seed() {
        return context.seed();
    }

    public int resamples() {
        return context.resamples();
    }

    public IndicatorRequest withOnly(Set<String> ids) {
        return new IndicatorRequest(context, ids, progress);
    }

    public IndicatorRequest withBootstrap(long newSeed, int newResamples) {
        return new IndicatorRequest(context.withBootstrap(newSeed, newResamples), only, progress);
    }

    public IndicatorRequest withProgress(Progress p) {
        return new IndicatorRequest(context, only, p);
    }
}
