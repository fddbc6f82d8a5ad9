package org.haigui.ingest.xlsx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.xlsx.XlsxCell.Kind;

/**
 * Streams the rows of one sheet: {@link #next()} returns the next row with at least one non-blank
 * cell. Holds one row at a time (plus the merged ranges of the sheet), whatever the sheet's size.
 *
 * <p>Choices, for the import's analysts:
 * <ul>
 *   <li>A cell is blank when it has no value, or a string value that is empty or only white space
 *       (including the ideographic space U+3000 and the no-break space U+00A0); blank cells are not returned. Other strings are
 *       returned exactly as stored (not trimmed).</li>
 *   <li>{@link #blankRowsSkipped()} counts the row numbers up to the highest row seen so far
 *       (a row element in the file, even an empty formatted one, or a row filled by a merged range)
 *       that were not returned: empty rows in the file and gaps in the numbering alike, since the
 *       analyst sees both as empty rows in Excel.</li>
 *   <li>A merged range takes the value of its top-left cell in every cell, replacing anything a
 *       tool may have left in the hidden cells (Excel shows only the top-left value); a range whose
 *       top-left cell is empty fills nothing. Rows inside a filled range are returned even when the
 *       file has no row element for them.</li>
 *   <li>Rows must come in increasing order (Excel writes them so); a row out of order is an INPUT
 *       error, as is a cell beyond {@link XlsxLimits#maxColumns()} or a second cell in the same place.</li>
 * </ul>
 */
public final class XlsxSheetReader implements AutoCloseable {

    /** One row may hold at most this many characters in all (Excel: 32,767 per cell). */
    static final int MAX_ROW_CHARS = 8 * 1024 * 1024;
    /** A sheet with more merged ranges than this is refused. */
    static final int MAX_MERGED_RANGES = 1_000_000;
    /** Merged ranges may fill at most this many cells in all. */
    static final long MAX_FILLED_CELLS = 20_000_000L;
    /** At most this many merged-range warnings are listed per sheet; the rest are summed up in one. */
    static final int MAX_MERGE_WARNINGS = 1000;

    static final String NO_CACHED_VALUE = "formula without a cached value";

    private static final Comparator<MergeScanner.Range> BY_TOP_LEFT =
            Comparator.comparingInt(MergeScanner.Range::top).thenComparingInt(MergeScanner.Range::left);

    private final XlsxWorkbook workbook;
    private final String fileLabel;
    private final String sheetName;
    private final String part;
    private final int maxColumns;
    private final Styles styles;
    private final SharedStrings sharedStrings;
    private final boolean date1904;
    private final List<String> warnings = new ArrayList<>();
    private final MergeScanner.Range[] merges;
    private final List<Fill> activeFills = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();

    private InputStream stream;
    private XMLStreamReader xml;
    private boolean xmlDone;
    private boolean finished;
    private boolean closed;
    private HaiguiException failure;
    private int mergeIndex;
    private long filledCells;

    /** The physical row read ahead: its number (-1 when none) and its cells. */
    private int pendingRow = -1;
    private List<XlsxCell> pendingCells = new ArrayList<>();
    private int lastPhysicalRow;
    private int lastProcessedRow;
    private int highestRowSeen;
    private long rowsReturned;
    private long rowChars;
    /** The current row's column before this cell's, and whether its cells came in column order so far. */
    private int previousColumn;
    private boolean sorted;

    /** Whether sheets are read by {@link SheetBytes} where they can be (the tests compare both ways). */
    static boolean FAST = true;

    private final WorkbookZip zip;
    private final WorkbookZip.Entry entry;
    /** The part is UTF-16 (found by the first pass): StAX reads it. */
    private boolean utf16;
    /** The fast path, null once StAX reads the sheet; the physical rows it read. */
    private SheetBytes fast;
    private long fastRows;
    /** The fast path stopped within the sheet and StAX read it again (for tests). */
    boolean fellBack;

    /** A merged range with the value of its top-left cell. */
    private record Fill(MergeScanner.Range range, String text, Kind kind) {}

    XlsxSheetReader(XlsxWorkbook workbook, WorkbookZip zip, String sheetName, WorkbookZip.Entry entry, Styles styles,
            SharedStrings sharedStrings, boolean date1904) {
        this.workbook = workbook;
        this.zip = zip;
        this.entry = entry;
        this.fileLabel = zip.fileLabel();
        this.sheetName = sheetName;
        this.part = entry.name();
        this.maxColumns = zip.limits().maxColumns();
        this.styles = styles;
        this.sharedStrings = sharedStrings;
        this.date1904 = date1904;
        this.merges = scanMerges(zip, entry);
        for (int i = 0; i < merges.length; i++) {
            MergeScanner.Range m = merges[i];
            if (i < MAX_MERGE_WARNINGS) {
                warnings.add("sheet " + sheetName + ": merged cells " + rangeName(m) + ", the value of "
                        + CellRefs.columnName(m.left()) + m.top() + " is used for every cell of the range");
            }
        }
        if (merges.length > MAX_MERGE_WARNINGS) {
            warnings.add("sheet " + sheetName + ": " + (merges.length - MAX_MERGE_WARNINGS)
                    + " more merged ranges, each filled with the value of its top-left cell (not listed one by one)");
        }
        boolean ok = false;
        try {
            this.stream = zip.open(entry);
            if (FAST && !utf16) {
                try {
                    fast = SheetBytes.open(stream, new FastSink(), fileLabel, part);
                } catch (IOException e) {
                    fast = null; // StAX reads the part again and reports it
                }
                if (fast == null) {
                    try {
                        stream.close();
                    } catch (IOException ignored) {
                        // an entry stream releases its inflater on close and cannot fail
                    }
                    stream = zip.open(entry);
                }
            }
            if (fast == null) {
                this.xml = Xml.reader(stream, fileLabel, part);
                toSheetData();
            }
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    private static String rangeName(MergeScanner.Range m) {
        return CellRefs.columnName(m.left()) + m.top() + ":" + CellRefs.columnName(m.right()) + m.bottom();
    }

    /** What the first pass over a sheet found: its merged ranges (sorted), the refs not understood, whether it is UTF-16. */
    record FirstPass(MergeScanner.Range[] ranges, List<String> invalid, boolean utf16) {}

    /** The first pass: the merged ranges of the sheet, sorted by top row then left column (made once per workbook). */
    private MergeScanner.Range[] scanMerges(WorkbookZip zip, WorkbookZip.Entry entry) {
        FirstPass first = workbook.firstPass(entry.name(), () -> firstPass(zip, entry, sheetName, maxColumns));
        utf16 = first.utf16();
        for (String bad : first.invalid()) {
            warnings.add("sheet " + sheetName + ": merged cells '" + bad + "' is not a range this reader understands; it is ignored");
        }
        return first.ranges();
    }

    /** Reads a sheet part to its end for its merged ranges (and its size and CRC are checked); any thread. */
    static FirstPass firstPass(WorkbookZip zip, WorkbookZip.Entry entry, String sheetName, int maxColumns) {
        String fileLabel = zip.fileLabel();
        MergeScanner.Result result;
        boolean utf16;
        try (InputStream raw = zip.open(entry); BufferedInputStream in = new BufferedInputStream(raw, 4)) {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            utf16 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || b0 == 0 || b1 == 0;
            result = utf16 ? skimMerges(in, fileLabel, entry.name(), maxColumns) : MergeScanner.scan(in, maxColumns, MAX_MERGED_RANGES);
        } catch (MergeScanner.TooManyRanges e) {
            throw HaiguiException.input(fileLabel + ": sheet " + sheetName + " declares more than " + e.max
                    + " merged ranges; refused");
        } catch (IOException e) {
            throw HaiguiException.input(fileLabel + ": cannot read sheet " + sheetName + ": " + e.getMessage(), e);
        }
        MergeScanner.Range[] ranges = result.ranges().toArray(new MergeScanner.Range[0]);
        Arrays.sort(ranges, BY_TOP_LEFT);
        return new FirstPass(ranges, List.copyOf(result.invalid()), utf16);
    }

    /** The first pass for the rare sheet that is not UTF-8: a StAX skim. */
    private static MergeScanner.Result skimMerges(InputStream in, String fileLabel, String part, int maxColumns) {
        List<MergeScanner.Range> ranges = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        XMLStreamReader r = Xml.reader(in, fileLabel, part);
        try {
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(r.getLocalName())) {
                        String ref = Xml.plainAttr(r, "ref");
                        if (ref == null) {
                            continue;
                        }
                        MergeScanner.Range m = MergeScanner.parseRange(ref.trim(), maxColumns);
                        if (m == null) {
                            invalid.add(ref);
                        } else if (m.top() != m.bottom() || m.left() != m.right()) {
                            if (ranges.size() >= MAX_MERGED_RANGES) {
                                throw new MergeScanner.TooManyRanges(MAX_MERGED_RANGES);
                            }
                            ranges.add(m);
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw Xml.malformed(fileLabel, part, e);
        }
        return new MergeScanner.Result(ranges, invalid);
    }

    private void toSheetData() {
        try {
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                    return;
                }
            }
            xmlDone = true;
        } catch (XMLStreamException e) {
            throw Xml.malformed(fileLabel, part, e);
        }
    }

    /** The next row that has at least one non-blank cell, or null at the end. Blank rows are counted, not returned. */
    public XlsxRow next() {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return null;
        }
        try {
            return advance();
        } catch (HaiguiException e) {
            // a reader that failed keeps failing the same way rather than going on from a broken state
            failure = e;
            release();
            throw e;
        }
    }

    private XlsxRow advance() {
        try {
            while (true) {
                if (pendingRow < 0 && !xmlDone) {
                    readPhysicalRow();
                }
                int covered = Integer.MAX_VALUE;
                for (Fill f : activeFills) {
                    if (f.range().bottom() > lastProcessedRow) {
                        covered = lastProcessedRow + 1;
                        break;
                    }
                }
                int rowNumber = Math.min(pendingRow >= 0 ? pendingRow : Integer.MAX_VALUE, covered);
                if (rowNumber == Integer.MAX_VALUE) {
                    finished = true;
                    release();
                    return null;
                }
                List<XlsxCell> cells;
                if (rowNumber == pendingRow) {
                    cells = pendingCells;
                    pendingCells = new ArrayList<>();
                    pendingRow = -1;
                } else {
                    cells = new ArrayList<>(0);
                }
                lastProcessedRow = rowNumber;
                highestRowSeen = Math.max(highestRowSeen, rowNumber);
                if (merges.length > 0) {
                    cells = applyMerges(rowNumber, cells);
                }
                if (!cells.isEmpty()) {
                    rowsReturned++;
                    return new XlsxRow(rowNumber, cells);
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.malformed(fileLabel, part, e);
        }
    }

    /** How many blank rows were skipped so far (see the class comment for what counts). */
    public long blankRowsSkipped() {
        return highestRowSeen - rowsReturned;
    }

    /** Warnings about the sheet, e.g. one per merged range. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private List<XlsxCell> applyMerges(int rowNumber, List<XlsxCell> cells) {
        // ranges whose top row had no row element: their top-left cell is empty, nothing to fill
        while (mergeIndex < merges.length && merges[mergeIndex].top() < rowNumber) {
            mergeIndex++;
        }
        while (mergeIndex < merges.length && merges[mergeIndex].top() == rowNumber) {
            MergeScanner.Range m = merges[mergeIndex++];
            XlsxCell topLeft = find(cells, m.left());
            if (topLeft != null) {
                // counted when the range is taken on, so that a huge range is refused before any work
                filledCells += (long) (m.bottom() - m.top() + 1) * (m.right() - m.left() + 1) - 1;
                if (filledCells > MAX_FILLED_CELLS) {
                    throw HaiguiException.input(String.format(Locale.ROOT,
                            "%s: sheet %s: merged ranges would fill more than %,d cells (at range %s); refused",
                            fileLabel, sheetName, MAX_FILLED_CELLS, rangeName(m)));
                }
                activeFills.add(new Fill(m, topLeft.text(), topLeft.kind()));
            }
        }
        activeFills.removeIf(f -> f.range().bottom() < rowNumber);
        if (activeFills.isEmpty()) {
            return cells;
        }
        TreeMap<Integer, XlsxCell> byColumn = new TreeMap<>();
        for (XlsxCell c : cells) {
            byColumn.put(c.column(), c);
        }
        for (Fill f : activeFills) {
            MergeScanner.Range m = f.range();
            for (int col = m.left(); col <= m.right(); col++) {
                if (rowNumber == m.top() && col == m.left()) {
                    continue;
                }
                byColumn.put(col, new XlsxCell(col, f.text(), f.kind()));
            }
        }
        return new ArrayList<>(byColumn.values());
    }

    private static XlsxCell find(List<XlsxCell> cells, int column) {
        for (XlsxCell c : cells) {
            if (c.column() == column) {
                return c;
            }
        }
        return null;
    }

    /** Reads the next row element into pendingRow/pendingCells, or marks the end of sheetData. */
    private void readPhysicalRow() throws XMLStreamException {
        if (fast != null) {
            int got;
            try {
                got = fast.next();
            } catch (IOException e) {
                got = SheetBytes.BAIL; // StAX reads the part again and reports it
            }
            if (got == SheetBytes.ROW) {
                fastRows++;
                return;
            }
            if (got == SheetBytes.END) {
                xmlDone = true;
                return;
            }
            toStax();
            if (xmlDone) {
                return;
            }
        }
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("row".equals(xml.getLocalName())) {
                    readRow();
                    return;
                }
                Xml.skipElement(xml);
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                // the end of sheetData: the rest of the sheet (merged cells included) was seen by the first pass
                xmlDone = true;
                return;
            }
        }
        xmlDone = true;
    }

    /**
     * The fast path met something outside its form: StAX reads the part from its start, and the rows
     * the fast path read are read again (with the same checks, so none fails) and left out.
     */
    private void toStax() throws XMLStreamException {
        fast = null;
        fellBack = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // an entry stream releases its inflater on close and cannot fail
        }
        stream = zip.open(entry);
        xml = Xml.reader(stream, fileLabel, part);
        toSheetData();
        long again = fastRows;
        lastPhysicalRow = 0;
        for (long i = 0; i < again && !xmlDone; i++) {
            readPhysicalRow();
            pendingRow = -1;
        }
        pendingCells.clear();
    }

    private void readRow() throws XMLStreamException {
        int rowNumber = startRow(Xml.plainAttr(xml, "r"));
        while (true) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    readCell(rowNumber);
                } else {
                    Xml.skipElement(xml);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the document in row " + rowNumber);
            }
        }
        endRow(rowNumber);
    }

    /** A row element began, with that r attribute (null without): its number, checked; the row's state reset. Both paths. */
    private int startRow(String r) {
        int rowNumber;
        if (r == null) {
            rowNumber = lastPhysicalRow + 1;
        } else {
            rowNumber = parsePositiveInt(r.trim());
            if (rowNumber < 1) {
                throw error("the row after row " + lastPhysicalRow + " has the invalid number r=\"" + r + "\"");
            }
        }
        if (rowNumber <= lastPhysicalRow) {
            throw error("row " + rowNumber + " comes after row " + lastPhysicalRow
                    + "; rows must be in increasing order (open and save the file in Excel to repair it)");
        }
        lastPhysicalRow = rowNumber;
        rowChars = 0;
        pendingCells.clear();
        previousColumn = -1;
        sorted = true;
        return rowNumber;
    }

    /** A c element began in the row, with that r attribute (null without): its column, checked. Both paths. */
    private int startCell(int rowNumber, String ref) {
        int column = cellColumn(rowNumber, previousColumn, ref);
        if (column <= previousColumn) {
            sorted = false;
        }
        previousColumn = column;
        return column;
    }

    /** The c element ended: its cell, unless blank, joins the row. Both paths. */
    private void endCell(int rowNumber, int column, String type, int style, String value, String inlineText, boolean formula) {
        XlsxCell cell = cellOf(rowNumber, column, type, style, value, inlineText, formula);
        if (cell != null) {
            pendingCells.add(cell);
        }
    }

    /** The row element ended: its cells in column order, each place once; the row is pending. Both paths. */
    private void endRow(int rowNumber) {
        List<XlsxCell> cells = pendingCells;
        if (!sorted) {
            cells.sort(Comparator.comparingInt(XlsxCell::column));
            for (int i = 1; i < cells.size(); i++) {
                if (cells.get(i).column() == cells.get(i - 1).column()) {
                    throw error("cell " + CellRefs.columnName(cells.get(i).column()) + rowNumber + " appears twice");
                }
            }
        }
        pendingRow = rowNumber;
    }

    /** The fast path's rows go through the same checks as StAX's ({@link SheetBytes}). */
    private final class FastSink implements SheetBytes.Sink {
        private int column;
        private String type;
        private int style;

        @Override
        public int row(String r) {
            return startRow(r);
        }

        @Override
        public void cell(int row, String ref, String t, String s) {
            column = startCell(row, ref);
            type = t;
            style = s == null ? 0 : Math.max(0, parsePositiveInt(s.trim()));
        }

        @Override
        public void cellEnd(int row, String value, String inline, boolean formula) {
            endCell(row, column, type, style, value, inline, formula);
        }

        @Override
        public void rowEnd(int row) {
            endRow(row);
        }

        @Override
        public void chars(int row, int n) {
            addRowChars(row, n);
        }
    }

    private int cellColumn(int rowNumber, int previousColumn, String ref) {
        int column;
        if (ref == null) {
            column = previousColumn + 1;
        } else {
            column = CellRefs.column(ref.trim(), maxColumns);
            if (column < 0) {
                throw error("row " + rowNumber + " has a cell with the invalid reference r=\"" + ref + "\"");
            }
        }
        if (column >= maxColumns) {
            String which = ref != null ? ref.trim() : "number " + (previousColumn + 2) + " (counted, it has no reference)";
            throw error(String.format(Locale.ROOT, "row %d has a cell %s beyond column %s: more than %,d columns; refused",
                    rowNumber, which, CellRefs.columnName(maxColumns - 1), maxColumns));
        }
        return column;
    }

    /**
     * Reads a c element (the reader on its START_ELEMENT): its column (from its r attribute, or the
     * one after the row's previous one) is checked first, then its content read; the cell, unless
     * blank, joins the row.
     */
    private void readCell(int rowNumber) throws XMLStreamException {
        String type = null;
        String ref = null;
        int style = 0;
        int n = xml.getAttributeCount();
        for (int i = 0; i < n; i++) {
            String name = xml.getAttributeLocalName(i);
            if (name.length() != 1) {
                continue;
            }
            switch (name.charAt(0)) {
                case 'r' -> ref = xml.getAttributeValue(i);
                case 't' -> type = xml.getAttributeValue(i);
                case 's' -> style = Math.max(0, parsePositiveInt(xml.getAttributeValue(i).trim()));
                default -> {
                    // cm, vm, ph
                }
            }
        }
        int column = startCell(rowNumber, ref);
        String value = null;
        String inlineText = null;
        boolean formula = false;
        while (true) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = readText(rowNumber);
                } else if ("is".equals(name)) {
                    inline.setLength(0);
                    SharedStrings.readStringItem(xml, (chars, start, len) -> {
                        addRowChars(rowNumber, len);
                        inline.append(chars, start, len);
                    });
                    inlineText = inline.toString();
                } else {
                    if ("f".equals(name)) {
                        formula = true;
                    }
                    Xml.skipElement(xml);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the document in row " + rowNumber);
            }
        }
        endCell(rowNumber, column, type, style, value, inlineText, formula);
    }

    private XlsxCell cellOf(int rowNumber, int column, String type, int style, String value, String inlineText, boolean formula) {
        String t = type == null ? "n" : type.trim();
        switch (t) {
            case "s" -> {
                if (value == null || value.isBlank()) {
                    return null;
                }
                int index = parsePositiveInt(value.trim());
                if (index < 0 || index >= sharedStrings.size()) {
                    throw error("cell " + CellRefs.columnName(column) + rowNumber + " refers to shared string " + value.trim()
                            + " but the workbook has " + sharedStrings.size() + " shared strings");
                }
                return string(column, sharedStrings.get(index));
            }
            case "inlineStr" -> {
                return string(column, inlineText != null ? Xml.decodeEscapes(inlineText)
                        : value != null ? Xml.decodeEscapes(value) : null);
            }
            case "str" -> {
                if (value == null && formula) {
                    return new XlsxCell(column, NO_CACHED_VALUE, Kind.ERROR);
                }
                // a formula whose cached result is "" is a blank cell
                return string(column, value == null ? null : Xml.decodeEscapes(value));
            }
            case "b" -> {
                if (value == null || value.isBlank()) {
                    return formula ? new XlsxCell(column, NO_CACHED_VALUE, Kind.ERROR) : null;
                }
                String v = value.trim();
                if (v.equals("1") || v.equalsIgnoreCase("true")) {
                    return new XlsxCell(column, "true", Kind.BOOLEAN);
                }
                if (v.equals("0") || v.equalsIgnoreCase("false")) {
                    return new XlsxCell(column, "false", Kind.BOOLEAN);
                }
                return new XlsxCell(column, "not a boolean: " + v, Kind.ERROR);
            }
            case "e" -> {
                if (value == null || value.isBlank()) {
                    return new XlsxCell(column, formula ? NO_CACHED_VALUE : "#N/A", Kind.ERROR);
                }
                return new XlsxCell(column, value.trim(), Kind.ERROR);
            }
            case "d" -> {
                if (value == null || value.isBlank()) {
                    return formula ? new XlsxCell(column, NO_CACHED_VALUE, Kind.ERROR) : null;
                }
                String iso = CellValues.isoDate(value);
                return iso != null ? new XlsxCell(column, iso, Kind.DATE)
                        : new XlsxCell(column, "not an ISO date: " + value.trim(), Kind.ERROR);
            }
            case "n" -> {
                if (value == null || value.isBlank()) {
                    return formula ? new XlsxCell(column, NO_CACHED_VALUE, Kind.ERROR) : null;
                }
                return number(column, value.trim(), style);
            }
            default -> {
                return new XlsxCell(column, "unknown cell type t=\"" + t + "\"", Kind.ERROR);
            }
        }
    }

    private XlsxCell number(int column, String v, int style) {
        byte dateKind = styles.kind(style);
        if (dateKind == Styles.NOT_DATE) {
            // fast paths: an integer of at most 15 digits is already its shortest plain decimal; a
            // plain decimal of at most 15 significant digits only needs its zeros trimmed
            if (isPlainInteger(v)) {
                return new XlsxCell(column, v, Kind.NUMBER);
            }
            String plain = CellValues.plainDecimal(v);
            if (plain != null) {
                return new XlsxCell(column, plain, Kind.NUMBER);
            }
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return new XlsxCell(column, "not a number: " + v, Kind.ERROR);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return new XlsxCell(column, "not a number: " + v, Kind.ERROR);
        }
        if (dateKind != Styles.NOT_DATE) {
            String iso = CellValues.date(d, date1904, dateKind == Styles.DATE_TIME);
            if (iso == null) {
                return new XlsxCell(column, "date serial " + CellValues.number(d) + " is outside Excel's dates", Kind.ERROR);
            }
            return new XlsxCell(column, iso, Kind.DATE);
        }
        return new XlsxCell(column, CellValues.number(d), Kind.NUMBER);
    }

    /** Optional minus, 1-15 digits, no leading zero (but "0" itself); "-0" is not one (it is written "0"). */
    static boolean isPlainInteger(String v) {
        int n = v.length();
        int i = 0;
        if (n > 0 && v.charAt(0) == '-') {
            i = 1;
        }
        int digits = n - i;
        if (digits < 1 || digits > 15) {
            return false;
        }
        if (v.charAt(i) == '0' && (digits > 1 || i == 1)) {
            return false;
        }
        for (int k = i; k < n; k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static XlsxCell string(int column, String s) {
        if (s == null || isBlank(s)) {
            return null;
        }
        return new XlsxCell(column, s, Kind.STRING);
    }

    /** Empty or only white space (Character.isWhitespace or a space separator such as U+3000 or U+00A0). */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text of a simple element such as v (the reader on its START_ELEMENT), ending on its END_ELEMENT. */
    private String readText(int rowNumber) throws XMLStreamException {
        text.setLength(0);
        while (true) {
            int ev = xml.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int len = xml.getTextLength();
                    addRowChars(rowNumber, len);
                    text.append(xml.getTextCharacters(), xml.getTextStart(), len);
                }
                case XMLStreamConstants.START_ELEMENT -> Xml.skipElement(xml);
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of the document");
                default -> {
                    // comments
                }
            }
        }
    }

    private void addRowChars(int rowNumber, int len) {
        rowChars += len;
        if (rowChars > MAX_ROW_CHARS) {
            throw error(String.format(Locale.ROOT, "row %d holds more than %,d characters; refused", rowNumber, MAX_ROW_CHARS));
        }
    }

    private static int parsePositiveInt(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private HaiguiException error(String what) {
        return HaiguiException.input(fileLabel + ": sheet " + sheetName + ": " + what);
    }

    private void release() {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream below is closed next
            }
            xml = null;
        }
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // an entry stream releases its inflater on close and cannot fail
            }
            stream = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        release();
        workbook.readerClosed(this);
    }
}
