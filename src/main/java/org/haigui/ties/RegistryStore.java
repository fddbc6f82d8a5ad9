package org.haigui.ties;

import org.haigui.core.NameNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.HaiguiException;
import org.haigui.store.Transactions;

/**
 * Loading and import of the registry: the built-in registry (world-universities and
 * {@code institutions/aliases.csv}) loaded into the tables of store migration 2 once per
 * built-in version, the user's CSV files added to it, and the registry read back as a
 * {@link RegistryModel}. Every change of the registry also rewrites {@code institution_norms}
 * (every normalised name and alias with its institution key) and the revision in {@code meta},
 * so that {@link NameKeys} rekeys the episodes' names.
 */
final class RegistryStore {

    /** The meta key that changes whenever the registry changes (built-in reload, an import that added rows). */
    static final String META_REVISION = "institution_registry_revision";

    static final String SOURCE_BUILTIN = "builtin";
    static final String SOURCE_USER = "user";

    private static final String WORLD = "/institutions/world_universities_and_domains.json";
    private static final String ALIASES = "/institutions/aliases.csv";

    private RegistryStore() {
    }

    /**
     * Loads the built-in registry once (again only when the built-in files changed), and fills
     * {@code institution_norms} when it is empty. Cheap when already loaded.
     */
    static void ensureLoaded(Connection c) {
        try {
            String version = builtinVersion();
            if (version.equals(readMeta(c, InstitutionRegistry.META_VERSION))) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM institution_norms")) {
                    rs.next();
                    if (rs.getLong(1) == 0) { // a store loaded before the table existed
                        writeNorms(c, loadModel(c));
                    }
                }
                return;
            }
            // (re)load the built-in rows; the user's rows stay
            Transactions.run(c, () -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM institutions WHERE source = '" + SOURCE_BUILTIN + "'");
                    st.execute("DELETE FROM institution_aliases WHERE source = '" + SOURCE_BUILTIN + "'");
                }
                boolean userRows;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT (SELECT count(*) FROM institutions) + (SELECT count(*) FROM institution_aliases)")) {
                    rs.next();
                    userRows = rs.getLong(1) > 0;
                }
                if (!userRows) {
                    // a registry of built-in rows only (a new store): the rows and their norms as the program holds them
                    try (Statement st = c.createStatement()) {
                        st.execute("DELETE FROM institution_norms");
                    }
                    BuiltinRows.insert(c);
                } else {
                    RegistryModel builtin = builtinModel();
                    insert(c, new ArrayList<>(builtin.byId.values()), builtin.aliases);
                }
                writeMeta(c, InstitutionRegistry.META_VERSION, version);
                writeMeta(c, META_REVISION, java.util.UUID.randomUUID().toString());
                if (userRows) {
                    writeNorms(c, loadModel(c));
                }
            });
        } catch (SQLException e) {
            throw HaiguiException.store("cannot load the institution registry into the store: " + e.getMessage(), e);
        }
    }

    /** Adds the rows of a user CSV (see {@link InstitutionRegistry#importCsv}). */
    static InstitutionRegistry.ImportResult importCsv(Connection c, Path file, java.nio.charset.Charset charset) {
        ensureLoaded(c);
        if (!Files.isRegularFile(file)) {
            throw HaiguiException.input("no such file: " + file);
        }
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), charset.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT))) {
            return apply(c, file.getFileName().toString(), new java.io.BufferedReader(r), SOURCE_USER);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw HaiguiException.input(file + ": not " + charset.name() + " text"
                + (charset.equals(StandardCharsets.UTF_8) ? "; a file saved by Chinese Excel or WPS is often GB18030: try --encoding GB18030"
                    : "") + " (文件编码不符)", e);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                throw HaiguiException.input(file + ": not " + charset.name() + " text"
                    + (charset.equals(StandardCharsets.UTF_8) ? "; a file saved by Chinese Excel or WPS is often GB18030: try --encoding GB18030"
                        : "") + " (文件编码不符)", e);
            }
            throw HaiguiException.input("cannot read " + file + " as " + charset.name() + " CSV: " + e.getMessage(), e);
        }
    }

    private static InstitutionRegistry.ImportResult apply(Connection c, String fileName, Reader reader, String source) {
        RegistryModel model = load(c);
        List<String> warnings = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<RegistryModel.Institution> newInst = new ArrayList<>();
        List<RegistryModel.Alias> newAliases = new ArrayList<>();
        int rows = RegistryCsv.applyCsv(model, fileName, reader, source, newInst, newAliases, warnings, rejected);
        try {
            Transactions.run(c, () -> {
                phase("insert");
                insert(c, newInst, newAliases);
                if (!newInst.isEmpty() || !newAliases.isEmpty()) {
                    writeMeta(c, META_REVISION, java.util.UUID.randomUUID().toString());
                    phase("norms");
                    writeNorms(c, model);
                }
                phase("commit");
            });
            phase("committed");
        } catch (SQLException e) {
            throw HaiguiException.store("cannot write the institution registry: " + e.getMessage(), e);
        }
        return new InstitutionRegistry.ImportResult(rows, newInst.size(), newAliases.size(), warnings, rejected);
    }

    /**
     * With the environment variable {@value #PHASES_ENV} set, {@code institutions import} prints
     * {@code haigui-registry-phase: NAME} to standard error as it enters each phase (insert, norms,
     * commit, committed), so that a test can kill it at a known moment.
     */
    static final String PHASES_ENV = "HAIGUI_IMPORT_PHASES";

    private static void phase(String name) {
        if (System.getenv(PHASES_ENV) != null) {
            System.err.println("haigui-registry-phase: " + name);
            System.err.flush();
        }
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
    static void writeNorms(Connection c, RegistryModel model) throws SQLException {
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

    static RegistryModel loadModel(Connection c) {
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

    /** The number of institutions and aliases in the registry (built-in and user). */
    static long[] size(Connection c) {
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
            RegistryCsv.applyCsv(m, "aliases.csv", r, SOURCE_BUILTIN, newInst, newAliases, warnings, rejected);
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot read the built-in " + ALIASES + ": " + e.getMessage(), e);
        }
        if (!rejected.isEmpty()) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "the built-in " + ALIASES + " has bad rows: " + rejected);
        }
        return m;
    }

    private static InputStream resource(String path) {
        InputStream in = RegistryStore.class.getResourceAsStream(path);
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

    // ---------------------------------------------------------------- store I/O

    static void insert(Connection c, List<RegistryModel.Institution> insts, List<RegistryModel.Alias> aliases)
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

    static String readMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void writeMeta(Connection c, String key, String value) throws SQLException {
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
