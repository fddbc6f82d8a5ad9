package org.haigui.ingest;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing of single values by type. Each parse method returns the value or throws {@link Bad} with the reason. */
final class Values {

    private Values() {
    }

    /** A value that does not parse; the message is the reason shown to the user. */
    static final class Bad extends Exception {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern INDUSTRY = Pattern.compile("[A-T](\\d{2}(\\d{1,2})?)?");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    /** GB/T 4754-2017: the divisions of each section (first and last two-digit code). */
    static final int[][] SECTION_DIVISIONS = {
        {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
        {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}};
    /** Excel's day 0 in the 1900 date system, accounting for its phantom 29 February 1900. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /**
     * {@code nfkc(stripInvisible(s))}, the normalisation of every column but free text, in one pass
     * for plain ASCII (the common case: nothing invisible or to fold, only the trim).
     */
    static String normalise(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // printable ASCII and the CJK Unified Ideographs (U+4E00-U+9FFF) are their own NFKC form and
            // hold no invisible character: most Chinese names and institutions skip the normaliser
            if (c > 0x7e && (c < 0x4e00 || c > 0x9fff)) {
                return nfkc(stripInvisible(s));
            }
        }
        return s.trim();
    }

    /** NFKC (full-width digits and letters to ASCII) and trim; cheap for plain ASCII. */
    static String nfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7e) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC).trim();
            }
        }
        return s.trim();
    }

    /**
     * Removes the invisible characters that make two equal-looking ids different keys: the
     * byte-order mark U+FEFF (left by a file joined to another), zero-width space, non-joiner and
     * joiner (U+200B-U+200D), word joiner U+2060 and the Mongolian vowel separator U+180E. Applied
     * to every column except free text.
     */
    static String stripInvisible(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean invisible = c == '\uFEFF' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\u180E';
            if (invisible && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!invisible && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }

    static String id(String s) throws Bad {
        if (s.length() > 64) {
            throw new Bad("an id has at most 64 characters, this one has " + s.length());
        }
        if (hasControl(s)) {
            throw new Bad("an id may not contain control characters");
        }
        return s;
    }

    /**
     * A date: YYYY-MM-DD, or (partial) YYYY-MM / YYYY. {@code numeric} marks an Excel number cell:
     * a 4-digit integer is a year (partial dates), any other whole number an Excel date serial.
     */
    static LocalDate date(String s, boolean partial, boolean numeric) throws Bad {
        if (numeric) {
            if (s.length() == 4 && digits(s, 0, 4) && partial) {
                return year(s);
            }
            if (s.length() >= 1 && s.length() <= 5 && digits(s, 0, s.length())) {
                long serial = Long.parseLong(s);
                if (serial == 60) {
                    throw new Bad("Excel day 60 is 29 February 1900, a day that does not exist (Excel's leap-year bug)");
                }
                if (serial >= 1 && serial <= 73050) {
                    return serial < 61 ? EXCEL_EPOCH.plusDays(serial + 1) : EXCEL_EPOCH.plusDays(serial);
                }
            }
            throw new Bad("a number that is not a date (expected " + (partial ? "YYYY-MM-DD, YYYY-MM or YYYY" : "YYYY-MM-DD") + ")");
        }
        String t = s;
        if (t.length() == 19 && t.charAt(10) == 'T' && t.endsWith("00:00:00")) {
            t = t.substring(0, 10); // an Excel date cell with a zero time part
        }
        int n = t.length();
        try {
            if (n == 10 && t.charAt(4) == '-' && t.charAt(7) == '-' && digits(t, 0, 4) && digits(t, 5, 7) && digits(t, 8, 10)) {
                return checkYear(LocalDate.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10)));
            }
            if (partial && n == 7 && t.charAt(4) == '-' && digits(t, 0, 4) && digits(t, 5, 7)) {
                return checkYear(LocalDate.of(number(t, 0, 4), number(t, 5, 7), 1));
            }
            if (partial && n == 4 && digits(t, 0, 4)) {
                return year(t);
            }
        } catch (DateTimeException e) {
            throw new Bad("not a real date");
        }
        throw new Bad("not a date: expected " + (partial ? "YYYY-MM-DD, YYYY-MM or YYYY" : "YYYY-MM-DD"));
    }

    private static LocalDate year(String t) throws Bad {
        return checkYear(LocalDate.of(Integer.parseInt(t), 1, 1));
    }

    private static LocalDate checkYear(LocalDate d) throws Bad {
        if (d.getYear() < 1850 || d.getYear() > 2200) {
            throw new Bad("year " + d.getYear() + " is out of range (1850-2200)");
        }
        return d;
    }

    /** The same as the pattern -?\\d+(\\.\\d+)? (ASCII digits), without a regular expression. */
    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        int frac = ++i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == n && i > frac;
    }

    /** The number written by the ASCII digits s[from, to) (checked by {@link #digits} before). */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static long integer(String s) throws Bad {
        int n = s.length();
        int from = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n - from >= 1 && n - from <= 18 && digits(s, from, n)) {
            return Long.parseLong(s); // the common case, without a regular expression
        }
        if (!INTEGER.matcher(s).matches()) {
            if (DECIMAL.matcher(s).matches()) {
                throw new Bad("not a whole number");
            }
            if (s.indexOf(',') >= 0) {
                throw new Bad("not a number (no thousands separators, please)");
            }
            throw new Bad("not a whole number");
        }
        return Long.parseLong(s);
    }

    static BigDecimal decimal(String s, int scale) throws Bad {
        if (!isDecimal(s)) {
            if (s.indexOf(',') >= 0) {
                throw new Bad("not a number (no thousands separators, please; money is in yuan)");
            }
            throw new Bad("not a number");
        }
        BigDecimal d = new BigDecimal(s);
        if (d.scale() > scale) {
            BigDecimal stripped = d.stripTrailingZeros();
            if (stripped.scale() > scale) {
                throw new Bad("more than " + scale + " decimal places");
            }
            d = stripped;
        }
        if (d.precision() - d.scale() > 18 - scale) {
            throw new Bad("number too large");
        }
        return d.setScale(scale);
    }

    static boolean bool(String s) throws Bad {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "是", "y":
                return true;
            case "false", "0", "no", "否", "n":
                return false;
            default:
                throw new Bad("not a yes/no value (true/false, 1/0, yes/no, 是/否)");
        }
    }

    static String country(String s) throws Bad {
        String c = s.toUpperCase(Locale.ROOT);
        if (c.length() != 2 || !COUNTRIES.contains(c)) {
            throw new Bad("not an ISO 3166-1 alpha-2 country code (US, GB, JP, ...)");
        }
        return c;
    }

    static String countryList(String s) throws Bad {
        StringBuilder out = new StringBuilder();
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        for (String part : s.split(";", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String c;
            try {
                c = country(p);
            } catch (Bad b) {
                throw new Bad("'" + p + "' is not an ISO 3166-1 alpha-2 country code (list them separated by ';')");
            }
            if (seen.add(c)) {
                if (out.length() > 0) {
                    out.append(';');
                }
                out.append(c);
            }
        }
        if (out.length() == 0) {
            throw new Bad("no country in the list");
        }
        return out.toString();
    }

    static String industry(String s) throws Bad {
        String c = s.toUpperCase(Locale.ROOT);
        if (!INDUSTRY.matcher(c).matches()) {
            throw new Bad("not a GB/T 4754-2017 code (a section letter A-T and up to 4 digits, e.g. C3976 or I65)");
        }
        if (c.length() >= 3) {
            int division = Integer.parseInt(c.substring(1, 3));
            int[] range = SECTION_DIVISIONS[c.charAt(0) - 'A'];
            if (division < range[0] || division > range[1]) {
                throw new Bad(String.format(Locale.ROOT, "division %02d is not in section %c (its divisions are %02d-%02d)",
                    division, c.charAt(0), range[0], range[1]));
            }
        }
        return c;
    }

    /** The broad fields as stored, "00" to "10" (no formatting per value: this runs for every row). */
    private static final String[] FIELDS = {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10"};

    static String field(String s) throws Bad {
        int n = s.length();
        if ((n == 1 || n == 2) && digits(s, 0, n)) {
            int f = n == 1 ? s.charAt(0) - '0' : (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
            if (f <= 10) {
                return FIELDS[f];
            }
        }
        throw new Bad("not an ISCED-F 2013 broad field (00-10)");
    }
}
