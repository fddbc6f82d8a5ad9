package org.haigui.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.ingest.ImportOptions;

/**
 * How to serve.
 *
 * @param db             the store (opened for writing and held while the server runs)
 * @param bind           the address to listen on ({@code 127.0.0.1} by default); on any other than a
 *                       loopback address the session cookies are {@code Secure}, so the server must
 *                       then sit behind an HTTPS proxy
 * @param port           the port (0: any free port)
 * @param blueprint      the city's blueprint for the runs (may be null)
 * @param survey         the survey definition (may be null)
 * @param rules          the disclosure rules of everything published
 * @param importOptions  how uploads import (the command line's city and after-merge hook)
 * @param defaultAsOf    the as-of date when a request gives none
 * @param maxUploadBytes the largest upload accepted
 * @param loginLimits    how many failed logins per account name and per address within a window (default
 *                       {@link LoginLimits#DEFAULTS}: 5 per account, 20 per address, 15 minutes)
 * @param clock          the server's clock for the login limits (the system's; a test may move its own)
 */
public record ServerConfig(Path db, String bind, int port, Blueprint blueprint, SurveyDefinition survey, DisclosureRules rules,
                           ImportOptions importOptions, LocalDate defaultAsOf, long maxUploadBytes, LoginLimits loginLimits,
                           Clock clock) {

    /**
     * Failed logins allowed within {@code window}: {@code perAccount} for one account name (from any
     * address), {@code perAddress} from one address (whatever the names tried). Beyond either, a
     * login is refused - even with the right password - until the oldest failure leaves the window.
     */
    public record LoginLimits(int perAccount, int perAddress, Duration window) {

        public static final LoginLimits DEFAULTS = new LoginLimits(5, 20, Duration.ofMinutes(15));

        public LoginLimits {
            if (perAccount < 1 || perAddress < 1) {
                throw new IllegalArgumentException("login limits must be at least 1");
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the login limits' window must be positive, not " + window);
            }
        }
    }

    /** 200 MB: a city's files as one workbook or one large table. */
    public static final long DEFAULT_MAX_UPLOAD = 200L * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(importOptions, "importOptions");
        Objects.requireNonNull(defaultAsOf, "defaultAsOf");
        if (maxUploadBytes <= 0) {
            maxUploadBytes = DEFAULT_MAX_UPLOAD;
        }
        if (loginLimits == null) {
            loginLimits = LoginLimits.DEFAULTS;
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
    }

    /** The default login limits on the system's clock. */
    public ServerConfig(Path db, String bind, int port, Blueprint blueprint, SurveyDefinition survey, DisclosureRules rules,
                        ImportOptions importOptions, LocalDate defaultAsOf, long maxUploadBytes) {
        this(db, bind, port, blueprint, survey, rules, importOptions, defaultAsOf, maxUploadBytes, null, null);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(db, bind, p, blueprint, survey, rules, importOptions, defaultAsOf, maxUploadBytes, loginLimits, clock);
    }

    public ServerConfig withMaxUploadBytes(long max) {
        return new ServerConfig(db, bind, port, blueprint, survey, rules, importOptions, defaultAsOf, max, loginLimits, clock);
    }

    public ServerConfig withLoginLimits(LoginLimits limits, Clock c) {
        return new ServerConfig(db, bind, port, blueprint, survey, rules, importOptions, defaultAsOf, maxUploadBytes, limits, c);
    }

    /** Whether the server listens on a loopback address only (then plain http is fine for the cookies). */
    public boolean loopback() {
        return bind.equals("127.0.0.1") || bind.equals("::1") || bind.equals("localhost") || bind.startsWith("127.");
    }
}
