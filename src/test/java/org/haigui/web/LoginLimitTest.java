package org.haigui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login rate limits against a real server, per address and per account name, with logins from
 * several loopback addresses (127.0.0.x, each a client of its own) and the server's clock moved by
 * the test instead of waiting for the window: after the limit even the right password is refused
 * (429 with Retry-After) until the window has passed.
 */
class LoginLimitTest {

    static final int PER_ACCOUNT = 3;
    static final int PER_ADDRESS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final TestClock CLOCK = new TestClock();
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(WebFixture.config(WebFixture.copy())
            .withLoginLimits(new ServerConfig.LoginLimits(PER_ACCOUNT, PER_ADDRESS, WINDOW), CLOCK));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A login's answer: status, Retry-After (0 when absent), body. */
    record Answer(int status, long retryAfter, JsonNode body) {
    }

    /** POST /api/v1/session from the loopback address {@code from} (its own connection, its own CSRF cookie). */
    static Answer login(String from, String user, String password) throws IOException {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String token = "test-csrf-token-0123456789abcdef";
        String head = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json\r\n"
            + "Cookie: hg_csrf=" + token + "\r\nX-CSRF-Token: " + token + "\r\n"
            // a forwarded-for header names another address: it must not change whose attempt this is
            + "X-Forwarded-For: 203.0.113.7\r\n"
            + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            byte[] all = s.getInputStream().readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String headers = new String(all, 0, end, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(headers.substring(headers.indexOf(' ') + 1, headers.indexOf(' ') + 4));
            long retry = 0;
            for (String line : headers.split("\r\n")) {
                if (line.startsWith("retry-after:")) {
                    retry = Long.parseLong(line.substring("retry-after:".length()).trim());
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if (headers.contains("transfer-encoding: chunked")) {
                rest = unchunk(rest);
            }
            return new Answer(status, retry, Client.JSON.readTree(rest));
        }
    }

    private static byte[] unchunk(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(b, crlf, i);
            int n = Integer.parseInt(new String(b, i, eol - i, StandardCharsets.US_ASCII).trim().split(";")[0], 16);
            if (n == 0) {
                break;
            }
            out.write(b, eol + 2, n);
            i = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not an HTTP response: " + new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void perAccountAndPerAddressLimitsRefuseEvenTheRightPasswordUntilTheWindowPasses() throws Exception {
        String pw = WebFixture.PASSWORD;
        assertThat(login("127.0.0.2", "researcher", pw).status()).isEqualTo(200);

        // per account: PER_ACCOUNT failures for "researcher" from one address ...
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(login("127.0.0.2", "researcher", "wrong " + i).status()).isEqualTo(401);
        }
        Answer refused = login("127.0.0.2", "researcher", pw);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("error").asText()).isEqualTo("rate_limited");
        assertThat(refused.body().get("message").asText()).contains("too many failed logins");
        assertThat(refused.body().get("message_zh").asText()).contains("登录失败次数过多");
        assertThat(refused.retryAfter()).isBetween(1L, WINDOW.toSeconds());
        // ... refuse that account from any other address too, with the right password
        assertThat(login("127.0.0.3", "researcher", pw).status()).isEqualTo(429);
        // but another account from the same address is still let in (the address is under its own limit)
        assertThat(login("127.0.0.2", "analyst", pw).status()).isEqualTo(200);

        // per address: PER_ADDRESS failures from 127.0.0.4, each on another name (every name under its limit) ...
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(login("127.0.0.4", "nobody" + i, "wrong").status()).isEqualTo(401);
        }
        // ... refuse every login from that address, even the admin's with the right password
        Answer byAddress = login("127.0.0.4", "admin", pw);
        assertThat(byAddress.status()).isEqualTo(429);
        assertThat(byAddress.retryAfter()).isPositive();
        // while the admin logs in from another address
        assertThat(login("127.0.0.5", "admin", pw).status()).isEqualTo(200);

        // just before the window has passed: still refused, the wait counted down
        CLOCK.advance(WINDOW.minusSeconds(30));
        Answer almost = login("127.0.0.2", "researcher", pw);
        assertThat(almost.status()).isEqualTo(429);
        assertThat(almost.retryAfter()).isBetween(1L, 30L);
        assertThat(login("127.0.0.4", "admin", pw).status()).isEqualTo(429);

        // once the window has passed, the right password is accepted again
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(login("127.0.0.2", "researcher", pw).status()).isEqualTo(200);
        assertThat(login("127.0.0.4", "admin", pw).status()).isEqualTo(200);

        // every refusal is in the audit log with its address
        JsonNode audit = new Client(server).loginAs("admin").get("/api/v1/audit?action=login_refused").json().get("entries");
        assertThat(audit.toString()).contains("127.0.0.2").contains("127.0.0.3").contains("127.0.0.4").doesNotContain("203.0.113.7");
        assertThat(audit.size()).isEqualTo(5);
    }

    @Test
    void anIdentityNumberTypedAsAnAccountNameIsMaskedInTheAuditLog() throws Exception {
        Answer a = login("127.0.0.9", "310107199003070017", "wrong-password");
        assertThat(a.status()).isEqualTo(401);
        JsonNode audit = new Client(server).loginAs("admin").get("/api/v1/audit?action=login_failed").json().get("entries");
        assertThat(audit.toString()).contains("3101**************").doesNotContain("310107199003070017");
    }
}
