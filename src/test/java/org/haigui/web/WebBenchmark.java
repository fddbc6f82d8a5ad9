package org.haigui.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haigui.core.Progress;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.Synthesizer;

/**
 * Load generator for the dashboard's overview (a benchmark, not a test). Over a copy of an existing
 * store ({@code --db FILE}, e.g. the default synthetic city's; the original is never opened) or a
 * synthetic city of {@code --persons N} built here (default 300,000, the default city), it starts the
 * server on loopback, waits for its figures, then has {@code --clients N} (default 32) concurrent
 * clients request the overview's API calls (session, catalogue, the headline indicators) for
 * {@code --seconds N} (default 20), and prints p50/p95/p99 latency, throughput and the machine's load
 * - once idle and once while an upload of persons.csv (the synthetic city's whole table again)
 * imports. A "page load" is the dashboard's files plus the overview's calls one after the other, as
 * a browser's first visit makes them.
 *
 * <p>{@code --upload FILE} uploads that file instead of a generated persons.csv; {@code --browser} also loads the
 * overview in headless Chromium (Selenium: put the test classpath on the command line) and prints the
 * browser's navigation timing. The clients behave as browsers: cookies, {@code Accept-Encoding: gzip}, and
 * one run with {@code If-None-Match} (revisits).
 *
 * <pre>java -Xmx4g -cp target/haigui.jar:target/test-classes[:test classpath] org.haigui.web.WebBenchmark [--db FILE] [--upload FILE]
 *     [--persons N] [--clients N] [--seconds N] [--browser]</pre>
 */
public final class WebBenchmark {

    static final List<String> OVERVIEW = List.of("/api/v1/session", "/api/v1/catalogue",
        "/api/v1/indicators?indicator=stock,inflow.window5,inflow.window5_multiple,inflow.ytd,inflow.ytd_vs_last_year,inflow.year&as_of=2021-09-30&breakdown=total");

    static final List<String> FILES = List.of("/", "/app.css", "/i18n.js", "/app.js", "/webjars/echarts/5.3.1/dist/echarts.common.min.js");

    public static void main(String[] args) throws Exception {
        Path source = null;
        Path uploadFile = null;
        long persons = 300_000;
        int clients = 32;
        int seconds = 20;
        boolean browser = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> source = Path.of(args[++i]);
                case "--upload" -> uploadFile = Path.of(args[++i]);
                case "--browser" -> browser = true;
                case "--persons" -> persons = Long.parseLong(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("haigui-web-bench-");
        Path data = dir.resolve("data");
        Path db = dir.resolve("bench.duckdb");
        long t0 = System.nanoTime();
        // the upload: the synthetic city's persons.csv (of the default city, the rows it already holds)
        if (uploadFile == null || source == null) {
            Synthesizer.generate(SynthOptions.defaults(data).withPersons(persons), Progress.NONE);
        }
        Path personsCsv = uploadFile != null ? uploadFile : data.resolve("persons.csv");
        if (source != null) {
            Files.copy(source, db);
            Files.copy(source.resolveSibling(source.getFileName() + ".key"), dir.resolve("bench.duckdb.key"));
        }
        try (Store store = Store.open(db)) {
            if (source == null) {
                new Importer(store, WebFixture.importOptions().withWriteRejected(false), Progress.NONE).run(List.of(data));
            }
            if (Accounts.list(store.writer()).stream().noneMatch(a -> a.username().equals("analyst"))) {
                Accounts.add(store.writer(), "analyst", Role.ANALYST, WebFixture.PASSWORD.toCharArray());
            }
        }
        System.out.printf(Locale.ROOT, "store %s (%s) ready in %.1f s; %d cores, load %s%n", db, source == null ? "built here" : "copy of " + source,
            (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(), load());
        t0 = System.nanoTime();
        try (WebServer server = WebServer.start(WebFixture.config(db))) {
            server.awaitWarm();
            System.out.printf(Locale.ROOT, "figures computed (raw and protected) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            String base = "http://127.0.0.1:" + server.port();
            run(base, clients, Math.max(10, seconds / 2), "warm-up (JIT)");
            pageLoads(base, 10, "page load, idle");
            run(base, clients, seconds, "idle");
            run(base, clients, Math.max(5, seconds / 2), "idle, revisits (If-None-Match)", true);
            if (browser) {
                browserLoads(base, 3, "browser page load, idle");
            }
            Client analyst = new Client(server).loginAs("analyst");
            byte[] persons1 = Files.readAllBytes(personsCsv);
            ExecutorService up = Executors.newSingleThreadExecutor();
            long u0 = System.nanoTime();
            Future<Client.Res> upload = up.submit(() -> analyst.upload("persons.csv", persons1));
            Thread.sleep(500);
            run(base, clients, seconds, "during an upload of persons.csv (" + persons1.length / 1024 / 1024 + " MB)");
            pageLoads(base, 5, "page load, during the upload");
            if (browser && !upload.isDone()) {
                browserLoads(base, 2, "browser page load, during the upload");
            }
            boolean stillImporting = !upload.isDone();
            Client.Res r = upload.get();
            System.out.printf(Locale.ROOT, "upload: HTTP %d, %s; the import was %s running when the measurements ended (%.1f s in all)%n",
                r.status(), r.status() == 200 ? r.json().get("millis") + " ms import" : r.body(), stillImporting ? "still" : "no longer",
                (System.nanoTime() - u0) / 1e9);
            up.shutdown();
            // right after the import: the previous figures answer while the new ones are computed
            pageLoads(base, 1, "page load right after the import");
            long r0 = System.nanoTime();
            run(base, clients, 5, "right after the import (previous figures)");
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + OVERVIEW.get(2))).build(),
                HttpResponse.BodyHandlers.ofString());
            System.out.printf(Locale.ROOT, "  answers marked refreshing: %s, figures of batch %s%n",
                after.headers().firstValue("X-Figures-Refreshing").orElse("?"), after.headers().firstValue("X-Figures-Batch").orElse("?"));
            long waitEnd = System.nanoTime() + 600_000_000_000L;
            while (server.figures().refreshing() && System.nanoTime() < waitEnd) {
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "new figures swapped in %.1f s after the import; load %s%n", (System.nanoTime() - r0) / 1e9, load());
            run(base, clients, 5, "after the refresh");
        }
    }

    /** Loads the overview {@code n} times as a browser's first visit does (files, then the API calls in order). */
    static void pageLoads(String base, int n, String label) throws Exception {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpClient h = HttpClient.newHttpClient();
            long t = System.nanoTime();
            for (String p : FILES) {
                get(h, base + p);
            }
            for (String p : OVERVIEW) {
                get(h, base + p);
            }
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-50s %d loads: median %d ms, max %d ms; load %s%n", label, n, ms.get(ms.size() / 2), ms.get(ms.size() - 1),
            load());
    }

    private static void get(HttpClient h, String url) throws Exception {
        HttpResponse<byte[]> r = h.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Loads the overview {@code n} times in headless Chromium, each a first visit (a new browser), and prints its navigation timing. */
    static void browserLoads(String base, int n, String label) {
        List<PageTiming> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            org.openqa.selenium.chrome.ChromeOptions o = new org.openqa.selenium.chrome.ChromeOptions();
            o.setBinary("/usr/bin/chromium");
            o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
            org.openqa.selenium.WebDriver d = new org.openqa.selenium.chrome.ChromeDriver(new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), o);
            try {
                ts.add(PageTiming.load(d, base + "/#overview", "overview"));
                PageTiming again = PageTiming.load(d, base + "/?again#overview", "overview");
                System.out.printf(Locale.ROOT, "%-50s first visit %s; second visit %s; load %s%n", label, ts.get(i), again, load());
            } finally {
                d.quit();
            }
        }
    }

    /** The CPU time this process has used (server, clients and any import), in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load averages (1, 5, 15 minutes). */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static void run(String base, int clients, int seconds, String label) throws Exception {
        run(base, clients, seconds, label, false);
    }

    /**
     * {@code clients} browsers (each its own connection pool and cookies, accepting gzip) that request the
     * overview's calls in a loop for {@code seconds}; with {@code revalidate} they send the ETag of their
     * last answer as a browser does on a revisit (then mostly 304).
     */
    static void run(String base, int clients, int seconds, String label, boolean revalidate) throws Exception {
        long cpu0 = cpuNanos();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> fs = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong notModified = new java.util.concurrent.atomic.AtomicLong();
        for (int i = 0; i < clients; i++) {
            fs.add(pool.submit(() -> {
                HttpClient h = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager()).build();
                java.util.Map<String, String> etags = new java.util.HashMap<>();
                List<Long> lat = new ArrayList<>();
                while (System.nanoTime() < end) {
                    for (String p : OVERVIEW) {
                        long t = System.nanoTime();
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + p)).header("Accept-Encoding", "gzip");
                        if (revalidate && etags.containsKey(p)) {
                            b.header("If-None-Match", etags.get(p));
                        }
                        HttpResponse<byte[]> r = h.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200 && r.statusCode() != 304) {
                            throw new IllegalStateException(p + ": " + r.statusCode());
                        }
                        lat.add(System.nanoTime() - t);
                        bytes.addAndGet(r.body().length);
                        if (r.statusCode() == 304) {
                            notModified.incrementAndGet();
                        }
                        r.headers().firstValue("ETag").ifPresent(e -> etags.put(p, e));
                    }
                }
                return lat;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : fs) {
            all.addAll(f.get());
        }
        pool.shutdown();
        long cpu = cpuNanos() - cpu0;
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-50s %d clients: %,d requests (%d%% 304, %.1f kB/answer), %.0f req/s, p50 %.1f ms, p95 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms; CPU of this process (server and clients) %.2f ms/request; load %s%n", label, clients, all.size(),
            100 * notModified.get() / Math.max(1, all.size()), bytes.get() / 1024.0 / Math.max(1, all.size()), all.size() / (double) seconds,
            q(all, 0.50), q(all, 0.95), q(all, 0.99), all.get(all.size() - 1) / 1e6, cpu / 1e6 / Math.max(1, all.size()), load());
    }

    private static double q(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
