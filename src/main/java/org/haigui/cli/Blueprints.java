package org.haigui.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.District;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.SurveyCheck;
import org.haigui.schema.City;
import picocli.CommandLine.Option;

/**
 * The one place the command line decides which city's blueprint and which survey definition a
 * command works with ({@code --blueprint FILE}, {@code --survey FILE}, a picocli mixin): the
 * blueprint defaults to Shanghai's shipped one, the survey definition to none. The city an import
 * checks district codes against comes from the blueprint's districts; nothing else in the code
 * names a city.
 */
final class Blueprints {

    /** The flags, mixed into every command that imports or computes indicators. */
    static final class Flags {

        @Option(names = "--blueprint", paramLabel = "FILE", description = "The city's blueprint (YAML or JSON), or the name of a "
            + "built-in one: shanghai (the default), shenzhen; none: no blueprint (its indicators are then not available).")
        String blueprint;

        @Option(names = "--survey", paramLabel = "FILE", description = "The survey definition (YAML or JSON), or the name of a "
            + "built-in one (entrepreneurs2021). Default: none.")
        String survey;

        Blueprint blueprint() {
            return BlueprintReader.resolve(blueprint);
        }

        SurveyDefinition survey() {
            return SurveyReader.resolve(survey);
        }
    }

    private Blueprints() {
    }

    /** The city an import checks district codes against: the blueprint's id and districts. */
    static City city(Blueprint b) {
        if (b == null) {
            throw HaiguiException.usage("an import needs a blueprint (its districts), not --blueprint none");
        }
        Map<String, String> d = new LinkedHashMap<>();
        for (District x : b.districts()) {
            d.put(x.code(), x.nameZh());
        }
        return new City(b.city().id(), d);
    }

    /** The import's check of survey answers against a definition; {@link SurveyCheck#NONE} without one. */
    static SurveyCheck check(SurveyDefinition def) {
        if (def == null) {
            return SurveyCheck.NONE;
        }
        return new SurveyCheck() {
            @Override
            public String unknownQuestion(String question) {
                return def.question(question).isPresent() ? null : "question " + question + " is not in survey " + def.id();
            }

            @Override
            public String badAnswer(String question, String answer) {
                return def.checkAnswer(question, answer).orElse(null);
            }
        };
    }
}
