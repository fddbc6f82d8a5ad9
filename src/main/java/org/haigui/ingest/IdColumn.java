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
 * X, valid by {@link IdentityNumber#parseNormalised} (the very checks of the row checker's {@link IdentityNumber#parse}, whose
 * normalisation would leave such a number as it is). An empty cell
 * has no number. Anything else (spaces, full-width digits, a lower-case x, a wrong check character)
 * is marked for the row checker: its row is read again by the Java reader and checked whole by
 * {@link RowValidator}, whose message and value it gets. A number is held in clear only while its
 * value is checked (its bytes, and the string parsed); what is kept is the keyed hash.
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
        /** The first record's place in its part (0 the part's first). */
        final long first;
        int n;
        final byte[] status = new byte[CHUNK];
        /** 32 bytes of HMAC-SHA-256 at 32 i, for a record with a number. */
        final byte[] hashes = new byte[CHUNK * 32];
        /** Area code, implied gender and birth date, packed ({@link #pack}). */
        final long[] packed = new long[CHUNK];

        Chunk(long first) {
            this.first = first;
        }
    }

    /** The end of the records, in the queue. */
    private static final Chunk END = new Chunk(0);

    /**
     * One part of the file, read by one thread: the bytes from {@code from} (just after a line break, or
     * 0, the header's line then skipped) to {@code to}. A file of more than {@value #SPLIT} bytes is read
     * as two parts at once, split at the line break after its middle (in a plain file every line break
     * ends a record): the appending thread takes the first part's chunks, then the second's.
     */
    private static final class Part {
        final long from;
        final long to;
        /** Chunks read, {@link #END}, or the reading thread's failure. */
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        long records;
        long numbers;
        long others;
        /** This part's thread's hasher, asked for at its first number. */
        private IdHasher hasher;

        Part(long from, long to) {
            this.from = from;
            this.to = to;
        }

        IdHasher hasher(Supplier<IdHasher> hashers) {
            if (hasher == null) {
                hasher = hashers.get();
            }
            return hasher;
        }
    }

    /** A file larger than this is read as two parts at once (bytes). */
    static long SPLIT = 4 << 20;

    private final java.util.List<Part> parts = new java.util.ArrayList<>();

    /** Data records read (the header not counted), those with a number in the plain form, and those for the row checker; final once {@link #append} returned. */
    long records;
    long numbers;
    long others;

    /**
     * Reads field {@code k} of every data record of {@code file} (plain), hashing each valid plain
     * number with a hasher {@code hashers} gives (one per thread, asked for at the first number), and
     * hands the results to {@link #append} chunk by chunk; a failure is handed over too, then thrown.
     */
    void read(Path file, int k, Supplier<IdHasher> hashers) throws IOException, InterruptedException {
        long size;
        long split;
        try {
            size = Files.size(file);
            split = size > SPLIT ? CsvScan.lineEndAfter(file, size / 2) : -1;
        } catch (IOException | RuntimeException e) {
            Part failed = new Part(0, 0);
            failed.queue.put(e);
            synchronized (parts) {
                parts.add(failed);
                parts.notifyAll();
            }
            throw e;
        }
        Part first = new Part(0, split < 0 ? size : split);
        Part second = split < 0 ? null : new Part(split, size);
        synchronized (parts) {
            parts.add(first);
            if (second != null) {
                parts.add(second);
            }
            parts.notifyAll();
        }
        Thread other = null;
        Throwable[] failed = new Throwable[1];
        if (second != null) {
            other = new Thread(() -> {
                try {
                    read(second, file, k, hashers);
                } catch (InterruptedException e) {
                    // the import stopped
                } catch (IOException | RuntimeException | Error e) {
                    failed[0] = e;
                }
            }, "haigui-import-ids");
            other.setDaemon(true);
            other.start();
        }
        try {
            read(first, file, k, hashers);
            if (other != null) {
                other.join();
                if (failed[0] instanceof IOException e) {
                    throw e;
                } else if (failed[0] instanceof RuntimeException e) {
                    throw e;
                } else if (failed[0] instanceof Error e) {
                    throw e;
                }
            }
        } finally {
            if (other != null && other.isAlive()) {
                other.interrupt();
                other.join();
            }
        }
    }

    private void read(Part part, Path file, int k, Supplier<IdHasher> hashers) throws IOException, InterruptedException {
        try {
            readChunks(part, file, k, hashers);
        } catch (IOException | RuntimeException | Error e) {
            part.queue.put(e);
            throw e;
        }
    }

    private void readChunks(Part part, Path file, int k, Supplier<IdHasher> hashers) throws IOException, InterruptedException {
        byte[] cell = new byte[MAX];
        int len = 0;
        boolean longer = false;
        int field = 0;
        boolean quoted = false;
        boolean closed = false; // a quote ended a quoted part: "" goes on quoting, anything else ends it
        boolean header = part.from == 0;
        boolean content = false;
        boolean start = true; // at a field's first byte
        long r = 0;
        Chunk chunk = new Chunk(0);
        byte[] buf = new byte[1 << 20];
        long left = part.to - part.from;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file);
             InputStream in = java.nio.channels.Channels.newInputStream(ch.position(part.from))) {
            for (int got; left > 0 && (got = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
                left -= got;
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
                        record(part, chunk, cell, len, longer, hashers);
                        r++;
                        if (chunk.n == CHUNK) {
                            part.queue.put(chunk);
                            chunk = new Chunk(r);
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
            record(part, chunk, cell, len, longer, hashers);
            r++;
        }
        if (chunk.n > 0) {
            part.queue.put(chunk);
        }
        part.records = r;
        part.queue.put(END);
    }

    /** Checks one record's cell into the chunk's next place. */
    private static void record(Part part, Chunk chunk, byte[] cell, int len, boolean longer, Supplier<IdHasher> hashers) {
        int i = chunk.n++;
        byte s = classify(cell, len, longer);
        if (s == MALE) {
            // the plain form (classify): what parse's normalisation would leave as it is
            IdentityNumber.Result p = IdentityNumber.parseNormalised(new String(cell, 0, 18, StandardCharsets.ISO_8859_1));
            if (p.ok()) {
                IdentityNumber id = p.number().get();
                System.arraycopy(part.hasher(hashers).digest(id.value()), 0, chunk.hashes, i * 32, 32);
                s = id.gender() == 'M' ? MALE : FEMALE;
                chunk.packed[i] = pack(Integer.parseInt(id.areaCode()), s == MALE, id.birthDate().toEpochDay());
            } else {
                s = CHECKER;
            }
        }
        chunk.status[i] = s;
        part.numbers += s == MALE || s == FEMALE ? 1 : 0;
        part.others += s == CHECKER ? 1 : 0;
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
        long line = 2; // the first part's first record
        for (int p = 0; ; p++) {
            Part part;
            synchronized (parts) {
                while (parts.isEmpty()) {
                    parts.wait(); // the reading thread has not begun
                }
                if (p >= parts.size()) {
                    break;
                }
                part = parts.get(p);
            }
            appendPart(a, part, line);
            line += part.records;
            records += part.records;
            numbers += part.numbers;
            others += part.others;
        }
        a.flush();
    }

    private static void appendPart(DuckDBAppender a, Part part, long line) throws SQLException, IOException, InterruptedException {
        while (true) {
            Object o = part.queue.take();
            if (o == END) {
                return;
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
                a.append(line + chunk.first + i);
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
    }
}
