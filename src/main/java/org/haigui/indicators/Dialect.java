package org.haigui.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place where the SQL of the catalogue and the engine meets an engine's dialect. The SQL is
 * written once, in a portable subset (plain joins, windows, {@code GROUPING SETS}, {@code CASE},
 * {@code CAST(x AS DOUBLE)}, {@code DECIMAL(38, 2)}, {@code extract}, {@code make_date},
 * {@code position(a IN b)}, {@code translate}, {@code ||}), and these few functions where DuckDB and
 * Spark SQL differ, written {@code @name(arguments)} and rendered by {@link #render}:
 * <table>
 * <caption>dialect functions</caption>
 * <tr><th>function</th><th>DuckDB</th><th>Spark SQL</th></tr>
 * <tr><td>{@code @days(d)} (days since 1970-01-01)</td><td>{@code date_diff('day', DATE '1970-01-01', d)}</td><td>{@code datediff(d, DATE '1970-01-01')}</td></tr>
 * <tr><td>{@code @addDays(d, n)}</td><td>{@code (d + INTERVAL n DAY)}</td><td>{@code date_add(d, n)}</td></tr>
 * <tr><td>{@code @id(date)} (a column named like a keyword)</td><td>{@code "date"}</td><td>{@code `date`}</td></tr>
 * <tr><td>{@code @str(x)}</td><td>{@code CAST(x AS VARCHAR)}</td><td>{@code CAST(x AS STRING)}</td></tr>
 * <tr><td>{@code @median(v)}</td><td>{@code percentile_cont(0.5) WITHIN GROUP (ORDER BY v)}</td><td>{@code median(v)}</td></tr>
 * <tr><td>{@code @replaceAll(s, re, r)}</td><td>{@code regexp_replace(s, re, r, 'g')}</td><td>{@code regexp_replace(s, re, r)}</td></tr>
 * <tr><td>{@code @re(pattern)} (a regular expression literal)</td><td>{@code 'pattern'}</td><td>{@code 'pattern'}, backslashes doubled</td></tr>
 * </table>
 * and the statements {@link #createTemp}, {@link #dropTemp}: temporary tables (DuckDB, private to
 * the connection) or cached temporary views (Spark; the scale-out module's session materialises
 * them as local checkpoints instead, see {@link SqlSession#createTemp}). Arguments are split at top-level commas;
 * parentheses and string literals nest.
 */
public enum Dialect {

    DUCKDB, SPARK;

    /** Renders the dialect functions of {@code sql}. */
    public String render(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int end = endOfString(sql, i);
                out.append(sql, i, end);
                i = end;
                continue;
            }
            if (ch == '@') {
                int open = sql.indexOf('(', i);
                if (open > i + 1 && sql.substring(i + 1, open).chars().allMatch(Character::isLetter)) {
                    String name = sql.substring(i + 1, open);
                    int close = closing(sql, open);
                    List<String> args = split(sql.substring(open + 1, close));
                    out.append(function(name, args));
                    i = close + 1;
                    continue;
                }
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    private String function(String name, List<String> raw) {
        List<String> a = new ArrayList<>();
        for (String s : raw) {
            a.add("re".equals(name) ? s.strip() : render(s.strip()));
        }
        boolean duck = this == DUCKDB;
        return switch (name) {
            case "days" -> duck ? "date_diff('day', DATE '1970-01-01', " + one(name, a) + ")" : "datediff(" + one(name, a) + ", DATE '1970-01-01')";
            case "addDays" -> {
                need(name, a, 2);
                yield duck ? "(" + a.get(0) + " + INTERVAL " + a.get(1) + " DAY)" : "date_add(" + a.get(0) + ", " + a.get(1) + ")";
            }
            case "id" -> duck ? "\"" + one(name, a) + "\"" : "`" + one(name, a) + "`";
            case "str" -> "CAST(" + one(name, a) + (duck ? " AS VARCHAR)" : " AS STRING)");
            case "median" -> duck ? "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + one(name, a) + ")" : "median(" + one(name, a) + ")";
            case "replaceAll" -> {
                need(name, a, 3);
                yield "regexp_replace(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + (duck ? ", 'g')" : ")");
            }
            case "re" -> "'" + (duck ? one(name, a) : one(name, a).replace("\\", "\\\\")).replace("'", "''") + "'";
            default -> throw new IllegalArgumentException("unknown dialect function @" + name);
        };
    }

    /** {@code CREATE TEMP TABLE name AS query} (Spark: a cached temporary view), replacing one of that name. */
    public String createTemp(String name, String query) {
        return this == DUCKDB
            ? "CREATE OR REPLACE TEMP TABLE " + name + " AS " + render(query)
            : "CACHE TABLE " + name + " AS " + render(query);
    }

    /** Drops the temporary table (view) if it exists. */
    public String dropTemp(String name) {
        return this == DUCKDB ? "DROP TABLE IF EXISTS " + name : "DROP VIEW IF EXISTS " + name;
    }

    /**
     * Whether the engine has a top-n aggregate ({@code max(x, n)}, DuckDB), so that the two largest
     * contributions of a cell come from the same pass as its sum; otherwise (Spark SQL) the engine
     * ranks the rows with a window function. The values are the same either way.
     */
    public boolean hasTopTwo() {
        return this == DUCKDB;
    }

    /** The dialect's name in lower case (recorded with the output). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String one(String name, List<String> a) {
        need(name, a, 1);
        return a.get(0);
    }

    private static void need(String name, List<String> a, int n) {
        if (a.size() != n) {
            throw new IllegalArgumentException("@" + name + " takes " + n + " argument" + (n > 1 ? "s" : "") + ", not " + a.size());
        }
    }

    private static int endOfString(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated string literal in SQL: " + s.substring(start, Math.min(s.length(), start + 40)));
    }

    private static int closing(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                i = endOfString(s, i);
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced parentheses in SQL after: " + s.substring(open, Math.min(s.length(), open + 40)));
    }

    private static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        int i = 0;
        while (i < args.length()) {
            char ch = args.charAt(i);
            if (ch == '\'') {
                i = endOfString(args, i);
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(args.substring(from, i));
                from = i + 1;
            }
            i++;
        }
        out.add(args.substring(from));
        return out;
    }
}
