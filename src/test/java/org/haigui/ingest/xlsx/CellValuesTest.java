package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    @Test
    void plainDecimalsAreNormalized() {
        assertThat(CellValues.plainDecimal("-012.500")).isEqualTo("-12.5");
        assertThat(CellValues.plainDecimal("0.000")).isEqualTo("0");
        assertThat(CellValues.plainDecimal("-0.0")).isEqualTo("0");
        assertThat(CellValues.plainDecimal(".5")).isEqualTo("0.5");
        assertThat(CellValues.plainDecimal("5.")).isEqualTo("5");
        assertThat(CellValues.plainDecimal("0.000000123456789012345")).isEqualTo("0.000000123456789012345");
        assertThat(CellValues.plainDecimal("0.1234567890123456")).isNull(); // 16 significant digits
        assertThat(CellValues.plainDecimal("1E5")).isNull();
        assertThat(CellValues.plainDecimal("-")).isNull();
        assertThat(CellValues.plainDecimal(".")).isNull();
        assertThat(CellValues.plainDecimal("1.2.3")).isNull();
    }

    @Test
    void theFastPathAgreesWithTheDoubleRoundTrip() {
        Random random = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            int digits = 1 + random.nextInt(15);
            long mantissa = (long) (random.nextDouble() * Math.pow(10, digits));
            int scale = random.nextInt(digits + 6);
            String s = new java.math.BigDecimal(java.math.BigInteger.valueOf(mantissa), scale).toPlainString();
            if (random.nextBoolean()) {
                s = "-" + s;
            }
            String fast = CellValues.plainDecimal(s);
            assertThat(fast).as(s).isNotNull();
            // the reference: the double round trip of the brief
            String reference = CellValues.number(Double.parseDouble(s));
            assertThat(fast).as(s).isEqualTo(reference);
        }
    }
}
