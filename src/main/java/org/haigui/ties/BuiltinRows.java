package org.haigui.ties;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.HaiguiException;

/**
 * The built-in registry as the rows a store holds - {@code institutions}, {@code institution_aliases}
 * and {@code institution_norms} - kept in the program as one text resource made from the
 * world-universities file and {@code aliases.csv} ({@link #render}), so that a new store takes them
 * as they are: parsing 2.2 MB of JSON and normalising every name and alias took 0.4-0.7 s of a first
 * import (measured, a new process on 2 cores). {@code BuiltinRowsTest} checks that the resource is
 * what the two files give, and that a store loaded from it holds the same rows as one loaded from
 * them; the test's {@code main} writes it again after either file changes.
 *
 * <p>Format: UTF-8 lines, a section line ({@code #institutions}, {@code #aliases}, {@code #norms}),
 * then one row per line, fields separated by a tab; in a field a backslash, tab, line feed and
 * carriage return are written {@code \\}, {@code \t}, {@code \n}, {@code \r}, and NULL is {@code \N}.
 */
final class BuiltinRows {

    static final String RESOURCE = "/institutions/builtin-rows.tsv";

    private BuiltinRows() {
    }

    /** The resource's text for the built-in model (institutions and aliases as loaded, norms as the store's model keys them). */
    static String render(RegistryModel builtin) {
        StringBuilder sb = new StringBuilder("#institutions\n");
        List<RegistryModel.Institution> insts = new ArrayList<>(builtin.byId.values());
        for (RegistryModel.Institution i : insts) {
            line(sb, i.id(), i.name(), i.country(), i.domains(), i.kind(), i.source());
        }
        sb.append("#aliases\n");
        for (RegistryModel.Alias a : builtin.aliases) {
            line(sb, a.institutionId(), a.alias(), a.source());
        }
        // the norms as RegistryStore.writeNorms keys them from the model read back from a store (rows in id order)
        RegistryModel stored = new RegistryModel();
        insts.stream().sorted(Comparator.comparing(RegistryModel.Institution::id)).forEach(stored::addInstitution);
        builtin.aliases.stream().sorted(Comparator.comparing(RegistryModel.Alias::institutionId).thenComparing(RegistryModel.Alias::alias))
            .forEach(stored::addAlias);
        sb.append("#norms\n");
        for (String norm : stored.allNorms().keySet()) {
            line(sb, norm, stored.keyOf(norm));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String... fields) {
        for (int k = 0; k < fields.length; k++) {
            if (k > 0) {
                sb.append('\t');
            }
            String f = fields[k];
            if (f == null) {
                sb.append("\\N");
                continue;
            }
            for (int i = 0; i < f.length(); i++) {
                char ch = f.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        }
        sb.append('\n');
    }

    private static String field(String f) {
        if (f.equals("\\N")) {
            return null;
        }
        if (f.indexOf('\\') < 0) {
            return f;
        }
        StringBuilder sb = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch == '\\' && i + 1 < f.length()) {
                char n = f.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Appends the resource's rows to the three tables (the caller has emptied what it replaces, in its transaction). */
    static void insert(Connection c) throws SQLException {
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        try (InputStream in = BuiltinRows.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw broken("it is missing from the program");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            DuckDBAppender a = null;
            int width = 0;
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("#")) {
                        if (a != null) {
                            a.close();
                        }
                        // the section's table and its number of columns
                        String[] table = switch (line) {
                            case "#institutions" -> new String[] {"institutions", "6"};
                            case "#aliases" -> new String[] {"institution_aliases", "3"};
                            case "#norms" -> new String[] {"institution_norms", "2"};
                            default -> throw broken("unknown section " + line);
                        };
                        a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table[0]);
                        width = Integer.parseInt(table[1]);
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (a == null || f.length != width) {
                        throw broken("a row of " + f.length + " fields where " + width + " belong: " + line);
                    }
                    a.beginRow();
                    for (String v : f) {
                        RegistryStore.str(a, field(v));
                    }
                    a.endRow();
                }
            } finally {
                if (a != null) {
                    a.close();
                }
            }
        } catch (IOException e) {
            throw broken(e.getMessage());
        }
    }

    private static HaiguiException broken(String what) {
        return new HaiguiException(HaiguiException.Kind.INTERNAL, "the built-in " + RESOURCE + ": " + what);
    }
}
