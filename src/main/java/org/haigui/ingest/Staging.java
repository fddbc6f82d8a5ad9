package org.haigui.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.haigui.core.Progress;
import org.haigui.schema.Table;
import org.haigui.store.Store;

/**
 * The staging section of an import: temporary staging tables, and every row of an input streamed
 * through {@link RowValidator} into them (the DuckDB Appender), row errors into {@code stg_errors}.
 * Memory does not grow with file size.
 */
final class Staging {

    private static final int PROGRESS_EVERY = 20_000;

    private final Store store;
    private final ImportOptions options;
    private final Progress progress;
    private final Importer.Inputs inputs;

    Staging(Store store, ImportOptions options, Progress progress, Importer.Inputs inputs) {
        this.store = store;
        this.options = options;
        this.progress = progress;
        this.inputs = inputs;
    }

    void createStaging(Connection c, Set<Table> tables, List<ImportSource> sources) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Table t : tables) {
                StringBuilder sb = new StringBuilder("CREATE TEMP TABLE ").append(ImportSql.stg(t)).append(" (_src INTEGER, _row BIGINT");
                for (String col : t.storeColumns()) {
                    sb.append(", ").append(col).append(' ').append(t.storeType(col));
                }
                st.execute(sb.append(")").toString());
            }
            st.execute("CREATE TEMP TABLE stg_errors (_tbl VARCHAR, _src INTEGER, _row BIGINT, col VARCHAR, val VARCHAR, reason VARCHAR)");
            st.execute("CREATE TEMP TABLE stg_sources (_src INTEGER, name VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stg_sources VALUES (?, ?)")) {
            for (ImportSource s : sources) {
                ps.setInt(1, s.index);
                ps.setString(2, s.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void dropStaging(Connection c, Set<Table> tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Table t : tables) {
                st.execute("DROP TABLE IF EXISTS " + ImportSql.stg(t));
                st.execute("DROP TABLE IF EXISTS cls_" + t.name());
            }
            st.execute("DROP TABLE IF EXISTS stg_errors");
            st.execute("DROP TABLE IF EXISTS stg_sources");
        }
    }

    void stage(Connection c, ImportSource s, List<String> warnings) throws SQLException, IOException {
        Table t = s.spec.table();
        MessageDigest digest = sha256();
        s.started = now();
        RowValidator validator = new RowValidator(t, s.header.headerOfSchema, options.city(), store::hasher, options.survey());
        int columns = t.columns().size();
        DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
        progress.start("import " + s.name(), -1);
        try (TableInput in = inputs.open(s.spec, digest);
             DuckDBAppender rows = dc.createAppender("temp", "main", ImportSql.stg(t));
             DuckDBAppender errs = dc.createAppender("temp", "main", "stg_errors")) {
            InputRow row;
            while ((row = in.next()) != null) {
                s.read++;
                RowValidator.Checked checked;
                if (row.error() != null) {
                    checked = new RowValidator.Checked(new Object[validator.storeWidth()],
                        List.of(new FieldError("", "", row.error())));
                } else {
                    checked = validator.check(s.header.bySchema(row, columns), s.header.numericBySchema(row, columns));
                }
                rows.beginRow();
                rows.append(s.index);
                rows.append(row.rowNumber());
                for (Object v : checked.values()) {
                    appendValue(rows, v);
                }
                rows.endRow();
                for (FieldError e : checked.errors()) {
                    errs.beginRow();
                    errs.append(t.name());
                    errs.append(s.index);
                    errs.append(row.rowNumber());
                    errs.append(e.column());
                    errs.append(e.value());
                    errs.append(e.reason());
                    errs.endRow();
                }
                if (s.read % PROGRESS_EVERY == 0) {
                    progress.advance(s.read);
                }
            }
            s.blank = in.blankRows();
            warnings.addAll(in.warnings());
            rows.flush();
            errs.flush();
        } finally {
            progress.advance(s.read);
            progress.finish();
        }
        s.checksum = s.spec.sheet() == null ? HexFormat.of().formatHex(digest.digest()) : checksumOf(s.spec.file());
        s.finished = now();
    }

    private static void appendValue(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else if (v instanceof String s) {
            a.append(s);
        } else if (v instanceof Long l) {
            a.append(l.longValue());
        } else if (v instanceof BigDecimal d) {
            a.append(d);
        } else if (v instanceof LocalDate d) {
            a.append(d);
        } else if (v instanceof Boolean b) {
            a.append(b.booleanValue());
        } else {
            throw new IllegalStateException("unexpected value type " + v.getClass());
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String checksumOf(Path file) throws IOException {
        MessageDigest d = sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
