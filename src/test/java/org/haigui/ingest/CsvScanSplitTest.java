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
 * carriage returns, bytes that are not UTF-8, ragged rows), split at every place; and the scan that takes
 * runs of plain bytes at once ({@link CsvScan#FAST}) gives what the byte-by-byte scan gives, with lines at
 * and around the length limit.
 */
class CsvScanSplitTest {

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        CsvScan.SPLIT = 4 << 20;
        CsvScan.FAST = true;
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
                    assertSameFacts(two, one, what);
                }
            }
        }
        assertThat(plain).as("plain files among the 300").isBetween(60, 240);
    }

    /** Everything a scan found but its verdict: the same in {@code actual} as in {@code expected}. */
    private static void assertSameFacts(CsvScan actual, CsvScan expected, String what) {
        assertThat(actual.controls).as(what).isEqualTo(expected.controls);
        assertThat(actual.records).as(what).isEqualTo(expected.records);
        assertThat(actual.sha256).as(what).isEqualTo(expected.sha256);
        assertThat(actual.maxBytes).as(what).isEqualTo(expected.maxBytes);
        assertThat(actual.nonAscii).as(what).isEqualTo(expected.nonAscii);
        assertThat(actual.maxPotentialDigits).as(what).isEqualTo(expected.maxPotentialDigits);
        assertThat(actual.fullDates).as(what).isEqualTo(expected.fullDates);
        assertThat(actual.partialDates).as(what).isEqualTo(expected.partialDates);
        assertThat(actual.decimals).as(what).isEqualTo(expected.decimals);
        assertThat(actual.maxIntDigits).as(what).isEqualTo(expected.maxIntDigits);
        assertThat(actual.maxFracDigits).as(what).isEqualTo(expected.maxFracDigits);
        assertThat(actual.apostrophes).as(what).isEqualTo(expected.apostrophes);
        assertThat(actual.spaced).as(what).isEqualTo(expected.spaced);
    }

    @Test
    void runsGiveWhatByteByByteGives() throws Exception {
        Random random = new Random(12);
        int plain = 0;
        int limited = 0;
        for (int file = 0; file < 600; file++) {
            StringBuilder sb = new StringBuilder("a,b,c\n");
            boolean tidy = random.nextInt(4) > 0;
            String eol = random.nextInt(4) == 0 ? "\r\n" : "\n"; // one kind per file: both kinds are not plain
            int rows = 1 + random.nextInt(12);
            for (int r = 0; r < rows; r++) {
                if (tidy) {
                    for (int c = 0; c < 3; c++) {
                        StringBuilder v = new StringBuilder();
                        for (int p = random.nextInt(4); p >= 0; p--) {
                            v.append(PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 10)]);
                        }
                        String x = v.toString().replace(",", "").replace("\n", "").replace("\r", "").replace("\"", "");
                        sb.append(c == 0 ? "" : ",").append(random.nextInt(5) == 0 ? "\"" + x + "\"" : x);
                    }
                    sb.append(random.nextInt(8) == 0 && r == rows - 1 ? "" : eol);
                } else {
                    for (int p = random.nextInt(12); p >= 0; p--) {
                        sb.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                }
            }
            Path f = tmp.resolve("r" + file + ".csv");
            Files.write(f, sb.toString().getBytes(StandardCharsets.UTF_8));
            int limit = random.nextBoolean() ? 1 << 20 : 10 + random.nextInt(40); // lines at and around the limit too
            CsvScan.FAST = false;
            CsvScan slow = CsvScan.of(f, 3, limit);
            CsvScan.FAST = true;
            CsvScan fast = CsvScan.of(f, 3, limit);
            String what = "file " + file + " (limit " + limit + "): " + sb;
            plain += slow.plain ? 1 : 0;
            limited += slow.plain && limit < 1 << 20 ? 1 : 0;
            assertThat(fast.plain).as(what).isEqualTo(slow.plain);
            assertSameFacts(fast, slow, what);
        }
        assertThat(plain).as("plain files among the 600").isBetween(120, 550);
        assertThat(limited).as("plain files under a short line limit").isGreaterThan(20);
    }

    @Test
    void aLastLineAtTheLimitIsJudgedAlikeByRunsAndBytes() throws Exception {
        int limit = 12;
        int plain = 0;
        for (int len = limit - 3; len <= limit + 3; len++) {
            for (String end : new String[] {"", "\n", "\r\n"}) {
                String last = "1,2," + "x".repeat(len - 4); // the last value one run that may cross the limit
                Path f = tmp.resolve("last" + len + end.length() + ".csv");
                Files.write(f, ("a,b,c\n" + last + end).getBytes(StandardCharsets.UTF_8));
                CsvScan.FAST = false;
                CsvScan slow = CsvScan.of(f, 3, limit);
                CsvScan.FAST = true;
                CsvScan fast = CsvScan.of(f, 3, limit);
                assertThat(fast.plain).as(len + " bytes, end " + end.length()).isEqualTo(slow.plain);
                assertThat(fast.records).as(len + " bytes, end " + end.length()).isEqualTo(slow.records);
                plain += slow.plain ? 1 : 0;
            }
        }
        assertThat(plain).isBetween(3, 18);
    }
}
