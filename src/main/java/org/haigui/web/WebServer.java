package org.haigui.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.haigui.indicators.RunContext;
import org.haigui.store.Store;

/**
 * {@code haigui serve}: the dashboard, the API and the accounts on one store. {@link #start} opens the
 * store for writing and holds it until {@link #close} (a command line that writes to it meanwhile is
 * told that the server holds it), registers every route of the route table behind the role and CSRF
 * checks, serves the dashboard and ECharts from the jar, and starts computing the figures of the
 * default as-of date in the background so that the first visitor does not wait.
 */
public final class WebServer implements AutoCloseable {

    private final ServerConfig config;
    private final Store store;
    private final Bookkeeping books;
    private final Api api;
    private final Uploads uploads;
    private final Javalin app;
    private final Figures figures;
    private final java.util.concurrent.CompletableFuture<Void> warm;

    private WebServer(ServerConfig config, Store store, Bookkeeping books, Api api, Uploads uploads, Javalin app, Figures figures,
                      java.util.concurrent.CompletableFuture<Void> warm) {
        this.config = config;
        this.store = store;
        this.books = books;
        this.api = api;
        this.uploads = uploads;
        this.app = app;
        this.figures = figures;
        this.warm = warm;
    }

    /** Opens the store and starts serving; fails with a STORE error when another process holds the store. */
    public static WebServer start(ServerConfig config) {
        Store store = Store.open(config.db());
        Bookkeeping books = null;
        Figures figures = null;
        try {
            books = new Bookkeeping(store.reader());
            ObjectMapper mapper = mapper();
            RunContext base = RunContext.of(config.defaultAsOf()).withBlueprint(config.blueprint()).withSurvey(config.survey());
            figures = new Figures(store, base, config.rules());
            Sessions sessions = new Sessions(books);
            AuditLog audit = new AuditLog(books);
            Uploads uploads = new Uploads(store, config.importOptions(), config.maxUploadBytes());
            Api api = new Api(config, store, figures, sessions, audit, books, uploads, mapper);
            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.jsonMapper(new JavalinJackson(mapper, false));
                cfg.http.maxRequestSize = 1024 * 1024;
                java.nio.file.Path parts = uploads.root().resolve("parts");
                try {
                    java.nio.file.Files.createDirectories(parts);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                cfg.jetty.multipartConfig.cacheDirectory(parts.toString());
                cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + 64 * 1024, SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
                // the dashboard's files and ECharts, gzipped once in memory (not per request)
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                    sf.precompressMaxSize = 4 * 1024 * 1024;
                });
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/webjars";
                    sf.directory = "META-INF/resources/webjars";
                    sf.location = Location.CLASSPATH;
                    sf.precompressMaxSize = 4 * 1024 * 1024;
                    sf.headers = java.util.Map.of("Cache-Control", "max-age=31622400");
                });
                cfg.routes.before(ctx -> {
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("X-Frame-Options", "DENY");
                    ctx.header("Referrer-Policy", "no-referrer");
                    ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
                    if (ctx.path().startsWith(Api.PREFIX)) {
                        ctx.header("Cache-Control", "no-store");
                    }
                });
                for (Route r : api.routes()) {
                    cfg.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), ctx -> guard(ctx, r, sessions));
                }
                cfg.routes.exception(Exception.class, HttpErrors::handle);
                cfg.routes.error(404, ctx -> {
                    // Javalin's own "Endpoint ... not found" is plain text; a 404 of a route (HttpErrors) is JSON already
                    String type = ctx.res().getContentType();
                    if (ctx.path().startsWith(Api.PREFIX) && (type == null || !type.contains("json"))) {
                        HttpErrors.write(ctx, 404, "not_found", "no such route: " + ctx.method() + " " + ctx.path()
                            + " (GET " + Api.PREFIX + "/openapi.json lists them)", "没有这个接口");
                    }
                });
            });
            app.start(config.bind(), config.port());
            // the default as-of date's figures, computed in the background so that the first visitor does not wait
            java.util.concurrent.CompletableFuture<Void> warm = figures.warm(config.defaultAsOf());
            return new WebServer(config, store, books, api, uploads, app, figures, warm);
        } catch (RuntimeException e) {
            if (figures != null) {
                figures.close();
            }
            if (books != null) {
                books.close();
            }
            store.close();
            throw e;
        }
    }

    /** The role and CSRF checks in front of every route. */
    private static void guard(Context ctx, Route r, Sessions sessions) throws Exception {
        Route.Caller who = caller(ctx, sessions);
        if (!r.allows(who.role())) {
            if (!who.loggedIn()) {
                throw new ApiError(401, "login_required", "log in first: " + r.method() + " " + r.path() + " is for "
                    + roles(r), "请先登录:此功能仅限" + rolesZh(r));
            }
            throw new ApiError(403, "forbidden", "the role " + who.role().id() + " may not call " + r.method() + " " + r.path()
                + " (it is for " + roles(r) + ")", "角色“" + who.role().id() + "”无权使用此功能(仅限" + rolesZh(r) + ")");
        }
        if (r.changesState()) {
            String sent = ctx.header(Api.CSRF_HEADER);
            String expected = who.loggedIn() ? who.session().csrf() : ctx.cookie(Api.CSRF_COOKIE);
            if (sent == null || expected == null || expected.isEmpty() || !java.security.MessageDigest.isEqual(
                sent.getBytes(java.nio.charset.StandardCharsets.UTF_8), expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                throw new ApiError(403, "csrf", "missing or wrong CSRF token: send the token of GET " + Api.PREFIX
                    + "/session in the header " + Api.CSRF_HEADER, "缺少或错误的 CSRF 令牌");
            }
        }
        r.action().handle(ctx, who);
    }

    private static Route.Caller caller(Context ctx, Sessions sessions) {
        String remote = ctx.ip();
        var s = sessions.find(ctx.cookie(Api.SESSION_COOKIE));
        return s.map(x -> new Route.Caller(x.role(), x.username(), x, remote))
            .orElseGet(() -> new Route.Caller(Role.PUBLIC, null, null, remote));
    }

    private static String roles(Route r) {
        return String.join(", ", r.roles().stream().map(Role::id).sorted().toList());
    }

    private static String rolesZh(Route r) {
        return String.join("、", r.roles().stream().sorted().map(x -> switch (x) {
            case ADMIN -> "管理员";
            case ANALYST -> "分析员";
            case RESEARCHER -> "研究人员";
            case PUBLIC -> "公众";
        }).toList());
    }

    /** Sets a cookie: HttpOnly, SameSite=Strict, Path=/, and Secure unless the server is on loopback http. */
    static void setCookie(Context ctx, String name, String value, int maxAge, boolean secure) {
        StringBuilder sb = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            sb.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            sb.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", sb.toString());
    }

    static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance)
            .addSerializer(LocalDateTime.class, ToStringSerializer.instance));
        m.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return m;
    }

    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /** Waits until the figures of the default as-of date are computed (for tests and benchmarks). */
    public void awaitWarm() throws InterruptedException {
        try {
            warm.get();
        } catch (java.util.concurrent.ExecutionException e) {
            // logged by the figures; a request will say what failed
        }
    }

    /** The figures (for the tests). */
    Figures figures() {
        return figures;
    }

    /** The routes, as "METHOD path" with the roles that may call them (for the tests). */
    List<Route> routes() {
        return api.routes();
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Stops serving and closes the store (once; a second call does nothing). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        app.stop();
        figures.close();
        books.close();
        store.close();
        Uploads.deleteTree(uploads.root());
    }
}
