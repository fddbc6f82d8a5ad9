package org.haigui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haigui.core.Progress;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.ImportReport;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.haigui.ties.InstitutionRegistry;

/**
 * How the command line imports, in one place for every command that imports ({@code import},
 * {@code demo}, {@code bench}): for the city of the blueprint ({@link Blueprints#city}: its
 * districts), with survey answers checked against the survey definition when one is given, and with
 * the institution name keys ({@code institution_name_keys}) refreshed inside the import's
 * transaction after the merge ({@link InstitutionRegistry#refreshNameKeys}), so that import, not
 * the indicator run, keeps them up to date.
 *
 * <p>An import that fails, or a dry run, leaves no trace: when the store did not exist before,
 * the database file, its key file and the folders made for them are removed again
 * ({@link #run}).
 */
final class Imports {

    private Imports() {}

    /** The options of a command-line import; callers add the encoding, dry run, ... */
    static ImportOptions options(Blueprint blueprint, SurveyDefinition survey) {
        return ImportOptions.forCity(Blueprints.city(blueprint)).withAfterMerge(InstitutionRegistry::refreshNameKeys)
            .withSurvey(Blueprints.check(survey));
    }

    /**
     * Runs an import into the store at {@code db}. When the store did not exist and the import
     * fails or is a dry run, nothing is left behind: no database, no key file, no folder.
     */
    static ImportReport run(Path db, ImportOptions options, List<Path> paths, Progress progress) {
        Path abs = db.toAbsolutePath();
        boolean existed = Files.exists(abs);
        List<Path> newFolders = new ArrayList<>();
        for (Path p = abs.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            newFolders.add(p);
        }
        boolean keep = false;
        try (Store store = Store.open(abs)) {
            ImportReport r = new Importer(store, options, progress).run(paths);
            keep = existed || !r.dryRun();
            return r;
        } finally {
            if (!keep && !existed) {
                removeNewStore(abs, newFolders);
            }
        }
    }

    private static void removeNewStore(Path db, List<Path> newFolders) {
        try {
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".key"));
            for (Path f : newFolders) {
                try (var s = Files.list(f)) {
                    if (s.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(f);
            }
        } catch (IOException e) {
            // best effort: the import's own error or report says what happened
        }
    }
}
