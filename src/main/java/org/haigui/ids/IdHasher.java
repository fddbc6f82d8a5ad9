package org.haigui.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA-256 of an identity number under a key that lives outside the database. Not thread-safe.
 *
 * <p>HMAC (RFC 2104) written out over SHA-256 with the key's two padded blocks hashed once, here,
 * and their digest states cloned for each number: the same bytes as {@code Mac("HmacSHA256")}
 * (IdentifiersTest compares them), but two compressions per number instead of four - the JDK's Mac
 * hashes the padded key again for every number, and the import hashes one per person (measured:
 * about a fifth of the row rules' CPU went to the hash).
 */
public final class IdHasher {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;
    /** SHA-256 having absorbed key XOR ipad, and key XOR opad (one block each). */
    private final MessageDigest inner;
    private final MessageDigest outer;

    public IdHasher(byte[] key) {
        this.key = key.clone();
        try {
            byte[] k = key.length > 64 ? MessageDigest.getInstance("SHA-256").digest(key) : key;
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            this.inner = MessageDigest.getInstance("SHA-256");
            this.inner.update(ipad);
            this.outer = MessageDigest.getInstance("SHA-256");
            this.outer.update(opad);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Lower-case hex of HMAC-SHA-256 over the UTF-8 bytes of the normalised number. */
    public String hash(String normalisedIdNumber) {
        return hex(digest(normalisedIdNumber), 0);
    }

    /** The 32 bytes of HMAC-SHA-256 over the UTF-8 bytes of the normalised number ({@link #hash} is their hex). */
    public byte[] digest(String normalisedIdNumber) {
        try {
            MessageDigest in = (MessageDigest) inner.clone();
            byte[] ih = in.digest(normalisedIdNumber.getBytes(StandardCharsets.UTF_8));
            MessageDigest out = (MessageDigest) outer.clone();
            return out.digest(ih);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
    }

    /** Lower-case hex of the 32 bytes of a {@link #digest} kept at {@code from} in {@code bytes}: the {@link #hash}. */
    public static String hex(byte[] bytes, int from) {
        char[] hex = new char[64];
        for (int i = 0; i < 32; i++) {
            byte b = bytes[from + i];
            hex[2 * i] = HEX[(b >> 4) & 0xf];
            hex[2 * i + 1] = HEX[b & 0xf];
        }
        return new String(hex);
    }

    /** A hasher under the same key, for another thread. */
    public IdHasher copy() {
        return new IdHasher(key);
    }

    /** A fingerprint of the key, recorded in the store so that a wrong key file is detected. */
    public String fingerprint() {
        return hash("haigui-key-fingerprint");
    }
}
