package org.haigui.ties;

import org.haigui.core.NameNormalizer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.HaiguiException;
import org.haigui.store.Transactions;

/**
 * {@code institution_name_keys(institution, name_key)}: every distinct institution name of the
 * episodes, as written, with its institution key, so that names are normalised in Java once per
 * distinct name and the SQL of ties joins the keys.
 */
final class NameKeys {

    /** The meta key recording the registry revision {@code institution_name_keys} was computed under. */
    static final String META_KEYS_REVISION = "institution_name_keys_revision";

    private NameKeys() {
    }

    /**
     * Brings {@code institution_name_keys} up to date: every distinct institution name of the
     * episodes, as written, with its key - {@code r:<registry group>} when the normalised name is a
     * registry name or alias, {@code n:<normalised name>} otherwise, NULL when nothing is left
     * after normalisation (such a name matches nothing). Only names not yet keyed are normalised
     * (in Java, once per distinct name); a change of the registry recomputes them all. Cheap when
     * nothing changed: one distinct scan of the names.
     */
    /**
     * Whether {@link #refresh} would write nothing: the built-in registry loaded in its current
     * version with its norms, and every episode name keyed under the registry's revision. Reads only,
     * so that the reading commands can open a store read-only when it is up to date (it is after
     * every import) and for writing only when it is not (a store from an older haigui).
     */
    static boolean upToDate(Connection c) {
        try {
            if (!RegistryStore.builtinVersion().equals(RegistryStore.readMeta(c, InstitutionRegistry.META_VERSION))) {
                return false;
            }
            String revision = RegistryStore.readMeta(c, RegistryStore.META_REVISION);
            if (revision == null || !revision.equals(RegistryStore.readMeta(c, META_KEYS_REVISION))) {
                return false;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT (SELECT count(*) FROM institution_norms) > 0
                   AND NOT EXISTS (SELECT 1 FROM (SELECT DISTINCT institution FROM overseas_episodes) n
                                   LEFT JOIN institution_name_keys k ON k.institution = n.institution
                                   WHERE k.institution IS NULL)""")) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the institution registry of the store: " + e.getMessage(), e);
        }
    }

    static void refresh(Connection c) {
        if (upToDate(c)) {
            return; // writes nothing: works on a store opened read-only
        }
        RegistryStore.ensureLoaded(c);
        try {
            Transactions.run(c, () -> {
                String revision = RegistryStore.readMeta(c, RegistryStore.META_REVISION);
                if (revision == null || !revision.equals(RegistryStore.readMeta(c, META_KEYS_REVISION))) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DELETE FROM institution_name_keys");
                    }
                }
                List<String> names = strings(c, """
                    SELECT n.institution FROM (SELECT DISTINCT institution FROM overseas_episodes) n
                    LEFT JOIN institution_name_keys k ON k.institution = n.institution
                    WHERE k.institution IS NULL""");
                if (!names.isEmpty()) {
                    // the registry's keys as institution_norms holds them (written with every change of the
                    // registry, from the same model): reading them is cheaper than rebuilding the model,
                    // which normalises every name and alias again
                    appendKeys(c, names, norms(c));
                }
                if (revision != null) {
                    RegistryStore.writeMeta(c, META_KEYS_REVISION, revision);
                }
            });
        } catch (SQLException e) {
            throw HaiguiException.store("cannot key the institution names of the episodes: " + e.getMessage(), e);
        }
    }

    // The loops of refresh are methods of their own: refresh runs once per import, so a loop inside it was compiled
    // on stack (OSR) with all of refresh in each import of a process anew (measured: 0.1 s of the optimising
    // compiler per import, competing with the import for the cores).

    /** The first column of a query's rows. */
    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The registry's keys by normalised name, as institution_norms holds them. */
    private static java.util.Map<String, String> norms(Connection c) throws SQLException {
        java.util.Map<String, String> norms = new java.util.HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT norm, name_key FROM institution_norms")) {
            while (rs.next()) {
                norms.put(rs.getString(1), rs.getString(2));
            }
        }
        return norms;
    }

    /** Appends each name with its key to institution_name_keys. */
    private static void appendKeys(Connection c, List<String> names, java.util.Map<String, String> norms) throws SQLException {
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "institution_name_keys")) {
            for (String n : names) {
                a.beginRow();
                RegistryStore.str(a, n);
                RegistryStore.str(a, nameKey(norms, n));
                a.endRow();
            }
        }
    }

    /**
     * The key of one name as written (see {@link #refresh}), from the registry's keys as
     * {@code institution_norms} holds them.
     */
    static String nameKey(java.util.Map<String, String> norms, String name) {
        String norm = NameNormalizer.normalise(name);
        if (norm.isEmpty()) {
            return null;
        }
        String key = norms.get(norm);
        return key == null ? "n:" + norm : key;
    }
}
