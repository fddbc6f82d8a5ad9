package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports through the command line keep {@code institution_name_keys} up to date (the after-merge hook of {@link Imports}). */
class ImportHookTest {

    @TempDir
    Path tmp;

    private int importCli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = tmp.resolve("store.duckdb").toString();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
        assertThat(code).as(out + "\n" + err).isZero();
        return code;
    }

    private Map<String, String> keys() throws SQLException {
        Map<String, String> m = new TreeMap<>();
        try (Store store = Store.openExisting(tmp.resolve("store.duckdb"));
             Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT institution, name_key FROM institution_name_keys")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void anImportKeysTheInstitutionNamesOfItsEpisodes() throws Exception {
        String episodes = "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n";
        write("a/persons.csv", "person_id,name_en\nP1,Zhang San\nP2,Li Si\n");
        write("a/overseas_episodes.csv", episodes
            + "E1,P1,study,MIT,US,2012-09,2014-06,master\n"
            + "E2,P2,study,Massachusetts Institute of Technology,US,2013-09,2015-06,master\n"
            + "E3,P2,work,Google,US,2015,,\n");
        importCli(tmp.resolve("a").toString());
        Map<String, String> k = keys();
        assertThat(k).containsOnlyKeys("MIT", "Massachusetts Institute of Technology", "Google");
        assertThat(k.values()).doesNotContainNull();
        // the registry's alias: both spellings are one institution
        assertThat(k.get("MIT")).isEqualTo(k.get("Massachusetts Institute of Technology"));

        // a dry run changes nothing, keys included
        write("b/overseas_episodes.csv", episodes + "E4,P1,study,University of Oxford,GB,2010-09,2011-06,master\n");
        importCli(tmp.resolve("b").toString(), "--dry-run");
        assertThat(keys()).containsOnlyKeys("MIT", "Massachusetts Institute of Technology", "Google");

        // a later import keys the names it brings
        importCli(tmp.resolve("b").toString());
        assertThat(keys()).containsOnlyKeys("MIT", "Massachusetts Institute of Technology", "Google", "University of Oxford");
    }
}
