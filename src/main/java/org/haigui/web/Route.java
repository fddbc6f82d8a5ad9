package org.haigui.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * One route of the API: method, path (Javalin's {@code {param}} syntax, which is OpenAPI's too),
 * the roles that may call it ({@link Role#PUBLIC} meaning everyone, logged in or not), its
 * documentation, and its action. The route table is the one source of the server's routes, its
 * OpenAPI document and the security tests.
 */
record Route(String method, String path, Set<Role> roles, String tag, String summary, List<Param> params, String body,
             Action action) {

    /** A query or path parameter, for the OpenAPI document. */
    record Param(String name, String in, boolean required, String type, String description) {
        static Param query(String name, String type, String description) {
            return new Param(name, "query", false, type, description);
        }

        static Param path(String name, String description) {
            return new Param(name, "path", true, "string", description);
        }
    }

    /** What the route does, for a caller who passed the role and CSRF checks. */
    @FunctionalInterface
    interface Action {
        void handle(Context ctx, Caller who) throws Exception;
    }

    /** Who calls: the role (PUBLIC without a session), the account name, the session, the address. */
    record Caller(Role role, String username, Sessions.Session session, String remote) {
        boolean loggedIn() {
            return session != null;
        }
    }

    Route {
        roles = Set.copyOf(roles);
        params = List.copyOf(params);
    }

    boolean allows(Role r) {
        return roles.contains(Role.PUBLIC) || roles.contains(r);
    }

    boolean changesState() {
        return !method.equals("GET");
    }
}
