package org.haigui.ingest.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Number and date text of cells. */
final class CellValues {

    /** Epoch day of 1899-12-31, Excel's serial 0 in the 1900 system ("1900-01-00"). */
    private static final long DAY0_1900 = LocalDate.of(1899, 12, 31).toEpochDay();
    /** Epoch day of 1904-01-01, serial 0 in the 1904 system. */
    private static final long DAY0_1904 = LocalDate.of(1904, 1, 1).toEpochDay();
    private static final long EPOCH_DAY_9999_12_31 = LocalDate.of(9999, 12, 31).toEpochDay();

    private CellValues() {}

    /**
     * The normalized form of a plain decimal as stored ({@code -012.500} -> {@code -12.5}) when it
     * has at most 15 significant digits, no exponent and at most 30 characters; else null. Any
     * decimal of at most 15 significant digits is the shortest decimal of its double (15 digits
     * always survive the round trip), so this is what {@link #number(double)} gives, only without
     * parsing, and it does not depend on the JDK's Double.toString (which before JDK 19 sometimes
     * printed a digit too many).
     */
    static String plainDecimal(String v) {
        int n = v.length();
        if (n == 0 || n > 30) {
            return null;
        }
        int i = 0;
        boolean negative = v.charAt(0) == '-';
        if (negative) {
            i = 1;
        }
        int intStart = i;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && v.charAt(i) == '.') {
            i++;
            fracStart = i;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
            }
            fracEnd = i;
        }
        if (i != n || (intEnd == intStart && fracEnd == fracStart)) {
            return null;
        }
        while (intStart < intEnd && v.charAt(intStart) == '0') {
            intStart++;
        }
        while (fracEnd > fracStart && v.charAt(fracEnd - 1) == '0') {
            fracEnd--;
        }
        int significant;
        if (intStart < intEnd) {
            significant = (intEnd - intStart) + (fracEnd - fracStart);
        } else {
            int firstNonZero = fracStart;
            while (firstNonZero < fracEnd && v.charAt(firstNonZero) == '0') {
                firstNonZero++;
            }
            significant = fracEnd - firstNonZero;
        }
        if (significant > 15) {
            return null;
        }
        if (significant == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(n);
        if (negative) {
            sb.append('-');
        }
        if (intStart == intEnd) {
            sb.append('0');
        } else {
            sb.append(v, intStart, intEnd);
        }
        if (fracEnd > fracStart) {
            sb.append('.').append(v, fracStart, fracEnd);
        }
        return sb.toString();
    }

    /** The shortest plain decimal of a double: 42.0 -> "42", 1e-7 -> "0.0000001", -0.0 -> "0". */
    static String number(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /**
     * The ISO text of a date serial, or null when it lies outside Excel's range (before serial 0 or
     * after 9999-12-31).
     *
     * <p>1900 system: serial 1 is 1900-01-01 and Excel, copying Lotus 1-2-3, counts a 29 February
     * 1900 that never was (serial 60), so serials from 61 on are one day ahead of the calendar.
     * Serial 60 is given as "1900-02-29", exactly what Excel shows, which no date parser accepts:
     * the import rejects that row rather than silently moving the date. Serials 0-59 (including
     * time-only values, which Excel stores as fractions of serial 0) count from 1899-12-31.
     *
     * <p>The time is rounded to the second. It is written only when the cell's format shows a time
     * ({@code withTime}) and it is not midnight; a date-only format hides the time as Excel does.
     */
    static String date(double serial, boolean date1904, boolean withTime) {
        if (!(serial >= 0) || Double.isInfinite(serial)) {
            return null;
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400.0);
        if (seconds >= 86_400) {
            days++;
            seconds -= 86_400;
        }
        String day;
        if (date1904) {
            long epochDay = DAY0_1904 + days;
            if (epochDay > EPOCH_DAY_9999_12_31) {
                return null;
            }
            day = LocalDate.ofEpochDay(epochDay).toString();
        } else if (days == 60) {
            day = "1900-02-29";
        } else {
            long epochDay = DAY0_1900 + (days < 60 ? days : days - 1);
            if (epochDay > EPOCH_DAY_9999_12_31) {
                return null;
            }
            day = LocalDate.ofEpochDay(epochDay).toString();
        }
        if (!withTime || seconds == 0) {
            return day;
        }
        return day + 'T' + twoDigits(seconds / 3600) + ':' + twoDigits(seconds / 60 % 60) + ':' + twoDigits(seconds % 60);
    }

    /** The ISO text of a {@code t="d"} cell (an ISO 8601 date or date-time as stored), or null when it is not one. */
    static String isoDate(String stored) {
        String s = stored.trim();
        try {
            if (s.indexOf('T') < 0) {
                return LocalDate.parse(s).toString();
            }
            if (s.endsWith("Z")) {
                s = s.substring(0, s.length() - 1);
            }
            LocalDateTime t = LocalDateTime.parse(s);
            String day = t.toLocalDate().toString();
            int secs = t.toLocalTime().toSecondOfDay();
            if (secs == 0) {
                return day;
            }
            return day + 'T' + twoDigits(secs / 3600) + ':' + twoDigits(secs / 60 % 60) + ':' + twoDigits(secs % 60);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String twoDigits(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
