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
            CsvScan one = CsvScan.of(f, 3, 1 << 20, KEYS);
            plain += one.plain ? 1 : 0;
            for (long split = 1; split < bytes.length; split += 1 + random.nextInt(3)) {
                CsvScan.SPLIT = split;
                CsvScan two = CsvScan.of(f, 3, 1 << 20, KEYS);
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
        assertThat(actual.keysIncreasing).as(what).isEqualTo(expected.keysIncreasing);
    }

    /** Keys in columns 0 (text) and 2 (integer) of the random files: the key facts are compared too. */
    private static final CsvScan.Keys KEYS = new CsvScan.Keys(new int[] {0, 2}, new boolean[] {false, true});

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
            CsvScan slow = CsvScan.of(f, 3, limit, KEYS);
            CsvScan.FAST = true;
            CsvScan fast = CsvScan.of(f, 3, limit, KEYS);
            String what = "file " + file + " (limit " + limit + "): " + sb;
            plain += slow.plain ? 1 : 0;
            limited += slow.plain && limit < 1 << 20 ? 1 : 0;
            assertThat(fast.plain).as(what).isEqualTo(slow.plain);
            assertSameFacts(fast, slow, what);
        }
        assertThat(plain).as("plain files among the 600").isBetween(120, 550);
        assertThat(limited).as("plain files under a short line limit").isGreaterThan(20);
    }

    /**
     * {@link CsvScan#keysIncreasing} against the rule written out over the rows as generated: plain files
     * of keys from a small alphabet (so that equal, smaller and greater keys all occur), some quoted, empty,
     * spaced, of other forms or longer than {@link CsvScan#MAX_KEY_BYTES}, scanned in one pass and split at
     * every place, both ways of reading runs.
     */
    @Test
    void keysIncreasingIsTheRuleOverTheRows() throws Exception {
        Random random = new Random(13);
        String[] texts = {"A", "B", "AB", "B1", "b", "张", "张三", "é", "A A", ""};
        String[] ints = {"0", "1", "2", "9", "10", "11", "100", "07", "-1", "1.5", ""};
        int increasing = 0;
        int not = 0;
        for (int file = 0; file < 400; file++) {
            StringBuilder sb = new StringBuilder("k,v,n\n");
            int rows = 1 + random.nextInt(8);
            boolean sorted = random.nextBoolean(); // mostly increasing keys, so that both verdicts are frequent
            boolean expected = true;
            String[] prev = null;
            String lastText = "A";
            int lastInt = 0;
            for (int r = 0; r < rows; r++) {
                String t;
                String n;
                if (sorted && r > 0 && random.nextInt(10) == 0) {
                    t = lastText; // the same key again
                    n = Integer.toString(lastInt);
                } else if (sorted && random.nextInt(6) > 0) {
                    // the next key up: a longer text, or the same text and a greater number
                    if (random.nextBoolean()) {
                        lastText = lastText + (char) ('A' + random.nextInt(3));
                        lastInt = random.nextInt(5);
                    } else {
                        lastInt += 1 + random.nextInt(50);
                    }
                    t = lastText;
                    n = Integer.toString(lastInt);
                } else {
                    t = texts[random.nextInt(texts.length)];
                    n = ints[random.nextInt(ints.length)];
                }
                if (random.nextInt(40) == 0) {
                    t = "L".repeat(CsvScan.MAX_KEY_BYTES + random.nextInt(3) - 1); // at and around the longest compared
                }
                boolean quote = random.nextInt(15) == 0;
                sb.append(quote ? "\"" + t + "\"" : t).append(",x,").append(n).append(r == rows - 1 && random.nextInt(5) == 0 ? "" : "\n");
                // the rule: cells non-empty, unquoted, not longer than the limit, the number in its one form, each key above the last
                boolean wellFormed = !t.isEmpty() && !quote && t.getBytes(StandardCharsets.UTF_8).length <= CsvScan.MAX_KEY_BYTES
                    && n.matches("0|[1-9][0-9]*");
                String[] key = {t, n};
                expected &= wellFormed && (prev == null || compare(prev, key) < 0);
                prev = key;
            }
            Path f = tmp.resolve("k" + file + ".csv");
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(f, bytes);
            for (boolean fast : new boolean[] {true, false}) {
                CsvScan.FAST = fast;
                CsvScan.SPLIT = Long.MAX_VALUE;
                CsvScan one = CsvScan.of(f, 3, 1 << 20, KEYS);
                assertThat(one.plain).as(sb.toString()).isTrue();
                assertThat(one.keysIncreasing).as("fast " + fast + ": " + sb).isEqualTo(expected);
                for (long split = 1; split < bytes.length; split += 1 + random.nextInt(4)) {
                    CsvScan.SPLIT = split;
                    assertThat(CsvScan.of(f, 3, 1 << 20, KEYS).keysIncreasing).as("split " + split + ": " + sb).isEqualTo(expected);
                }
            }
            increasing += expected ? 1 : 0;
            not += expected ? 0 : 1;
        }
        assertThat(increasing).as("files with increasing keys").isGreaterThan(60);
        assertThat(not).as("files without").isGreaterThan(60);
        CsvScan.SPLIT = Long.MAX_VALUE;
        Path f = tmp.resolve("nokeys.csv");
        Files.write(f, "k,v,n\nA,x,1\nB,x,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(CsvScan.of(f, 3, 1 << 20).keysIncreasing).as("no key columns given").isFalse();
        assertThat(CsvScan.of(f, 3, 1 << 20, KEYS).keysIncreasing).isTrue();
    }

    /** The order of the rule: the text by its UTF-8 bytes (unsigned), then the number by its digits' count, then its digits. */
    private static int compare(String[] a, String[] b) {
        int c = java.util.Arrays.compareUnsigned(a[0].getBytes(StandardCharsets.UTF_8), b[0].getBytes(StandardCharsets.UTF_8));
        if (c != 0) {
            return c;
        }
        return a[1].length() != b[1].length() ? Integer.compare(a[1].length(), b[1].length()) : a[1].compareTo(b[1]);
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
                CsvScan slow = CsvScan.of(f, 3, limit, KEYS);
                CsvScan.FAST = true;
                CsvScan fast = CsvScan.of(f, 3, limit, KEYS);
                assertThat(fast.plain).as(len + " bytes, end " + end.length()).isEqualTo(slow.plain);
                assertThat(fast.records).as(len + " bytes, end " + end.length()).isEqualTo(slow.records);
                plain += slow.plain ? 1 : 0;
            }
        }
        assertThat(plain).isBetween(3, 18);
    }
}
