package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvScan} of a file in two parts at once gives what one pass gives: the same verdict, records,
 * checksum and facts per column, on random files, plain and not (quotes, line breaks inside quotes,
 * carriage returns, bytes that are not UTF-8, ragged rows), split at every place.
 */
class CsvScanSplitTest {

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        CsvScan.SPLIT = 4 << 20;
    }

    private static final String[] PIECES = {"a", "b", "7", "0", "2021-01-31", "1990-05", "1990", "-3", "4.25", " ", "\"", "\"\"",
        ",", ",", ",", "\n", "\n", "\r\n", "\r", "张", "①", "'", "x y", "\u0001"};

    @Test
    void twoPartsGiveWhatOnePassGives() throws Exception {
        Random random = new Random(11);
        int plain = 0;
        for (int file = 0; file < 300; file++) {
            StringBuilder sb = new StringBuilder("a,b,c\n");
            boolean tidy = random.nextInt(3) > 0; // mostly well-formed rows, so that many files are plain
            int rows = 1 + random.nextInt(12);
            for (int r = 0; r < rows; r++) {
                if (tidy) {
                    for (int c = 0; c < 3; c++) {
                        String v = PIECES[random.nextInt(9)];
                        sb.append(c == 0 ? "" : ",").append(random.nextInt(5) == 0 ? "\"" + v + "\"" : v);
                    }
                    sb.append(random.nextInt(8) == 0 && r == rows - 1 ? "" : "\n");
                } else {
                    for (int p = random.nextInt(12); p >= 0; p--) {
                        sb.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) 0xC0; // not UTF-8
            }
            Path f = tmp.resolve("f" + file + ".csv");
            Files.write(f, bytes);
            CsvScan.SPLIT = Long.MAX_VALUE;
            CsvScan one = CsvScan.of(f, 3, 1 << 20);
            plain += one.plain ? 1 : 0;
            for (long split = 1; split < bytes.length; split += 1 + random.nextInt(3)) {
                CsvScan.SPLIT = split;
                CsvScan two = CsvScan.of(f, 3, 1 << 20);
                String what = "file " + file + " split over " + split + ": " + sb;
                assertThat(two.plain).as(what).isEqualTo(one.plain);
                if (one.plain) {
                    assertThat(two.controls).as(what).isEqualTo(one.controls);
                    assertThat(two.records).as(what).isEqualTo(one.records);
                    assertThat(two.sha256).as(what).isEqualTo(one.sha256);
                    assertThat(two.maxBytes).as(what).isEqualTo(one.maxBytes);
                    assertThat(two.nonAscii).as(what).isEqualTo(one.nonAscii);
                    assertThat(two.maxPotentialDigits).as(what).isEqualTo(one.maxPotentialDigits);
                    assertThat(two.fullDates).as(what).isEqualTo(one.fullDates);
                    assertThat(two.partialDates).as(what).isEqualTo(one.partialDates);
                    assertThat(two.decimals).as(what).isEqualTo(one.decimals);
                    assertThat(two.maxIntDigits).as(what).isEqualTo(one.maxIntDigits);
                    assertThat(two.maxFracDigits).as(what).isEqualTo(one.maxFracDigits);
                    assertThat(two.apostrophes).as(what).isEqualTo(one.apostrophes);
                    assertThat(two.spaced).as(what).isEqualTo(one.spaced);
                }
            }
        }
        assertThat(plain).as("plain files among the 300").isBetween(60, 240);
    }
}
