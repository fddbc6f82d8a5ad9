package org.haigui.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A response body made once and sent many times: the JSON bytes, their gzip (made once too, kept
 * only when smaller) and a strong ETag of the bytes ({@code "<hash>"}, {@code "<hash>-gz"} for the
 * gzip). {@link #send} answers {@code If-None-Match} with 304 and no body, and sends the gzip to a
 * client that accepts it; nothing is serialised or compressed per request.
 */
record Prepared(byte[] plain, byte[] gzip, String etag) {

    /** Below this size gzip is not worth its header. */
    private static final int MIN_GZIP = 1024;

    static Prepared of(byte[] plain) {
        return new Prepared(plain, plain.length >= MIN_GZIP ? gzipped(plain) : null, etagOf(plain));
    }

    /**
     * Sends the body as {@code application/json} with its ETag (304 when the client has it) and
     * {@code cacheControl} ({@code private, no-cache} lets a browser keep it and ask whether it
     * changed; {@code no-store} keeps it out of any cache).
     */
    void send(Context ctx, String cacheControl, String contentType) {
        boolean gz = gzip != null && acceptsGzip(ctx.header("Accept-Encoding"));
        String tag = gz ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding, Cookie");
        ctx.header("ETag", tag);
        if (matches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        if (gz) {
            // Javalin does not compress a response that already has a Content-Encoding
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzip);
        } else {
            ctx.result(plain);
        }
    }

    void send(Context ctx, String cacheControl) {
        send(ctx, cacheControl, "application/json");
    }

    /** Whether If-None-Match names this body (either encoding: the same bytes). */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return false;
        }
        String bare = etag.substring(1, etag.length() - 1);
        for (String t : ifNoneMatch.split(",")) {
            String s = t.trim();
            if (s.startsWith("W/")) {
                s = s.substring(2);
            }
            if (s.equals("*") || s.equals(etag) || s.equals("\"" + bare + "-gz\"")) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equals("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim();
                    if (q.startsWith("q=")) {
                        try {
                            return Double.parseDouble(q.substring(2)) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static byte[] gzipped(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 4 + 64);
        try (GZIPOutputStream g = new GZIPOutputStream(out, 64 * 1024)) {
            g.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] z = out.toByteArray();
        return z.length < b.length ? z : null;
    }

    private static String etagOf(byte[] b) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
