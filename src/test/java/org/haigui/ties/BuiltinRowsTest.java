package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haigui.store.Store;
import org.haigui.store.Transactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in registry's rows as the program holds them ({@link BuiltinRows}) against what the
 * world-universities file and {@code aliases.csv} give: the same text, the same store rows as the
 * model's own load, the same name keys. After either file changes, write the resource again:
 * {@code java -cp target/haigui.jar:target/test-classes org.haigui.ties.BuiltinRowsTest src/main/resources}.
 */
class BuiltinRowsTest {

    @TempDir
    Path tmp;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources").resolve(BuiltinRows.RESOURCE.substring(1));
        Files.writeString(out, BuiltinRows.render(RegistryStore.builtinModel()), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    @Test
    void theResourceIsWhatTheBuiltInFilesGive() throws Exception {
        String held;
        try (InputStream in = BuiltinRows.class.getResourceAsStream(BuiltinRows.RESOURCE)) {
            assertThat(in).as(BuiltinRows.RESOURCE).isNotNull();
            held = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(held).as("the resource is out of date: write it again with BuiltinRowsTest's main")
            .isEqualTo(BuiltinRows.render(RegistryStore.builtinModel()));
    }

    @Test
    void aStoreLoadedFromTheResourceHoldsWhatTheModelLoads() throws Exception {
        try (Store fast = Store.open(tmp.resolve("fast.duckdb")); Store model = Store.open(tmp.resolve("model.duckdb"))) {
            RegistryStore.ensureLoaded(fast.writer()); // a new store: the resource's rows
            Connection m = model.writer();
            Transactions.run(m, () -> {
                RegistryModel builtin = RegistryStore.builtinModel();
                RegistryStore.insert(m, new ArrayList<>(builtin.byId.values()), builtin.aliases);
                RegistryStore.writeNorms(m, RegistryStore.loadModel(m));
            });
            for (String sql : List.of("SELECT * FROM institutions ORDER BY ALL", "SELECT * FROM institution_aliases ORDER BY ALL",
                "SELECT * FROM institution_norms ORDER BY ALL")) {
                List<String> a = rows(fast.writer(), sql);
                assertThat(a).as(sql).hasSizeGreaterThan(100).isEqualTo(rows(m, sql));
            }
            // and every name keys alike from the model and from the norms table: the registry's names and aliases
            // as written, changed in case and spacing, and names it does not know
            RegistryModel stored = RegistryStore.loadModel(m);
            Map<String, String> norms = new HashMap<>();
            for (String row : rows(fast.writer(), "SELECT norm || chr(9) || coalesce(name_key, '\\N') FROM institution_norms")) {
                String[] f = row.split("\t", -1);
                norms.put(f[0], f[1].equals("\\N") ? null : f[1]);
            }
            List<String> names = new ArrayList<>();
            for (RegistryModel.Institution i : stored.byId.values()) {
                names.add(i.name());
                names.add("  " + i.name().toUpperCase(java.util.Locale.ROOT) + " ");
            }
            for (RegistryModel.Alias al : stored.aliases) {
                names.add(al.alias());
            }
            names.addAll(List.of("", "   ", "某某研究所", "University of Nowhere", "The University of Tokyo", "北京大学", "MIT"));
            for (String n : names) {
                // the key as the registry model gives it (what name keys were made from before)
                String norm = org.haigui.core.NameNormalizer.normalise(n);
                String byModel = stored.keyOf(norm);
                if (byModel == null && !norm.isEmpty()) {
                    byModel = "n:" + norm;
                }
                assertThat(NameKeys.nameKey(norms, n)).as(n).isEqualTo(byModel);
            }
        }
    }

    @Test
    void aStoreWithUserRowsReloadsTheBuiltInRowsFromTheModel() throws Exception {
        Path csv = tmp.resolve("aliases.csv");
        Files.writeString(csv, "institution_id,name,country,aliases\n,Haigui Test Institute,CN,HTI\n");
        try (Store s = Store.open(tmp.resolve("user.duckdb"))) {
            Connection c = s.writer();
            InstitutionRegistry.importCsv(c, csv);
            long before = count(c, "SELECT count(*) FROM institutions");
            // a new built-in version: the built-in rows are loaded again, the user's stay, and the norms cover both
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE meta SET value = 'older' WHERE key = '" + InstitutionRegistry.META_VERSION + "'");
            }
            RegistryStore.ensureLoaded(c);
            assertThat(count(c, "SELECT count(*) FROM institutions")).isEqualTo(before);
            assertThat(count(c, "SELECT count(*) FROM institutions WHERE source = 'user'")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM institution_norms WHERE norm IN ('haiguitestinstitute', 'hti')")).isEqualTo(2);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int k = 1; k <= n; k++) {
                    sb.append(k > 1 ? "\t" : "").append(rs.getString(k));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
