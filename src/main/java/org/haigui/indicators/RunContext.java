package org.haigui.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one indicator run is about, handed to the engine and to every {@link IndicatorProvider}
 * ({@link IndicatorProvider#definitions(RunContext)}, {@link IndicatorProvider#prepare}): the
 * as-of date D, the city (its name in both languages, for titles), the bootstrap's seed and number
 * of resamples, and how many of the largest contributions per cell to carry for the dominance rule
 * of disclosure control (n of the (n,k) rule; the rules themselves travel with the protected result).
 * The city's blueprint and the survey definition join this record when those features land; a
 * provider reads what it needs from here, never from a default spread through the code.
 *
 * @param asOf         D: records dated after D do not exist
 * @param cityZh       the city's name in Chinese, e.g. 上海 (titles say 本市 when empty)
 * @param cityEn       the city's name in English
 * @param seed         the bootstrap seed (recorded with the output)
 * @param resamples    bootstrap resamples (indicators.md asks for at least 1,000)
 * @param largest      how many of the largest contributions the engine carries per sum (2 for (2,85))
 */
public record RunContext(LocalDate asOf, String cityZh, String cityEn, long seed, int resamples, int largest) {

    /** The default bootstrap seed (recorded with every output). */
    public static final long DEFAULT_SEED = 20211028L;
    /** The default number of bootstrap resamples (indicators.md asks for at least 1,000). */
    public static final int DEFAULT_RESAMPLES = 1000;

    public RunContext {
        Objects.requireNonNull(asOf, "asOf");
        cityZh = cityZh == null ? "" : cityZh;
        cityEn = cityEn == null ? "" : cityEn;
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1");
        }
        if (largest != 2) {
            // the engine carries exactly the two largest contributions (Contributors.top1/top2)
            throw new IllegalArgumentException("the engine carries the two largest contributions, not " + largest);
        }
    }

    /** D with the default seed and resamples, for a city not named. */
    public static RunContext of(LocalDate asOf) {
        return new RunContext(asOf, "", "", DEFAULT_SEED, DEFAULT_RESAMPLES, 2);
    }

    public RunContext withBootstrap(long newSeed, int newResamples) {
        return new RunContext(asOf, cityZh, cityEn, newSeed, newResamples, largest);
    }

    public RunContext withCity(String zh, String en) {
        return new RunContext(asOf, zh, en, seed, resamples, largest);
    }

    /** "the city" in Chinese titles: the city's name, or 本市. */
    public String cityOrHereZh() {
        return cityZh.isEmpty() ? "本市" : cityZh;
    }
}
