package org.haigui.indicators;

import java.time.LocalDate;
import java.util.Objects;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;

/**
 * What one indicator run is about, handed to the engine and to every {@link IndicatorProvider}
 * ({@link IndicatorProvider#definitions(RunContext)}, {@link IndicatorProvider#prepare}): the
 * as-of date D, the city's blueprint (its name, districts, priority industries and key zones), the
 * survey definition, the bootstrap's seed and number of resamples, and how many of the largest
 * contributions per cell to carry for the dominance rule of disclosure control (n of the (n,k)
 * rule; the rules themselves travel with the protected result). A provider reads what it needs
 * from here, never from a default spread through the code: the one default city is chosen where
 * a command resolves its {@code --blueprint}.
 *
 * @param asOf         D: records dated after D do not exist
 * @param blueprint    the city's blueprint, or null (then the blueprint's indicators are not available
 *                     and titles say 本市 / "the city")
 * @param survey       the survey definition, or null (then the options are the distinct answers found)
 * @param seed         the bootstrap seed (recorded with the output)
 * @param resamples    bootstrap resamples (indicators.md asks for at least 1,000)
 * @param largest      how many of the largest contributions the engine carries per sum (2 for (2,85))
 */
public record RunContext(LocalDate asOf, Blueprint blueprint, SurveyDefinition survey, long seed, int resamples, int largest) {

    /** The default bootstrap seed (recorded with every output). */
    public static final long DEFAULT_SEED = 20211028L;
    /** The default number of bootstrap resamples (indicators.md asks for at least 1,000). */
    public static final int DEFAULT_RESAMPLES = 1000;

    public RunContext {
        Objects.requireNonNull(asOf, "asOf");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1");
        }
        if (largest != 2) {
            // the engine carries exactly the two largest contributions (Contributors.top1/top2)
            throw new IllegalArgumentException("the engine carries the two largest contributions, not " + largest);
        }
    }

    /** D with the default seed and resamples, no blueprint and no survey definition. */
    public static RunContext of(LocalDate asOf) {
        return new RunContext(asOf, null, null, DEFAULT_SEED, DEFAULT_RESAMPLES, 2);
    }

    public RunContext withBootstrap(long newSeed, int newResamples) {
        return new RunContext(asOf, blueprint, survey, newSeed, newResamples, largest);
    }

    public RunContext withBlueprint(Blueprint b) {
        return new RunContext(asOf, b, survey, seed, resamples, largest);
    }

    public RunContext withSurvey(SurveyDefinition s) {
        return new RunContext(asOf, blueprint, s, seed, resamples, largest);
    }

    /** "the city" in Chinese titles: the blueprint's city name, or 本市. */
    public String cityOrHereZh() {
        return blueprint == null ? "本市" : blueprint.city().nameZh();
    }
}
