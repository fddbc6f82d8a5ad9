package org.haigui.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.xlsx.XlsxCell;
import org.haigui.ingest.xlsx.XlsxRow;
import org.haigui.ingest.xlsx.XlsxSheetReader;
import org.haigui.ingest.xlsx.XlsxWorkbook;
import org.haigui.schema.Column;
import org.haigui.schema.Table;

/**
 * One sheet of an .xlsx workbook holding one table. The header is the first non-blank row that
 * names a key column of the table (bureau sheets often carry a title row above the header; such
 * rows are skipped with a warning). Excel number cells are marked numeric, so that a date column
 * can take an Excel date serial; date-formatted cells arrive as ISO dates.
 */
final class XlsxInput implements TableInput {

    private final Sources.Spec spec;
    private final XlsxSheetReader reader;
    private final List<String> header;
    private final long headerRowNumber;
    private final List<String> warnings = new ArrayList<>();

    private XlsxInput(Sources.Spec spec, XlsxSheetReader reader) {
        this.spec = spec;
        this.reader = reader;
        List<XlsxRow> before = new ArrayList<>();
        XlsxRow headerRow = null;
        for (int i = 0; i < HEADER_SEARCH_ROWS; i++) {
            XlsxRow r = reader.next();
            if (r == null) {
                break;
            }
            if (namesAKeyColumn(spec.table(), r)) {
                headerRow = r;
                break;
            }
            before.add(r);
        }
        if (headerRow == null) {
            if (before.isEmpty()) {
                throw HaiguiException.input(displayName() + ": the sheet is empty (no header row)");
            }
            // no row names a key column: take the first row, so that the header check says what is missing
            headerRow = before.remove(0);
        }
        if (!before.isEmpty() && namesAKeyColumn(spec.table(), headerRow)) {
            warnings.add(displayName() + ": " + before.size() + " row(s) above the header (row " + headerRow.rowNumber()
                + ") skipped as titles");
        }
        int width = 0;
        for (XlsxCell c : headerRow.cells()) {
            width = Math.max(width, c.column() + 1);
        }
        String[] h = new String[width];
        for (XlsxCell c : headerRow.cells()) {
            h[c.column()] = c.text();
        }
        List<String> hl = new ArrayList<>();
        for (String s : h) {
            hl.add(s == null ? "" : s);
        }
        this.header = hl;
        this.headerRowNumber = headerRow.rowNumber();
    }

    @Override
    public long headerRow() {
        return headerRowNumber;
    }

    private static boolean namesAKeyColumn(Table t, XlsxRow r) {
        List<String> cells = new ArrayList<>();
        for (XlsxCell c : r.cells()) {
            cells.add(c.text());
        }
        return HeaderMap.namesAKeyColumn(t, cells);
    }

    /** The sheets of a workbook that are named after a table; other sheets are reported and ignored. */
    static List<Sources.Spec> sheets(Path file, XlsxWorkbook wb, List<String> warnings) {
        List<Sources.Spec> out = new ArrayList<>();
        for (String name : wb.sheetNames()) {
            var t = Sources.tableFor(name);
            if (t.isPresent()) {
                out.add(new Sources.Spec(t.get(), file, name));
            } else {
                warnings.add(file.getFileName() + ", sheet " + name + ": ignored (not named after a table)");
            }
        }
        if (out.isEmpty()) {
            throw HaiguiException.input(file + ": no sheet is named after a table (name sheets persons, overseas_episodes, ... or 人员, 海外经历, ...)");
        }
        wb.prefetchFirstPasses(out.stream().map(Sources.Spec::sheet).toList());
        return out;
    }

    /** Reads one sheet of an open workbook; closing the input leaves the workbook open (its owner closes it). */
    static TableInput open(Sources.Spec spec, XlsxWorkbook wb) {
        XlsxSheetReader reader = wb.sheet(spec.sheet());
        try {
            return new XlsxInput(spec, reader);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public Table table() {
        return spec.table();
    }

    @Override
    public Path file() {
        return spec.file();
    }

    @Override
    public String sheet() {
        return spec.sheet();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() throws IOException {
        XlsxRow r = reader.next();
        if (r == null) {
            return null;
        }
        String[] cells = new String[header.size()];
        boolean[] numeric = new boolean[header.size()];
        String error = null;
        for (XlsxCell c : r.cells()) {
            if (c.column() >= cells.length) {
                if (error == null && !c.text().isBlank()) {
                    error = "cell " + c.columnName() + r.rowNumber() + " has a value but no header above it";
                }
                continue;
            }
            if (c.kind() == XlsxCell.Kind.ERROR) {
                if (error == null) {
                    error = "column " + header.get(c.column()) + " (cell " + c.columnName() + r.rowNumber() + "): "
                        + (c.text().startsWith("#") ? "Excel error " : "") + c.text();
                }
                continue;
            }
            cells[c.column()] = c.text();
            numeric[c.column()] = c.kind() == XlsxCell.Kind.NUMBER;
        }
        return new InputRow(r.rowNumber(), cells, numeric, error);
    }

    @Override
    public long blankRows() {
        return reader.blankRowsSkipped();
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(reader.warnings());
        return all;
    }

    @Override
    public void close() {
        reader.close();
    }
}
