package org.haigui.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 *
 * <p>The reading thread ({@link #read}) hands the results over in chunks of {@value #CHUNK} records
 * through a bounded queue to the thread that appends them ({@link #append}), so memory does not grow
 * with the file and the appending overlaps the reading.
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
    /** Records per chunk handed over, and chunks the queue holds (about 45 MB). */
    private static final int CHUNK = 16_384;
    private static final int QUEUE = 64;

    /** The results of {@link #CHUNK} consecutive records (fewer in the last chunk). */
    private static final class Chunk {
        /** The line of the first record. */
        final long firstLine;
        int n;
        final byte[] status = new byte[CHUNK];
        /** 32 bytes of HMAC-SHA-256 at 32 i, for a record with a number. */
        final byte[] hashes = new byte[CHUNK * 32];
        /** Area code, implied gender and birth date, packed ({@link #pack}). */
        final long[] packed = new long[CHUNK];

        Chunk(long firstLine) {
            this.firstLine = firstLine;
        }
    }

    /** The end of the records, in the queue. */
    private static final Chunk END = new Chunk(0);

    /** Chunks read, {@link #END}, or the reading thread's failure. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);

    /** Data records read (the header not counted), those with a number in the plain form, and those for the row checker; final once {@link #append} returned. */
    long records;
    long numbers;
    long others;

    /**
     * Reads field {@code k} of every data record of {@code file} (plain), hashing each valid plain
     * number with the hasher {@code hashers} gives (asked for at the first one), and hands the results
     * to {@link #append} chunk by chunk; a failure is handed over too, then thrown.
     */
    void read(Path file, int k, Supplier<IdHasher> hashers) throws IOException, InterruptedException {
        try {
            readChunks(file, k, hashers);
        } catch (IOException | RuntimeException | Error e) {
            queue.put(e);
            throw e;
        }
    }

    private void readChunks(Path file, int k, Supplier<IdHasher> hashers) throws IOException, InterruptedException {
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
        long r = 0;
        Chunk chunk = new Chunk(2);
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
                        if (classify(cell, len, longer) == MALE && hasher == null) {
                            hasher = hashers.get();
                        }
                        record(chunk, cell, len, longer, hasher);
                        r++;
                        if (chunk.n == CHUNK) {
                            queue.put(chunk);
                            chunk = new Chunk(r + 2);
                        }
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
            if (classify(cell, len, longer) == MALE && hasher == null) {
                hasher = hashers.get();
            }
            record(chunk, cell, len, longer, hasher);
            r++;
        }
        if (chunk.n > 0) {
            queue.put(chunk);
        }
        records = r;
        queue.put(END);
    }

    /** Checks one record's cell into the chunk's next place. */
    private void record(Chunk chunk, byte[] cell, int len, boolean longer, IdHasher hasher) {
        int i = chunk.n++;
        byte s = classify(cell, len, longer);
        if (s == MALE) {
            IdentityNumber.Result p = IdentityNumber.parse(new String(cell, 0, 18, StandardCharsets.ISO_8859_1));
            if (p.ok()) {
                IdentityNumber id = p.number().get();
                System.arraycopy(hasher.digest(id.value()), 0, chunk.hashes, i * 32, 32);
                s = id.gender() == 'M' ? MALE : FEMALE;
                chunk.packed[i] = pack(Integer.parseInt(id.areaCode()), s == MALE, id.birthDate().toEpochDay());
            } else {
                s = CHECKER;
            }
        }
        chunk.status[i] = s;
        numbers += s == MALE || s == FEMALE ? 1 : 0;
        others += s == CHECKER ? 1 : 0;
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

    /** Area code, gender and birth date in one number: three values a row cost the Appender about 30% less than five (measured). */
    private static long pack(int area, boolean male, long epochDay) {
        return ((long) area * 2 + (male ? 1 : 0)) * DAYS + epochDay + DAY_OFFSET;
    }

    /**
     * Appends the results as {@link #read} hands them over, until its end: one row per record that
     * holds something (its line, the hash, and the packed area code, gender and birth date; NULLs but
     * the line for a record for the row checker). A record without a row had an empty cell. Throws the
     * reading thread's failure.
     */
    void append(DuckDBAppender a) throws SQLException, IOException, InterruptedException {
        while (true) {
            Object o = queue.take();
            if (o == END) {
                break;
            }
            if (o instanceof IOException e) {
                throw e;
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            Chunk chunk = (Chunk) o;
            for (int i = 0; i < chunk.n; i++) {
                byte s = chunk.status[i];
                if (s == EMPTY) {
                    continue;
                }
                a.beginRow();
                a.append(chunk.firstLine + i);
                if (s == CHECKER) {
                    a.appendNull();
                    a.appendNull();
                } else {
                    a.append(IdHasher.hex(chunk.hashes, i * 32));
                    a.append(chunk.packed[i]);
                }
                a.endRow();
            }
        }
        a.flush();
    }
}
