package org.haigui.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haigui.disclosure.ProtectedResult;

/**
 * {@code tables.xlsx}: every table of the report on its own sheet (title and headers in Chinese and English, numbers
 * as numbers in full precision with a display format, withheld cells as the text {@code x}), then a sheet {@code about}
 * with the run's metadata, the disclosure rules and what was withheld.
 */
final class Xlsx {

    private Xlsx() {
    }

    static String format(Doc.Style s) {
        return switch (s) {
            case COUNT -> "#,##0";
            case PERCENT -> "0.0%";
            case RATIO -> "0.00";
            case MONEY -> "#,##0";
            case DECIMAL -> "0.00";
            case YEAR_TEXT -> "General";
        };
    }

    /** The sheet of each table, in order: its id, cut to Excel's 31 characters and made unique. */
    static List<String> sheetNames(List<Doc.Table> tables) {
        Set<String> names = new LinkedHashSet<>();
        for (Doc.Table t : tables) {
            String name = t.id().length() > 31 ? t.id().substring(0, 31) : t.id();
            for (int k = 2; !names.add(name); k++) {
                name = t.id().substring(0, Math.min(28, t.id().length())) + "_" + k;
            }
        }
        return List.copyOf(names);
    }

    /** The sheet row (0-based) of a table's first body row: below the title and the headers, each in Chinese and English. */
    static final int FIRST_BODY_ROW = 4;

    static void write(List<Doc.Table> tables, ProtectedResult result, Text title, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "HaiguiObservatory", "1.0");
        List<String> names = sheetNames(tables);
        for (int ti = 0; ti < tables.size(); ti++) {
            Doc.Table t = tables.get(ti);
            Worksheet ws = wb.newWorksheet(names.get(ti));
            ws.value(0, 0, t.title().zh());
            ws.style(0, 0).bold().set();
            ws.value(1, 0, t.title().en());
            ws.style(1, 0).bold().set();
            for (int c = 0; c < t.columns().size(); c++) {
                Doc.Column col = t.columns().get(c);
                String unit = col.style() == Doc.Style.MONEY ? "（元）" : "";
                ws.value(2, c, col.header().zh() + unit);
                ws.value(3, c, col.header().en() + (col.style() == Doc.Style.MONEY ? " (CNY)" : ""));
                ws.style(2, c).bold().fillColor("EEF3F8").set();
                ws.style(3, c).bold().fillColor("EEF3F8").set();
                ws.width(c, c < 3 ? 28 : 16);
            }
            int r = FIRST_BODY_ROW;
            for (List<Doc.Cell> row : t.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Doc.Cell cell = row.get(c);
                    Doc.Style style = t.columns().get(c).style();
                    if (cell instanceof Doc.Label lb) {
                        ws.value(r, c, lb.text().zh().equals(lb.text().en()) ? lb.text().zh() : lb.text().zh() + " / " + lb.text().en());
                    } else if (cell instanceof Doc.Num n) {
                        Doc.Style s = n.style() == null ? style : n.style();
                        ws.value(r, c, n.value());
                        ws.style(r, c).format(format(s)).set();
                    } else if (cell instanceof Doc.Withheld) {
                        ws.value(r, c, "x");
                        ws.style(r, c).fontColor("990000").horizontalAlignment("right").set();
                    }
                }
                r++;
            }
            r++;
            ws.value(r++, 0, "x = 因披露控制而隐去 / withheld by disclosure control; 空白 / blank = 无数据 / not available");
            ws.value(r++, 0, "指标 / Indicators: " + t.indicators());
            if (t.note() != null) {
                ws.value(r, 0, t.note().zh() + " / " + t.note().en());
            }
            ws.finish();
        }
        Worksheet ws = wb.newWorksheet("about");
        int r = 0;
        ws.value(r, 0, "项目 / Item");
        ws.value(r, 1, "值 / Value");
        ws.style(r, 0).bold().set();
        ws.style(r, 1).bold().set();
        ws.width(0, 44);
        ws.width(1, 60);
        r++;
        Object[][] meta = {
            {"报告 / Report", title.zh() + " / " + title.en()},
            {"截至日期 / As of", result.info().asOf().toString()},
            {"指标目录版本 / Catalogue version", result.info().catalogueVersion()},
            {"自助法种子 / Bootstrap seed", result.info().seed()},
            {"重抽样次数 / Resamples", result.info().resamples()},
            {"重抽样方案 / Resampling scheme", result.info().bootstrapScheme()},
            {"单元格 / Cells", result.stats().cells()},
            {"隐去（一次）/ Withheld (primary)", result.stats().primary()},
            {"隐去（二次）/ Withheld (secondary)", result.stats().secondary()},
            {"暂无数据的指标 / Not available", String.join(", ", new java.util.TreeSet<>(result.notAvailable().keySet()))},
        };
        for (Object[] m : meta) {
            ws.value(r, 0, (String) m[0]);
            put(ws, r, 1, m[1]);
            r++;
        }
        r++;
        ws.value(r, 0, "披露控制规则 / Disclosure rules");
        ws.style(r, 0).bold().set();
        r++;
        for (Map.Entry<String, Object> e : result.rules().asMap().entrySet()) {
            ws.value(r, 0, e.getKey());
            put(ws, r, 1, e.getValue());
            r++;
        }
        ws.finish();
        wb.finish();
    }

    private static void put(Worksheet ws, int r, int c, Object v) {
        if (v instanceof Number n) {
            ws.value(r, c, new BigDecimal(n.toString()));
        } else {
            ws.value(r, c, v == null ? "" : v.toString());
        }
    }
}
