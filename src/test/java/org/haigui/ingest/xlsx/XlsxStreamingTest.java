package org.haigui.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks written by a real writer (fastexcel), small and large. */
class XlsxStreamingTest {

    @TempDir
    Path dir;

    @Test
    void aRealisticWorkbookWrittenByFastexcel() throws IOException {
        Path file = dir.resolve("bureau.xlsx");
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "Haigui", "1.0");
            Worksheet title = wb.newWorksheet("说明");
            title.value(0, 0, "海归创业数据 2024");
            title.range(0, 0, 0, 3).merge();
            Worksheet ws = wb.newWorksheet("persons");
            String[] headers = {"人员编号", "中文姓名", "性别", "出生日期", "最高学历", "年收入", "在沪", "备注"};
            for (int c = 0; c < headers.length; c++) {
                ws.value(0, c, headers[c]);
            }
            ws.value(1, 0, "P0001");
            ws.value(1, 1, "王芳");
            ws.value(1, 2, "女");
            ws.value(1, 3, LocalDate.of(1988, 2, 29));
            ws.style(1, 3).format("yyyy-mm-dd").set();
            ws.value(1, 4, "博士");
            ws.value(1, 5, new BigDecimal("123456.78"));
            ws.value(1, 6, true);
            ws.value(1, 7, "=not a formula");
            ws.value(3, 0, "P0002");
            ws.value(3, 3, LocalDateTime.of(1990, 7, 1, 8, 30, 15));
            ws.style(3, 3).format("yyyy-mm-dd hh:mm:ss").set();
            ws.value(3, 5, 1e-7);
            ws.formula(3, 6, "F4*2");
            wb.finish();
        }

        try (XlsxWorkbook wb = XlsxWorkbook.open(file)) {
            assertThat(wb.sheetNames()).containsExactly("说明", "persons");
            try (XlsxSheetReader r = wb.sheet("说明")) {
                assertThat(XlsxTestSupport.render(r)).containsExactly(
                        "1: A=STRING:海归创业数据 2024 | B=STRING:海归创业数据 2024 | C=STRING:海归创业数据 2024 | D=STRING:海归创业数据 2024");
                assertThat(r.warnings()).containsExactly(
                        "sheet 说明: merged cells A1:D1, the value of A1 is used for every cell of the range");
            }
            try (XlsxSheetReader r = wb.sheet("persons")) {
                assertThat(XlsxTestSupport.render(r)).containsExactly(
                        "1: A=STRING:人员编号 | B=STRING:中文姓名 | C=STRING:性别 | D=STRING:出生日期 | E=STRING:最高学历"
                                + " | F=STRING:年收入 | G=STRING:在沪 | H=STRING:备注",
                        "2: A=STRING:P0001 | B=STRING:王芳 | C=STRING:女 | D=DATE:1988-02-29 | E=STRING:博士 | F=NUMBER:123456.78"
                                + " | G=BOOLEAN:true | H=STRING:=not a formula",
                        "4: A=STRING:P0002 | D=DATE:1990-07-01T08:30:15 | F=NUMBER:0.0000001 | G=ERROR:formula without a cached value");
                assertThat(r.blankRowsSkipped()).isEqualTo(1);
            }
        }
    }

    @Test
    void twoHundredThousandRowsAreStreamed() throws Exception {
        int rows = 200_000;
        Path file = dir.resolve("big.xlsx");
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "Haigui", "1.0");
            Worksheet ws = wb.newWorksheet("enterprise_years");
            ws.value(0, 0, "enterprise_id");
            ws.value(0, 1, "year");
            ws.value(0, 2, "revenue");
            for (int r = 1; r <= rows; r++) {
                ws.value(r, 0, "E" + r);
                ws.value(r, 1, 2000 + r % 25);
                ws.value(r, 2, r * 1.25);
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }

        long count = 0;
        XlsxRow last = null;
        try (XlsxWorkbook wb = XlsxWorkbook.open(file); XlsxSheetReader r = wb.sheet("enterprise_years")) {
            XlsxRow row;
            while ((row = r.next()) != null) {
                count++;
                last = row;
            }
            assertThat(r.blankRowsSkipped()).isZero();
        }
        assertThat(count).isEqualTo(rows + 1);
        assertThat(XlsxTestSupport.render(last)).isEqualTo("200001: A=STRING:E200000 | B=NUMBER:2000 | C=NUMBER:250000");

        // the sheet part inflates to more XML than a 24 MB heap could hold as text, yet the probe
        // streams it in such a heap (the shared strings, 200,000 short ids, take about 3 MB)
        String out = XlsxTestSupport.runProbe(file, "24m", XlsxLimits.defaults().maxEntryBytes(), XlsxLimits.defaults().maxRatio());
        assertThat(out).startsWith("READ 200001 rows");
    }
}
