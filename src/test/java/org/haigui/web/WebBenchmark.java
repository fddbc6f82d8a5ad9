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
 * Load generator for the dashboard's overview (a benchmark, not a test): builds a synthetic city of
 * PERSONS (default 300,000, the default city), starts the server on loopback, waits for its figures,
 * then has CLIENTS (default 32) concurrent clients request the overview's API calls (session,
 * catalogue, the headline indicators) for SECONDS, and prints p50/p95/p99 latency and throughput -
 * once idle and once while an upload of persons.csv (the whole table again) imports.
 *
 * <pre>java -Xmx4g -cp target/haigui.jar:target/test-classes org.haigui.web.WebBenchmark [PERSONS] [CLIENTS] [SECONDS]</pre>
 */
public final class WebBenchmark {

    static final List<String> OVERVIEW = List.of("/api/v1/session", "/api/v1/catalogue",
        "/api/v1/indicators?indicator=stock,inflow.window5,inflow.window5_multiple,inflow.ytd,inflow.ytd_vs_last_year,inflow.year&breakdown=total");

    public static void main(String[] args) throws Exception {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("haigui-web-bench-");
        Path data = dir.resolve("data");
        long t0 = System.nanoTime();
        Synthesizer.generate(SynthOptions.defaults(data).withPersons(persons), Progress.NONE);
        Path db = dir.resolve("bench.duckdb");
        try (Store store = Store.open(db)) {
            new Importer(store, WebFixture.importOptions().withWriteRejected(false), Progress.NONE).run(List.of(data));
            Accounts.add(store.writer(), "analyst", Role.ANALYST, WebFixture.PASSWORD.toCharArray());
        }
        System.out.printf(Locale.ROOT, "store of %,d persons built in %.1f s%n", persons, (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        try (WebServer server = WebServer.start(WebFixture.config(db))) {
            server.awaitWarm();
            System.out.printf(Locale.ROOT, "figures computed (raw and protected) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            String base = "http://127.0.0.1:" + server.port();
            run(base, clients, 3, "warm-up");
            run(base, clients, seconds, "idle");
            Client analyst = new Client(server).loginAs("analyst");
            byte[] persons1 = Files.readAllBytes(data.resolve("persons.csv"));
            ExecutorService up = Executors.newSingleThreadExecutor();
            Future<Client.Res> upload = up.submit(() -> analyst.upload("persons.csv", persons1));
            Thread.sleep(500);
            run(base, clients, seconds, "during an upload of persons.csv (" + persons1.length / 1024 / 1024 + " MB)");
            Client.Res r = upload.get();
            System.out.println("upload: HTTP " + r.status() + ", " + (r.status() == 200 ? r.json().get("millis") + " ms import" : r.body()));
            up.shutdown();
            // first page load after an import (cache dropped): the figures are computed again
            long t1 = System.nanoTime();
            HttpClient h = HttpClient.newHttpClient();
            for (String p : OVERVIEW) {
                h.send(HttpRequest.newBuilder(URI.create(base + p)).build(), HttpResponse.BodyHandlers.ofString());
            }
            System.out.printf(Locale.ROOT, "overview after the import (figures recomputed): %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            run(base, clients, 5, "after the import, cached again");
        }
    }

    static void run(String base, int clients, int seconds, String label) throws Exception {
        HttpClient h = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> fs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            fs.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                while (System.nanoTime() < end) {
                    for (String p : OVERVIEW) {
                        long t = System.nanoTime();
                        HttpResponse<byte[]> r = h.send(HttpRequest.newBuilder(URI.create(base + p)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(p + ": " + r.statusCode());
                        }
                        lat.add(System.nanoTime() - t);
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
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-50s %d clients: %,d requests, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            label, clients, all.size(), all.size() / (double) seconds, q(all, 0.50), q(all, 0.95), q(all, 0.99), all.get(all.size() - 1) / 1e6);
    }

    private static double q(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
