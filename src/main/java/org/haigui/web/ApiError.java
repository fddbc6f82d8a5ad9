package org.haigui.web;

/**
 * A refusal of the web layer itself (not logged in, wrong role, missing CSRF token, rate-limited,
 * upload too large, an import already running): an HTTP status, a stable code the dashboard
 * translates, and a message in English and Chinese. Mapped with the feature errors in
 * {@link HttpErrors}.
 */
final class ApiError extends RuntimeException {

    final int status;
    final String code;
    final String messageZh;
    final long retryAfter;

    ApiError(int status, String code, String message, String messageZh) {
        this(status, code, message, messageZh, 0);
    }

    ApiError(int status, String code, String message, String messageZh, long retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.retryAfter = retryAfter;
    }
}
