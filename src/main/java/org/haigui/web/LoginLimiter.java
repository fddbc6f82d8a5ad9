package org.haigui.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits logins: after {@link ServerConfig.LoginLimits#perAccount} failed attempts within the
 * window for one account name (from any address), or {@link ServerConfig.LoginLimits#perAddress}
 * from one address (whatever the names tried), further attempts are refused (even with the right
 * password) until the oldest failure leaves the window. A success clears the account name's
 * failures, not the address's. Time is the server's {@link Clock}.
 */
final class LoginLimiter {

    /** Above this many names and addresses, those without a failure in the window are forgotten. */
    private static final int MAX_KEYS = 10_000;

    private final ServerConfig.LoginLimits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginLimiter(ServerConfig.LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Seconds until a new attempt is allowed for this address and name, 0 when it is allowed now. */
    long retryAfter(String remote, String username) {
        return Math.max(wait("ip:" + remote, limits.perAddress()), wait("user:" + username, limits.perAccount()));
    }

    void failed(String remote, String username) {
        add("ip:" + remote, limits.perAddress());
        add("user:" + username, limits.perAccount());
    }

    void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private long wait(String key, int max) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            Instant now = clock.instant();
            Duration window = limits.window();
            while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
                d.pollFirst();
            }
            if (d.size() < max) {
                return 0;
            }
            // allowed again when the failure that makes the count reach the limit leaves the window
            Instant free = d.toArray(new Instant[0])[d.size() - max].plus(window);
            long ms = Duration.between(now, free).toMillis();
            return Math.max(1, (ms + 999) / 1000);
        }
    }

    private void add(String key, int keep) {
        if (failures.size() > MAX_KEYS) {
            // many names or addresses: forget those whose failures all left the window
            Instant old = clock.instant().minus(limits.window());
            failures.values().removeIf(q -> {
                synchronized (q) {
                    return q.isEmpty() || !q.peekLast().isAfter(old);
                }
            });
        }
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(clock.instant());
            while (d.size() > keep) {
                d.pollFirst();
            }
        }
    }
}
