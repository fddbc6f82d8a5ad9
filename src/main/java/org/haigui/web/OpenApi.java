package org.haigui.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of the API, generated from the route table, so that it cannot drift from
 * the routes the server registers. Each operation says which roles may call it
 * ({@code x-roles}) and the cookie-and-CSRF security of the state-changing ones.
 */
final class OpenApi {

    private OpenApi() {}

    static Map<String, Object> document(List<Route> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Haigui Observatory API", "version", "1",
            "description", "Returnee figures as of a date, their methods, imports and accounts. Figures are protected by "
                + "disclosure control for every caller but the analyst. Errors are JSON {status, error, message, message_zh}."));
        Map<String, Object> paths = new TreeMap<>();
        for (Route r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("tags", List.of(r.tag()));
            op.put("summary", r.summary());
            op.put("operationId", operationId(r));
            op.put("x-roles", r.roles().stream().map(Role::id).sorted().toList());
            List<Map<String, Object>> params = new ArrayList<>();
            for (Route.Param p : r.params()) {
                Map<String, Object> schema = p.type().equals("date") ? Map.of("type", "string", "format", "date")
                    : Map.of("type", p.type());
                params.add(Map.of("name", p.name(), "in", p.in(), "required", p.required(), "description", p.description(),
                    "schema", schema));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (r.body() != null) {
                String type = r.body().startsWith("multipart") ? "multipart/form-data" : "application/json";
                Map<String, Object> schema = type.startsWith("multipart")
                    ? Map.of("type", "object", "properties", Map.of("file", Map.of("type", "string", "format", "binary")),
                        "required", List.of("file"))
                    : Map.of("type", "object", "example", r.body());
                op.put("requestBody", Map.of("required", true, "content", Map.of(type, Map.of("schema", schema))));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "OK", "content", Map.of(r.path().endsWith(".csv") ? "text/csv"
                : "application/json", Map.of("schema", Map.of("type", r.path().endsWith(".csv") ? "string" : "object")))));
            if (!r.allows(Role.PUBLIC)) {
                responses.put("401", ref());
                responses.put("403", ref());
            }
            if (r.changesState()) {
                responses.put("403", ref());
            }
            responses.put("400", ref());
            op.put("responses", responses);
            if (!r.allows(Role.PUBLIC) || r.changesState()) {
                op.put("security", List.of(Map.of("session", List.of(), "csrf", List.of())));
            }
            item.put(r.method().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
            "securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", Api.SESSION_COOKIE),
                "csrf", Map.of("type", "apiKey", "in", "header", "name", Api.CSRF_HEADER)),
            "schemas", Map.of("Error", Map.of("type", "object", "properties", Map.of(
                "status", Map.of("type", "integer"), "error", Map.of("type", "string"),
                "message", Map.of("type", "string"), "message_zh", Map.of("type", "string"))))));
        return doc;
    }

    private static Map<String, Object> ref() {
        return Map.of("description", "Error", "content", Map.of("application/json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    }

    private static String operationId(Route r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
        for (String part : r.path().substring(Api.PREFIX.length()).split("[/{}.]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
