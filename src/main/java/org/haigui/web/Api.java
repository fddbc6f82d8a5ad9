package org.haigui.web;

import static org.haigui.web.Route.Param.path;
import static org.haigui.web.Route.Param.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.Breakdowns;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.store.Store;
import org.haigui.ties.InstitutionRegistry;
import org.haigui.ties.TeamTies;

/**
 * The route table of the API and what each route does. Every route is here, with the roles that may
 * call it; {@link WebServer} registers exactly these, {@link OpenApi} documents exactly these, and
 * the security tests walk exactly these.
 */
final class Api {

    static final String PREFIX = "/api/v1";
    static final String SESSION_COOKIE = "hg_session";
    static final String CSRF_COOKIE = "hg_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The last import batch the figures of a response hold. */
    static final String BATCH_HEADER = "X-Figures-Batch";
    /** {@code true} when the response has the previous figures, served while those of the newest data are computed. */
    static final String REFRESHING_HEADER = "X-Figures-Refreshing";
    /** Published figures and the catalogue: the same for every caller of a role; a browser may keep them and revalidate. */
    static final String CACHE_SHARED = "no-cache";
    static final String CACHE_PRIVATE = "private, no-cache";
    /** Raw figures and person-level data: never kept by a browser or a proxy. */
    static final String CACHE_NONE = "no-store";

    private static final Set<Role> EVERYONE = Set.of(Role.PUBLIC);
    private static final Set<Role> LOGGED_IN = Set.of(Role.ADMIN, Role.ANALYST, Role.RESEARCHER);
    private static final Set<Role> ANALYST = Set.of(Role.ANALYST);
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private static final Set<Role> EXPORTERS = Set.of(Role.RESEARCHER, Role.ANALYST);

    private final ServerConfig config;
    private final Store store;
    private final Figures figures;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Bookkeeping books;
    private final LoginLimiter limiter;
    private final Uploads uploads;
    private final ObjectMapper json;
    private final List<Route> routes;
    private final String defaultAsOfText;

    Api(ServerConfig config, Store store, Figures figures, Sessions sessions, AuditLog audit, Bookkeeping books, Uploads uploads,
        ObjectMapper json) {
        this.config = config;
        this.limiter = new LoginLimiter(config.loginLimits(), config.clock());
        this.defaultAsOfText = config.defaultAsOf().toString();
        this.store = store;
        this.figures = figures;
        this.sessions = sessions;
        this.audit = audit;
        this.books = books;
        this.uploads = uploads;
        this.json = json;
        this.routes = List.of(
            new Route("GET", PREFIX + "/session", EVERYONE, "session", "Who is calling: role, account name and the CSRF token "
                + "to send as X-CSRF-Token with every POST, PUT and DELETE", List.of(), null, this::session),
            new Route("POST", PREFIX + "/session", EVERYONE, "session", "Log in (JSON {username, password}); rate-limited per "
                + "address and per account name", List.of(), "{\"username\": \"...\", \"password\": \"...\"}", this::login),
            new Route("DELETE", PREFIX + "/session", LOGGED_IN, "session", "Log out", List.of(), null, this::logout),
            new Route("GET", PREFIX + "/openapi.json", EVERYONE, "meta", "This document (OpenAPI 3)", List.of(), null,
                (ctx, who) -> ctx.json(OpenApi.document(routes()))),
            new Route("GET", PREFIX + "/catalogue", EVERYONE, "indicators", "The indicator catalogue with titles and method "
                + "texts (Chinese and English), units, groups and breakdowns; the default as-of date and the city",
                List.of(query("as_of", "date", "As-of date YYYY-MM-DD (default: the server's)")), null, this::catalogue),
            new Route("GET", PREFIX + "/indicators", EVERYONE, "indicators", "Tidy rows of indicators as of a date: raw for the "
                + "analyst, protected by disclosure control (suppressed cells empty) for everyone else",
                List.of(new Route.Param("indicator", "query", true, "string", "Indicator ids, comma-separated"),
                    query("as_of", "date", "As-of date YYYY-MM-DD (default: the server's)"),
                    query("breakdown", "string", "Only this breakdown ('total' for the rows without one)"),
                    query("group", "string", "Only this group (returnee, other, difference)")), null, this::indicators),
            new Route("GET", PREFIX + "/export/indicators.csv", EXPORTERS, "indicators", "Export as CSV in the tidy form "
                + "(protected for researchers, raw for analysts)",
                List.of(query("indicator", "string", "Indicator ids, comma-separated (default: all)"),
                    query("as_of", "date", "As-of date YYYY-MM-DD")), null, this::export),
            new Route("GET", PREFIX + "/imports", ANALYST, "imports", "Import batches, newest first (one per file or sheet)",
                List.of(query("limit", "integer", "At most this many (default 200)")), null, this::batches),
            new Route("GET", PREFIX + "/imports/{batch}/rejected", ANALYST, "imports", "The rejected rows of one batch with "
                + "their errors (identity numbers masked); audited", List.of(path("batch", "Batch id")), null, this::rejected),
            new Route("POST", PREFIX + "/imports", ANALYST, "imports", "Import one uploaded file (multipart field 'file': "
                + "<table>.csv or an .xlsx workbook) with the same rules and report as 'haigui import'; audited",
                List.of(), "multipart/form-data; file", this::upload),
            new Route("GET", PREFIX + "/institutions/unmatched", ANALYST, "ties", "Institution names of the episodes that match "
                + "no registry name or alias, most frequent first, with suggestions",
                List.of(query("limit", "integer", "At most this many (default 100)")), null, this::unmatched),
            new Route("GET", PREFIX + "/zones/unmatched", EXPORTERS, "ties", "Zone names written in the enterprises that name no "
                + "key zone of the blueprint, most frequent first, with the number of enterprises writing each and the closest key "
                + "zone (a suggestion). Raw for the analyst; for the researcher only the names written by at least min_frequency "
                + "enterprises (a rarer name is free text of a few enterprises), the others as one count",
                List.of(query("limit", "integer", "At most this many (default 100)")), null, this::unmatchedZones),
            new Route("GET", PREFIX + "/enterprises/{id}/team", ANALYST, "ties", "One enterprise's initial core team, each "
                + "member's overseas episodes and their ties (person-level; audited)",
                List.of(path("id", "enterprise_id"), query("as_of", "date", "As-of date YYYY-MM-DD")), null, this::team),
            new Route("GET", PREFIX + "/users", ADMIN, "accounts", "The accounts", List.of(), null, this::users),
            new Route("POST", PREFIX + "/users", ADMIN, "accounts", "Add an account (JSON {username, role, password})",
                List.of(), "{\"username\": \"...\", \"role\": \"analyst\", \"password\": \"...\"}", this::addUser),
            new Route("PUT", PREFIX + "/users/{username}/password", ADMIN, "accounts", "Set an account's password (JSON "
                + "{password}); ends its sessions", List.of(path("username", "Account name")), "{\"password\": \"...\"}",
                this::setPassword),
            new Route("DELETE", PREFIX + "/users/{username}", ADMIN, "accounts", "Remove an account and its sessions",
                List.of(path("username", "Account name")), null, this::removeUser),
            new Route("GET", PREFIX + "/audit", ADMIN, "accounts", "The audit log, newest first: person-level views, imports, "
                + "logins, account changes",
                List.of(query("limit", "integer", "At most this many (default 500)"), query("action", "string", "Only this action")),
                null, this::auditLog));
    }

    List<Route> routes() {
        return routes;
    }

    // ---- session ----

    private void session(Context ctx, Route.Caller who) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", who.role().id());
        out.put("username", who.username());
        if (who.loggedIn()) {
            out.put("csrf", who.session().csrf());
        } else {
            String t = ctx.cookie(CSRF_COOKIE);
            if (t == null || t.length() < 20 || t.length() > 100) {
                t = Sessions.randomToken();
                WebServer.setCookie(ctx, CSRF_COOKIE, t, -1, !config.loopback());
            }
            out.put("csrf", t);
        }
        out.put("raw_figures", who.role().raw());
        ctx.json(out);
    }

    private void login(Context ctx, Route.Caller who) {
        JsonNode body = body(ctx);
        String username = text(body, "username");
        String password = text(body, "password");
        long wait = limiter.retryAfter(who.remote(), username);
        if (wait > 0) {
            audit.write(username, Role.PUBLIC, "login_refused", username, who.remote(), "rate-limited");
            throw new ApiError(429, "rate_limited", "too many failed logins; try again in " + wait + " s",
                "登录失败次数过多,请 " + wait + " 秒后再试", wait);
        }
        var account = books.with(c -> Accounts.authenticate(c, username, password.toCharArray()));
        if (account.isEmpty()) {
            limiter.failed(who.remote(), username);
            audit.write(username, Role.PUBLIC, "login_failed", username, who.remote(), null);
            throw new ApiError(401, "bad_login", "wrong account name or password", "账号或密码错误");
        }
        limiter.succeeded(username);
        Sessions.Session[] s = new Sessions.Session[1];
        String token = sessions.create(account.get(), who.remote(), s);
        WebServer.setCookie(ctx, SESSION_COOKIE, token, (int) Sessions.TTL.toSeconds(), !config.loopback());
        audit.write(username, account.get().role(), "login", username, who.remote(), null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", s[0].role().id());
        out.put("username", s[0].username());
        out.put("csrf", s[0].csrf());
        out.put("raw_figures", s[0].role().raw());
        ctx.json(out);
    }

    private void logout(Context ctx, Route.Caller who) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        WebServer.setCookie(ctx, SESSION_COOKIE, "", 0, !config.loopback());
        audit.write(who.username(), who.role(), "logout", who.username(), who.remote(), null);
        ctx.json(Map.of("role", "public"));
    }

    // ---- figures ----

    private final Map<LocalDate, Prepared> catalogues = new java.util.concurrent.ConcurrentHashMap<>();

    private void catalogue(Context ctx, Route.Caller who) {
        LocalDate d = asOf(ctx);
        Prepared p = catalogues.get(d);
        if (p == null) {
            if (catalogues.size() > 32) {
                catalogues.clear();
            }
            p = Prepared.of(serialize(catalogueOf(d)));
            catalogues.put(d, p);
        }
        p.send(ctx, CACHE_SHARED);
    }

    private byte[] serialize(Object o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The catalogue as of a date (titles name the blueprint's city; cached, it changes only with the program). */
    private Map<String, Object> catalogueOf(LocalDate d) {
        Catalogue cat = figures.catalogue(d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", d.toString());
        out.put("as_of_default", config.defaultAsOf().toString());
        if (config.blueprint() != null) {
            out.put("city", Map.of("id", config.blueprint().city().id(), "zh", config.blueprint().city().nameZh(),
                "en", config.blueprint().city().nameEn()));
        }
        List<Map<String, Object>> bds = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Breakdowns.Breakdown b : Breakdowns.all()) {
            if (seen.add(b.id())) {
                bds.add(Map.of("id", b.id(), "title_zh", b.titleZh(), "title_en", b.titleEn()));
            }
        }
        out.put("breakdowns", bds);
        out.put("labels", labels());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (IndicatorDefinition d2 : cat.entries()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", d2.id());
            e.put("title_zh", d2.titleZh());
            e.put("title_en", d2.titleEn());
            e.put("unit", d2.unit());
            e.put("method_zh", d2.methodZh());
            e.put("method_en", d2.methodEn());
            e.put("kind", d2.kind().name().toLowerCase(Locale.ROOT));
            e.put("groups", d2.groups().name().toLowerCase(Locale.ROOT));
            e.put("breakdowns", d2.breakdowns());
            e.put("available", d2.available());
            e.put("unavailable", d2.unavailable());
            entries.add(e);
        }
        out.put("indicators", entries);
        return out;
    }

    /**
     * The names of the categories that are codes or ids, per breakdown ({@code {district: {310101:
     * {zh, en}}, priority_industry: {...}, ...}}), from the blueprint: the dashboard shows names.
     */
    private Map<String, Map<String, Map<String, String>>> labels() {
        Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
        if (config.blueprint() == null) {
            return out;
        }
        Map<String, Map<String, String>> districts = new LinkedHashMap<>();
        config.blueprint().districts().forEach(d -> districts.put(d.code(), Map.of("zh", d.nameZh(), "en", d.nameEn())));
        Map<String, Map<String, String>> industries = new LinkedHashMap<>();
        config.blueprint().industries().forEach(i -> industries.put(i.id(), Map.of("zh", i.nameZh(), "en", i.nameEn())));
        Map<String, Map<String, String>> zones = new LinkedHashMap<>();
        config.blueprint().zones().forEach(z -> zones.put(z.id(), Map.of("zh", z.nameZh(), "en", z.nameEn())));
        out.put("district", districts);
        out.put("zone", zones);
        for (String b : List.of("priority_industry", "talent", "firms")) {
            out.put(b, industries);
        }
        if (config.survey() != null) {
            // the survey's rows: breakdown = question id, category = option id; "_breakdowns" names the questions
            Map<String, Map<String, String>> questions = new LinkedHashMap<>();
            for (var q : config.survey().questions()) {
                questions.put(q.id(), Map.of("zh", q.textZh(), "en", q.textEn()));
                Map<String, Map<String, String>> options = new LinkedHashMap<>();
                q.options().forEach(o -> options.put(o.id(), Map.of("zh", o.textZh(), "en", o.textEn())));
                out.putIfAbsent(q.id(), options);
            }
            out.put("_breakdowns", questions);
        }
        return out;
    }

    private void indicators(Context ctx, Route.Caller who) {
        LocalDate d = asOf(ctx);
        List<String> ids = ids(ctx.queryParam("indicator"), d);
        if (ids.isEmpty()) {
            throw HaiguiException.usage("give indicator=ID (one or more ids, comma-separated; GET " + PREFIX
                + "/catalogue lists them)");
        }
        String breakdown = ctx.queryParam("breakdown");
        String group = ctx.queryParam("group");
        Figures.Served s = figures.view(d, who.role().raw());
        Figures.View v = s.view();
        // the figures of a view never change: each distinct request is serialized (and gzipped) once
        Prepared p = v.response(String.join(",", ids) + "|" + breakdown + "|" + group + "|" + s.refreshing(),
            () -> serialize(indicatorRows(s, d, ids, breakdown, group)));
        figuresHeaders(ctx, s);
        p.send(ctx, v.raw() ? CACHE_NONE : CACHE_PRIVATE);
    }

    /** Which figures answer: the last import batch they hold, and whether newer ones are being computed. */
    static void figuresHeaders(Context ctx, Figures.Served s) {
        ctx.header(BATCH_HEADER, Long.toString(s.view().batch()));
        ctx.header(REFRESHING_HEADER, Boolean.toString(s.refreshing()));
    }

    private Map<String, Object> indicatorRows(Figures.Served s, LocalDate d, List<String> ids, String breakdown, String group) {
        Figures.View v = s.view();
        List<IndicatorValue> rows = new ArrayList<>();
        Map<String, String> na = new LinkedHashMap<>();
        for (String id : ids) {
            if (v.notAvailable().containsKey(id)) {
                na.put(id, v.notAvailable().get(id));
            }
            for (IndicatorValue x : v.byIndicator().getOrDefault(id, List.of())) {
                if (breakdown != null && !breakdown.isEmpty()
                    && !(breakdown.equals("total") ? x.breakdown().isEmpty() : breakdown.equals(x.breakdown()))) {
                    continue;
                }
                if (group != null && !group.isEmpty() && !group.equals(x.group())) {
                    continue;
                }
                rows.add(x);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", d.toString());
        out.put("figures", v.raw() ? "raw" : "protected");
        if (v.rules() != null) {
            out.put("disclosure_rules", v.rules().asMap());
        }
        out.put("seed", v.info().seed());
        out.put("resamples", v.info().resamples());
        out.put("catalogue_version", v.info().catalogueVersion());
        out.put("data_batch", v.batch());
        out.put("computed_at", v.computedAt().toString());
        out.put("refreshing", s.refreshing());
        if (s.refreshing()) {
            out.put("refreshing_note", "figures of the data up to import batch " + v.batch() + ", computed before the last import; "
                + "the figures of the new data are being computed and replace these when complete");
            out.put("refreshing_note_zh", "这些数值基于第 " + v.batch() + " 批导入为止的数据(最近一次导入之前计算);"
                + "新数据的数值正在计算,完成后将替换");
        }
        out.put("not_available", na);
        out.put("rows", rows);
        return out;
    }

    private void export(Context ctx, Route.Caller who) throws java.io.IOException {
        LocalDate d = asOf(ctx);
        List<String> ids = ids(ctx.queryParam("indicator"), d);
        Figures.Served s = figures.view(d, who.role().raw());
        Figures.View v = s.view();
        figuresHeaders(ctx, s);
        List<IndicatorValue> rows = new ArrayList<>();
        for (var e : v.byIndicator().entrySet()) {
            if (ids.isEmpty() || ids.contains(e.getKey())) {
                rows.addAll(e.getValue());
            }
        }
        rows.sort(java.util.Comparator.comparing(IndicatorValue::indicator));
        java.io.StringWriter w = new java.io.StringWriter();
        IndicatorWriter.writeCsv(rows, w);
        audit.write(who.username(), who.role(), "export", ids.isEmpty() ? "all" : String.join(",", ids), who.remote(),
            (v.raw() ? "raw" : "protected") + " as of " + d);
        ctx.header("Content-Disposition", "attachment; filename=\"indicators-" + d + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(w.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- imports ----

    private void batches(Context ctx, Route.Caller who) {
        int limit = intParam(ctx, "limit", 200, 5000);
        ctx.json(Map.of("batches", sql("SELECT batch_id, run_id, table_name, file_name, sheet, started_at, finished_at, rows_read, "
            + "blank_rows, inserted, updated, unchanged, rejected, kind, deleted, undone_at, undone_by FROM import_batches"
            + " ORDER BY batch_id DESC LIMIT " + limit)));
    }

    private void rejected(Context ctx, Route.Caller who) {
        long batch;
        try {
            batch = Long.parseLong(ctx.pathParam("batch"));
        } catch (NumberFormatException e) {
            throw HaiguiException.usage("the batch id must be a number, not '" + ctx.pathParam("batch") + "'");
        }
        List<Map<String, Object>> b = sql("SELECT batch_id, table_name, file_name, rejected FROM import_batches WHERE batch_id = "
            + batch);
        if (b.isEmpty()) {
            throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, "no import batch " + batch);
        }
        List<Map<String, Object>> rows = rejectedRows("batch_id = " + batch, 5000);
        audit.write(who.username(), who.role(), "rejected_rows", "batch " + batch, who.remote(), rows.size() + " rows");
        Map<String, Object> out = new LinkedHashMap<>(b.get(0));
        out.put("rows", rows);
        ctx.json(out);
    }

    /** Quarantined rows with their data and errors as JSON (identity numbers are masked in the store). */
    List<Map<String, Object>> rejectedRows(String where, int limit) {
        List<Map<String, Object>> rows = sql("SELECT batch_id, table_name, file_name, row_number, row_key, row_data, errors, "
            + "resolved_batch_id FROM quarantine WHERE " + where + " ORDER BY batch_id, row_number LIMIT " + limit);
        for (Map<String, Object> r : rows) {
            for (String k : List.of("row_data", "errors")) {
                try {
                    r.put(k, json.readTree(String.valueOf(r.get(k))));
                } catch (java.io.IOException e) {
                    // keep the text
                }
            }
        }
        return rows;
    }

    private void upload(Context ctx, Route.Caller who) {
        ctx.json(uploads.handle(ctx, who, this));
    }

    // ---- ties ----

    private void unmatched(Context ctx, Route.Caller who) throws SQLException {
        int limit = intParam(ctx, "limit", 100, 2000);
        try (Connection r = store.reader()) {
            ctx.json(Map.of("unmatched", InstitutionRegistry.unmatched(r, limit, 3)));
        }
    }

    private void unmatchedZones(Context ctx, Route.Caller who) throws SQLException {
        int limit = intParam(ctx, "limit", 100, 2000);
        if (config.blueprint() == null) {
            throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, "the server runs without a blueprint: there are no key zones to match");
        }
        Map<String, Long> counts;
        try (Connection r = store.reader()) {
            counts = org.haigui.blueprint.UnmatchedZone.zoneNames(r);
        }
        List<org.haigui.blueprint.UnmatchedZone> all = org.haigui.blueprint.UnmatchedZone.of(config.blueprint(), counts);
        boolean raw = who.role().raw();
        int min = config.rules().minFrequency();
        List<Map<String, Object>> shown = new ArrayList<>();
        long withheldNames = 0;
        long withheldEnterprises = 0;
        for (var u : all) {
            if (!raw && u.enterprises() < min) {
                withheldNames++;
                withheldEnterprises += u.enterprises();
                continue;
            }
            if (shown.size() < limit) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", u.name());
                m.put("enterprises", u.enterprises());
                m.put("closest_zone", u.closestZone());
                m.put("closest_name", u.closestName());
                m.put("similarity", Math.round(u.similarity() * 1000) / 1000.0);
                shown.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("blueprint", config.blueprint().city().id());
        out.put("figures", raw ? "raw" : "protected");
        if (!raw) {
            out.put("disclosure_rules", config.rules().asMap());
        }
        out.put("unmatched_names", raw ? (Object) all.size() : null);
        out.put("unmatched_enterprises", raw ? (Object) all.stream().mapToLong(org.haigui.blueprint.UnmatchedZone::enterprises).sum() : null);
        if (!raw) {
            // the names written by fewer than min_frequency enterprises, as one count (itself withheld when small)
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("names", withheldNames);
            w.put("enterprises", withheldEnterprises >= min ? withheldEnterprises : null);
            w.put("suppressed", withheldEnterprises > 0 && withheldEnterprises < min);
            out.put("withheld", w);
        }
        out.put("unmatched", shown);
        ctx.json(out);
    }

    private void team(Context ctx, Route.Caller who) throws SQLException {
        String id = ctx.pathParam("id");
        LocalDate d = asOf(ctx);
        try (Connection r = store.reader()) {
            var t = TeamTies.team(r, id, d);
            audit.write(who.username(), who.role(), "team", id, who.remote(), "as of " + d + ", " + t.members().size() + " members");
            ctx.json(t);
        }
    }

    // ---- accounts ----

    private void users(Context ctx, Route.Caller who) {
        ctx.json(Map.of("users", books.with(Accounts::list)));
    }

    private void addUser(Context ctx, Route.Caller who) {
        JsonNode b = body(ctx);
        String name = text(b, "username");
        Role role = Role.ofAccount(text(b, "role"));
        char[] pw = text(b, "password").toCharArray();
        books.with(c -> {
            Accounts.add(c, name, role, pw);
            return null;
        });
        audit.write(who.username(), who.role(), "user_add", name, who.remote(), role.id());
        ctx.status(201).json(Map.of("username", name, "role", role.id()));
    }

    private void setPassword(Context ctx, Route.Caller who) {
        String name = ctx.pathParam("username");
        char[] pw = text(body(ctx), "password").toCharArray();
        books.with(c -> {
            Accounts.setPassword(c, name, pw);
            return null;
        });
        sessions.forget(name);
        audit.write(who.username(), who.role(), "user_passwd", name, who.remote(), null);
        ctx.json(Map.of("username", name));
    }

    private void removeUser(Context ctx, Route.Caller who) {
        String name = ctx.pathParam("username");
        books.with(c -> {
            Accounts.remove(c, name);
            return null;
        });
        sessions.forget(name);
        audit.write(who.username(), who.role(), "user_remove", name, who.remote(), null);
        ctx.json(Map.of("removed", name));
    }

    private void auditLog(Context ctx, Route.Caller who) {
        int limit = intParam(ctx, "limit", 500, 10000);
        String action = ctx.queryParam("action");
        ctx.json(Map.of("entries", audit.read(limit, action == null || action.isBlank() ? null : action)));
    }

    // ---- helpers ----

    AuditLog audit() {
        return audit;
    }

    Figures figures() {
        return figures;
    }

    LocalDate asOf(Context ctx) {
        String s = ctx.queryParam("as_of");
        if (s == null || s.isBlank() || s.equals(defaultAsOfText)) {
            return config.defaultAsOf();
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw HaiguiException.usage("as_of must be a date YYYY-MM-DD, not '" + s + "'");
        }
    }

    private List<String> ids(String param, LocalDate d) {
        List<String> ids = new ArrayList<>();
        if (param == null) {
            return ids;
        }
        Catalogue cat = figures.catalogue(d);
        for (String s : param.split(",")) {
            String id = s.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (cat.find(id).isEmpty()) {
                throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, "no indicator '" + id + "' in the catalogue (GET "
                    + PREFIX + "/catalogue lists them)");
            }
            ids.add(id);
        }
        return ids;
    }

    private static int intParam(Context ctx, String name, int dflt, int max) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 1 || v > max) {
                throw HaiguiException.usage(name + " must be between 1 and " + max + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw HaiguiException.usage(name + " must be a whole number, not '" + s + "'");
        }
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode n = json.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw HaiguiException.usage("the request body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw HaiguiException.usage("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw HaiguiException.usage("the request body must give '" + field + "' (text)");
        }
        return n.asText();
    }

    List<Map<String, Object>> sql(String sql) {
        try (Connection c = store.reader(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object o = rs.getObject(i);
                    row.put(md.getColumnLabel(i), o instanceof java.sql.Timestamp ts ? ts.toLocalDateTime().toString() : o);
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the store: " + e.getMessage(), e);
        }
    }
}
