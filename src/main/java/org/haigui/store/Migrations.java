package org.haigui.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/**
 * Versioned migrations. Version n creates the bookkeeping tables it introduces and every
 * canonical table or column whose {@code since} is n, so the canonical DDL always comes from
 * {@link Schema}. Applied in order inside one transaction each; the applied versions are recorded
 * in {@code schema_version}.
 */
final class Migrations {

    private Migrations() {
    }

    /** The bookkeeping DDL introduced at each version (index 0 = version 1). */
    private static final List<List<String>> BOOKKEEPING = List.of(List.of(
        """
        CREATE TABLE IF NOT EXISTS meta (
          key VARCHAR NOT NULL,
          value VARCHAR
        )""",
        """
        CREATE TABLE IF NOT EXISTS import_batches (
          batch_id BIGINT NOT NULL,
          run_id VARCHAR NOT NULL,
          table_name VARCHAR NOT NULL,
          file_name VARCHAR NOT NULL,
          sheet VARCHAR,
          checksum VARCHAR NOT NULL,
          started_at TIMESTAMP NOT NULL,
          finished_at TIMESTAMP NOT NULL,
          rows_read BIGINT NOT NULL,
          blank_rows BIGINT NOT NULL,
          inserted BIGINT NOT NULL,
          updated BIGINT NOT NULL,
          unchanged BIGINT NOT NULL,
          rejected BIGINT NOT NULL
        )""",
        """
        CREATE TABLE IF NOT EXISTS quarantine (
          batch_id BIGINT NOT NULL,
          table_name VARCHAR NOT NULL,
          file_name VARCHAR NOT NULL,
          row_number BIGINT NOT NULL,
          row_key VARCHAR,
          row_data VARCHAR NOT NULL,
          errors VARCHAR NOT NULL,
          resolved_batch_id BIGINT
        )"""),
        // version 2: the institution registry of the ties feature (filled by ties.InstitutionRegistry)
        List.of(
        """
        CREATE TABLE IF NOT EXISTS institutions (
          institution_id VARCHAR NOT NULL,
          name VARCHAR NOT NULL,
          country VARCHAR,
          domains VARCHAR,
          kind VARCHAR,
          source VARCHAR NOT NULL
        )""",
        """
        CREATE TABLE IF NOT EXISTS institution_aliases (
          institution_id VARCHAR NOT NULL,
          alias VARCHAR NOT NULL,
          source VARCHAR NOT NULL
        )""",
        """
        CREATE TABLE IF NOT EXISTS institution_name_keys (
          institution VARCHAR NOT NULL,
          name_key VARCHAR
        )""",
        """
        CREATE TABLE IF NOT EXISTS institution_norms (
          norm VARCHAR NOT NULL,
          name_key VARCHAR NOT NULL
        )"""),
        // version 3: accounts, sessions and the audit log of the web server (filled by web.Accounts,
        // web.Sessions and web.AuditLog)
        List.of(
        """
        CREATE TABLE IF NOT EXISTS accounts (
          username VARCHAR NOT NULL,
          role VARCHAR NOT NULL,
          password_hash VARCHAR NOT NULL,
          created_at TIMESTAMP NOT NULL,
          updated_at TIMESTAMP NOT NULL
        )""",
        """
        CREATE TABLE IF NOT EXISTS sessions (
          token_hash VARCHAR NOT NULL,
          username VARCHAR NOT NULL,
          csrf VARCHAR NOT NULL,
          created_at TIMESTAMP NOT NULL,
          expires_at TIMESTAMP NOT NULL,
          remote VARCHAR
        )""",
        """
        CREATE TABLE IF NOT EXISTS audit_log (
          happened_at TIMESTAMP NOT NULL,
          username VARCHAR,
          role VARCHAR NOT NULL,
          action VARCHAR NOT NULL,
          target VARCHAR,
          remote VARCHAR,
          detail VARCHAR
        )"""));

    /** The newest version: the schema's, or the last bookkeeping version, whichever is later. */
    static final int LATEST = Math.max(Schema.VERSION, BOOKKEEPING.size());

    static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL, description VARCHAR)");
        }
        int current = currentVersion(c);
        if (current > LATEST) {
            throw new SQLException("the store has schema version " + current + ", newer than this program's " + LATEST
                + "; use a newer haigui");
        }
        for (int v = current + 1; v <= LATEST; v++) {
            int version = v;
            Transactions.run(c, () -> {
                try (Statement st = c.createStatement()) {
                    for (String ddl : ddlFor(version)) {
                        st.execute(ddl);
                    }
                    st.execute("INSERT INTO schema_version VALUES (" + version + ", now()::TIMESTAMP, 'schema version " + version + "')");
                }
            });
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The DDL of version v: bookkeeping, then canonical tables and columns introduced at v. */
    static List<String> ddlFor(int v) {
        List<String> out = new ArrayList<>();
        if (v - 1 < BOOKKEEPING.size()) {
            out.addAll(BOOKKEEPING.get(v - 1));
        }
        for (Table t : Schema.tables()) {
            List<String> cols = t.storeColumns();
            int created = cols.stream().mapToInt(t::since).min().orElse(1);
            if (created == v) {
                StringBuilder sb = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (");
                for (String col : cols) {
                    if (t.since(col) == v) {
                        sb.append(col).append(' ').append(t.storeType(col)).append(", ");
                    }
                }
                sb.append(Schema.BATCH_COLUMN).append(" BIGINT NOT NULL)");
                out.add(sb.toString());
            } else if (created < v) {
                for (String col : cols) {
                    if (t.since(col) == v) {
                        out.add("ALTER TABLE " + t.name() + " ADD COLUMN " + col + " " + t.storeType(col));
                    }
                }
            }
        }
        return out;
    }
}
