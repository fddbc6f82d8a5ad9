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
public final class Migrations {

    private Migrations() {
    }

    /**
     * The version that introduced the history tables {@code hist_<table>}: the columns of the
     * canonical table, {@code batch_id} (the row's batch before the change), {@code change_batch}
     * (the batch that made the change) and {@code op} ({@code i} inserted: key only; {@code u}
     * updated, {@code d} deleted, {@code x} undone: the row as it was before the change).
     */
    public static final int HISTORY_VERSION = 4;

    /** The meta key holding the first batch id that has a history. */
    public static final String HISTORY_FROM = "history_from_batch";

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
        )"""),
        // version 4: the audit trail of batches (undo, deletions, history): what kind of batch, when
        // and by which batch it was undone, how many rows it deleted; the tombstones of deleted keys;
        // the first batch with a history (batches imported before this version cannot be undone).
        // The history tables hist_<table> come from the schema (see ddlFor).
        List.of(
        "ALTER TABLE import_batches ADD COLUMN kind VARCHAR DEFAULT 'import'",
        "ALTER TABLE import_batches ADD COLUMN deleted BIGINT DEFAULT 0",
        "ALTER TABLE import_batches ADD COLUMN undone_at TIMESTAMP",
        "ALTER TABLE import_batches ADD COLUMN undone_by BIGINT",
        """
        CREATE TABLE IF NOT EXISTS tombstones (
          table_name VARCHAR NOT NULL,
          row_key VARCHAR NOT NULL,
          batch_id BIGINT NOT NULL,
          deleted_at TIMESTAMP NOT NULL,
          revived_batch_id BIGINT
        )""",
        "INSERT INTO meta SELECT '" + HISTORY_FROM + "', CAST(coalesce(max(batch_id), 0) + 1 AS VARCHAR) FROM import_batches"),
        // version 5: the bulk loads whose inserted keys the history holds implicitly (see PENDING)
        List.of(
        """
        CREATE TABLE IF NOT EXISTS hist_pending (
          table_name VARCHAR NOT NULL,
          batch_id BIGINT NOT NULL
        )"""));

    /**
     * The version that introduced {@code hist_pending(table_name, batch_id)}: a batch that loaded rows into an
     * empty table notes there that it inserted every row of that table whose {@code batch_id} is its own,
     * instead of writing their keys to {@code hist_<table>} as {@code i} rows (measured: an import of the
     * 250,000-person city 0.4-0.6 s faster, of 0.9 million such keys). Such rows are the history's all the
     * same: readers see them through the history's rows (ingest's {@code Trail.rows}), and anything that
     * changes a table first writes them out and deletes the note (ingest's {@code Trail.settle}), so that
     * "the rows whose batch_id is B" means "the rows B inserted" for as long as the note is there.
     */
    public static final int PENDING_VERSION = 5;

    /** The table of {@link #PENDING_VERSION}. */
    public static final String PENDING = "hist_pending";


    /** The newest version: the schema's, or the last bookkeeping version, whichever is later. */
    static final int LATEST = Math.max(Schema.VERSION, BOOKKEEPING.size());

    /** The history table of a canonical table. */
    public static String history(Table t) {
        return "hist_" + t.name();
    }

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
                        if (v > HISTORY_VERSION) {
                            out.add("ALTER TABLE " + history(t) + " ADD COLUMN " + col + " " + t.storeType(col));
                        }
                    }
                }
            }
            if (v == Math.max(created, HISTORY_VERSION)) {
                StringBuilder sb = new StringBuilder("CREATE TABLE ").append(history(t)).append(" (");
                for (String col : cols) {
                    if (t.since(col) <= v) {
                        sb.append(col).append(' ').append(t.storeType(col)).append(", ");
                    }
                }
                sb.append(Schema.BATCH_COLUMN).append(" BIGINT, change_batch BIGINT NOT NULL, op VARCHAR NOT NULL)");
                out.add(sb.toString());
            }
        }
        return out;
    }
}
