package org.haigui.ties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.HaiguiException;
import org.haigui.core.NameNormalizer;
import org.haigui.store.Transactions;

/**
 * The institution registry in the store: the universities of world-universities (name, country,
 * domains) as the base, the built-in aliases ({@code institutions/aliases.csv}: abbreviations,
 * Chinese names of the institutions where Chinese students most often study, former names), and
 * what users add from a CSV (aliases, and their own institutions: employers, labs).
 *
 * <p>Tables ({@code institutions}, {@code institution_aliases}, {@code institution_name_keys})
 * are created idempotently here; they should become store migration version 2 (the lead owns
 * {@code store.Migrations}). The loaded built-in version is recorded in {@code meta} under
 * {@value #META_VERSION}; a newer built-in registry replaces the built-in rows and keeps every
 * user row.
 *
 * <p>{@code institution_name_keys(institution, name_key)} maps every distinct institution name of
 * the episodes, as written, to its institution key (see {@link #refreshNameKeys}); the SQL of the
 * tie indicators joins it, so that names are normalised in Java once per distinct name.
 */
public final class InstitutionRegistry {

    /** The meta key recording which built-in registry is loaded. */
    public static final String META_VERSION = "institution_registry_version";
    /** The meta key that changes whenever the registry changes (built-in reload, an import that added rows). */
    static final String META_REVISION = "institution_registry_revision";
    /** The meta key recording the registry revision {@code institution_name_keys} was computed under. */
    static final String META_KEYS_REVISION = "institution_name_keys_revision";

    static final String SOURCE_BUILTIN = "builtin";
    static final String SOURCE_USER = "user";

    private static final String WORLD = "/institutions/world_universities_and_domains.json";
    private static final String ALIASES = "/institutions/aliases.csv";

    // the registry tables are created by the store's migration version 2

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
     * Loads the built-in registry into the tables of migration version 2 once (again only
     * when the built-in files changed). Cheap when already loaded.
     */
    public static void ensureLoaded(Connection c) {
        try {
            String version = builtinVersion();
            if (version.equals(readMeta(c, META_VERSION))) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM institution_norms")) {
                    rs.next();
                    if (rs.getLong(1) == 0) { // a store loaded before the table existed
                        writeNorms(c, loadModel(c));
                    }
                }
                return;
            }
            // (re)load the built-in rows; the user's rows stay
            RegistryModel builtin = builtinModel();
            Transactions.run(c, () -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM institutions WHERE source = '" + SOURCE_BUILTIN + "'");
                    st.execute("DELETE FROM institution_aliases WHERE source = '" + SOURCE_BUILTIN + "'");
                }
                insert(c, new ArrayList<>(builtin.byId.values()), builtin.aliases);
                writeMeta(c, META_VERSION, version);
                writeMeta(c, META_REVISION, java.util.UUID.randomUUID().toString());
                writeNorms(c, loadModel(c));
            });
        } catch (SQLException e) {
            throw HaiguiException.store("cannot load the institution registry into the store: " + e.getMessage(), e);
        }
    }

    /**
     * Adds aliases and institutions from a CSV file (UTF-8, a BOM accepted) with the columns
     * {@code institution_id} (机构编号, optional), {@code name} (机构名称), {@code country} (国家,
     * optional ISO alpha-2), {@code aliases} (别名, optional, several separated by {@code ;}) and
     * {@code kind} (类型, optional: university, employer, lab, other). A row names an institution by
     * its id or its name; an unknown one is created (id: the given one, else {@code user:} plus the
     * normalised name). Importing the same file twice changes nothing.
     */
    public static ImportResult importCsv(Connection c, Path file) {
        ensureLoaded(c);
        if (!Files.isRegularFile(file)) {
            throw HaiguiException.input("no such file: " + file);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return apply(c, file.getFileName().toString(), r, SOURCE_USER);
        } catch (IOException | UncheckedIOException e) {
            throw HaiguiException.input("cannot read " + file + " as UTF-8 CSV: " + e.getMessage(), e);
        }
    }

    private static ImportResult apply(Connection c, String fileName, Reader reader, String source) {
        RegistryModel model = load(c);
        List<String> warnings = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<RegistryModel.Institution> newInst = new ArrayList<>();
        List<RegistryModel.Alias> newAliases = new ArrayList<>();
        int rows = applyCsv(model, fileName, reader, source, newInst, newAliases, warnings, rejected);
        try {
            Transactions.run(c, () -> {
                insert(c, newInst, newAliases);
                if (!newInst.isEmpty() || !newAliases.isEmpty()) {
                    writeMeta(c, META_REVISION, java.util.UUID.randomUUID().toString());
                    writeNorms(c, model);
                }
            });
        } catch (SQLException e) {
            throw HaiguiException.store("cannot write the institution registry: " + e.getMessage(), e);
        }
        return new ImportResult(rows, newInst.size(), newAliases.size(), warnings, rejected);
    }

    /** Reads the registry (built-in and user rows) from the store. */
    static RegistryModel load(Connection c) {
        ensureLoaded(c);
        return loadModel(c);
    }

    /**
     * Writes {@code institution_norms(norm, name_key)}: every normalised registry name and alias
     * with its institution key, so that SQL can key a name that {@code institution_name_keys}
     * does not hold yet (see {@code TieIndicatorProvider}).
     */
    private static void writeNorms(Connection c, RegistryModel model) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM institution_norms");
        }
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "institution_norms")) {
            for (String norm : model.allNorms().keySet()) {
                a.beginRow();
                a.append(norm);
                a.append(model.keyOf(norm));
                a.endRow();
            }
        }
    }

    private static RegistryModel loadModel(Connection c) {
        RegistryModel m = new RegistryModel();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                "SELECT institution_id, name, country, domains, kind, source FROM institutions ORDER BY institution_id")) {
                while (rs.next()) {
                    m.addInstitution(new RegistryModel.Institution(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            try (ResultSet rs = st.executeQuery(
                "SELECT institution_id, alias, source FROM institution_aliases ORDER BY institution_id, alias")) {
                while (rs.next()) {
                    m.addAlias(new RegistryModel.Alias(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the institution registry: " + e.getMessage(), e);
        }
        return m;
    }

    /**
     * Names in the episodes (those without an institution_id, which is matched by id) whose
     * normalised form is neither a registry name nor an alias, most frequent first, each with up
     * to {@code candidates} registry suggestions by similarity (bigram Dice coefficient of the
     * normalised forms). Suggestions are never applied: confirm them into an aliases CSV.
     */
    public static List<Unmatched> unmatched(Connection c, int limit, int candidates) {
        RegistryModel model = load(c);
        Map<String, long[]> countByNorm = new HashMap<>();
        Map<String, String> bestSpelling = new HashMap<>();
        Map<String, Long> bestSpellingCount = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT institution, count(*) FROM overseas_episodes WHERE institution_id IS NULL GROUP BY institution")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long n = rs.getLong(2);
                String norm = NameNormalizer.normalise(name);
                if (model.keyOf(norm) != null) {
                    continue;
                }
                countByNorm.computeIfAbsent(norm, k -> new long[1])[0] += n;
                Long prev = bestSpellingCount.get(norm);
                if (prev == null || n > prev || (n == prev && name.compareTo(bestSpelling.get(norm)) < 0)) {
                    bestSpelling.put(norm, name);
                    bestSpellingCount.put(norm, n);
                }
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the episodes' institution names: " + e.getMessage(), e);
        }
        List<String> norms = new ArrayList<>(countByNorm.keySet());
        norms.sort((a, b) -> {
            int cmp = Long.compare(countByNorm.get(b)[0], countByNorm.get(a)[0]);
            return cmp != 0 ? cmp : a.compareTo(b);
        });
        if (norms.size() > limit) {
            norms = norms.subList(0, limit);
        }
        Similarity sim = candidates > 0 ? new Similarity(model) : null;
        List<Unmatched> out = new ArrayList<>();
        for (String norm : norms) {
            List<Candidate> cands = sim == null || norm.isEmpty() ? List.of() : sim.closest(norm, candidates);
            out.add(new Unmatched(bestSpelling.get(norm), norm, countByNorm.get(norm)[0], cands));
        }
        return out;
    }

    /**
     * Brings {@code institution_name_keys} up to date: every distinct institution name of the
     * episodes, as written, with its key - {@code r:<registry group>} when the normalised name is a
     * registry name or alias, {@code n:<normalised name>} otherwise, NULL when nothing is left
     * after normalisation (such a name matches nothing). Only names not yet keyed are normalised
     * (in Java, once per distinct name); a change of the registry recomputes them all. Cheap when
     * nothing changed: one distinct scan of the names.
     */
    public static void refreshNameKeys(Connection c) {
        ensureLoaded(c);
        try {
            Transactions.run(c, () -> {
                String revision = readMeta(c, META_REVISION);
                if (revision == null || !revision.equals(readMeta(c, META_KEYS_REVISION))) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DELETE FROM institution_name_keys");
                    }
                }
                List<String> names = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT n.institution FROM (SELECT DISTINCT institution FROM overseas_episodes) n
                    LEFT JOIN institution_name_keys k ON k.institution = n.institution
                    WHERE k.institution IS NULL""")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                if (!names.isEmpty()) {
                    RegistryModel model = load(c);
                    DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
                    try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "institution_name_keys")) {
                        for (String n : names) {
                            a.beginRow();
                            str(a, n);
                            str(a, nameKey(model, n));
                            a.endRow();
                        }
                    }
                }
                if (revision != null) {
                    writeMeta(c, META_KEYS_REVISION, revision);
                }
            });
        } catch (SQLException e) {
            throw HaiguiException.store("cannot key the institution names of the episodes: " + e.getMessage(), e);
        }
    }

    /** The key of one name as written (see {@link #refreshNameKeys}). */
    static String nameKey(RegistryModel model, String name) {
        String norm = NameNormalizer.normalise(name);
        String key = model.keyOf(norm);
        if (key == null && !norm.isEmpty()) {
            key = "n:" + norm;
        }
        return key;
    }

    /** The number of institutions and aliases in the registry (built-in and user). */
    public static long[] size(Connection c) {
        ensureLoaded(c);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT (SELECT count(*) FROM institutions), (SELECT count(*) FROM institution_aliases)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the institution registry: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- built-in registry

    static RegistryModel builtinModel() {
        RegistryModel m = new RegistryModel();
        try (InputStream in = resource(WORLD)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Integer> seen = new HashMap<>();
            for (JsonNode u : root) {
                String name = u.path("name").asText("").strip();
                if (name.isEmpty()) {
                    continue;
                }
                List<String> domains = new ArrayList<>();
                u.path("domains").forEach(d -> domains.add(d.asText().strip().toLowerCase(Locale.ROOT)));
                String base = "wu:" + (domains.isEmpty() ? NameNormalizer.normalise(name) : domains.get(0));
                int n = seen.merge(base, 1, Integer::sum);
                String id = n == 1 ? base : base + "#" + n;
                String country = u.path("alpha_two_code").asText("").strip().toUpperCase(Locale.ROOT);
                m.addInstitution(new RegistryModel.Institution(id, name, country.isEmpty() ? null : country,
                    String.join(";", domains), "university", SOURCE_BUILTIN));
            }
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot read the built-in " + WORLD + ": " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<RegistryModel.Institution> newInst = new ArrayList<>();
        List<RegistryModel.Alias> newAliases = new ArrayList<>();
        try (Reader r = new InputStreamReader(resource(ALIASES), StandardCharsets.UTF_8)) {
            applyCsv(m, "aliases.csv", r, SOURCE_BUILTIN, newInst, newAliases, warnings, rejected);
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot read the built-in " + ALIASES + ": " + e.getMessage(), e);
        }
        if (!rejected.isEmpty()) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "the built-in " + ALIASES + " has bad rows: " + rejected);
        }
        return m;
    }

    private static InputStream resource(String path) {
        InputStream in = InstitutionRegistry.class.getResourceAsStream(path);
        if (in == null) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "the built-in resource " + path + " is missing from the program");
        }
        return in;
    }

    /** CRC32 of the built-in files: a new version of either reloads the built-in rows. */
    static String builtinVersion() {
        String v = builtinVersion;
        if (v == null) {
            v = computeBuiltinVersion();
            builtinVersion = v;
        }
        return v;
    }

    private static volatile String builtinVersion;

    private static String computeBuiltinVersion() {
        CRC32 crc = new CRC32();
        for (String p : List.of(WORLD, ALIASES)) {
            try (InputStream in = resource(p)) {
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot read the built-in " + p, e);
            }
        }
        return "1:" + Long.toHexString(crc.getValue());
    }

    // ---------------------------------------------------------------- CSV rows

    private static final Map<String, String> HEADERS = Map.ofEntries(
        Map.entry("institution_id", "institution_id"), Map.entry("机构编号", "institution_id"), Map.entry("id", "institution_id"),
        Map.entry("name", "name"), Map.entry("机构名称", "name"), Map.entry("institution", "name"),
        Map.entry("country", "country"), Map.entry("国家", "country"),
        Map.entry("aliases", "aliases"), Map.entry("alias", "aliases"), Map.entry("别名", "aliases"),
        Map.entry("kind", "kind"), Map.entry("类型", "kind"));

    private static final List<String> KINDS = List.of("university", "employer", "lab", "other");

    /**
     * Applies the rows of one CSV to the model, collecting what is new. A row with an error is
     * rejected as a whole (with its line number and reason); unknown columns are ignored (so the
     * CSV written by {@code unmatched --csv}, with its score columns, imports as it is).
     */
    static int applyCsv(RegistryModel model, String fileName, Reader reader, String source,
                        List<RegistryModel.Institution> newInst, List<RegistryModel.Alias> newAliases,
                        List<String> warnings, List<String> rejected) {
        int rows = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).skipEmptyLines(true)
            .ofCsvRecord(reader)) {
            Map<String, Integer> col = null;
            for (CsvRecord rec : csv) {
                if (col == null) {
                    col = new LinkedHashMap<>();
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        String h = rec.getField(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                        String canon = HEADERS.get(h);
                        if (canon != null && !col.containsKey(canon)) {
                            col.put(canon, i);
                        }
                    }
                    if (!col.containsKey("name") && !col.containsKey("institution_id")) {
                        throw HaiguiException.input(fileName + ": the header has neither a 'name' (机构名称) nor an "
                            + "'institution_id' (机构编号) column; expected institution_id,name,country,aliases,kind");
                    }
                    continue;
                }
                rows++;
                long line = rec.getStartingLineNumber();
                String err = applyRow(model, rec, col, source, newInst, newAliases, warnings, fileName + " line " + line);
                if (err != null) {
                    rejected.add(fileName + " line " + line + ": " + err);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String field(CsvRecord rec, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= rec.getFieldCount()) {
            return "";
        }
        return rec.getField(i).strip();
    }

    private static String applyRow(RegistryModel model, CsvRecord rec, Map<String, Integer> col, String source,
                                   List<RegistryModel.Institution> newInst, List<RegistryModel.Alias> newAliases,
                                   List<String> warnings, String where) {
        String id = field(rec, col, "institution_id");
        String name = field(rec, col, "name");
        String country = field(rec, col, "country").toUpperCase(Locale.ROOT);
        String kind = field(rec, col, "kind").toLowerCase(Locale.ROOT);
        List<String> aliases = new ArrayList<>();
        for (String a : field(rec, col, "aliases").split(";")) {
            if (!a.isBlank()) {
                aliases.add(a.strip());
            }
        }
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            return "country '" + country + "' is not an ISO 3166-1 alpha-2 code";
        }
        if (!kind.isEmpty() && !KINDS.contains(kind)) {
            return "kind '" + kind + "' is not one of " + String.join(", ", KINDS);
        }
        if (id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            return "institution_id must be 1-64 characters without control characters";
        }
        String norm = NameNormalizer.normalise(name);
        if (id.isEmpty() && name.isEmpty()) {
            return "neither institution_id nor name is given";
        }
        if (!name.isEmpty() && norm.isEmpty()) {
            return "name '" + name + "' has no letter or digit, so it could never match";
        }
        String target;
        if (!id.isEmpty() && model.byId.containsKey(id)) {
            target = id;
        } else if (!id.isEmpty()) {
            if (name.isEmpty()) {
                return "institution_id '" + id + "' is not in the registry; give a name to create it";
            }
            target = create(model, id, name, country, kind, source, newInst);
        } else {
            TreeSet<String> ids = model.idsFor(norm);
            if (ids.isEmpty()) {
                String prefix = SOURCE_BUILTIN.equals(source) ? "hg:" : "user:";
                target = create(model, prefix + norm, name, country, kind, source, newInst);
            } else {
                List<String> pick = new ArrayList<>();
                for (String x : ids) {
                    if (!country.isEmpty() && country.equals(model.byId.get(x).country())) {
                        pick.add(x);
                    }
                }
                if (pick.isEmpty()) {
                    pick.addAll(ids);
                }
                target = pick.get(0);
                if (pick.size() > 1) {
                    warnings.add(where + ": '" + name + "' names several registry institutions " + pick
                        + "; the aliases were added to " + target + " (give institution_id or country to choose)");
                }
            }
        }
        if (!name.isEmpty() && !model.names(norm, target)) {
            aliases.add(0, name);
        }
        for (String a : aliases) {
            String an = NameNormalizer.normalise(a);
            if (an.isEmpty()) {
                warnings.add(where + ": alias '" + a + "' has no letter or digit; ignored");
                continue;
            }
            if (model.names(an, target)) {
                continue;
            }
            TreeSet<String> others = model.idsFor(an);
            if (!others.isEmpty()) {
                warnings.add(where + ": alias '" + a + "' already names " + others + "; with " + target
                    + " they are now one institution for matching");
            }
            RegistryModel.Alias al = new RegistryModel.Alias(target, a, source);
            model.addAlias(al);
            newAliases.add(al);
        }
        return null;
    }

    private static String create(RegistryModel model, String id, String name, String country, String kind, String source,
                                 List<RegistryModel.Institution> newInst) {
        RegistryModel.Institution inst = new RegistryModel.Institution(id, name, country.isEmpty() ? null : country, null,
            kind.isEmpty() ? (SOURCE_BUILTIN.equals(source) ? "university" : "other") : kind, source);
        model.addInstitution(inst);
        newInst.add(inst);
        return id;
    }

    // ---------------------------------------------------------------- store I/O

    private static void insert(Connection c, List<RegistryModel.Institution> insts, List<RegistryModel.Alias> aliases)
        throws SQLException {
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "institutions")) {
            for (RegistryModel.Institution i : insts) {
                a.beginRow();
                str(a, i.id());
                str(a, i.name());
                str(a, i.country());
                str(a, i.domains());
                str(a, i.kind());
                str(a, i.source());
                a.endRow();
            }
        }
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "institution_aliases")) {
            for (RegistryModel.Alias al : aliases) {
                a.beginRow();
                str(a, al.institutionId());
                str(a, al.alias());
                str(a, al.source());
                a.endRow();
            }
        }
    }

    static void str(DuckDBAppender a, String s) throws SQLException {
        if (s == null) {
            a.appendNull();
        } else {
            a.append(s);
        }
    }

    private static String readMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void writeMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM meta WHERE key = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
            del.setString(1, key);
            del.executeUpdate();
            ins.setString(1, key);
            ins.setString(2, value);
            ins.executeUpdate();
        }
    }
}
