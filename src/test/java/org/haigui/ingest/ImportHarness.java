package org.haigui.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.cli.Main;
import org.haigui.store.Store;

/** Small helpers for import tests: write files, run the real CLI, query the real store. */
final class ImportHarness {

    record Run(int code, String out, String err) {
    }

    final Path dir;
    final Path db;

    ImportHarness(Path dir) {
        this.dir = dir;
        this.db = dir.resolve("test.duckdb");
    }

    Path write(String name, String content) throws IOException {
        return write(name, content, StandardCharsets.UTF_8);
    }

    Path write(String name, String content, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content.getBytes(cs));
        return p;
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--db") && args.length > 0 && (args[0].equals("import") || args[0].equals("status"))) {
            all.add("--db");
            all.add(db.toString());
        }
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    Run importPaths(Path... paths) {
        List<String> args = new ArrayList<>();
        args.add("import");
        for (Path p : paths) {
            args.add(p.toString());
        }
        return cli(args.toArray(String[]::new));
    }

    long count(String sql) throws SQLException {
        try (Store s = Store.open(db); Statement st = s.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<String>> rows(String sql) throws SQLException {
        try (Store s = Store.open(db); Statement st = s.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> r = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    r.add(rs.getString(i));
                }
                out.add(r);
            }
            return out;
        }
    }

    String single(String sql) throws SQLException {
        List<List<String>> r = rows(sql);
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    /** Every text value anywhere in the store (canonical tables, batches, quarantine, meta), as one string. */
    String everythingStored() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Store s = Store.open(db); Statement st = s.connection().createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            sb.append(rs.getString(i)).append('\u0001');
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    static final String PERSONS_HEADER = "person_id,id_number,name_zh,name_en,gender,birth_date,highest_degree,field\n";
}
