package org.haigui.ingest;

import java.util.ArrayList;
import java.util.List;
import org.haigui.schema.Table;

/** SQL fragments over the staging tables, shared by the sections of the import. */
final class ImportSql {

    private ImportSql() {
    }

    /** HAIGUI_TIMINGS set: each statement of the import's SQL sections prints its time to standard error. */
    private static final boolean TIMINGS = System.getenv("HAIGUI_TIMINGS") != null;

    /** Executes one statement of an import section (timed with HAIGUI_TIMINGS). */
    static void exec(java.sql.Statement st, String sql) throws java.sql.SQLException {
        long t0 = System.nanoTime();
        st.execute(sql);
        if (TIMINGS) {
            String shown = sql.length() > 110 && System.getenv("HAIGUI_SQL_FULL") == null ? sql.substring(0, 110) + "..." : sql;
            System.err.printf(java.util.Locale.ROOT, "  sql %7.3f s  %s%n", (System.nanoTime() - t0) / 1e9, shown);
        }
    }

    /** True when {@code fromWhere} (a FROM clause, with its WHERE if any) yields a row. */
    static boolean any(java.sql.Statement st, String fromWhere) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + fromWhere + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The staging table of a table. */
    static String stg(Table t) {
        return "stg_" + t.name();
    }

    /** True for a staged row (alias) that has no error. */
    static String ok(Table t, String alias) {
        return "NOT EXISTS (SELECT 1 FROM stg_errors e WHERE e._tbl = '" + t.name() + "' AND e._src = " + alias
            + "._src AND e._row = " + alias + "._row)";
    }

    static String keyEq(Table t, String a, String b) {
        StringBuilder sb = new StringBuilder();
        for (String k : t.keyNames()) {
            if (sb.length() > 0) {
                sb.append(" AND ");
            }
            sb.append(a).append('.').append(k).append(" = ").append(b).append('.').append(k);
        }
        return sb.toString();
    }

    static String keyString(Table t, String alias) {
        List<String> parts = new ArrayList<>();
        for (String k : t.keyNames()) {
            parts.add("CAST(" + alias + "." + k + " AS VARCHAR)");
        }
        return parts.size() == 1 ? parts.get(0) : "concat_ws('|', " + String.join(", ", parts) + ")";
    }

    static String keysNotNull(Table t, String alias) {
        List<String> parts = new ArrayList<>();
        for (String k : t.keyNames()) {
            parts.add(alias + "." + k + " IS NOT NULL");
        }
        return String.join(" AND ", parts);
    }
}
