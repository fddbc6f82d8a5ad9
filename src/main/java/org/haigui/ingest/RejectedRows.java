package org.haigui.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haigui.schema.Table;

/**
 * The rejected rows: the inputs that had rejected rows are read once more, and those rows written
 * with their errors to {@code <table>.rejected.csv/.xlsx} beside the input (through temporary files
 * moved into place after the commit) and to the quarantine (identity numbers masked).
 */
final class RejectedRows {

    private final ImportOptions options;
    private final Importer.Inputs inputs;

    RejectedRows(ImportOptions options, Importer.Inputs inputs) {
        this.options = options;
        this.inputs = inputs;
    }

    void writeRejected(Connection c, List<ImportSource> sources, long base, Map<Path, Path> moves, List<Path> written)
        throws SQLException, IOException {
        Set<Path> used = new java.util.HashSet<>();
        for (ImportSource s : sources) {
            if (s.rejected == 0) {
                continue;
            }
            Table t = s.spec.table();
            long batch = base + 1 + s.index;
            Path dir = s.spec.file().toAbsolutePath().getParent();
            Path csvOut = uniqueOut(dir, t.name(), ".csv", used);
            Path xlsxOut = uniqueOut(dir, t.name(), ".xlsx", used);
            Path csvTmp = dir.resolve("." + csvOut.getFileName() + ".tmp");
            Path xlsxTmp = dir.resolve("." + xlsxOut.getFileName() + ".tmp");
            if (options.writeRejected()) {
                moves.put(csvTmp, csvOut);
                moves.put(xlsxTmp, xlsxOut);
                written.add(csvOut);
                written.add(xlsxOut);
            }
            try (RejectedRowsWriter w = options.writeRejected()
                     ? RejectedRowsWriter.open(csvTmp, xlsxTmp, options.encoding(), t.name()) : RejectedRowsWriter.none();
                 QuarantineWriter q = new QuarantineWriter(c, t, batch, s.name(), s.header);
                 TableInput in = inputs.open(s.spec, null);
                 PreparedStatement ps = c.prepareStatement("SELECT e._row, e.col, e.val, e.reason, " + ImportSql.keyString(t, "k")
                     + " FROM stg_errors e LEFT JOIN " + ImportSql.stg(t) + " k ON k._src = e._src AND k._row = e._row"
                     + " WHERE e._src = ? ORDER BY e._row, e.col, e.reason")) {
                w.header(in.header());
                q.headerCells(in.header());
                ps.setInt(1, s.index);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean more = rs.next();
                    InputRow row = in.next();
                    while (more) {
                        long target = rs.getLong(1);
                        String key = rs.getString(5);
                        List<FieldError> errors = new ArrayList<>();
                        while (more && rs.getLong(1) == target) {
                            errors.add(new FieldError(s.header.userHeader(t, rs.getString(2)), rs.getString(3), rs.getString(4)));
                            more = rs.next();
                        }
                        while (row != null && row.rowNumber() < target) {
                            row = in.next();
                        }
                        if (row == null || row.rowNumber() != target) {
                            throw new IllegalStateException(s.name() + ": row " + target + " not found on re-reading the file");
                        }
                        w.row(row, errors);
                        q.add(row, key, errors);
                    }
                }
            }
        }
        // earlier unresolved quarantine entries for keys quarantined again are superseded by the new ones
        try (Statement st = c.createStatement()) {
            st.execute("UPDATE quarantine SET resolved_batch_id = (SELECT min(n.batch_id) FROM quarantine n WHERE n.batch_id > " + base
                + " AND n.table_name = quarantine.table_name AND n.row_key = quarantine.row_key)"
                + " WHERE batch_id <= " + base + " AND resolved_batch_id IS NULL AND row_key IS NOT NULL"
                + " AND EXISTS (SELECT 1 FROM quarantine n WHERE n.batch_id > " + base
                + " AND n.table_name = quarantine.table_name AND n.row_key = quarantine.row_key)");
        }
    }

    private static Path uniqueOut(Path dir, String table, String ext, Set<Path> used) {
        Path p = dir.resolve(table + ".rejected" + ext);
        for (int i = 2; used.contains(p); i++) {
            p = dir.resolve(table + ".rejected." + i + ext);
        }
        used.add(p);
        return p;
    }

    static void cleanup(Map<Path, Path> moves) {
        for (Path tmp : moves.keySet()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
