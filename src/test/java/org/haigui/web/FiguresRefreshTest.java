package org.haigui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures' cache against a real server: computed at start-up before anyone asks, answered with
 * an ETag (304 when unchanged) and gzip made once; after an import the previous figures answer,
 * marked as such, while the new ones are computed in the background, then the new ones - never a
 * mix; and the unmatched zone names, raw for the analyst, protected for the researcher.
 */
class FiguresRefreshTest {

    static final String STOCK = "/api/v1/indicators?indicator=stock,ent.active,ent.key_zone_share&breakdown=total";

    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(WebFixture.config(WebFixture.copy()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Eight new enterprises ({@code prefix0001}...): 6 in {@code zone}, 2 in {@code zone2}. */
    static byte[] enterprises(String prefix, String zone, String zone2) {
        StringBuilder sb = new StringBuilder("enterprise_id,name_zh,founded_date,district,zone,industry\n");
        for (int i = 1; i <= 8; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%s%04d,测试企业%d,2016-03-0%d,310115,%s,C3976\n", prefix, i, i, i,
                i <= 6 ? zone : zone2));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void previousFiguresAnswerWhileTheNewOnesAreComputedThenTheNewOnes() throws Exception {
        // computed at start-up in the background, before any request (and after another test's import, again)
        server.awaitWarm();
        awaitRefreshed();
        Instant asked = Instant.now();
        Client analyst = new Client(server).loginAs("analyst");
        Client pub = new Client(server);
        Client.Res before = analyst.get(STOCK);
        Client.Res beforePub = pub.get(STOCK);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(Instant.parse(before.json().get("computed_at").asText())).isBefore(asked);
        assertThat(before.json().get("refreshing").asBoolean()).isFalse();
        assertThat(before.raw().headers().firstValue("X-Figures-Refreshing")).contains("false");
        long batch0 = before.json().get("data_batch").asLong();
        assertThat(batch0).isPositive();
        assertThat(before.raw().headers().firstValue("X-Figures-Batch")).contains(Long.toString(batch0));

        // hold the figures' background thread so that the refresh cannot finish before we look
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        server.figures().runInBackground(() -> {
            held.countDown();
            try {
                hold.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(1, TimeUnit.MINUTES)).isTrue();
        long batch1;
        try {
            Client.Res up = analyst.upload("enterprises.csv", enterprises("ZR", "张江", "漕河泾开发区"));
            assertThat(up.status()).as(up.body()).isEqualTo(200);
            assertThat(up.json().get("rejected_rows").asLong()).as(up.body()).isZero();
            batch1 = up.json().get("batches").get(0).get("batch_id").asLong();
            assertThat(batch1).isGreaterThan(batch0);

            // the previous figures, whole, marked as such: raw for the analyst, protected for the public
            for (Client c : new Client[] {analyst, pub}) {
                Client.Res during = c.get(STOCK);
                Client.Res was = c == analyst ? before : beforePub;
                assertThat(during.status()).isEqualTo(200);
                JsonNode j = during.json();
                assertThat(j.get("refreshing").asBoolean()).isTrue();
                assertThat(j.get("data_batch").asLong()).isEqualTo(batch0);
                assertThat(j.get("refreshing_note").asText()).contains("batch " + batch0);
                assertThat(j.get("refreshing_note_zh").asText()).contains(Long.toString(batch0));
                assertThat(during.raw().headers().firstValue("X-Figures-Refreshing")).contains("true");
                assertThat(during.raw().headers().firstValue("X-Figures-Batch")).contains(Long.toString(batch0));
                assertThat(j.get("rows")).isEqualTo(was.json().get("rows"));
                assertThat(j.get("figures")).isEqualTo(was.json().get("figures"));
            }
        } finally {
            hold.countDown();
        }

        // then the new figures, all of them of the new data (each of raw and protected when it is complete)
        for (Client c : new Client[] {analyst, pub}) {
            JsonNode after = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                after = c.get(STOCK).json();
                if (!after.get("refreshing").asBoolean()) {
                    break;
                }
                assertThat(after.get("data_batch").asLong()).isEqualTo(batch0);
                Thread.sleep(50);
            }
            assertThat(after.get("refreshing").asBoolean()).isFalse();
            assertThat(after.get("data_batch").asLong()).isEqualTo(batch1);
            assertThat(after.has("refreshing_note")).isFalse();
            assertThat(Instant.parse(after.get("computed_at").asText())).isAfter(asked);
        }
        assertThat(server.figures().refreshing()).isFalse();
    }

    /** Waits until no previous figures are served (another test's import has been taken in). */
    static void awaitRefreshed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (server.figures().refreshing() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(server.figures().refreshing()).isFalse();
    }

    @Test
    void figuresCarryAnEtagAndGzipMadeOnce() throws Exception {
        server.awaitWarm();
        Client pub = new Client(server);
        Client.Res r = pub.get("/api/v1/catalogue");
        String etag = r.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(r.raw().headers().firstValue("Cache-Control")).contains("no-cache");
        Client.Res again = pub.send(pub.req("/api/v1/catalogue").header("If-None-Match", etag).GET());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> gz = pub.http.send(pub.req(STOCK).header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        String unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Client.Res plain = pub.get(STOCK);
        assertThat(Client.JSON.readTree(unzipped)).isEqualTo(plain.json());
        String gzTag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(gzTag).isNotEqualTo(plain.raw().headers().firstValue("ETag").orElseThrow());
        assertThat(pub.send(pub.req(STOCK).header("If-None-Match", gzTag).GET()).status()).isEqualTo(304);

        // the analyst's raw figures are never kept by a browser, and a public ETag does not open them
        Client analyst = new Client(server).loginAs("analyst");
        Client.Res raw = analyst.send(analyst.req(STOCK).header("If-None-Match", plain.raw().headers().firstValue("ETag").orElseThrow()).GET());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().get("figures").asText()).isEqualTo("raw");
        assertThat(raw.raw().headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void unmatchedZoneNamesRawForTheAnalystProtectedForTheResearcher() throws Exception {
        server.awaitWarm();
        Client analyst = new Client(server).loginAs("analyst");
        if (!analyst.get("/api/v1/zones/unmatched?limit=2000").body().contains("Moon Base")) {
            Client.Res up = analyst.upload("enterprises.csv", enterprises("ZT", "Moon Base", "Rare Place 稀有园"));
            assertThat(up.status()).as(up.body()).isEqualTo(200);
        }
        JsonNode a = analyst.get("/api/v1/zones/unmatched?limit=2000").json();
        assertThat(a.get("figures").asText()).isEqualTo("raw");
        assertThat(count(a, "Moon Base")).isEqualTo(6);
        assertThat(count(a, "Rare Place 稀有园")).isEqualTo(2);
        assertThat(a.get("unmatched_enterprises").asLong()).isGreaterThanOrEqualTo(8);
        var blueprint = org.haigui.blueprint.BlueprintReader.shanghai();
        for (JsonNode u : a.get("unmatched")) {
            // a key zone's name or alias is never listed
            assertThat(blueprint.zoneOf(u.get("name").asText())).as(u.toString()).isEmpty();
        }

        JsonNode r = new Client(server).loginAs("researcher").get("/api/v1/zones/unmatched?limit=2000").json();
        assertThat(r.get("figures").asText()).isEqualTo("protected");
        int min = r.get("disclosure_rules").get("min_frequency").asInt();
        assertThat(count(r, "Moon Base")).isEqualTo(6);
        assertThat(count(r, "Rare Place 稀有园")).isEqualTo(-1);
        for (JsonNode u : r.get("unmatched")) {
            assertThat(u.get("enterprises").asLong()).as(u.toString()).isGreaterThanOrEqualTo(min);
        }
        assertThat(r.get("unmatched_enterprises").isNull()).isTrue();
        JsonNode w = r.get("withheld");
        assertThat(w.get("names").asLong()).isPositive();
        assertThat(w.get("suppressed").asBoolean() ? w.get("enterprises").isNull() : w.get("enterprises").asLong() >= min).isTrue();

        // the route is documented with its roles
        JsonNode op = new Client(server).get("/api/v1/openapi.json").json().get("paths").get("/api/v1/zones/unmatched").get("get");
        assertThat(op.get("x-roles").toString()).contains("analyst").contains("researcher").doesNotContain("public");
        assertThat(new Client(server).get("/api/v1/zones/unmatched").status()).isEqualTo(401);
    }

    private static long count(JsonNode j, String name) {
        for (JsonNode u : j.get("unmatched")) {
            if (u.get("name").asText().equals(name)) {
                return u.get("enterprises").asLong();
            }
        }
        return -1;
    }
}
