package org.haigui.web;

import java.nio.file.Path;
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
 */
public record ServerConfig(Path db, String bind, int port, Blueprint blueprint, SurveyDefinition survey, DisclosureRules rules,
                           ImportOptions importOptions, LocalDate defaultAsOf, long maxUploadBytes) {

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
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(db, bind, p, blueprint, survey, rules, importOptions, defaultAsOf, maxUploadBytes);
    }

    public ServerConfig withMaxUploadBytes(long max) {
        return new ServerConfig(db, bind, port, blueprint, survey, rules, importOptions, defaultAsOf, max);
    }

    /** Whether the server listens on a loopback address only (then plain http is fine for the cookies). */
    public boolean loopback() {
        return bind.equals("127.0.0.1") || bind.equals("::1") || bind.equals("localhost") || bind.startsWith("127.");
    }
}
