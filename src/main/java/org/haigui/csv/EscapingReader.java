package org.haigui.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to characters, keeping every byte that is not valid in the charset as the lone
 * low surrogate {@code U+DC00 + byte} (Python's "surrogateescape"). A correctly decoded text never
 * holds a lone low surrogate, so such a character marks an undecodable byte without losing it:
 * the rejected-rows file writes the byte back as it was, and messages show it as {@code \xHH}
 * (see {@link CsvReader#visible}).
 */
final class EscapingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean flushed;

    EscapingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip(); // empty, in read mode
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                int n = Math.min(r.length(), out.remaining());
                if (n == 0) {
                    break; // no room left: the caller reads again
                }
                for (int i = 0; i < n; i++) {
                    out.put((char) (CsvReader.ESCAPE_BASE | (bytes.get() & 0xff)));
                }
                continue;
            }
            if (r.isOverflow()) {
                break;
            }
            // underflow: more bytes are needed
            if (eof) {
                flushed = true;
                decoder.flush(out);
                return out.position() == off ? -1 : out.position() - off;
            }
            bytes.compact();
            int k = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (k < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + k);
            }
            bytes.flip();
        }
        return out.position() - off;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
