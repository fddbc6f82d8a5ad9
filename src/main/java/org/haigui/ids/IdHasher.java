package org.haigui.ids;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 of an identity number under a key that lives outside the database. Not thread-safe. */
public final class IdHasher {

    private final Mac mac;
    private final byte[] key;

    public IdHasher(byte[] key) {
        this.key = key.clone();
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Lower-case hex of HMAC-SHA-256 over the UTF-8 bytes of the normalised number. */
    public String hash(String normalisedIdNumber) {
        return HexFormat.of().formatHex(mac.doFinal(normalisedIdNumber.getBytes(StandardCharsets.UTF_8)));
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
