package org.haigui.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.haigui.schema.Table;

/** One table's rows from one file (a CSV file, or one sheet of a workbook), streamed. */
interface TableInput extends AutoCloseable {

    Table table();

    Path file();

    /** The sheet name, or null for a CSV file. */
    String sheet();

    /** How the user knows this input: "persons.csv" or "book.xlsx, sheet persons". */
    default String displayName() {
        return sheet() == null ? file().getFileName().toString() : file().getFileName() + ", sheet " + sheet();
    }

    /** The header cells as written. */
    List<String> header();

    /** The row number of the header (1-based; after any title rows above it). */
    long headerRow();

    /** How many non-blank rows may precede the header (titles), in a CSV file as in a sheet. */
    int HEADER_SEARCH_ROWS = 20;

    /** The next non-blank row, or null at the end. */
    InputRow next() throws IOException;

    /**
     * How much of the input has been read, from 0 to 1 (by bytes of the file), or -1 when unknown;
     * for the progress bar's estimate of the rows to come. May be called from another thread.
     */
    default double fractionRead() {
        return -1;
    }

    /** Blank rows skipped so far. */
    long blankRows();

    /** Warnings found while reading (merged cells, ...). */
    List<String> warnings();

    @Override
    void close() throws IOException;
}
