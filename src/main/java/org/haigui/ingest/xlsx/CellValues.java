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
