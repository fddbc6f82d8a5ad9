package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of the attack suite (issue 11), for workbooks: a shared-string table that inflates beyond
 * what memory holds (made here at a small scale, the bound lowered), and two sheets whose names
 * differ only in case.
 */
class XlsxAttackTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        SharedStrings.maxChars = 128 << 20;
        SharedStrings.maxStrings = 16 << 20;
    }

    private static void readAll(Path file) {
        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            for (String s : wb.sheetNames()) {
                try (XlsxSheetReader r = wb.sheet(s)) {
                    while (r.next() != null) {
                        // read everything
                    }
                }
            }
        }
    }

    @Test
    void sharedStringsBeyondTheBoundAreAFileError() throws Exception {
        SharedStrings.maxChars = 50_000;
        String[] strings = new String[2_000];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = "distinct shared string number " + i; // ~33 characters each: 66,000 in all
        }
        Path file = new XlsxFixture().sharedStrings(strings)
            .sheet("persons", XlsxTestSupport.row(1, XlsxTestSupport.shared("A1", 0))).write(dir.resolve("big.xlsx"));
        assertThatThrownBy(() -> readAll(file)).isInstanceOfSatisfying(HaiguiException.class, e -> {
            assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT);
            assertThat(e.getMessage()).contains("big.xlsx").contains("more than 50000 characters of shared strings");
        });
        SharedStrings.maxChars = 128 << 20;
        SharedStrings.maxStrings = 1_000;
        assertThatThrownBy(() -> readAll(file)).isInstanceOfSatisfying(HaiguiException.class,
            e -> assertThat(e.getMessage()).contains("more than 1000 shared strings"));
        SharedStrings.maxStrings = 16 << 20;
        readAll(file); // within the default bounds it reads
    }

    @Test
    void sheetsWhoseNamesDifferOnlyInCaseAreRefused() throws Exception {
        Path file = new XlsxFixture().sheet("persons", XlsxTestSupport.row(1, XlsxTestSupport.inline("A1", "person_id")))
            .sheet("Persons", XlsxTestSupport.row(1, XlsxTestSupport.inline("A1", "person_id"))).write(dir.resolve("twins.xlsx"));
        assertThatThrownBy(() -> readAll(file)).isInstanceOfSatisfying(HaiguiException.class,
            e -> assertThat(e.getMessage()).contains("sheets 'persons' and 'Persons' have names that differ only in case"));
    }
}
