package org.haigui.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.haigui.core.HaiguiException;

/**
 * The zip container of a workbook: the JDK's {@link ZipFile} (central directory, zip64, local
 * headers) behind this reader's bounds. Before the JDK parses anything the first bytes are
 * sniffed (empty file, OLE2 / old .xls, text renamed to .xlsx); after it, the entry count is
 * bounded, duplicate names are refused, and every entry is opened through a {@link
 * BoundedEntryStream} that checks the declared sizes before inflating and counts what it
 * inflates. The JDK's {@link ZipException}s become INPUT errors that name the file. Several
 * entries may be open at once.
 */
final class WorkbookZip implements AutoCloseable {

    /** A zip with more entries than this is refused. */
    static final long MAX_ENTRIES = 1_000_000;

    /** One entry: its part name (a leading '/' dropped, '\' read as '/') and the JDK's entry. */
    record Entry(String name, ZipEntry zipEntry) {
        long size() {
            return zipEntry.getSize();
        }

        long compressedSize() {
            return zipEntry.getCompressedSize();
        }

        boolean stored() {
            return zipEntry.getMethod() == ZipEntry.STORED;
        }
    }

    private final String fileLabel;
    private final ZipFile zipFile;
    private final XlsxLimits limits;
    private final Map<String, Entry> entries;
    private final Map<String, Entry> entriesLowerCase;

    private WorkbookZip(String fileLabel, ZipFile zipFile, XlsxLimits limits, Map<String, Entry> entries) {
        this.fileLabel = fileLabel;
        this.zipFile = zipFile;
        this.limits = limits;
        this.entries = entries;
        this.entriesLowerCase = new HashMap<>();
        for (Entry e : entries.values()) {
            entriesLowerCase.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
        }
    }

    /** Opens the file and reads its central directory; INPUT errors name the file. */
    static WorkbookZip open(Path file, XlsxLimits limits) {
        String label = file.toString();
        if (Files.isDirectory(file)) {
            throw HaiguiException.input(label + ": is a directory, not an .xlsx workbook");
        }
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
            size = Files.size(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw HaiguiException.input(label + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw HaiguiException.input(label + ": permission denied", e);
        } catch (IOException e) {
            throw HaiguiException.input(label + ": cannot open the file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw HaiguiException.input(label + ": the file is empty, not an .xlsx workbook");
        }
        checkMagic(label, head);
        ZipFile zf;
        try {
            zf = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw openError(label, head, e);
        } catch (IOException e) {
            throw HaiguiException.input(label + ": cannot read the file: " + e.getMessage(), e);
        }
        try {
            return new WorkbookZip(label, zf, limits, readEntries(label, zf, size));
        } catch (RuntimeException e) {
            closeQuietly(zf);
            throw e;
        }
    }

    private static HaiguiException openError(String label, byte[] head, ZipException e) {
        String why = String.valueOf(e.getMessage());
        if (why.contains("END header not found")) {
            return HaiguiException.input(label + ": not an .xlsx workbook: the file is not a zip archive"
                    + (looksLikeText(head) ? " (it looks like a text file, perhaps a CSV file renamed to .xlsx)" : "")
                    + " or it is truncated", e);
        }
        if (why.contains("encrypted")) {
            return HaiguiException.input(label + ": an entry is encrypted; save the workbook without a password and import it again", e);
        }
        if (why.contains("compression method")) {
            return HaiguiException.input(label + ": an entry uses a zip compression method this reader does not support"
                    + " (only stored and deflated; " + why + "); save the workbook again from Excel", e);
        }
        if (why.contains("END header")) {
            // the end record declares a central directory (size, offset, count) that cannot be in this file
            return HaiguiException.input(label + ": the zip central directory declares an absurd size for a workbook or lies"
                    + " outside the file (" + why + "); refused, the file may be truncated or corrupt", e);
        }
        return corrupt(label, why, e);
    }

    private static Map<String, Entry> readEntries(String label, ZipFile zf, long size) {
        if (zf.size() > MAX_ENTRIES) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: the zip central directory declares %,d entries, an absurd size for a workbook; refused", label, zf.size()));
        }
        Map<String, Entry> entries = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zf.entries();
        while (all.hasMoreElements()) {
            ZipEntry z = all.nextElement();
            if (z.isDirectory()) {
                continue;
            }
            String name = z.getName().replace('\\', '/');
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            if (z.getCompressedSize() < 0 || z.getCompressedSize() > size || z.getSize() < 0) {
                throw corrupt(label, "entry " + name + " declares sizes outside the file", null);
            }
            // Two entries of the same name are a classic trick to show one part to one reader and another to the next.
            if (entries.put(name, new Entry(name, z)) != null) {
                throw corrupt(label, "it holds entry " + name + " twice", null);
            }
        }
        return entries;
    }

    private static void closeQuietly(ZipFile zf) {
        try {
            zf.close();
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
        // What the central directory declares is checked before a single byte is inflated.
        if (e.size() > limits.maxEntryBytes()) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: entry %s declares %,d bytes once inflated, more than the limit of %,d bytes: it looks like a zip bomb, refused",
                    fileLabel, e.name(), e.size(), limits.maxEntryBytes()));
        }
        if (!e.stored() && e.size() > limits.minBytesBeforeRatioCheck()
                && e.size() > limits.maxRatio() * Math.max(1, e.compressedSize())) {
            throw HaiguiException.input(String.format(Locale.ROOT,
                    "%s: entry %s declares %,d bytes once inflated from only %,d compressed bytes (ratio %.0f, limit %.0f): "
                            + "it looks like a zip bomb, refused",
                    fileLabel, e.name(), e.size(), e.compressedSize(),
                    e.size() / (double) Math.max(1, e.compressedSize()), limits.maxRatio()));
        }
        InputStream in;
        try {
            in = zipFile.getInputStream(e.zipEntry());
        } catch (ZipException ex) {
            throw corrupt(fileLabel, "entry " + e.name() + ": " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw HaiguiException.input(fileLabel + ": cannot read entry " + e.name() + ": " + ex.getMessage(), ex);
        }
        if (in == null) {
            throw corrupt(fileLabel, "entry " + e.name() + " cannot be found again", null);
        }
        return new BoundedEntryStream(this, e, in);
    }


    private static HaiguiException corrupt(String label, String what, Exception cause) {
        return HaiguiException.input(label + ": not a readable .xlsx workbook, the zip archive is corrupt: " + what, cause);
    }

    private static void checkMagic(String label, byte[] head) {
        int n = head.length;
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0 && (head[4] & 0xFF) == 0xA1 && (head[5] & 0xFF) == 0xB1
                && (head[6] & 0xFF) == 0x1A && (head[7] & 0xFF) == 0xE1) {
            throw HaiguiException.input(label + ": not an .xlsx workbook but an OLE2 compound file: either a password-protected"
                    + " (encrypted) workbook or an old-format .xls file; remove the password or save it as .xlsx and import it again");
        }
    }

    /** True when the first bytes decode as UTF-8 text without control characters other than tab/CR/LF. */
    private static boolean looksLikeText(byte[] b) {
        int n = b.length;
        if (n == 0) {
            return false;
        }
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
        closeQuietly(zipFile);
    }
}
