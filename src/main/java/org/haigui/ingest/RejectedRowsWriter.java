package org.haigui.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import org.haigui.csv.CsvReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.haigui.core.SpreadsheetCells;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes rejected rows, exactly as the user wrote them plus an {@code errors} column, as CSV (in
 * the input's encoding; UTF-8 with a BOM so that Excel shows Chinese correctly) and as .xlsx, so
 * the user can correct them and import the file again. These files sit beside the user's own
 * input and may repeat the identity numbers of its id_number column; the messages in the errors
 * column never do. A file imported again that already has an {@code errors} column gets its errors
 * there (not a second one). CSV cells that a spreadsheet would run as formulas are neutralised
 * ({@link SpreadsheetCells}); a value quoted in a message is cut at {@value #MAX_QUOTED} characters.
 *
 * <p>The files are written to hidden temporary files encrypted under a key that lives only in this
 * process ({@link #open}), and made readable by {@link #publish} after the commit: a kill before
 * that leaves only unreadable bytes, which the next import removes.
 */
class RejectedRowsWriter implements AutoCloseable {

    private static final int FLUSH_EVERY = 2_000;
    /** The most characters of a value quoted in the errors column. */
    static final int MAX_QUOTED = 200;
    private static final String CIPHER = "AES/CTR/NoPadding";

    private final Writer csv;
    /** The stream under {@link #csv}: undecodable bytes of the input are written back to it as they were. */
    private OutputStream csvBytes;
    private final OutputStream xlsxStream;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int xlsxRow;
    private int width;
    private int errorsAt = -1;
    private Path target;

    private RejectedRowsWriter(Writer csv, OutputStream xlsxStream, Workbook workbook, Worksheet sheet) {
        this.csv = csv;
        this.xlsxStream = xlsxStream;
        this.workbook = workbook;
        this.sheet = sheet;
    }

    /** The key and IV of one import's temporary files: in memory only. */
    record Sealing(SecretKey key, byte[] iv) {
        static Sealing fresh() {
            try {
                KeyGenerator g = KeyGenerator.getInstance("AES");
                g.init(256);
                byte[] iv = new byte[16];
                new SecureRandom().nextBytes(iv);
                return new Sealing(g.generateKey(), iv);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES unavailable", e);
            }
        }

        Cipher cipher(int mode) {
            try {
                Cipher c = Cipher.getInstance(CIPHER);
                c.init(mode, key, new IvParameterSpec(iv));
                return c;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES unavailable", e);
            }
        }
    }

    static RejectedRowsWriter open(Path csvFile, Path xlsxFile, Path shownAs, Charset encoding, String table, Sealing sealing)
        throws IOException {
        OutputStream out = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(csvFile), 1 << 16),
            sealing.cipher(Cipher.ENCRYPT_MODE));
        try {
            if (encoding.equals(StandardCharsets.UTF_8)) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer w = new BufferedWriter(new OutputStreamWriter(out, encoding), 1 << 16);
            OutputStream xo = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(xlsxFile), 1 << 16),
                sealing.cipher(Cipher.ENCRYPT_MODE));
            Workbook wb = new Workbook(xo, "HaiguiObservatory", "1.0");
            Worksheet ws = wb.newWorksheet(table);
            RejectedRowsWriter rw = new RejectedRowsWriter(w, xo, wb, ws);
            rw.target = shownAs;
            rw.csvBytes = out;
            return rw;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Makes a sealed temporary file readable at {@code target}: decrypted to a second hidden file
     * beside it, then moved into place atomically; the sealed file is removed. Returns the SHA-256
     * (hex) of the readable file, computed as it is written.
     */
    static String publish(Path sealed, Path target, Sealing sealing) throws IOException {
        Path part = sealed.resolveSibling(sealed.getFileName().toString().replaceFirst("\\.tmp$", ".part"));
        java.security.MessageDigest digest = Staging.sha256();
        try (InputStream in = new CipherInputStream(new BufferedInputStream(Files.newInputStream(sealed), 1 << 16),
                 sealing.cipher(Cipher.DECRYPT_MODE));
             OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(part), digest)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(sealed);
        return java.util.HexFormat.of().formatHex(digest.digest());
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
        List<String> cells = new ArrayList<>(header.size() + 1);
        for (int i = 0; i < header.size(); i++) {
            cells.add(Masking.text(header.get(i)));
            if (errorsAt < 0 && HeaderMap.normalise(header.get(i)).equals(HeaderMap.ERRORS_COLUMN)) {
                errorsAt = i; // a rejected-rows file imported again: its errors column gets the new errors
            }
        }
        if (errorsAt < 0) {
            cells.add(HeaderMap.ERRORS_COLUMN);
        }
        write(cells);
    }

    /**
     * One rejected row: its cells under the header, the errors in the {@code errors} column, and
     * the fields beyond the header's width (a row with too many fields) after it, in the order read,
     * so that nothing of the row is lost.
     */
    void row(InputRow row, List<FieldError> errors) throws IOException {
        String[] given = row.cells();
        List<String> cells = new ArrayList<>(Math.max(width, given.length) + 1);
        for (int i = 0; i < width; i++) {
            String v = i < given.length ? given[i] : null;
            cells.add(v == null ? "" : v);
        }
        String described = describe(row.rowNumber(), errors);
        if (errorsAt >= 0) {
            cells.set(errorsAt, described);
        } else {
            cells.add(described);
        }
        for (int i = width; i < given.length; i++) {
            cells.add(given[i] == null ? "" : given[i]);
        }
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
                    String v = e.value().length() > MAX_QUOTED
                        ? e.value().substring(0, MAX_QUOTED) + "... (" + e.value().length() + " characters)" : e.value();
                    sb.append(" '").append(v).append('\'');
                }
                sb.append(": ");
            }
            sb.append(e.reason());
        }
        return Masking.text(sb.toString());
    }

    private void write(List<String> cells) {
        try {
            writeCells(cells);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw RejectedRows.cannotWrite(target, e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause());
        }
    }

    private void writeCells(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            writeCsvCell(quote(SpreadsheetCells.neutralise(cells.get(i))));
            // a cell starting with '=' stays text in the workbook: fastexcel writes strings, never formulas;
            // a workbook holds text only, so an undecodable byte shows there as \xHH
            sheet.value(xlsxRow, i, CsvReader.visible(cells.get(i)));
        }
        csv.write("\r\n");
        xlsxRow++;
        if (xlsxRow % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    /** A cell's text; an undecodable byte of the input is written back as the byte it was. */
    private void writeCsvCell(String v) throws IOException {
        if (!CsvReader.hasEscapedBytes(v)) {
            csv.write(v);
            return;
        }
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            if (CsvReader.isEscapedByte(v, i)) {
                csv.write(v, from, i - from);
                csv.flush();
                csvBytes.write(CsvReader.escapedByte(v.charAt(i)));
                from = i + 1;
            }
        }
        csv.write(v, from, v.length() - from);
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
            try {
                csv.close();
            } finally {
                sheet.finish();
                workbook.finish();
                xlsxStream.close();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw RejectedRows.cannotWrite(target, e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause());
        }
    }
}
