package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.haigui.core.HaiguiException;

/**
 * The zip container of a workbook, read by hand so that every size is checked: the central
 * directory is parsed from the end of the file, each entry is opened through a {@link
 * BoundedEntryStream} that counts what it inflates. Positional reads, so several entries may be
 * open at once.
 */
final class ZipArchive implements AutoCloseable {

    /** A zip whose central directory is bigger than this is refused (a real workbook has a few KB). */
    static final long MAX_CENTRAL_DIRECTORY_BYTES = 64L << 20;
    /** A zip with more entries than this is refused. */
    static final long MAX_ENTRIES = 1_000_000;

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;

    /** One entry as the central directory declares it. */
    record Entry(String name, int flags, int method, long crc, long compressedSize, long size, long localHeaderOffset) {}

    private final String fileLabel;
    private final FileChannel channel;
    private final long fileSize;
    private final XlsxLimits limits;
    private final Map<String, Entry> entries;
    private final Map<String, Entry> entriesLowerCase;

    private ZipArchive(String fileLabel, FileChannel channel, long fileSize, XlsxLimits limits, Map<String, Entry> entries) {
        this.fileLabel = fileLabel;
        this.channel = channel;
        this.fileSize = fileSize;
        this.limits = limits;
        this.entries = entries;
        this.entriesLowerCase = new HashMap<>();
        for (Entry e : entries.values()) {
            entriesLowerCase.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
        }
    }

    /** Opens the file and reads its central directory; INPUT errors name the file. */
    static ZipArchive open(Path file, XlsxLimits limits) {
        String label = file.toString();
        if (java.nio.file.Files.isDirectory(file)) {
            throw HaiguiException.input(label + ": is a directory, not an .xlsx workbook");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            throw HaiguiException.input(label + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw HaiguiException.input(label + ": permission denied", e);
        } catch (IOException e) {
            throw HaiguiException.input(label + ": cannot open the file: " + e.getMessage(), e);
        }
        try {
            long size = ch.size();
            Map<String, Entry> entries = readCentralDirectory(label, ch, size);
            return new ZipArchive(label, ch, size, limits, entries);
        } catch (IOException e) {
            closeQuietly(ch);
            throw HaiguiException.input(label + ": cannot read the file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    String fileLabel() {
        return fileLabel;
    }

    XlsxLimits limits() {
        return limits;
    }

    /** The entry of that part name (a leading '/' is ignored; OPC part names are case-insensitive), or null. */
    Entry find(String partName) {
        String n = partName.startsWith("/") ? partName.substring(1) : partName;
        Entry e = entries.get(n);
        return e != null ? e : entriesLowerCase.get(n.toLowerCase(Locale.ROOT));
    }

    boolean contains(String partName) {
        return find(partName) != null;
    }

    /** Opens an entry for reading through the size and ratio checks. */
    InputStream open(Entry e) {
        if ((e.flags() & 1) != 0) {
            throw HaiguiException.input(fileLabel + ": entry " + e.name()
                    + " is encrypted; save the workbook without a password and import it again");
        }
        if (e.method() != 0 && e.method() != 8) {
            throw HaiguiException.input(fileLabel + ": entry " + e.name() + " uses zip compression method " + e.method()
                    + ", which this reader does not support (only stored and deflated); save the workbook again from Excel");
        }
        // What the central directory declares is checked before a single byte is inflated.
        if (e.size() > limits.maxEntryBytes()) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: entry %s declares %,d bytes once inflated, more than the limit of %,d bytes: it looks like a zip bomb, refused",
                    fileLabel, e.name(), e.size(), limits.maxEntryBytes()));
        }
        if (e.method() == 8 && e.size() > limits.minBytesBeforeRatioCheck()
                && e.size() > limits.maxRatio() * Math.max(1, e.compressedSize())) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: entry %s declares %,d bytes once inflated from only %,d compressed bytes (ratio %.0f, limit %.0f): "
                            + "it looks like a zip bomb, refused",
                    fileLabel, e.name(), e.size(), e.compressedSize(),
                    e.size() / (double) Math.max(1, e.compressedSize()), limits.maxRatio()));
        }
        long dataStart;
        try {
            ByteBuffer loc = readAt(e.localHeaderOffset(), 30);
            if (loc == null || loc.getInt(0) != LOC_SIG) {
                throw corrupt("the local header of entry " + e.name() + " is missing");
            }
            int nameLen = Short.toUnsignedInt(loc.getShort(26));
            int extraLen = Short.toUnsignedInt(loc.getShort(28));
            dataStart = e.localHeaderOffset() + 30 + nameLen + extraLen;
        } catch (IOException ex) {
            throw HaiguiException.input(fileLabel + ": cannot read entry " + e.name() + ": " + ex.getMessage(), ex);
        }
        if (dataStart + e.compressedSize() > fileSize) {
            throw HaiguiException.input(fileLabel + ": entry " + e.name() + " runs past the end of the file: the file is truncated");
        }
        return new BoundedEntryStream(this, e, dataStart);
    }

    /** Reads up to dst.remaining() bytes at the given position; returns the count, -1 at end of file. */
    int read(long position, ByteBuffer dst) throws IOException {
        return channel.read(dst, position);
    }

    private ByteBuffer readAt(long position, int len) throws IOException {
        return readFully(channel, position, len);
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + buf.position());
            if (n < 0) {
                return null;
            }
        }
        buf.flip();
        return buf;
    }

    private HaiguiException corrupt(String what) {
        return corrupt(fileLabel, what);
    }

    private static HaiguiException corrupt(String label, String what) {
        return HaiguiException.input(label + ": not a readable .xlsx workbook, the zip archive is corrupt: " + what);
    }

    private static Map<String, Entry> readCentralDirectory(String label, FileChannel ch, long size) throws IOException {
        if (size == 0) {
            throw HaiguiException.input(label + ": the file is empty, not an .xlsx workbook");
        }
        ByteBuffer head = readFully(ch, 0, (int) Math.min(size, 512));
        if (head == null) {
            throw HaiguiException.input(label + ": cannot read the file");
        }
        checkMagic(label, head);
        int tailLen = (int) Math.min(size, 22 + 0xFFFF);
        ByteBuffer tail = readFully(ch, size - tailLen, tailLen);
        int eocd = -1;
        for (int i = tailLen - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG) {
                int commentLen = Short.toUnsignedInt(tail.getShort(i + 20));
                if (i + 22 + commentLen <= tailLen) {
                    eocd = i;
                    break;
                }
            }
        }
        if (eocd < 0) {
            throw HaiguiException.input(label + ": not an .xlsx workbook: the file is not a zip archive"
                    + (looksLikeText(head) ? " (it looks like a text file, perhaps a CSV file renamed to .xlsx)" : "")
                    + " or it is truncated");
        }
        long eocdPos = size - tailLen + eocd;
        int disk = Short.toUnsignedInt(tail.getShort(eocd + 4));
        int cdDisk = Short.toUnsignedInt(tail.getShort(eocd + 6));
        long total = Short.toUnsignedInt(tail.getShort(eocd + 10));
        long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
        long cdOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
        if (eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR_SIG) {
            long z64Pos = tail.getLong(eocd - 20 + 8);
            if (z64Pos < 0 || z64Pos + 56 > eocdPos) {
                throw corrupt(label, "the zip64 end record points outside the file");
            }
            ByteBuffer z = readFully(ch, z64Pos, 56);
            if (z == null || z.getInt(0) != ZIP64_EOCD_SIG) {
                throw corrupt(label, "the zip64 end record is missing");
            }
            disk = z.getInt(16);
            cdDisk = z.getInt(20);
            total = z.getLong(32);
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
        }
        if (disk != 0 || cdDisk != 0) {
            throw HaiguiException.input(label + ": a split (multi-volume) zip archive, not an .xlsx workbook");
        }
        if (total < 0 || total > MAX_ENTRIES || cdSize < 0 || cdSize > MAX_CENTRAL_DIRECTORY_BYTES) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: the zip central directory declares %,d entries in %,d bytes, an absurd size for a workbook; refused",
                    label, total, cdSize));
        }
        if (cdOffset < 0 || cdOffset + cdSize > size) {
            throw corrupt(label, "the central directory lies outside the file (the file may be truncated)");
        }
        ByteBuffer cd = readFully(ch, cdOffset, (int) cdSize);
        if (cd == null) {
            throw corrupt(label, "the central directory cannot be read");
        }
        Map<String, Entry> entries = new HashMap<>();
        int p = 0;
        while (p + 46 <= cdSize) {
            if (cd.getInt(p) != CEN_SIG) {
                if (entries.isEmpty()) {
                    throw corrupt(label, "the central directory has no valid entry");
                }
                break;
            }
            int flags = Short.toUnsignedInt(cd.getShort(p + 8));
            int method = Short.toUnsignedInt(cd.getShort(p + 10));
            long crc = Integer.toUnsignedLong(cd.getInt(p + 16));
            long csize = Integer.toUnsignedLong(cd.getInt(p + 20));
            long usize = Integer.toUnsignedLong(cd.getInt(p + 24));
            int nameLen = Short.toUnsignedInt(cd.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(cd.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(cd.getShort(p + 32));
            long offset = Integer.toUnsignedLong(cd.getInt(p + 42));
            if (p + 46L + nameLen + extraLen + commentLen > cdSize) {
                throw corrupt(label, "a central directory record runs past its end");
            }
            byte[] nameBytes = new byte[nameLen];
            cd.get(p + 46, nameBytes);
            // Part names of a workbook are ASCII; UTF-8 (flag bit 11) covers the rest well enough.
            String name = new String(nameBytes, StandardCharsets.UTF_8).replace('\\', '/');
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            // zip64 extra field: the 64-bit values of whichever fields are 0xFFFFFFFF, in this order.
            int x = p + 46 + nameLen;
            int xEnd = x + extraLen;
            while (x + 4 <= xEnd) {
                int id = Short.toUnsignedInt(cd.getShort(x));
                int len = Short.toUnsignedInt(cd.getShort(x + 2));
                if (id == 0x0001) {
                    int q = x + 4;
                    int qEnd = Math.min(xEnd, q + len);
                    if (usize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                        usize = cd.getLong(q);
                        q += 8;
                    }
                    if (csize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                        csize = cd.getLong(q);
                        q += 8;
                    }
                    if (offset == 0xFFFFFFFFL && q + 8 <= qEnd) {
                        offset = cd.getLong(q);
                    }
                }
                x += 4 + len;
            }
            if (usize < 0 || csize < 0 || offset < 0 || csize > size || offset + 30 > size) {
                throw corrupt(label, "entry " + name + " declares sizes or an offset outside the file");
            }
            if (!name.endsWith("/")) {
                Entry prev = entries.put(name, new Entry(name, flags, method, crc, csize, usize, offset));
                if (prev != null) {
                    // Two entries of the same name are a classic trick to show one part to one reader and another to the next.
                    throw corrupt(label, "it holds entry " + name + " twice");
                }
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        return entries;
    }

    private static void checkMagic(String label, ByteBuffer head) {
        int n = head.limit();
        if (n >= 8 && (head.get(0) & 0xFF) == 0xD0 && (head.get(1) & 0xFF) == 0xCF && (head.get(2) & 0xFF) == 0x11
                && (head.get(3) & 0xFF) == 0xE0 && (head.get(4) & 0xFF) == 0xA1 && (head.get(5) & 0xFF) == 0xB1
                && (head.get(6) & 0xFF) == 0x1A && (head.get(7) & 0xFF) == 0xE1) {
            throw HaiguiException.input(label + ": not an .xlsx workbook but an OLE2 compound file: either a password-protected"
                    + " (encrypted) workbook or an old-format .xls file; remove the password or save it as .xlsx and import it again");
        }
    }

    /** True when the first bytes decode as UTF-8 text without control characters other than tab/CR/LF. */
    private static boolean looksLikeText(ByteBuffer head) {
        int n = head.limit();
        if (n == 0) {
            return false;
        }
        byte[] b = new byte[n];
        head.get(0, b);
        int i = 0;
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        int cut = n;
        // do not fail on a multi-byte character cut at the end of the sample
        while (cut > i && (b[cut - 1] & 0xC0) == 0x80) {
            cut--;
        }
        if (cut > i && (b[cut - 1] & 0x80) != 0) {
            cut--;
        }
        for (int k = i; k < cut; k++) {
            int c = b[k] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, i, cut - i));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read-only channel: nothing is lost
        }
    }
}
