package org.haigui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API against a real server on a free port over a copy of the synthetic fixture store. */
class WebApiTest {

    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void openApiDocumentsExactlyTheRoutesAndEveryDocumentedRouteAnswers() {
        Client c = new Client(server).loginAs("analyst");
        JsonNode doc = c.get("/api/v1/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            var p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
        }
        Set<String> routes = new HashSet<>();
        for (Route r : server.routes()) {
            routes.add(r.method() + " " + r.path());
            JsonNode op = doc.get("paths").get(r.path()).get(r.method().toLowerCase(java.util.Locale.ROOT));
            assertThat(op.get("x-roles")).as(r.path()).hasSize(r.roles().size());
            for (Route.Param prm : r.params()) {
                assertThat(op.get("parameters").toString()).as(r.path()).contains("\"name\":\"" + prm.name() + "\"");
            }
        }
        assertThat(documented).isEqualTo(routes);
        // every documented operation is served: never the "no such route" answer
        for (String op : documented) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1).replace("{batch}", "1").replace("{id}", "x").replace("{username}", "nobody");
            Client.Res r = c.call(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");
            assertThat(r.body()).as(op).doesNotContain("no such route");
        }
        Client.Res missing = c.get("/api/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).contains("no such route");
    }

    @Test
    void catalogueHasMethodTextsAndTheDefaultDate() {
        JsonNode cat = new Client(server).get("/api/v1/catalogue").json();
        assertThat(cat.get("as_of_default").asText()).isEqualTo("2021-09-30");
        assertThat(cat.get("city").get("zh").asText()).isNotBlank();
        JsonNode stock = null;
        for (JsonNode e : cat.get("indicators")) {
            if (e.get("id").asText().equals("stock")) {
                stock = e;
            }
        }
        assertThat(stock).isNotNull();
        assertThat(stock.get("method_zh").asText()).isNotBlank();
        assertThat(stock.get("method_en").asText()).isNotBlank();
        assertThat(cat.get("breakdowns").size()).isGreaterThan(3);
    }

    @Test
    void indicatorsAreProtectedForThePublicAndRawForTheAnalyst() {
        Client pub = new Client(server);
        JsonNode p = pub.get("/api/v1/indicators?indicator=stock,inflow.year&breakdown=total").json();
        assertThat(p.get("figures").asText()).isEqualTo("protected");
        assertThat(p.get("disclosure_rules").get("min_frequency").asInt()).isEqualTo(5);
        assertThat(p.get("rows").size()).isGreaterThan(1);
        for (JsonNode row : p.get("rows")) {
            assertThat(row.get("breakdown").asText()).isEmpty();
        }
        JsonNode a = new Client(server).loginAs("analyst").get("/api/v1/indicators?indicator=stock&as_of=2021-09-30").json();
        assertThat(a.get("figures").asText()).isEqualTo("raw");
        assertThat(a.has("disclosure_rules")).isFalse();
        JsonNode total = a.get("rows").get(0);
        assertThat(total.get("indicator").asText()).isEqualTo("stock");
        assertThat(total.get("value").decimalValue().signum()).isPositive();
        JsonNode district = pub.get("/api/v1/indicators?indicator=stock&breakdown=district").json();
        assertThat(district.get("rows").size()).isGreaterThan(3);
        JsonNode grp = pub.get("/api/v1/indicators?indicator=ent.active&group=returnee").json();
        assertThat(grp.get("rows").size()).isPositive();
        for (JsonNode row : grp.get("rows")) {
            assertThat(row.get("group").asText()).isEqualTo("returnee");
        }
    }

    @Test
    void errorsAreJsonWithTheRightStatus() {
        Client c = new Client(server);
        Client.Res unknown = c.get("/api/v1/indicators?indicator=no.such");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("not_found");
        assertThat(unknown.json().get("message").asText()).contains("no.such");
        Client.Res badDate = c.get("/api/v1/indicators?indicator=stock&as_of=2021-02-30x");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("message").asText()).contains("as_of");
        Client.Res none = c.get("/api/v1/indicators");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("message_zh").asText()).isNotBlank();
        Client.Res team = new Client(server).loginAs("analyst").get("/api/v1/enterprises/NO-SUCH/team");
        assertThat(team.status()).isEqualTo(404);
        assertThat(team.json().get("message").asText()).contains("NO-SUCH");
    }

    @Test
    void uploadImportsWithTheRulesOfTheCliAndReportsTheRejectedRow() throws Exception {
        Client c = new Client(server).loginAs("analyst");
        Client.Res r = c.upload("persons.csv", WebFixture.personsWithOneBadRow(3));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("read_rows").asLong()).isEqualTo(3);
        assertThat(j.get("rejected_rows").asLong()).isEqualTo(1);
        JsonNode rej = j.get("rejected").get(0);
        assertThat(rej.get("row_number").asLong()).isEqualTo(4);
        assertThat(rej.get("errors").toString()).contains("birth_date");
        long batch = j.get("batches").get(0).get("batch_id").asLong();
        JsonNode batches = c.get("/api/v1/imports").json().get("batches");
        assertThat(batches.get(0).get("batch_id").asLong()).isEqualTo(batch);
        JsonNode rows = c.get("/api/v1/imports/" + batch + "/rejected").json();
        assertThat(rows.get("rows").get(0).get("errors").toString()).contains("birth_date");
        // an unknown table name is the importer's clear file error
        Client.Res bad = c.upload("people.csv", "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("message").asText()).contains("people");
        // the import and the person-level view are in the audit log, readable by the admin
        JsonNode audit = new Client(server).loginAs("admin").get("/api/v1/audit").json().get("entries");
        assertThat(audit.toString()).contains("\"action\":\"import\"").contains("\"action\":\"rejected_rows\"")
            .contains("\"username\":\"analyst\"").contains("\"remote\":\"127.0.0.1\"");
    }

    @Test
    void teamAndUnmatchedNamesForTheAnalyst() {
        Client c = new Client(server).loginAs("analyst");
        JsonNode un = c.get("/api/v1/institutions/unmatched?limit=5").json();
        assertThat(un.has("unmatched")).isTrue();
        String ent = c.get("/api/v1/imports").json().get("batches").size() > 0 ? firstEnterprise() : null;
        JsonNode team = c.get("/api/v1/enterprises/" + ent + "/team").json();
        assertThat(team.get("enterprise_id").asText()).isEqualTo(ent);
        assertThat(team.get("members").size()).isPositive();
        JsonNode audit = new Client(server).loginAs("admin").get("/api/v1/audit?action=team").json().get("entries");
        assertThat(audit.get(0).get("target").asText()).isEqualTo(ent);
    }

    private static String firstEnterprise() {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(WebFixture.data().resolve("enterprises.csv"));
            return lines.get(1).split(",", -1)[0];
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void adminManagesAccounts() {
        Client admin = new Client(server).loginAs("admin");
        Client.Res add = admin.call("POST", "/api/v1/users", "{\"username\":\"r2\",\"role\":\"researcher\",\"password\":\"another long one\"}");
        assertThat(add.status()).as(add.body()).isEqualTo(201);
        assertThat(admin.get("/api/v1/users").body()).contains("\"r2\"");
        Client r2 = new Client(server);
        assertThat(r2.login("r2", "another long one").status()).isEqualTo(200);
        assertThat(admin.call("PUT", "/api/v1/users/r2/password", "{\"password\":\"a third password\"}").status()).isEqualTo(200);
        // the password change ended r2's session
        assertThat(r2.get("/api/v1/session").json().get("role").asText()).isEqualTo("public");
        assertThat(admin.call("DELETE", "/api/v1/users/r2", null).status()).isEqualTo(200);
        assertThat(new Client(server).login("r2", "a third password").status()).isEqualTo(401);
        Client.Res short_ = admin.call("POST", "/api/v1/users", "{\"username\":\"x\",\"role\":\"analyst\",\"password\":\"short\"}");
        assertThat(short_.status()).isEqualTo(400);
        assertThat(short_.json().get("message").asText()).contains("at least");
        Client.Res last = admin.call("DELETE", "/api/v1/users/admin", null);
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.json().get("message").asText()).contains("last admin");
    }

    @Test
    void cookiesAreHttpOnlyAndSameSiteStrict() {
        Client c = new Client(server);
        c.session();
        Client.Res r = c.login("researcher", WebFixture.PASSWORD);
        String cookie = r.raw().headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("hg_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
    }
}
