package org.haigui.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.haigui.core.HaiguiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP statuses and JSON error bodies
 * {@code {"status": 404, "error": "not_found", "message": "...", "message_zh": "..."}}: the kinds of
 * {@link HaiguiException} (USAGE 400, INPUT 422, NOT_FOUND 404, STORE 503, INTERNAL 500), the web
 * layer's own refusals ({@link ApiError}), Javalin's (unknown route, too large a body) and anything
 * else (500, the stack trace to the server's log only, never to the caller).
 */
final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {}

    static int status(HaiguiException.Kind kind) {
        return switch (kind) {
            case USAGE -> 400;
            case INPUT -> 422;
            case NOT_FOUND -> 404;
            case STORE -> 503;
            case INTERNAL -> 500;
        };
    }

    private static String zh(HaiguiException.Kind kind) {
        return switch (kind) {
            case USAGE -> "请求参数有误";
            case INPUT -> "文件无法导入";
            case NOT_FOUND -> "未找到";
            case STORE -> "数据库暂不可用";
            case INTERNAL -> "内部错误";
        };
    }

    static void handle(Exception e, Context ctx) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof ApiError a) {
            if (a.retryAfter > 0) {
                ctx.header("Retry-After", Long.toString(a.retryAfter));
            }
            write(ctx, a.status, a.code, a.getMessage(), a.messageZh);
        } else if (t instanceof HaiguiException h) {
            write(ctx, status(h.kind()), h.kind().name().toLowerCase(java.util.Locale.ROOT), h.getMessage(), zh(h.kind()) + ": " + h.getMessage());
        } else if (t instanceof HttpResponseException r) {
            int s = r.getStatus();
            write(ctx, s, s == 404 ? "not_found" : s == 413 ? "too_large" : "http_" + s, r.getMessage(), "请求无法处理");
        } else if (isTooLarge(t)) {
            write(ctx, 413, "too_large", "the upload is too large", "上传的文件过大");
        } else {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), t);
            write(ctx, 500, "internal", "internal error: " + t.getClass().getSimpleName()
                + " - this is a bug; the details are in the server's log", "内部错误(程序缺陷),详情见服务器日志");
        }
    }

    /** Jetty's refusal of a multipart part over the configured size. */
    private static boolean isTooLarge(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            String m = String.valueOf(x.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds max") || m.contains("too large") || m.contains("max file size") || m.contains("413")) {
                return true;
            }
        }
        return false;
    }

    static void write(Context ctx, int status, String code, String message, String messageZh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", code);
        body.put("message", message);
        body.put("message_zh", messageZh);
        ctx.status(status).json(body);
    }
}
