package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.haigui.core.HaiguiException;

/**
 * Inflates one zip entry while counting: refuses the entry as a zip bomb as soon as it inflates
 * beyond {@link XlsxLimits#maxEntryBytes()}, or, past {@link XlsxLimits#minBytesBeforeRatioCheck()}
 * inflated bytes, when inflated/compressed-consumed exceeds {@link XlsxLimits#maxRatio()}. The
 * declared sizes are not trusted for this; they are only compared (with the CRC) at the end.
 * Holds a fixed-size input buffer whatever the entry's size.
 */
final class BoundedEntryStream extends InputStream {

    private static final int BUFFER = 64 * 1024;

    private final ZipArchive zip;
    private final ZipArchive.Entry entry;
    private final XlsxLimits limits;
    private final boolean stored;
    private final Inflater inflater;
    private final ByteBuffer input;
    private final CRC32 crc = new CRC32();
    private long position;
    private long compressedLeft;
    private long produced;
    private boolean dummyFed;
    private boolean eof;
    private boolean closed;

    BoundedEntryStream(ZipArchive zip, ZipArchive.Entry entry, long dataStart) {
        this.zip = zip;
        this.entry = entry;
        this.limits = zip.limits();
        this.stored = entry.method() == 0;
        this.inflater = stored ? null : new Inflater(true);
        this.input = ByteBuffer.allocate(BUFFER);
        this.position = dataStart;
        this.compressedLeft = entry.compressedSize();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (eof) {
            return -1;
        }
        int n = stored ? readStored(b, off, len) : readInflated(b, off, len);
        if (n < 0) {
            eof = true;
            finish();
            return -1;
        }
        produced += n;
        crc.update(b, off, n);
        check();
        return n;
    }

    private int readStored(byte[] b, int off, int len) throws IOException {
        if (compressedLeft == 0) {
            return -1;
        }
        ByteBuffer dst = ByteBuffer.wrap(b, off, (int) Math.min(len, compressedLeft));
        int n = zip.read(position, dst);
        if (n <= 0) {
            throw truncated();
        }
        position += n;
        compressedLeft -= n;
        return n;
    }

    private int readInflated(byte[] b, int off, int len) throws IOException {
        while (true) {
            if (inflater.finished()) {
                return -1;
            }
            if (inflater.needsDictionary()) {
                throw corrupt("it asks for a preset dictionary");
            }
            if (inflater.needsInput()) {
                fill();
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw corrupt("invalid compressed data (" + e.getMessage() + ")");
            }
            if (n > 0) {
                return n;
            }
        }
    }

    private void fill() throws IOException {
        if (compressedLeft > 0) {
            input.clear();
            if (compressedLeft < input.capacity()) {
                input.limit((int) compressedLeft);
            }
            int n = zip.read(position, input);
            if (n <= 0) {
                throw truncated();
            }
            position += n;
            compressedLeft -= n;
            inflater.setInput(input.array(), 0, n);
        } else if (!dummyFed) {
            // As java.util.zip does: a raw ("nowrap") inflater may need one extra byte to see the end.
            dummyFed = true;
            inflater.setInput(new byte[1], 0, 1);
        } else {
            throw truncated();
        }
    }

    private void check() {
        if (produced > limits.maxEntryBytes()) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: entry %s inflates to more than %,d bytes (the limit) from %,d compressed bytes: it looks like a zip bomb, refused",
                    zip.fileLabel(), entry.name(), limits.maxEntryBytes(), compressedConsumed()));
        }
        if (!stored && produced > limits.minBytesBeforeRatioCheck()) {
            long consumed = Math.max(1, compressedConsumed());
            if (produced > limits.maxRatio() * consumed) {
                throw HaiguiException.input(String.format(Locale.ROOT,
                        "%s: entry %s inflated %,d bytes from only %,d compressed bytes (ratio %.0f, limit %.0f): it looks like a zip bomb, refused",
                        zip.fileLabel(), entry.name(), produced, consumed, produced / (double) consumed, limits.maxRatio()));
            }
        }
    }

    private long compressedConsumed() {
        return stored ? produced : inflater.getBytesRead();
    }

    private void finish() {
        if (produced != entry.size() || crc.getValue() != entry.crc()) {
            throw corrupt(String.format(Locale.ROOT, "it inflates to %,d bytes with CRC %08x where %,d bytes with CRC %08x are declared",
                    produced, crc.getValue(), entry.size(), entry.crc()));
        }
    }

    private HaiguiException truncated() {
        return HaiguiException.input(zip.fileLabel() + ": entry " + entry.name() + " ends too early: the file is truncated or corrupt");
    }

    private HaiguiException corrupt(String why) {
        return HaiguiException.input(zip.fileLabel() + ": entry " + entry.name() + " is corrupt: " + why);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
