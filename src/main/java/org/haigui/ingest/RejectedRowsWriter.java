package org.haigui.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes rejected rows, exactly as the user wrote them plus an {@code errors} column, as CSV (in
 * the input's encoding; UTF-8 with a BOM so that Excel shows Chinese correctly) and as .xlsx, so
 * the user can correct them and import the file again. These files sit beside the user's own
 * input and may repeat identity numbers; the messages in the errors column never do.
 */
class RejectedRowsWriter implements AutoCloseable {

    private static final int FLUSH_EVERY = 2_000;

    private final Writer csv;
    private final OutputStream xlsxStream;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int xlsxRow;
    private int width;

    private RejectedRowsWriter(Writer csv, OutputStream xlsxStream, Workbook workbook, Worksheet sheet) {
        this.csv = csv;
        this.xlsxStream = xlsxStream;
        this.workbook = workbook;
        this.sheet = sheet;
    }

    static RejectedRowsWriter open(Path csvFile, Path xlsxFile, Charset encoding, String table) throws IOException {
        OutputStream out = Files.newOutputStream(csvFile);
        if (encoding.equals(StandardCharsets.UTF_8)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, encoding), 1 << 16);
        OutputStream xo = Files.newOutputStream(xlsxFile);
        Workbook wb = new Workbook(xo, "HaiguiObservatory", "1.0");
        Worksheet ws = wb.newWorksheet(table);
        return new RejectedRowsWriter(w, xo, wb, ws);
    }

    /** A writer that writes nothing (when rejected-rows files are not wanted). */
    static RejectedRowsWriter none() {
        return new RejectedRowsWriter(null, null, null, null) {
            @Override
            void header(List<String> header) {
            }

            @Override
            void row(InputRow row, List<FieldError> errors) {
            }

            @Override
            public void close() {
            }
        };
    }

    void header(List<String> header) throws IOException {
        width = header.size();
        List<String> cells = new ArrayList<>(header);
        cells.add(HeaderMap.ERRORS_COLUMN);
        write(cells);
    }

    void row(InputRow row, List<FieldError> errors) throws IOException {
        List<String> cells = new ArrayList<>(width + 1);
        for (int i = 0; i < width; i++) {
            String v = i < row.cells().length ? row.cells()[i] : null;
            cells.add(v == null ? "" : v);
        }
        cells.add(describe(row.rowNumber(), errors));
        write(cells);
    }

    /** "row 7: id_number '1101**************': wrong check character; ..." */
    static String describe(long rowNumber, List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("row ").append(rowNumber).append(": ");
        for (int i = 0; i < errors.size(); i++) {
            FieldError e = errors.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            if (!e.column().isEmpty()) {
                sb.append(e.column());
                if (e.value() != null && !e.value().isEmpty()) {
                    sb.append(" '").append(e.value()).append('\'');
                }
                sb.append(": ");
            }
            sb.append(e.reason());
        }
        return sb.toString();
    }

    private void write(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(quote(cells.get(i)));
            // a cell starting with '=' stays text in the workbook: fastexcel writes strings, never formulas
            sheet.value(xlsxRow, i, cells.get(i));
        }
        csv.write("\r\n");
        xlsxRow++;
        if (xlsxRow % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    static String quote(String v) {
        boolean needs = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                needs = true;
                break;
            }
        }
        if (!needs && (v.isEmpty() || (v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' '))) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            sheet.finish();
            workbook.finish();
            xlsxStream.close();
        }
    }
}
