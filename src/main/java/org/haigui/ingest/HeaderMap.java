package org.haigui.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haigui.core.HaiguiException;
import org.haigui.schema.Column;
import org.haigui.schema.Table;

/**
 * Maps the header cells of an input to the table's columns: case-insensitive after trimming
 * (and NFKC, so full-width letters match), the Chinese header as an alias. Unknown columns are
 * reported once as a warning; the {@code errors} column of a rejected-rows file is ignored so that
 * a corrected file can be imported as it is.
 */
final class HeaderMap {

    /** The column added to rejected-rows files. */
    static final String ERRORS_COLUMN = "errors";

    final int[] schemaIndexOfHeader;  // per header position: schema column index or -1
    final String[] headerOfSchema;    // per schema column: the header as written, or the canonical name
    final long headerRow;             // the header's row (spreadsheet numbering; rows above it are titles)
    final List<String> warnings = new ArrayList<>();

    private HeaderMap(int headers, int columns, long headerRow) {
        schemaIndexOfHeader = new int[headers];
        headerOfSchema = new String[columns];
        this.headerRow = headerRow;
    }

    static String normalise(String h) {
        String s = h == null ? "" : h.replace("\uFEFF", "");
        return Normalizer.normalize(s, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a row names a key column of the table: the header is the first non-blank row that
     * does (bureau files often carry a title row above it), in a CSV file and in a sheet alike.
     */
    static boolean namesAKeyColumn(Table t, List<String> cells) {
        for (String c : cells) {
            String h = normalise(c);
            for (Column col : t.keyColumns()) {
                if (col.name().equals(h) || normalise(col.zhAlias()).equals(h)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Maps the header or throws an INPUT error naming the file, the offending columns, and the
     * header found (its row and cells), so that a user sees which row was taken as the header.
     */
    static HeaderMap of(Table table, List<String> header, String source, long headerRow) {
        List<Column> cols = table.columns();
        HeaderMap m = new HeaderMap(header.size(), cols.size(), headerRow);
        int[] seenAt = new int[cols.size()];
        java.util.Arrays.fill(seenAt, -1);
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normalise(header.get(i));
            m.schemaIndexOfHeader[i] = -1;
            if (h.isEmpty()) {
                continue;
            }
            int found = -1;
            for (int c = 0; c < cols.size(); c++) {
                if (cols.get(c).name().equals(h) || normalise(cols.get(c).zhAlias()).equals(h)) {
                    found = c;
                    break;
                }
            }
            if (found < 0) {
                if (!h.equals(ERRORS_COLUMN)) {
                    unknown.add(header.get(i).trim());
                }
                continue;
            }
            if (seenAt[found] >= 0) {
                problems.add("columns " + (seenAt[found] + 1) + " ('" + header.get(seenAt[found]).trim() + "') and " + (i + 1)
                    + " ('" + header.get(i).trim() + "') are both " + cols.get(found).name());
                continue;
            }
            seenAt[found] = i;
            m.schemaIndexOfHeader[i] = found;
            m.headerOfSchema[found] = header.get(i).trim();
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
            if (m.headerOfSchema[c] == null) {
                m.headerOfSchema[c] = cols.get(c).name();
                if (cols.get(c).required()) {
                    missing.add(cols.get(c).name() + " (" + cols.get(c).zhAlias() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (String h : header) {
                found.add(h == null ? "" : h.replace("\uFEFF", "").trim());
            }
            while (!found.isEmpty() && found.get(found.size() - 1).isEmpty()) {
                found.remove(found.size() - 1);
            }
            throw HaiguiException.input(source + ": header of table " + table.name() + ": " + String.join("; ", problems)
                + "; header found (row " + headerRow + "): " + String.join(", ", found) + " (表头有误；找到的表头如上)");
        }
        if (!unknown.isEmpty()) {
            m.warnings.add(source + ": unknown column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + " ignored (table " + table.name() + ")");
        }
        return m;
    }

    /** Cells by schema column for one row. */
    String[] bySchema(InputRow row, int columns) {
        String[] out = new String[columns];
        String[] cells = row.cells();
        for (int i = 0; i < cells.length && i < schemaIndexOfHeader.length; i++) {
            int c = schemaIndexOfHeader[i];
            if (c >= 0) {
                out[c] = cells[i];
            }
        }
        return out;
    }

    boolean[] numericBySchema(InputRow row, int columns) {
        if (row.numeric() == null) {
            return null;
        }
        boolean[] out = new boolean[columns];
        for (int i = 0; i < row.numeric().length && i < schemaIndexOfHeader.length; i++) {
            int c = schemaIndexOfHeader[i];
            if (c >= 0) {
                out[c] = row.numeric()[i];
            }
        }
        return out;
    }

    /** The user's header for a canonical column name (for messages). */
    String userHeader(Table table, String canonical) {
        List<Column> cols = table.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).name().equals(canonical)) {
                return headerOfSchema[c];
            }
        }
        return canonical;
    }
}
