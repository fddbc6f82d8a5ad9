package org.haigui.cli;

import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.ingest.ImportOptions;
import org.haigui.ties.InstitutionRegistry;

/**
 * How the command line imports, in one place for every command that imports ({@code import},
 * {@code demo}, {@code bench}): for the city of the blueprint ({@link Blueprints#city}: its
 * districts), with survey answers checked against the survey definition when one is given, and with
 * the institution name keys ({@code institution_name_keys}) refreshed inside the import's
 * transaction after the merge ({@link InstitutionRegistry#refreshNameKeys}), so that import, not
 * the indicator run, keeps them up to date.
 */
final class Imports {

    private Imports() {}

    /** The options of a command-line import; callers add the encoding, dry run, ... */
    static ImportOptions options(Blueprint blueprint, SurveyDefinition survey) {
        return ImportOptions.forCity(Blueprints.city(blueprint)).withAfterMerge(InstitutionRegistry::refreshNameKeys)
            .withSurvey(Blueprints.check(survey));
    }
}
