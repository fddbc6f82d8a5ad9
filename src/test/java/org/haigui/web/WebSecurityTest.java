package org.haigui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Who may do what, against a real server: the route x role table comes from the route table itself. */
class WebSecurityTest {

    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebFixture.start(WebFixture.config(WebFixture.copy()).withMaxUploadBytes(64 * 1024));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Every route refuses every role it is not for: 401 without a login, 403 with the wrong role. */
    @TestFactory
    Stream<DynamicTest> everyRouteRefusesTheRolesItIsNotFor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route r : server.routes()) {
            for (Role role : Role.values()) {
                if (r.allows(role)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(r.method() + " " + r.path() + " as " + role.id(), () -> {
                    Client c = new Client(server);
                    if (role == Role.PUBLIC) {
                        c.session();
                    } else {
                        c.loginAs(role.id());
                    }
                    String path = r.path().replace("{batch}", "1").replace("{id}", "x").replace("{username}", "analyst");
                    Client.Res res = r.path().equals("/api/v1/imports") && r.method().equals("POST")
                        ? c.upload("persons.csv", "person_id\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        : c.call(r.method(), path, r.method().equals("GET") || r.method().equals("DELETE") ? null : "{}");
                    assertThat(res.status()).as(res.body()).isEqualTo(role == Role.PUBLIC ? 401 : 403);
                    assertThat(res.json().get("error").asText()).isEqualTo(role == Role.PUBLIC ? "login_required" : "forbidden");
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    @Test
    void aResearcherNeverGetsAnUnsuppressedFigure() {
        Client researcher = new Client(server).loginAs("researcher");
        Client analyst = new Client(server).loginAs("analyst");
        JsonNode cat = researcher.get("/api/v1/catalogue").json();
        List<String> ids = new ArrayList<>();
        cat.get("indicators").forEach(e -> {
            if (e.get("available").asBoolean()) {
                ids.add(e.get("id").asText());
            }
        });
        JsonNode prot = researcher.get("/api/v1/indicators?indicator=" + String.join(",", ids)).json();
        JsonNode raw = analyst.get("/api/v1/indicators?indicator=" + String.join(",", ids)).json();
        assertThat(prot.get("figures").asText()).isEqualTo("protected");
        assertThat(raw.get("figures").asText()).isEqualTo("raw");
        // every published row is a raw row, or a zero the engine leaves out published as withheld (its absence would reveal someone)
        java.util.Map<String, JsonNode> rawByKey = new java.util.HashMap<>();
        for (JsonNode a : raw.get("rows")) {
            assertThat(a.get("suppressed").asBoolean()).isFalse();
            rawByKey.put(key(a), a);
        }
        assertThat(prot.get("rows").size()).isPositive();
        int suppressed = 0;
        for (JsonNode p : prot.get("rows")) {
            if (!rawByKey.containsKey(key(p))) {
                assertThat(p.get("suppressed").asBoolean()).as("a published row that is not a raw row: " + p).isTrue();
            } else if (!p.get("suppressed").asBoolean()) {
                assertThat(p.get("value")).as(key(p)).isEqualTo(rawByKey.get(key(p)).get("value"));
            }
            if (p.get("suppressed").asBoolean()) {
                suppressed++;
                for (String f : List.of("value", "numerator", "denominator", "ci_low", "ci_high")) {
                    assertThat(p.get(f).isNull()).as(p + " " + f).isTrue();
                }
            }
        }
        // a small city has small cells: disclosure control must have had work to do
        assertThat(suppressed).isPositive();
        // the export is the same protected set
        Client.Res csv = researcher.get("/api/v1/export/indicators.csv?indicator=stock");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("indicator,period,group");
        long csvSuppressed = csv.body().lines().filter(l -> l.endsWith(",true")).count();
        long jsonSuppressed = 0;
        for (JsonNode p : researcher.get("/api/v1/indicators?indicator=stock").json().get("rows")) {
            jsonSuppressed += p.get("suppressed").asBoolean() ? 1 : 0;
        }
        assertThat(csvSuppressed).isEqualTo(jsonSuppressed);
    }

    private static String key(JsonNode row) {
        return row.get("indicator").asText() + "|" + row.get("period").asText() + "|" + row.get("group").asText() + "|"
            + row.get("breakdown").asText() + "|" + row.get("category").asText();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Client c = new Client(server).loginAs("admin");
        String token = c.csrf;
        c.csrf = null;
        Client.Res r = c.call("POST", "/api/v1/users", "{\"username\":\"zz\",\"role\":\"analyst\",\"password\":\"long enough pw\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("csrf");
        c.csrf = "wrong" + token;
        assertThat(c.call("DELETE", "/api/v1/session", null).status()).isEqualTo(403);
        // a login needs the pre-session token too
        Client anon = new Client(server);
        Client.Res login = anon.send(anon.req("/api/v1/session").header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + WebFixture.PASSWORD + "\"}")));
        assertThat(login.status()).isEqualTo(403);
    }

    @Test
    void pathTraversalAndOversizedUploadsAreRefusedClearly() throws Exception {
        Client c = new Client(server).loginAs("analyst");
        for (String name : List.of("../persons.csv", "..\\\\persons.csv", "/etc/persons.csv", "a/../../persons.csv", ".persons.csv", "persons.exe")) {
            Client.Res r = c.upload(name, "person_id\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("bad_file_name");
            assertThat(r.json().get("message").asText()).contains("not allowed").contains("no folders");
        }
        byte[] big = new byte[200 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        // refused before it is stored, yet read to its end so the client gets the answer, not a
        // broken connection (answering mid-send once failed CI); several times to give the race a chance
        for (int i = 0; i < 25; i++) {
            Client.Res r = c.upload("persons.csv", big);
            assertThat(r.status()).as(r.body()).isEqualTo(413);
            assertThat(r.json().get("message").asText()).contains("larger than the limit");
        }
        // nothing of either was imported
        assertThat(new Client(server).loginAs("admin").get("/api/v1/audit?action=import").json().get("entries").size()).isZero();
    }

    @Test
    void loginIsRateLimited() {
        Client admin = new Client(server).loginAs("admin");
        assertThat(admin.call("POST", "/api/v1/users", "{\"username\":\"limited\",\"role\":\"researcher\",\"password\":\""
            + WebFixture.PASSWORD + "\"}").status()).isEqualTo(201);
        Client c = new Client(server);
        for (int i = 0; i < ServerConfig.LoginLimits.DEFAULTS.perAccount(); i++) {
            assertThat(c.login("limited", "wrong password " + i).status()).isEqualTo(401);
        }
        Client.Res r = c.login("limited", WebFixture.PASSWORD);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(r.json().get("message").asText()).contains("too many failed logins");
    }
}
