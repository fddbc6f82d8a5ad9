package org.haigui.ties;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * The institution registry in the store: the universities of world-universities (name, country,
 * domains) as the base, the built-in aliases ({@code institutions/aliases.csv}: abbreviations,
 * Chinese names of the institutions where Chinese students most often study, former names), and
 * what users add from a CSV (aliases, and their own institutions: employers, labs).
 *
 * <p>This class is the package's public surface for the registry; the work is done by
 * package-private classes along its three parts: loading and import ({@link RegistryStore},
 * with the CSV rows in {@link RegistryCsv}), unmatched names and suggestions
 * ({@link UnmatchedNames}, {@link Similarity}), and the episodes' name keys ({@link NameKeys}).
 *
 * <p>Tables (store migration version 2): {@code institutions}, {@code institution_aliases},
 * {@code institution_norms(norm, name_key)} (every normalised registry name and alias with its
 * institution key, rewritten whenever the registry changes) and
 * {@code institution_name_keys(institution, name_key)} (every distinct institution name of the
 * episodes, as written, with its key). The loaded built-in version is recorded in {@code meta}
 * under {@value #META_VERSION}; a newer built-in registry replaces the built-in rows and keeps
 * every user row.
 *
 * <p>Every method here may write the store (it loads the built-in registry when needed). The
 * indicator engine's run never calls them: import keeps the name keys current
 * ({@link #refreshNameKeys} after every import, and {@link #importCsv} itself).
 */
public final class InstitutionRegistry {

    /** The meta key recording which built-in registry is loaded. */
    public static final String META_VERSION = "institution_registry_version";

    /** What an import did. {@code rejected} lists each rejected row with its reason. */
    public record ImportResult(int rowsRead, int institutionsAdded, int aliasesAdded, List<String> warnings,
                               List<String> rejected) {
    }

    /** A registry institution suggested for an unmatched name, with its similarity in 0..1. */
    public record Candidate(String institutionId, String name, String country, String matchedText, double similarity) {
    }

    /**
     * A name in the episodes that matched nothing: the most frequent spelling of one normalised
     * name, the number of episodes (without an institution_id) that carry it, and the closest
     * registry candidates, best first.
     */
    public record Unmatched(String name, String normalised, long episodes, List<Candidate> candidates) {
    }

    private InstitutionRegistry() {
    }

    /**
     * Loads the built-in registry into the tables of migration version 2 once (again only when the
     * built-in files changed), with {@code institution_norms}. Cheap when already loaded.
     */
    public static void ensureLoaded(Connection c) {
        RegistryStore.ensureLoaded(c);
    }

    /**
     * Adds aliases and institutions from a CSV file (UTF-8, a BOM accepted) with the columns
     * {@code institution_id} (机构编号, optional), {@code name} (机构名称), {@code country} (国家,
     * optional ISO alpha-2), {@code aliases} (别名, optional, several separated by {@code ;}) and
     * {@code kind} (类型, optional: university, employer, lab, other). A row names an institution by
     * its id or its name; an unknown one is created (id: the given one, else {@code user:} plus the
     * normalised name). Importing the same file twice changes nothing. The episodes' name keys are
     * brought up to date afterwards ({@link #refreshNameKeys}).
     */
    public static ImportResult importCsv(Connection c, Path file) {
        return importCsv(c, file, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@link #importCsv(Connection, Path)} for a file in another encoding (GB18030 from Chinese Excel or WPS). */
    public static ImportResult importCsv(Connection c, Path file, java.nio.charset.Charset charset) {
        ImportResult r = RegistryStore.importCsv(c, file, charset);
        NameKeys.refresh(c);
        return r;
    }

    /**
     * Names in the episodes (those without an institution_id, which is matched by id) whose
     * normalised form is neither a registry name nor an alias, most frequent first, each with up
     * to {@code candidates} registry suggestions by similarity (bigram Dice coefficient of the
     * normalised forms). Suggestions are never applied: confirm them into an aliases CSV.
     */
    public static List<Unmatched> unmatched(Connection c, int limit, int candidates) {
        return UnmatchedNames.find(c, limit, candidates);
    }

    /**
     * Brings {@code institution_name_keys} up to date: every distinct institution name of the
     * episodes, as written, with its key - {@code r:<registry group>} when the normalised name is a
     * registry name or alias, {@code n:<normalised name>} otherwise, NULL when nothing is left
     * after normalisation (such a name matches nothing). Only names not yet keyed are normalised
     * (in Java, once per distinct name); a change of the registry recomputes them all. Cheap when
     * nothing changed: one distinct scan of the names. Loads the registry (and
     * {@code institution_norms}) first when the store has none. Run it after every import.
     */
    public static void refreshNameKeys(Connection c) {
        NameKeys.refresh(c);
    }

    /**
     * Whether the registry and the episodes' name keys are up to date (they are after every import),
     * so that ties and unmatched names can be read from a store opened read-only. Reads only.
     */
    public static boolean upToDate(Connection c) {
        return NameKeys.upToDate(c);
    }

    /** The number of institutions and aliases in the registry (built-in and user). */
    public static long[] size(Connection c) {
        return RegistryStore.size(c);
    }
}
