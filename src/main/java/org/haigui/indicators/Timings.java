package org.haigui.indicators;

import java.util.Locale;

/**
 * A run's timings on standard error when the environment variable {@code HAIGUI_TIMINGS} is set
 * (as the import's phases): each phase, each indicator, each SQL statement. For profiling; never
 * part of an output. Public for the command's phases (opening, writing), which are outside the engine.
 */
public final class Timings {

    public static final boolean ON = System.getenv("HAIGUI_TIMINGS") != null;

    private Timings() {
    }

    /** Prints what took the time since {@code startNanos} ({@link System#nanoTime}). */
    public static void log(String what, long startNanos) {
        if (ON) {
            System.err.printf(Locale.ROOT, "indicators %8.3f s  %s%n", (System.nanoTime() - startNanos) / 1e9, what);
        }
    }

    /** The start of an SQL statement, on one line, for {@link #log}. */
    static String sql(String sql) {
        String s = sql.replaceAll("\\s+", " ").strip();
        return "sql " + (s.length() > 160 && System.getenv("HAIGUI_SQL_FULL") == null ? s.substring(0, 160) + " ..." : s);
    }
}
