package org.haigui.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haigui.schema.City;
import org.haigui.schema.Column;
import org.haigui.schema.ColumnType;
import org.haigui.schema.EnumValue;
import org.haigui.schema.Rule;
import org.haigui.schema.Table;

/**
 * The row rules of one table as SQL over a table of raw text cells (columns {@code c0, c1, ...} in
 * header order), for {@link EngineStaging}: a condition that holds only for rows that
 * {@link RowValidator} would accept, and for those rows the store values it would give.
 *
 * <p>The condition is deliberately narrower than the rules: it accepts the plain forms of each type
 * (ASCII digits and dates as written in the import format, codes as listed, text without control
 * characters and without enough digits to hold an identity number) and sends everything else - the
 * full-width digits, Excel serials, invisible characters, aliases with letters outside ASCII, every
 * error - to {@link RowValidator}, so that messages and values stay those of the one row checker. A
 * table whose file holds credit codes (check characters), whose answers are checked against a survey
 * definition, or with a rule not written here, has no SQL form ({@link #of} gives null) and is
 * checked by {@link RowValidator} alone. Identity numbers are never in the SQL: {@link IdColumn}
 * checks and hashes them in Java, and its columns ({@code _idrow, _idh, _ida, _idg, _idb}) are
 * joined to the cells by line; the rule that gender and birth date agree with the number is written
 * over them.
 */
final class EngineRules {

    /** The clean-row condition (never NULL) and the store value expressions, in {@link Table#storeColumns()} order. */
    final String clean;
    final List<String> values;

    private EngineRules(String clean, List<String> values) {
        this.clean = clean;
        this.values = values;
    }

    /** Whether the scan's facts may leave checks out (the tests turn it off to check the full conditions on the same files). */
    static boolean useFacts = true;

    /** Characters that cannot become a digit under NFKC: ASCII but digits, CJK punctuation and ideographs, full-width punctuation and letters. */
    private static final String NOT_DIGITS = "[ -/:-~\\x{3000}-\\x{303F}\\x{4E00}-\\x{9FFF}\\x{FF01}-\\x{FF0F}\\x{FF1A}-\\x{FF5E}]";

    /**
     * The SQL form of the table's row rules for a file whose header position {@code k} holds schema
     * column {@code schemaIndexOfHeader[k]} (-1: not a schema column), or null when there is none.
     */
    static EngineRules of(Table table, int[] schemaIndexOfHeader, City city, SurveyCheck survey) {
        return of(table, schemaIndexOfHeader, city, survey, null);
    }

    /**
     * As {@link #of(Table, int[], City, SurveyCheck)}, leaving out the checks that the file's
     * {@link CsvScan} shows every value to pass (null: none left out).
     */
    static EngineRules of(Table table, int[] schemaIndexOfHeader, City city, SurveyCheck survey, CsvScan scan) {
        if (survey != SurveyCheck.NONE && table.name().equals("survey")) {
            return null;
        }
        List<Column> cols = table.columns();
        String[] raw = new String[cols.size()];
        int[] position = new int[cols.size()];
        for (int k = 0; k < schemaIndexOfHeader.length; k++) {
            if (schemaIndexOfHeader[k] >= 0) {
                raw[schemaIndexOfHeader[k]] = "c" + k; // the last of repeated headers wins, as in HeaderMap.bySchema
                position[schemaIndexOfHeader[k]] = k;
            }
        }
        List<String> clean = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String[] valueOf = new String[cols.size()];
        String[] trimmed = new String[cols.size()];
        int[] storeAt = new int[cols.size()];
        boolean idNumbers = false;
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            String x = raw[i];
            storeAt[i] = values.size();
            if (x == null) {
                if (c.required()) {
                    return null; // HeaderMap refuses such a file before
                }
                for (String sc : c.storeColumns()) {
                    values.add("CAST(NULL AS " + table.storeType(sc) + ")");
                }
                valueOf[i] = "CAST(NULL AS " + c.type().sqlType() + ")";
                continue;
            }
            if (c.type() == ColumnType.CREDIT_CODE) {
                return null;
            }
            if (c.type() == ColumnType.ID_NUMBER) {
                // never read by DuckDB: checked and hashed in Java (IdColumn), joined by line as the _id columns;
                // no row there is an empty cell, a row without a hash one for the row checker
                values.add("_idh");
                values.add("_ida");
                valueOf[i] = "_idh";
                clean.add("(_idrow IS NULL OR _idh IS NOT NULL)");
                idNumbers = true;
                continue;
            }
            Facts facts = scan == null || scan.controls || !useFacts ? null : new Facts(scan, position[i]);
            // trim (the costliest step of the rules, measured: the episodes' rules in 0.15-0.19 s without it against
            // 0.29-0.36 s) only where some value starts or ends with a space
            String v = facts != null && !scan.spaced[position[i]] ? "nullif(" + x + ", '')" : "nullif(trim(" + x + "), '')";
            trimmed[i] = v;
            String[] form = form(c, x, v, city, facts);
            valueOf[i] = form[1];
            values.add(form[1]);
            String present = "(" + form[0] + ")";
            if ((c.type() == ColumnType.ID || c.type() == ColumnType.TEXT) && (scan == null || scan.apostrophes[position[i]])) {
                // a cell a rejected-rows file neutralised ('=...) is read back by RowValidator's caller (SpreadsheetCells.restore)
                present = "(NOT starts_with(" + x + ", '''') AND " + present + ")";
            }
            clean.add(c.required() ? "(" + v + " IS NOT NULL AND " + present + ")" : "(" + v + " IS NULL OR " + present + ")");
        }
        for (Rule r : table.rules()) {
            if (r instanceof Rule.AgreesWithIdNumber ag && idNumbers) {
                // as RowValidator: a gender or birth date left empty is the number's, one given must agree with it
                // (a birth date of a year or a month: the number's date falls in it)
                int gi = table.columns().indexOf(table.column(ag.genderColumn()).orElseThrow());
                int bi = table.columns().indexOf(table.column(ag.birthDateColumn()).orElseThrow());
                String g = "(" + valueOf[gi] + ")";
                String b = "(" + valueOf[bi] + ")";
                // a clean birth date is written YYYY, YYYY-MM or YYYY-MM-DD (its form's condition): it agrees when the
                // number's date, written YYYY-MM-DD, starts with it
                String agrees = trimmed[bi] == null ? "true" : "(" + trimmed[bi] + " IS NULL OR starts_with(CAST(_idb AS VARCHAR), "
                    + trimmed[bi] + "))";
                clean.add("(_idh IS NULL OR ((" + g + " IS NULL OR " + g + " = _idg) AND " + agrees + "))");
                values.set(storeAt[gi], "coalesce(" + g + ", _idg)");
                values.set(storeAt[bi], "coalesce(" + b + ", _idb)");
                continue;
            }
            String cond = rule(r, table, valueOf);
            if (cond == null) {
                return null;
            }
            if (!cond.isEmpty()) {
                clean.add(cond);
            }
        }
        return new EngineRules("coalesce(" + String.join("\n AND ", clean) + ", false)", values);
    }

    /** What the scan found in one column of a file without control characters. */
    private record Facts(CsvScan scan, int k) {
        boolean ascii() {
            return !scan.nonAscii[k];
        }

        /** No value can hold an identity number (17 digits and a check character, after NFKC). */
        boolean noIdNumber() {
            return scan.maxPotentialDigits[k] < 17;
        }

        boolean numbers(int intDigits, int fracDigits) {
            return scan.decimals[k] && scan.maxIntDigits[k] <= intDigits && scan.maxFracDigits[k] <= fracDigits;
        }
    }

    /**
     * {condition on a present value, value expression} for one column; x is the raw cell, v its
     * trimmed non-empty value, f what the scan found in the column (null: nothing known).
     */
    private static String[] form(Column c, String x, String v, City city, Facts f) {
        String ascii = "NOT regexp_matches(" + x + ", '[^ -~]')";
        return switch (c.type()) {
            case ID -> f != null && f.ascii() && f.noIdNumber() && f.scan.maxBytes[f.k] <= 64 ? new String[] {"true", v} : new String[] {ascii + " AND length(" + v + ") <= 64 AND " + orElse("length(" + v + ") < 17", "length(regexp_replace(" + v
                + ", '[^0-9]', '', 'g')) < 17"), v};
            // short text cannot hold an identity number; most longer text holds no character that could be a digit, known by one scan
            case TEXT -> f != null && f.noIdNumber() ? new String[] {"true", v} : new String[] {"NOT regexp_matches(" + x + ", '[\\x00-\\x1f\\x7f]') AND " + orElse("length(" + x + ") < 17",
                orElse("NOT regexp_matches(" + x + ", '[^" + NOT_DIGITS.substring(1) + "')", "length(regexp_replace(" + x + ", '"
                    + NOT_DIGITS + "', '', 'g')) < 17")), v};
            case DATE -> {
                String d = "try_cast(" + v + " AS DATE)";
                String year = "year(" + d + ") BETWEEN 1850 AND 2200";
                yield new String[] {f != null && f.scan.fullDates[f.k] ? year : "regexp_full_match(" + x + ", ' *[0-9]{4}-[0-9]{2}-[0-9]{2} *') AND "
                    + year, d};
            }
            case PARTIAL_DATE -> {
                String d = "try_cast(CASE length(" + v + ") WHEN 10 THEN " + v + " WHEN 7 THEN " + v + " || '-01' WHEN 4 THEN " + v
                    + " || '-01-01' END AS DATE)";
                String year = "year(" + d + ") BETWEEN 1850 AND 2200";
                yield new String[] {f != null && f.scan.partialDates[f.k] ? year : "regexp_full_match(" + x
                    + ", ' *[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)? *') AND " + year, d};
            }
            case INT -> {
                String n = "try_cast(" + v + " AS BIGINT)";
                yield new String[] {(f != null && f.numbers(15, 0) ? "true" : "regexp_full_match(" + x + ", ' *-?[0-9]{1,15} *')") + sign(c, n), n};
            }
            case MONEY, DECIMAL -> {
                int scale = c.type() == ColumnType.MONEY ? 2 : 6;
                String n = "try_cast(" + v + " AS DECIMAL(18," + scale + "))";
                int digits = Math.min(15, 18 - scale);
                yield new String[] {(f != null && f.numbers(digits, scale) ? "true" : "regexp_full_match(" + x + ", ' *-?[0-9]{1," + digits
                    + "}(\\.[0-9]{1," + scale + "})? *')") + sign(c, n), n};
            }
            case BOOL -> new String[] {"lower(" + v + ") IN ('true', '1', 'yes', '是', 'y', 'false', '0', 'no', '否', 'n')",
                "lower(" + v + ") IN ('true', '1', 'yes', '是', 'y')"};
            case COUNTRY -> new String[] {(f != null && f.ascii() ? "" : "regexp_full_match(" + x + ", ' *[A-Za-z]{2} *') AND ") + "upper(" + v
                + ") IN (" + COUNTRIES + ")", "upper(" + v + ")"};
            case COUNTRY_LIST -> {
                // the codes as one regular expression (one automaton) rather than a list per row; repeats only where there are several
                String code = "(?i:" + COUNTRIES.replace("'", "").replace(", ", "|") + ")";
                String parts = "string_split(upper(" + v + "), ';')";
                yield new String[] {"strlen(" + x + ") = length(" + x + ") AND regexp_full_match(" + x + ", ' *" + code + "(;" + code + ")* *') AND " + orElse("NOT contains(" + v + ", ';')",
                    "len(list_distinct(" + parts + ")) = len(" + parts + ")"), "upper(" + v + ")"};
            }
            case ENUM -> {
                String code = enumCase(c, x, v, f != null && f.ascii());
                yield new String[] {code + " IS NOT NULL", code};
            }
            case DISTRICT -> {
                StringBuilder in = new StringBuilder();
                for (String d : city.districts().keySet()) {
                    in.append(in.length() == 0 ? "" : ", ").append(literal(d));
                }
                yield new String[] {v + " IN (" + in + ")", v};
            }
            case INDUSTRY -> {
                StringBuilder lo = new StringBuilder("CASE upper(substr(" + v + ", 1, 1))");
                StringBuilder hi = new StringBuilder(lo);
                for (int s = 0; s < Values.SECTION_DIVISIONS.length; s++) {
                    String letter = literal(String.valueOf((char) ('A' + s)));
                    lo.append(" WHEN ").append(letter).append(" THEN ").append(Values.SECTION_DIVISIONS[s][0]);
                    hi.append(" WHEN ").append(letter).append(" THEN ").append(Values.SECTION_DIVISIONS[s][1]);
                }
                yield new String[] {"regexp_full_match(" + x + ", ' *[A-Ta-t]([0-9]{2}([0-9]{1,2})?)? *') AND (length(" + v
                    + ") < 3 OR try_cast(substr(" + v + ", 2, 2) AS INTEGER) BETWEEN " + lo + " END AND " + hi + " END)",
                    "upper(" + v + ")"};
            }
            case FIELD -> new String[] {"regexp_full_match(" + x + ", ' *[0-9]{1,2} *') AND try_cast(" + v + " AS INTEGER) <= 10",
                "lpad(CAST(try_cast(" + v + " AS INTEGER) AS VARCHAR), 2, '0')"};
            case ID_NUMBER, CREDIT_CODE -> throw new IllegalStateException("no SQL form for " + c.type());
        };
    }

    /**
     * {@code a OR b}, with b evaluated only where a does not hold (DuckDB evaluates both sides of an
     * OR outside a filter; the branches of a CASE only for their rows).
     */
    private static String orElse(String a, String b) {
        return "CASE WHEN " + a + " THEN true ELSE " + b + " END";
    }

    private static String sign(Column c, String n) {
        return c.positive() ? " AND " + n + " > 0" : c.nonNegative() ? " AND " + n + " >= 0" : "";
    }

    /**
     * The code of an enumeration value: an ASCII value (as many bytes as characters) compared without case to the ASCII codes and
     * aliases ({@link Column#enumCode}), any other value compared exactly to the aliases that NFKC
     * leaves alone and that have no case (Chinese ones); NULL when it is none of them.
     */
    private static String enumCase(Column c, String x, String v, boolean asciiColumn) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (EnumValue ev : c.values()) {
            List<String> names = new ArrayList<>();
            names.add(ev.code());
            names.addAll(ev.aliases());
            for (String n : names) {
                if (n.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e)) {
                    ascii.append(" WHEN ").append(literal(n.toLowerCase(Locale.ROOT))).append(" THEN ").append(literal(ev.code()));
                } else if (Normalizer.isNormalized(n, Normalizer.Form.NFKC) && n.equals(n.toLowerCase(Locale.ROOT))
                    && n.equals(n.toUpperCase(Locale.ROOT)) && n.equals(n.trim())) {
                    other.append(" WHEN ").append(literal(n)).append(" THEN ").append(literal(ev.code()));
                }
            }
        }
        if (asciiColumn) {
            return ascii.length() == 0 ? "NULL" : "CASE lower(" + v + ")" + ascii + " END";
        }
        return "CASE WHEN strlen(" + x + ") = length(" + x + ") THEN " + (ascii.length() == 0 ? "NULL" : "CASE lower(" + v + ")" + ascii + " END")
            + " ELSE " + (other.length() == 0 ? "NULL" : "CASE " + v + other + " END") + " END";
    }

    /** A rule as a condition on the store values ("" when the row alone cannot break it), or null when it has no SQL form. */
    private static String rule(Rule r, Table t, String[] valueOf) {
        if (r instanceof Rule.NotBefore nb) {
            return "coalesce(" + val(t, valueOf, nb.column()) + " >= " + val(t, valueOf, nb.other()) + ", true)";
        } else if (r instanceof Rule.AtMost am) {
            return "coalesce(" + val(t, valueOf, am.column()) + " <= " + val(t, valueOf, am.other()) + ", true)";
        } else if (r instanceof Rule.AtLeastOneOf one) {
            List<String> any = new ArrayList<>();
            for (String name : one.columns()) {
                any.add(val(t, valueOf, name) + " IS NOT NULL");
            }
            return "(" + String.join(" OR ", any) + ")";
        } else if (r instanceof Rule.RequiredWhen rw) {
            if (!isText(t, rw.other())) {
                return ""; // the rule compares a text value: never equal to a number or a date
            }
            return "NOT (coalesce(" + val(t, valueOf, rw.other()) + " = " + literal(rw.value()) + ", false) AND "
                + val(t, valueOf, rw.column()) + " IS NULL)";
        } else if (r instanceof Rule.OnlyWhen ow) {
            if (!isText(t, ow.column()) || !isText(t, ow.other())) {
                return null;
            }
            String v = val(t, valueOf, ow.column());
            String o = val(t, valueOf, ow.other());
            return "NOT coalesce(" + v + " <> " + literal(ow.allowedAlways()) + " AND " + o + " <> " + literal(ow.value()) + ", false)";
        } else if (r instanceof Rule.AgreesWithIdNumber) {
            return ""; // the file has no identity numbers (of() takes the rule when it has)
        } else if (r instanceof Rule.YearNotBeforeReferenced || r instanceof Rule.Unique || r instanceof Rule.SameWithin) {
            return ""; // across rows: CrossRowChecks
        }
        return null;
    }

    private static boolean isText(Table t, String column) {
        return t.column(column).orElseThrow().type().sqlType().equals("VARCHAR");
    }

    private static String val(Table t, String[] valueOf, String column) {
        return "(" + valueOf[t.columns().indexOf(t.column(column).orElseThrow())] + ")";
    }

    /** The ISO 3166-1 alpha-2 codes as SQL literals, sorted, comma-separated (the codes {@link Values#country} takes). */
    private static final String COUNTRIES = String.join(", ", new java.util.TreeSet<>(java.util.Set.of(Locale.getISOCountries())).stream()
        .map(EngineRules::literal).toList());

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
