package org.haigui.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haigui.core.HaiguiException;
import org.haigui.csv.CsvReader;
import org.haigui.schema.Table;

/** A CSV file holding one table. */
final class CsvInput implements TableInput {

    private final Table table;
    private final Path file;
    private final CsvReader reader;
    private final List<String> header;
    private final long headerRowNumber;
    private final List<String> warnings = new ArrayList<>();
    private final InputStream stream;
    private long blank;

    CsvInput(Table table, Path file, Charset charset, InputStream wrapped) throws IOException {
        this.table = table;
        this.file = file;
        this.stream = wrapped;
        this.reader = new CsvReader(wrapped, charset);
        // the header is the first non-blank row naming a key column (title rows above it are skipped,
        // as in a sheet); when none of the first rows does, the first one, so the header check says what is missing
        List<CsvReader.Record> before = new ArrayList<>();
        CsvReader.Record headerRec = null;
        CsvReader.Record r;
        while (before.size() < HEADER_SEARCH_ROWS && (r = reader.next()) != null) {
            if (isBlank(r.fields())) {
                continue;
            }
            if (r.error() == null && HeaderMap.namesAKeyColumn(table, r.fields())) {
                headerRec = r;
                break;
            }
            before.add(r);
        }
        if (headerRec == null) {
            if (before.isEmpty()) {
                throw HaiguiException.input(file.getFileName() + ": the file is empty (no header row)");
            }
            // no row names a key column (key columns are required): the first row is the header, and the header
            // check says what is missing, showing it
            headerRec = before.remove(0);
            if (headerRec.error() != null) {
                throw HaiguiException.input(file.getFileName() + ", row " + headerRec.rowNumber() + " (header): " + headerRec.error());
            }
            before.clear();
        }
        if (!before.isEmpty()) {
            warnings.add(file.getFileName() + ": " + before.size() + " row(s) above the header (row " + headerRec.rowNumber()
                + ") skipped as titles");
        }
        this.header = headerRec.fields();
        this.headerRowNumber = headerRec.rowNumber();
    }

    @Override
    public long headerRow() {
        return headerRowNumber;
    }

    static CsvInput open(Table table, Path file, Charset charset, java.security.MessageDigest digest) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            refuseUtf16(file, buffered);
            InputStream in = buffered;
            if (digest != null) {
                in = new java.security.DigestInputStream(in, digest);
            }
            return new CsvInput(table, file, charset, in);
        } catch (NoSuchFileException e) {
            throw HaiguiException.input(file + ": no such file");
        } catch (IOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A UTF-16 file (Excel's "Unicode text") is neither UTF-8 nor GB18030: said as such, with what
     * to do, rather than as undecodable bytes with a GB18030 hint. Known by its byte-order mark, or
     * by the zero bytes of ASCII characters in UTF-16.
     */
    private static void refuseUtf16(Path file, BufferedInputStream in) throws IOException {
        in.mark(256);
        byte[] b = in.readNBytes(256);
        in.reset();
        boolean bom = b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
        int zeros = 0;
        for (byte x : b) {
            if (x == 0) {
                zeros++;
            }
        }
        if (bom || (b.length >= 8 && zeros * 4 >= b.length)) {
            throw HaiguiException.input(file.getFileName() + ": the file is UTF-16 text (Excel's \"Unicode text\"), which import "
                + "does not read: save it as \"CSV UTF-8\" (or as .xlsx) and import that (文件为 UTF-16 编码：请另存为“CSV UTF-8”或 .xlsx)");
        }
    }

    private static boolean isBlank(List<String> fields) {
        for (String f : fields) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String sheet() {
        return null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() throws IOException {
        CsvReader.Record r;
        while ((r = reader.next()) != null) {
            if (isBlank(r.fields()) && r.error() == null) {
                blank++;
                continue;
            }
            List<String> f = r.fields();
            String error = r.error();
            String[] cells = new String[header.size()];
            for (int i = 0; i < Math.min(f.size(), cells.length); i++) {
                cells[i] = f.get(i);
            }
            if (f.size() > cells.length && error == null) {
                for (int i = cells.length; i < f.size(); i++) {
                    if (!f.get(i).isBlank()) {
                        error = "the row has " + f.size() + " fields but the header has " + header.size();
                        break;
                    }
                }
            }
            return new InputRow(r.rowNumber(), cells, null, error);
        }
        return null;
    }

    @Override
    public long blankRows() {
        return blank;
    }

    @Override
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        stream.close();
    }
}
