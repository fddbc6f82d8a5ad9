package org.haigui.synth;

import java.time.LocalDate;
import org.haigui.ids.CreditCode;

/** Identifiers and formats of the generated values (the last section of {@link BlockGen}): credit codes, padded ids, dates at a precision, money and decimals as written. */
final class Formats {

    private Formats() {
    }

    /**
     * A unified social credit code: 9 (registered with the market regulator), 1 (enterprise), the
     * district, the organisation code, the check character. Firms registered before the reform of
     * October 2015 keep their old 8-digit organisation code with its GB 11714 check character;
     * later ones get a new-style code starting "MA". The organisation code encodes the firm number,
     * so codes are unique.
     */
    static String creditCode(long entNo, String district, LocalDate founded) {
        StringBuilder sb = new StringBuilder(18).append("91").append(district);
        if (founded.isBefore(LocalDate.of(2015, 10, 1))) {
            String digits = pad("", entNo % 100_000_000L, 8);
            int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (digits.charAt(i) - '0') * w[i];
            }
            int c = 11 - sum % 11;
            sb.append(digits).append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
        } else {
            sb.append("MA");
            char[] cs = new char[7];
            long v = entNo;
            for (int i = 6; i >= 0; i--) {
                cs[i] = CreditCode.CHARSET.charAt((int) (v % 31));
                v /= 31;
            }
            sb.append(cs);
        }
        sb.append(CreditCode.checkCharacter(sb));
        return sb.toString();
    }

    static String pad(String prefix, long n, int width) {
        String s = Long.toString(n);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, s.length())).append(prefix);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    static String date(LocalDate d) {
        return date(d, 0);
    }

    /** ISO date at a precision: 0 day, 1 month (YYYY-MM), 2 year (YYYY). */
    static String date(LocalDate d, int prec) {
        char[] c = new char[prec == 0 ? 10 : prec == 1 ? 7 : 4];
        int y = d.getYear();
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        if (prec <= 1) {
            int m = d.getMonthValue();
            c[4] = '-';
            c[5] = (char) ('0' + m / 10);
            c[6] = (char) ('0' + m % 10);
        }
        if (prec == 0) {
            int dd = d.getDayOfMonth();
            c[7] = '-';
            c[8] = (char) ('0' + dd / 10);
            c[9] = (char) ('0' + dd % 10);
        }
        return new String(c);
    }

    /** Yuan with two decimals, no thousands separator. */
    static String money(double yuan) {
        long cents = Math.round(yuan * 100);
        boolean neg = cents < 0;
        long a = Math.abs(cents);
        StringBuilder sb = new StringBuilder(16);
        if (neg) {
            sb.append('-');
        }
        sb.append(a / 100).append('.');
        long f = a % 100;
        if (f < 10) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }

    static String decimal4(double v) {
        long x = Math.round(v * 10000);
        StringBuilder sb = new StringBuilder().append(x / 10000).append('.');
        String f = Long.toString(x % 10000);
        for (int i = f.length(); i < 4; i++) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }
}
