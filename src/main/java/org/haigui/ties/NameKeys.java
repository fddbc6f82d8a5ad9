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
    static void refresh(Connection c) {
        RegistryStore.ensureLoaded(c);
        try {
            Transactions.run(c, () -> {
                String revision = RegistryStore.readMeta(c, RegistryStore.META_REVISION);
                if (revision == null || !revision.equals(RegistryStore.readMeta(c, META_KEYS_REVISION))) {
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
                    RegistryModel model = RegistryStore.load(c);
                    DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
                    try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "institution_name_keys")) {
                        for (String n : names) {
                            a.beginRow();
                            RegistryStore.str(a, n);
                            RegistryStore.str(a, nameKey(model, n));
                            a.endRow();
                        }
                    }
                }
                if (revision != null) {
                    RegistryStore.writeMeta(c, META_KEYS_REVISION, revision);
                }
            });
        } catch (SQLException e) {
            throw HaiguiException.store("cannot key the institution names of the episodes: " + e.getMessage(), e);
        }
    }

    /** The key of one name as written (see {@link #refresh}). */
    static String nameKey(RegistryModel model, String name) {
        String norm = NameNormalizer.normalise(name);
        String key = model.keyOf(norm);
        if (key == null && !norm.isEmpty()) {
            key = "n:" + norm;
        }
        return key;
    }
}
