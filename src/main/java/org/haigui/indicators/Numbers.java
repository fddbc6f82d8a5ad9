package org.haigui.indicators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Numbers of the output: exact where the database gives them exactly, 12 significant digits otherwise. */
final class Numbers {

    private static final MathContext DIGITS = new MathContext(12);

    private Numbers() {
    }

    static BigDecimal of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        return normal(new BigDecimal(d).round(DIGITS));
    }

    static BigDecimal of(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof BigDecimal b) {
            return normal(b);
        }
        if (o instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (o instanceof Double || o instanceof Float) {
            return of(((Number) o).doubleValue());
        }
        if (o instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (o instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return normal(new BigDecimal(o.toString()));
    }

    /** Trailing zeros dropped, never an exponent in {@link BigDecimal#toPlainString()}. */
    static BigDecimal normal(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Plain decimal text (no exponent, locale-independent); empty for null. */
    static String text(BigDecimal b) {
        return b == null ? "" : b.toPlainString();
    }

    static double dbl(BigDecimal b) {
        return b == null ? Double.NaN : b.doubleValue();
    }
}
