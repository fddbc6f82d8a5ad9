package org.haigui.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A browser-like HTTP client for the tests: its own cookies, the CSRF token of its session. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, body, and the body as JSON when it is JSON. */
    record Res(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    final String base;
    final HttpClient http;
    String csrf;

    Client(WebServer server) {
        this.base = "http://127.0.0.1:" + server.port();
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Res(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    Res get(String path) {
        return send(req(path).GET());
    }

    /** Fetches the session (and a CSRF token). */
    Res session() {
        Res r = get("/api/v1/session");
        csrf = r.json().get("csrf").asText();
        return r;
    }

    Res login(String user, String password) {
        if (csrf == null) {
            session();
        }
        Res r = send(withCsrf(req("/api/v1/session")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
        if (r.status() == 200) {
            csrf = r.json().get("csrf").asText();
        }
        return r;
    }

    Client loginAs(String user) {
        Res r = login(user, WebFixture.PASSWORD);
        if (r.status() != 200) {
            throw new AssertionError("login " + user + ": " + r.body());
        }
        return this;
    }

    HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
        return csrf == null ? b : b.header("X-CSRF-Token", csrf);
    }

    Res call(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher p = jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(withCsrf(req(path)).header("Content-Type", "application/json").method(method, p));
    }

    Res upload(String fileName, byte[] content) {
        String boundary = "----haigui" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(withCsrf(req("/api/v1/imports")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }
}
