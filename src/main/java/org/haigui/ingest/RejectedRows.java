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
import org.haigui.core.HaiguiException;
import org.haigui.schema.Table;

/**
 * The rejected rows: the inputs that had rejected rows are read once more, and those rows written
 * with their errors to {@code <table>.rejected.csv/.xlsx} beside the input (through temporary files
 * moved into place after the commit) and to the quarantine (identity numbers masked).
 */
final class RejectedRows {

    /** Hidden temporary files of this and earlier imports (earlier ones left by a kill). */
    private static final java.util.regex.Pattern TEMP = java.util.regex.Pattern.compile(
        "\\..+\\.rejected(\\.\\d+)?\\.(csv|xlsx)(\\.[0-9a-f]+)?\\.(tmp|part)");

    private final ImportOptions options;
    private final Importer.Inputs inputs;
    private final RejectedRowsWriter.Sealing sealing = RejectedRowsWriter.Sealing.fresh();
    private final String tag = Long.toHexString(new java.security.SecureRandom().nextLong() >>> 1);

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
            java.security.MessageDigest digest = s.spec.sheet() == null ? Staging.sha256() : null;
            Path dir = s.spec.file().toAbsolutePath().getParent();
            Path[] out = outputs(dir, t.name(), used);
            Path csvOut = out[0];
            Path xlsxOut = out[1];
            Path csvTmp = dir.resolve("." + csvOut.getFileName() + "." + tag + ".tmp");
            Path xlsxTmp = dir.resolve("." + xlsxOut.getFileName() + "." + tag + ".tmp");
            if (options.writeRejected()) {
                removeLeftovers(dir);
                moves.put(csvTmp, csvOut);
                moves.put(xlsxTmp, xlsxOut);
                written.add(csvOut);
                written.add(xlsxOut);
            }
            try (RejectedRowsWriter w = options.writeRejected() ? openWriter(csvTmp, xlsxTmp, csvOut, t) : RejectedRowsWriter.none();
                 QuarantineWriter q = new QuarantineWriter(c, t, batch, s.name(), s.header);
                 TableInput in = inputs.open(s.spec, digest);
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
                        // keys, values and reasons may quote any value of any row: masked here, where they leave the validator
                        String key = Masking.text(rs.getString(5));
                        List<FieldError> errors = new ArrayList<>();
                        while (more && rs.getLong(1) == target) {
                            errors.add(new FieldError(Masking.text(s.header.userHeader(t, rs.getString(2))),
                                Masking.value(false, rs.getString(3)), Masking.text(rs.getString(4))));
                            more = rs.next();
                        }
                        while (row != null && row.rowNumber() < target) {
                            row = in.next();
                        }
                        if (row == null || row.rowNumber() != target) {
                            throw changed(s);
                        }
                        w.row(maskOutsideIdColumn(row, s), errors);
                        q.add(row, key, errors);
                    }
                    while (row != null) {
                        row = in.next(); // to the end, so that the checksum covers the whole file
                    }
                }
                String again = digest != null ? java.util.HexFormat.of().formatHex(digest.digest()) : Staging.checksumOf(s.spec.file());
                if (!again.equals(s.checksum)) {
                    throw changed(s);
                }
            }
        }
        // a row rejected because a later row of this import has the same key: that row was accepted,
        // so the entry is resolved by this import at once (keys masked in the quarantine cannot match and stay)
        try (Statement st = c.createStatement()) {
            Set<Table> tables = new java.util.LinkedHashSet<>();
            for (ImportSource s : sources) {
                if (s.rejected > 0) {
                    tables.add(s.spec.table());
                }
            }
            for (Table t : tables) {
                st.execute("UPDATE quarantine SET resolved_batch_id = batch_id WHERE batch_id > " + base
                    + " AND resolved_batch_id IS NULL AND table_name = '" + t.name() + "' AND row_key IN (SELECT "
                    + ImportSql.keyString(t, "k") + " FROM " + ImportSql.stg(t) + " k WHERE " + ImportSql.ok(t, "k") + ")");
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

    /**
     * The row for the rejected-rows files: as the user wrote it, so that it can be corrected and
     * imported again, except identity numbers outside the id_number column (refused there anyway;
     * the user's own input still holds them), which are masked.
     */
    private static InputRow maskOutsideIdColumn(InputRow row, ImportSource s) {
        String[] cells = row.cells().clone();
        int[] schemaIndex = s.header.schemaIndexOfHeader;
        for (int i = 0; i < cells.length; i++) {
            int c = i < schemaIndex.length ? schemaIndex[i] : -1;
            boolean idColumn = c >= 0 && s.spec.table().columns().get(c).type() == org.haigui.schema.ColumnType.ID_NUMBER;
            if (!idColumn && cells[i] != null) {
                cells[i] = Masking.text(cells[i]);
            }
        }
        return new InputRow(row.rowNumber(), cells, row.numeric(), row.error());
    }

    /** The input is read twice (to stage it, then to copy its rejected rows): it must not change in between. */
    private static HaiguiException changed(ImportSource s) {
        return HaiguiException.input(s.name() + ": the file changed while it was being imported (its checksum differs between "
            + "the two readings); nothing was changed. Import it again once nothing writes to it");
    }

    private RejectedRowsWriter openWriter(Path csvTmp, Path xlsxTmp, Path csvOut, Table t) {
        try {
            return RejectedRowsWriter.open(csvTmp, xlsxTmp, csvOut, options.encoding(), t.name(), sealing);
        } catch (IOException e) {
            throw cannotWrite(csvOut, e);
        }
    }

    /** A rejected-rows file that cannot be written (folder not writable, disk full): a file error, nothing changed. */
    static HaiguiException cannotWrite(Path target, IOException e) {
        return HaiguiException.input(target + ": cannot write the rejected-rows file (" + Environment.why(e)
            + "); nothing was changed. Make the folder writable or free some space, then import again", e);
    }

    /**
     * Removes hidden temporary files that an import killed before its end left in the folder:
     * sealed ones (unreadable) once they are a minute old, and readable ones of earlier versions.
     */
    private static void removeLeftovers(Path dir) {
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                java.util.regex.Matcher m = TEMP.matcher(f.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (m.group(3) == null || Files.getLastModifiedTime(f).toMillis() < minuteAgo) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // best effort: writing the new files reports a folder that cannot be written
        }
    }

    /** After the commit: makes the sealed temporary files readable in place; a failure is a warning. */
    void publish(Map<Path, Path> moves, List<String> warnings) {
        warnings.addAll(kept);
        for (Map.Entry<Path, Path> m : moves.entrySet()) {
            try {
                String sha256 = RejectedRowsWriter.publish(m.getKey(), m.getValue(), sealing);
                try {
                    Files.writeString(written(m.getValue()), sha256 + "\n");
                } catch (IOException e) {
                    // without its note the file counts as the user's: the next import writes beside it
                }
            } catch (IOException e) {
                warnings.add("could not write " + m.getValue() + ": " + Environment.why(e));
                try {
                    Files.deleteIfExists(m.getKey());
                } catch (IOException ignored) {
                    // left unreadable; the next import removes it
                }
            }
        }
    }

    /** Rejected-rows files this import did not replace (changed by the user, or not ours): warnings. */
    private final List<String> kept = new ArrayList<>();

    /**
     * The pair of rejected-rows files ({@code .csv}, {@code .xlsx}) for a table's input in {@code dir}:
     * {@code <table>.rejected.*}, or {@code <table>.rejected.2.*}, ... when a name is taken by another
     * input of this import or by a file this program may not replace. A rejected-rows file is replaced
     * only while it is as this program wrote it (its SHA-256 is noted in a hidden file beside it when it
     * is written, {@link #written}): a file the user corrected or filled in, or one this program did not
     * write, is never overwritten (the rows go to the next free name, and a warning says so).
     */
    private Path[] outputs(Path dir, String table, Set<Path> used) {
        Path changed = null;
        for (int i = 1; ; i++) {
            String base = table + ".rejected" + (i == 1 ? "" : "." + i);
            Path csv = dir.resolve(base + ".csv");
            Path xlsx = dir.resolve(base + ".xlsx");
            if (used.contains(csv) || used.contains(xlsx)) {
                continue;
            }
            boolean csvFree = mayReplace(csv);
            if (csvFree && mayReplace(xlsx)) {
                used.add(csv);
                used.add(xlsx);
                if (changed != null && options.writeRejected()) {
                    kept.add(changed + ": changed since haigui wrote it (or not written by haigui), so kept as it is; this "
                        + "import's rejected rows are in " + csv.getFileName() + " and " + xlsx.getFileName()
                        + ". Import the corrected file to take its rows in (已修改或非本程序生成的文件保持不变，本次被拒行写入 "
                        + csv.getFileName() + ")");
                }
                return new Path[] {csv, xlsx};
            }
            if (changed == null) {
                changed = csvFree ? xlsx : csv;
            }
        }
    }

    /** The hidden file beside a rejected-rows file that notes its SHA-256 as this program wrote it. */
    static Path written(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".sha256");
    }

    /** Whether {@code file} may be written: it does not exist, or it is exactly as this program wrote it. */
    private static boolean mayReplace(Path file) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Path note = written(file);
        try {
            return Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(note)
                && Files.size(note) < 200 && Files.readString(note).trim().equals(Staging.checksumOf(file));
        } catch (IOException e) {
            return false;
        }
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
