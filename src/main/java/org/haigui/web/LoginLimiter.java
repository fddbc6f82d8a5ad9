package org.haigui.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits logins: after {@link #MAX_FAILURES} failed attempts within {@link #WINDOW} for one
 * account name, or {@link #MAX_FAILURES_PER_ADDRESS} from one address (whatever the names tried),
 * further attempts are refused (even with the right password) until the oldest failure leaves the
 * window. A success clears the account name's failures.
 */
final class LoginLimiter {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Seconds until a new attempt is allowed for this address and name, 0 when it is allowed now. */
    long retryAfter(String remote, String username) {
        return Math.max(wait("ip:" + remote, MAX_FAILURES_PER_ADDRESS), wait("user:" + username, MAX_FAILURES));
    }

    void failed(String remote, String username) {
        add("ip:" + remote);
        add("user:" + username);
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
            Instant now = Instant.now();
            while (!d.isEmpty() && d.peekFirst().plus(WINDOW).isBefore(now)) {
                d.pollFirst();
            }
            if (d.size() < max) {
                return 0;
            }
            return Math.max(1, Duration.between(now, d.toArray(new Instant[0])[d.size() - max].plus(WINDOW)).toSeconds());
        }
    }

    private void add(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(Instant.now());
            while (d.size() > MAX_FAILURES_PER_ADDRESS) {
                d.pollFirst();
            }
        }
    }
}
