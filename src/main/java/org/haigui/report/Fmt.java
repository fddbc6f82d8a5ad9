package org.haigui.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as each language writes them, never through the machine's locale: counts with thousands separators in
 * English ({@code 22,164}) and in Chinese tables; in Chinese sentences counts of ten thousand and more in 万 / 亿
 * ({@code 2.2万}); percentages with one decimal ({@code 36.3%}); ratios with two decimals; money in CNY million
 * (English) or 万元 (Chinese).
 */
final class Fmt {

    private Fmt() {
    }

    /** Digits with a comma every three places; {@code v} rounded half-up to {@code decimals}. */
    static String grouped(BigDecimal v, int decimals) {
        BigDecimal r = v.setScale(decimals, RoundingMode.HALF_UP);
        String plain = r.abs().toPlainString();
        int dot = plain.indexOf('.');
        String ip = dot < 0 ? plain : plain.substring(0, dot);
        String fp = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ip.length(); i++) {
            if (i > 0 && (ip.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(ip.charAt(i));
        }
        return (r.signum() < 0 ? "-" : "") + sb + fp;
    }

    /** An exact count with separators: tables, both languages. */
    static String count(BigDecimal v) {
        return grouped(v, 0);
    }

    /** A count in a sentence: English {@code 22,164}; Chinese {@code 2.2万} from ten thousand, {@code 1.3亿} from 10^8. */
    static String countWords(Lang l, BigDecimal v) {
        if (l == Lang.EN || v.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            return count(v);
        }
        boolean yi = v.abs().compareTo(BigDecimal.valueOf(100_000_000)) >= 0;
        BigDecimal scaled = v.divide(BigDecimal.valueOf(yi ? 100_000_000 : 10_000));
        return trimZero(scaled.setScale(1, RoundingMode.HALF_UP).toPlainString()) + (yi ? "亿" : "万");
    }

    /** A share in 0..1 as a percentage with one decimal: {@code 36.3%}. */
    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A difference of shares in percentage points: {@code +4.2} / {@code -1.0}. */
    static String points(BigDecimal diff) {
        BigDecimal p = diff.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString();
    }

    static String ratio(BigDecimal v) {
        return grouped(v, 2);
    }

    static String decimal(BigDecimal v) {
        return grouped(v, v.abs().compareTo(BigDecimal.TEN) >= 0 ? 1 : 2);
    }

    /** Money in CNY: English in millions ({@code 1,234.5}), Chinese in 万元 ({@code 123,450.0}); see {@link #moneyUnit}. */
    static String money(Lang l, BigDecimal v) {
        return grouped(v.movePointLeft(l == Lang.EN ? 6 : 4), 1);
    }

    static String moneyUnit(Lang l) {
        return l == Lang.EN ? "CNY million" : "万元";
    }

    /** A number rounded to two or three significant figures for "about n" ({@code 29,200}; {@code 2.9万}). */
    static String about(Lang l, BigDecimal v) {
        BigDecimal r = v.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? v.setScale(-2, RoundingMode.HALF_UP)
            : v.setScale(0, RoundingMode.HALF_UP);
        return countWords(l, r.setScale(0, RoundingMode.UNNECESSARY));
    }

    /** The value of a cell in a table in the column's style. */
    static String cell(Lang l, Doc.Style s, BigDecimal v) {
        return switch (s) {
            case COUNT -> count(v);
            case PERCENT -> percent(v);
            case RATIO -> ratio(v);
            case MONEY -> money(l, v);
            case DECIMAL -> decimal(v);
            case YEAR_TEXT -> v.toPlainString();
        };
    }

    private static String trimZero(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
