package org.haigui.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, kept in the store's {@code sessions} table (only a SHA-256 of the token, so a
 * copy of the database gives no session away) and in memory for speed. A session lasts
 * {@link #TTL} from the login and carries its own CSRF token.
 */
final class Sessions {

    static final Duration TTL = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session: who, with which role, its CSRF token, until when. */
    record Session(String username, Role role, String csrf, Instant expires) {
    }

    private final Bookkeeping db;
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();

    Sessions(Bookkeeping db) {
        this.db = db;
    }

    /** Starts a session; returns the token for the cookie. */
    String create(Accounts.Account a, String remote, Session[] out) {
        String token = randomToken();
        Session s = new Session(a.username(), a.role(), randomToken(), Instant.now().plus(TTL));
        String h = hash(token);
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions VALUES (?, ?, ?, now()::TIMESTAMP, ?, ?)")) {
                ps.setString(1, h);
                ps.setString(2, s.username());
                ps.setString(3, s.csrf());
                ps.setTimestamp(4, Timestamp.from(s.expires()));
                ps.setString(5, remote);
                ps.executeUpdate();
            }
            return null;
        });
        byHash.put(h, s);
        out[0] = s;
        return token;
    }

    Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token);
        Session s = byHash.get(h);
        if (s == null) {
            s = db.with(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                    "SELECT s.username, a.role, s.csrf, s.expires_at FROM sessions s JOIN accounts a USING (username) "
                        + "WHERE s.token_hash = ?")) {
                    ps.setString(1, h);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new Session(rs.getString(1), Role.ofAccount(rs.getString(2)), rs.getString(3),
                            rs.getTimestamp(4).toInstant()) : null;
                    }
                }
            });
            if (s != null) {
                byHash.put(h, s);
            }
        }
        if (s != null && s.expires().isBefore(Instant.now())) {
            end(token);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    void end(String token) {
        String h = hash(token);
        byHash.remove(h);
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, h);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets the sessions of an account in memory (the account's rows are deleted by {@link Accounts}). */
    void forget(String username) {
        byHash.values().removeIf(s -> s.username().equals(username));
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
