package org.haigui.ingest.xlsx;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipException;
import org.haigui.core.HaiguiException;

/**
 * Reads one zip entry (inflated by the JDK's {@link java.util.zip.ZipFile}) while counting:
 * refuses the entry as a zip bomb as soon as it inflates beyond {@link XlsxLimits#maxEntryBytes()},
 * or, past {@link XlsxLimits#minBytesBeforeRatioCheck()} inflated bytes, when inflated/compressed
 * exceeds {@link XlsxLimits#maxRatio()}. The compressed side of the ratio is the entry's compressed
 * size, which {@code ZipFile} never reads beyond (and which {@link WorkbookZip} has checked fits
 * in the file), so the rule bounds what one entry can inflate to whatever its declared inflated
 * size says; that declared size and the CRC are only compared at the end. Read errors of the
 * JDK (corrupt or truncated data) become INPUT errors naming the file and the entry.
 */
final class BoundedEntryStream extends InputStream {

    private final WorkbookZip zip;
    private final WorkbookZip.Entry entry;
    private final XlsxLimits limits;
    private final boolean stored;
    private final InputStream in;
    private final CRC32 crc = new CRC32();
    private long produced;
    private boolean eof;
    private boolean closed;

    BoundedEntryStream(WorkbookZip zip, WorkbookZip.Entry entry, InputStream in) {
        this.zip = zip;
        this.entry = entry;
        this.limits = zip.limits();
        this.stored = entry.stored();
        this.in = in;
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
        int n;
        try {
            n = in.read(b, off, len);
        } catch (EOFException e) {
            throw truncated(e);
        } catch (ZipException e) {
            throw corrupt("invalid compressed data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw HaiguiException.input(zip.fileLabel() + ": cannot read entry " + entry.name() + ": " + e.getMessage(), e);
        }
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

    private void check() {
        if (produced > limits.maxEntryBytes()) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: entry %s inflates to more than %,d bytes (the limit) from %,d compressed bytes: it looks like a zip bomb, refused",
                    zip.fileLabel(), entry.name(), limits.maxEntryBytes(), entry.compressedSize()));
        }
        if (!stored && produced > limits.minBytesBeforeRatioCheck()) {
            long compressed = Math.max(1, entry.compressedSize());
            if (produced > limits.maxRatio() * compressed) {
                throw HaiguiException.input(String.format(Locale.ROOT,
                        "%s: entry %s inflated %,d bytes from only %,d compressed bytes (ratio %.0f, limit %.0f): it looks like a zip bomb, refused",
                        zip.fileLabel(), entry.name(), produced, compressed, produced / (double) compressed, limits.maxRatio()));
            }
        }
    }

    private void finish() {
        if (produced != entry.size() || crc.getValue() != entry.zipEntry().getCrc()) {
            throw corrupt(String.format(Locale.ROOT, "it inflates to %,d bytes with CRC %08x where %,d bytes with CRC %08x are declared",
                    produced, crc.getValue(), entry.size(), entry.zipEntry().getCrc()), null);
        }
    }

    private HaiguiException truncated(Exception cause) {
        return HaiguiException.input(zip.fileLabel() + ": entry " + entry.name() + " ends too early: the file is truncated or corrupt", cause);
    }

    private HaiguiException corrupt(String why, Exception cause) {
        return HaiguiException.input(zip.fileLabel() + ": entry " + entry.name() + " is corrupt: " + why, cause);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // closing a read-only entry stream: nothing is lost
            }
        }
    }
}
