package org.haigui.ingest.xlsx;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes workbooks whose one entry is a zip bomb, cheaply: the deflate stream of 1 MiB of spaces
 * is made once with a full flush (which makes it independent of what precedes it) and then
 * repeated, so a file of a few MB inflates to several GB in milliseconds of writing. The zip
 * container is written by hand so that the declared sizes can lie.
 */
final class ZipBombs {

    static final int MIB = 1 << 20;

    private ZipBombs() {}

    private record Part(String name, byte[] data, long crc, long declaredSize, long repeat, byte[] block, byte[] tail) {
        long compressedSize() {
            return data.length + repeat * block.length + tail.length;
        }
    }

    /**
     * A workbook with one sheet "data" whose part (or, if {@code bombPart} is another part name,
     * that part) is {@code head} followed by {@code mebibytes} MiB of spaces and {@code end}. The
     * central directory declares {@code declaredSize} bytes for it (the truth or a lie).
     */
    static Path write(Path file, String bombPart, long mebibytes, long declaredSize) throws IOException {
        List<Part> parts = new ArrayList<>();
        String main = XlsxFixture.MAIN_NS;
        String rel = XlsxFixture.REL_NS;
        parts.add(small("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
        parts.add(small("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + XlsxFixture.PKG_REL_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        String workbookHead = "<?xml version=\"1.0\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets>";
        String workbookEnd = "</workbook>";
        String sheetHead = "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main + "\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
        String sheetEnd = "</sheetData></worksheet>";
        String sstHead = "<?xml version=\"1.0\"?><sst xmlns=\"" + main + "\"><si><t>";
        String sstEnd = "</t></si></sst>";
        parts.add(bombPart.equals("xl/workbook.xml") ? bomb(bombPart, workbookHead, workbookEnd, mebibytes, declaredSize)
                : small("xl/workbook.xml", workbookHead + workbookEnd));
        parts.add(small("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + XlsxFixture.PKG_REL_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>"));
        parts.add(bombPart.equals("xl/sharedStrings.xml") ? bomb(bombPart, sstHead, sstEnd, mebibytes, declaredSize)
                : small("xl/sharedStrings.xml", sstHead + "x" + sstEnd));
        parts.add(bombPart.equals("xl/worksheets/sheet1.xml") ? bomb(bombPart, sheetHead, sheetEnd, mebibytes, declaredSize)
                : small("xl/worksheets/sheet1.xml", sheetHead + sheetEnd));
        writeZip(file, parts);
        return file;
    }

    private static Part small(String name, String content) {
        byte[] raw = content.getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(raw);
        d.finish();
        byte[] out = deflateAll(d, Deflater.NO_FLUSH);
        d.end();
        CRC32 crc = new CRC32();
        crc.update(raw);
        return new Part(name, out, crc.getValue(), raw.length, 0, new byte[0], new byte[0]);
    }

    private static Part bomb(String name, String head, String end, long mebibytes, long declaredSize) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(head.getBytes(StandardCharsets.UTF_8));
        byte[] first = deflateAll(d, Deflater.FULL_FLUSH);
        byte[] spaces = new byte[MIB];
        Arrays.fill(spaces, (byte) ' ');
        d.setInput(spaces);
        byte[] block = deflateAll(d, Deflater.FULL_FLUSH);
        d.setInput(end.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] tail = deflateAll(d, Deflater.NO_FLUSH);
        d.end();
        // The CRC is never reached: the reader refuses the entry long before its end.
        return new Part(name, first, 0, declaredSize, mebibytes, block, tail);
    }

    private static byte[] deflateAll(Deflater d, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            if (d.finished() || (n < buf.length && d.needsInput())) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static void writeZip(Path file, List<Part> parts) throws IOException {
        long[] offsets = new long[parts.size()];
        long pos = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                offsets[i] = pos;
                byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer h = le(30 + name.length);
                h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                        .putInt((int) p.crc()).putInt((int) p.compressedSize()).putInt((int) p.declaredSize())
                        .putShort((short) name.length).putShort((short) 0).put(name);
                out.write(h.array());
                out.write(p.data());
                for (long k = 0; k < p.repeat(); k++) {
                    out.write(p.block());
                }
                out.write(p.tail());
                pos += 30 + name.length + p.compressedSize();
            }
            long cdStart = pos;
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer c = le(46 + name.length);
                c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                        .putShort((short) 0).putShort((short) 0x21).putInt((int) p.crc()).putInt((int) p.compressedSize())
                        .putInt((int) p.declaredSize()).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offsets[i]).put(name);
                out.write(c.array());
                pos += c.capacity();
            }
            ByteBuffer e = le(22);
            e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) parts.size()).putShort((short) parts.size())
                    .putInt((int) (pos - cdStart)).putInt((int) cdStart).putShort((short) 0);
            out.write(e.array());
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
