package org.haigui.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits logins: after {@link #MAX_FAILURES} failed attempts within {@link #WINDOW}, from one
 * address or for one account name, further attempts are refused (even with the right password)
 * until the oldest failure leaves the window. A success clears the account name's failures.
 */
final class LoginLimiter {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Seconds until a new attempt is allowed for this address and name, 0 when it is allowed now. */
    long retryAfter(String remote, String username) {
        return Math.max(wait("ip:" + remote), wait("user:" + username));
    }

    void failed(String remote, String username) {
        add("ip:" + remote);
        add("user:" + username);
    }

    void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private long wait(String key) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            Instant now = Instant.now();
            while (!d.isEmpty() && d.peekFirst().plus(WINDOW).isBefore(now)) {
                d.pollFirst();
            }
            if (d.size() < MAX_FAILURES) {
                return 0;
            }
            return Math.max(1, Duration.between(now, d.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    private void add(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(Instant.now());
            while (d.size() > MAX_FAILURES * 4) {
                d.pollFirst();
            }
        }
    }
}
