package org.haigui.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.haigui.ids.IdHasher;
import org.haigui.ids.IdentityNumber;

/**
 * The identity numbers of a plain CSV file ({@link CsvScan}), checked and hashed in Java, for
 * {@link EngineStaging}: DuckDB reads the file's other columns and never the identity numbers, and
 * the rows' hashes, area codes, and the gender and birth date the numbers imply come from here, one
 * row per record that holds one ({@link #append}), joined to DuckDB's rows by line.
 *
 * <p>Only the plain form is taken here: exactly 18 bytes, 17 ASCII digits and a digit or upper-case
 * X, valid by {@link IdentityNumber#parse} (so the very checks of the row checker). An empty cell
 * has no number. Anything else (spaces, full-width digits, a lower-case x, a wrong check character)
 * is marked for the row checker: its row is read again by the Java reader and checked whole by
 * {@link RowValidator}, whose message and value it gets. The numbers are held only as the bytes of
 * the one value being read; what is kept is the keyed hash.
 *
 * <p>The file is plain (its scan proved it): quotes only as RFC 4180 has them, no line break inside
 * a quoted field, so one record per line, the header on the first; a carriage return outside quotes
 * is the CRLF line end.
 */
final class IdColumn {

    /** What a record's cell holds. */
    static final byte EMPTY = 0;
    static final byte MALE = 1;
    static final byte FEMALE = 2;
    /** Not in the plain form, or not valid: the row checker decides. */
    static final byte CHECKER = 3;

    /** Longest cell kept for the check: longer is not the plain form. */
    private static final int MAX = 32;

    /** Per data record (record r is on line r + 2): one of the constants above. */
    final byte[] status;
    /** Per record with a number, 32 bytes of HMAC-SHA-256 at 32 r. */
    private final byte[] hashes;
    private final int[] areas;
    private final int[] births;
    /** Data records read (the header not counted). */
    final int records;
    /** Records that hold a number in the plain form. */
    final int numbers;
    /** Records for the row checker. */
    final int others;

    private IdColumn(byte[] status, byte[] hashes, int[] areas, int[] births, int records, int numbers, int others) {
        this.status = status;
        this.hashes = hashes;
        this.areas = areas;
        this.births = births;
        this.records = records;
        this.numbers = numbers;
        this.others = others;
    }

    /** Whether a file of {@code records} data records may be read this way (the arrays are indexed by int). */
    static boolean fits(long records) {
        return records < Integer.MAX_VALUE / 32;
    }

    /**
     * Reads field {@code k} of every data record of {@code file} (plain, {@code records} data records),
     * hashing each valid plain number with the hasher {@code hashers} gives (asked for at the first one).
     */
    static IdColumn read(Path file, int k, long records, Supplier<IdHasher> hashers) throws IOException {
        int n = Math.toIntExact(records);
        byte[] status = new byte[n];
        byte[] hashes = new byte[n * 32];
        int[] areas = new int[n];
        int[] births = new int[n];
        IdHasher hasher = null;
        byte[] cell = new byte[MAX];
        int len = 0;
        boolean longer = false;
        int field = 0;
        boolean quoted = false;
        boolean closed = false; // a quote ended a quoted part: "" goes on quoting, anything else ends it
        boolean header = true;
        boolean content = false;
        boolean start = true; // at a field's first byte
        int r = 0;
        int numbers = 0;
        int others = 0;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int got; (got = in.read(buf)) > 0; ) {
                for (int i = 0; i < got; i++) {
                    byte b = buf[i];
                    if (header) {
                        header = b != '\n';
                        continue;
                    }
                    if (quoted) {
                        if (b == '"') {
                            quoted = false;
                            closed = true;
                        } else if (field == k) {
                            if (len < MAX) {
                                cell[len++] = b;
                            } else {
                                longer = true;
                            }
                        }
                        continue;
                    }
                    if (closed) {
                        closed = false;
                        if (b == '"') {
                            quoted = true; // an escaped quote
                            if (field == k) {
                                if (len < MAX) {
                                    cell[len++] = b;
                                } else {
                                    longer = true;
                                }
                            }
                            continue;
                        }
                    }
                    content = true;
                    if (b == ',') {
                        field++;
                        start = true;
                        continue;
                    } else if (b == '\n') {
                        if (r >= n) {
                            throw new IOException(file + ": more records than the scan counted");
                        }
                        byte s = classify(cell, len, longer);
                        if (s == MALE) {
                            if (hasher == null) {
                                hasher = hashers.get();
                            }
                            s = number(new String(cell, 0, 18, StandardCharsets.ISO_8859_1), r, hasher, hashes, areas, births);
                        }
                        status[r++] = s;
                        numbers += s == MALE || s == FEMALE ? 1 : 0;
                        others += s == CHECKER ? 1 : 0;
                        field = 0;
                        len = 0;
                        longer = false;
                        content = false;
                        start = true;
                        continue;
                    } else if (b == '\r') {
                        continue; // the CRLF line end (a plain file has no other carriage return)
                    } else if (b == '"' && start) {
                        quoted = true; // a quoted value (in another column too: its commas are not separators)
                    } else if (field == k) {
                        if (len < MAX) {
                            cell[len++] = b;
                        } else {
                            longer = true;
                        }
                    }
                    start = false;
                }
            }
        }
        if (content) {
            // the last line, without a line break
            if (r >= n) {
                throw new IOException(file + ": more records than the scan counted");
            }
            byte s = classify(cell, len, longer);
            if (s == MALE) {
                if (hasher == null) {
                    hasher = hashers.get();
                }
                s = number(new String(cell, 0, 18, StandardCharsets.ISO_8859_1), r, hasher, hashes, areas, births);
            }
            status[r++] = s;
            numbers += s == MALE || s == FEMALE ? 1 : 0;
            others += s == CHECKER ? 1 : 0;
        }
        if (r != n) {
            throw new IOException(file + ": " + r + " records read, the scan counted " + n);
        }
        return new IdColumn(status, hashes, areas, births, n, numbers, others);
    }

    /** EMPTY, CHECKER, or MALE for "the plain form, to be parsed". */
    private static byte classify(byte[] cell, int len, boolean longer) {
        if (len == 0 && !longer) {
            return EMPTY;
        }
        if (len != 18 || longer) {
            return CHECKER;
        }
        for (int i = 0; i < 17; i++) {
            if (cell[i] < '0' || cell[i] > '9') {
                return CHECKER;
            }
        }
        return (cell[17] >= '0' && cell[17] <= '9') || cell[17] == 'X' ? MALE : CHECKER;
    }

    /** Parses and hashes one number in the plain form into record r's places; MALE, FEMALE, or CHECKER when it is not valid. */
    private static byte number(String s, int r, IdHasher hasher, byte[] hashes, int[] areas, int[] births) {
        IdentityNumber.Result p = IdentityNumber.parse(s);
        if (!p.ok()) {
            return CHECKER;
        }
        IdentityNumber id = p.number().get();
        System.arraycopy(hasher.digest(id.value()), 0, hashes, r * 32, 32);
        areas[r] = Integer.parseInt(id.areaCode());
        births[r] = Math.toIntExact(id.birthDate().toEpochDay());
        return id.gender() == 'M' ? MALE : FEMALE;
    }

    /** The SQL of the table {@link #append} fills. */
    static String createTable(String name) {
        return "CREATE TEMP TABLE " + name + " (_idrow BIGINT, _idh VARCHAR, _idx BIGINT)";
    }

    /**
     * The rows of the table {@link #append} filled, as {@code _idrow, _idh, _ida, _idg, _idb}: line, hash,
     * area code, implied gender and birth date (a query to join).
     */
    static String columns(String name) {
        return "(SELECT _idrow, _idh, CAST(_idx // " + 2 * DAYS + " AS VARCHAR) AS _ida, CASE WHEN _idx // " + DAYS
            + " % 2 = 1 THEN 'M' ELSE 'F' END AS _idg, CAST(DATE '1970-01-01' + CAST(_idx % " + DAYS + " - " + DAY_OFFSET
            + " AS INTEGER) AS DATE) AS _idb FROM " + name + ")";
    }

    /** The birth date's epoch day plus {@link #DAY_OFFSET} is below this (years 1850 to 9999). */
    private static final long DAYS = 10_000_000;
    private static final long DAY_OFFSET = 1_000_000;

    /**
     * Appends one row per record that holds something: its line, the hash, and area code, implied
     * gender and birth date packed in one number ({@link #columns} unpacks them: three values a row
     * cost the Appender about 30% less than five, measured); a record for the row checker has NULLs
     * but its line. A record without a row had an empty cell.
     */
    void append(DuckDBAppender a) throws SQLException {
        for (int r = 0; r < records; r++) {
            byte s = status[r];
            if (s == EMPTY) {
                continue;
            }
            a.beginRow();
            a.append((long) r + 2);
            if (s == CHECKER) {
                a.appendNull();
                a.appendNull();
            } else {
                a.append(IdHasher.hex(hashes, r * 32));
                a.append(((long) areas[r] * 2 + (s == MALE ? 1 : 0)) * DAYS + births[r] + DAY_OFFSET);
            }
            a.endRow();
        }
        a.flush();
    }
}
