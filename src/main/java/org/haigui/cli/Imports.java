package org.haigui.cli;

import org.haigui.ingest.ImportOptions;
import org.haigui.ties.InstitutionRegistry;

/**
 * How the command line imports, in one place for every command that imports ({@code import},
 * {@code demo}, {@code bench}): for the city of {@link Cities#defaultCity()}, and with the
 * institution name keys ({@code institution_name_keys}) refreshed inside the import's transaction
 * after the merge ({@link InstitutionRegistry#refreshNameKeys}), so that import, not the indicator
 * run, keeps them up to date.
 */
final class Imports {

    private Imports() {}

    /** The options of a command-line import; callers add the encoding, dry run, ... */
    static ImportOptions options() {
        return ImportOptions.forCity(Cities.defaultCity()).withAfterMerge(InstitutionRegistry::refreshNameKeys);
    }
}
