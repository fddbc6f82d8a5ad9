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
import org.haigui.core.SpreadsheetCells;
import org.haigui.csv.CsvReader;
import org.haigui.schema.Table;

/**
 * A CSV file holding one table. Reading is bounded ({@link #limits}): a field, a row or a number
 * of fields beyond them stops the import with a file error instead of exhausting memory. A row
 * with fewer fields than the header (a file cut in the middle of a row) is a row error. A cell
 * that a rejected-rows file neutralised for spreadsheets ({@code '=...}) is read back as written.
 */
final class CsvInput implements TableInput {

    /** The reader's bounds; package-private so that tests can lower them. */
    static CsvReader.Limits limits = CsvReader.Limits.defaults();
    /** Bytes of a file examined for UTF-8 when it is read as GB18030. */
    static final int SNIFF_BYTES = 1 << 20;

    private final Table table;
    private final Path file;
    private final CsvReader reader;
    private final List<String> header;
    private final long headerRowNumber;
    private final List<String> warnings = new ArrayList<>();
    private final InputStream stream;
    /** Bytes of the file read so far (by the decoder, a buffer ahead of the rows), and the file's size. */
    private final java.util.concurrent.atomic.AtomicLong consumed;
    private final long size;
    private long blank;
    /** Fields a row must have: up to the last non-blank header cell. */
    private final int needed;

    CsvInput(Table table, Path file, Charset charset, InputStream wrapped) throws IOException {
        this(table, file, charset, wrapped, new java.util.concurrent.atomic.AtomicLong(), -1);
    }

    private CsvInput(Table table, Path file, Charset charset, InputStream wrapped, java.util.concurrent.atomic.AtomicLong consumed,
                     long size) throws IOException {
        this.table = table;
        this.file = file;
        this.stream = wrapped;
        this.consumed = consumed;
        this.size = size;
        this.reader = new CsvReader(wrapped, charset, limits);
        // the header is the first non-blank row naming a key column (title rows above it are skipped,
        // as in a sheet); when none of the first rows does, the first one, so the header check says what is missing
        List<CsvReader.Record> before = new ArrayList<>();
        CsvReader.Record headerRec = null;
        CsvReader.Record r;
        while (before.size() < HEADER_SEARCH_ROWS && (r = read()) != null) {
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
        List<String> h = headerRec.fields();
        this.header = h;
        this.headerRowNumber = headerRec.rowNumber();
        int last = h.size();
        while (last > 0 && h.get(last - 1).isBlank()) {
            last--;
        }
        this.needed = last;
    }

    @Override
    public long headerRow() {
        return headerRowNumber;
    }

    static CsvInput open(Table table, Path file, Charset charset, java.security.MessageDigest digest) {
        try {
            if (charset.name().equalsIgnoreCase("GB18030")) {
                refuseUtf8(file);
            }
            java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();
            InputStream counted = new java.io.FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        consumed.addAndGet(n);
                    }
                    return n;
                }
            };
            BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
            refuseUtf16(file, buffered);
            InputStream in = buffered;
            if (digest != null) {
                in = new java.security.DigestInputStream(in, digest);
            }
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            return new CsvInput(table, file, charset, in, consumed, size);
        } catch (NoSuchFileException e) {
            throw HaiguiException.input(file + ": no such file");
        } catch (IOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A file given as GB18030 that is valid UTF-8 with Chinese (or any other non-ASCII) text in it is
     * UTF-8: read as GB18030 it would store mojibake (every Chinese character as one and a half rare
     * ones) without a single undecodable byte. Refused with a hint.
     */
    private static void refuseUtf8(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        int multiByte = 0;
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        if (i == 3) {
            multiByte = 3; // a UTF-8 byte-order mark counts as much as a character
        }
        while (i < head.length) {
            int b = head[i] & 0xff;
            int n = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (n < 0) {
                return; // not UTF-8
            }
            if (i + n >= head.length) {
                break; // a character cut by the end of the sample
            }
            for (int k = 1; k <= n; k++) {
                if ((head[i + k] & 0xC0) != 0x80) {
                    return;
                }
            }
            if (n > 0) {
                multiByte++;
            }
            i += n + 1;
        }
        if (multiByte >= 3) {
            throw HaiguiException.input(file + ": the file is UTF-8, not GB18030 (read as GB18030 its Chinese text would be "
                + "garbled); import it without --encoding GB18030");
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

    private CsvReader.Record read() throws IOException {
        try {
            return reader.next();
        } catch (CsvReader.TooLarge e) {
            throw HaiguiException.input(file.getFileName() + ", row " + e.rowNumber() + ": " + e.getMessage()
                + "; the file cannot be read safely (is it really a CSV table?). Nothing was changed", e);
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
        while ((r = read()) != null) {
            if (isBlank(r.fields()) && r.error() == null) {
                blank++;
                continue;
            }
            List<String> f = r.fields();
            String error = r.error();
            // fields beyond the header are kept (up to the last that is not blank) so that the
            // rejected-rows files give the row back whole; such a row is an error below
            int width = header.size();
            for (int i = f.size() - 1; i >= header.size(); i--) {
                if (!f.get(i).isBlank()) {
                    width = i + 1;
                    break;
                }
            }
            String[] cells = new String[width];
            for (int i = 0; i < Math.min(f.size(), cells.length); i++) {
                cells[i] = SpreadsheetCells.restore(f.get(i));
            }
            if (f.size() < needed && error == null) {
                error = "the row has " + f.size() + " field" + (f.size() == 1 ? "" : "s") + " but the header has " + header.size()
                    + " (is the file cut short, or a comma missing?)";
            }
            if (width > header.size() && error == null) {
                error = "the row has " + f.size() + " fields but the header has " + header.size();
            }
            return new InputRow(r.rowNumber(), cells, null, error);
        }
        return null;
    }

    @Override
    public double fractionRead() {
        return size > 0 ? Math.min(1.0, consumed.get() / (double) size) : -1;
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
