package org.haigui.indicators;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.haigui.core.Progress;

/**
 * What to compute: the as-of date D, the indicator ids (empty = all of the catalogue), and the
 * bootstrap's seed and number of resamples (recorded with the output).
 */
public record IndicatorRequest(LocalDate asOf, Set<String> only, long seed, int resamples, Progress progress) {

    /** The default bootstrap seed (recorded with every output). */
    public static final long DEFAULT_SEED = 20211028L;
    /** The default number of bootstrap resamples (indicators.md asks for at least 1,000). */
    public static final int DEFAULT_RESAMPLES = 1000;

    public IndicatorRequest {
        Objects.requireNonNull(asOf, "asOf");
        only = only == null ? Set.of() : Set.copyOf(only);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1");
        }
        progress = progress == null ? Progress.NONE : progress;
    }

    /** All indicators as of D with the default seed and 1,000 resamples. */
    public static IndicatorRequest of(LocalDate asOf) {
        return new IndicatorRequest(asOf, Set.of(), DEFAULT_SEED, DEFAULT_RESAMPLES, Progress.NONE);
    }

    public IndicatorRequest withOnly(Set<String> ids) {
        return new IndicatorRequest(asOf, ids, seed, resamples, progress);
    }

    public IndicatorRequest withBootstrap(long newSeed, int newResamples) {
        return new IndicatorRequest(asOf, only, newSeed, newResamples, progress);
    }

    public IndicatorRequest withProgress(Progress p) {
        return new IndicatorRequest(asOf, only, seed, resamples, p);
    }
}
