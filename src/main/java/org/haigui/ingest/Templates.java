package org.haigui.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haigui.schema.Column;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/** Empty templates a user fills in: one header-only CSV per table and one workbook with a sheet per table, from {@link Schema}. */
public final class Templates {

    private Templates() {
    }

    /** The files {@link #write} writes into dir: {@code <table>.csv} for each table, then {@code template.xlsx}. */
    public static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Table t : Schema.tables()) {
            out.add(dir.resolve(t.name() + ".csv"));
        }
        out.add(dir.resolve("template.xlsx"));
        return out;
    }

    /** Writes {@code <table>.csv} files (UTF-8 with BOM) and {@code template.xlsx} into dir; returns what it wrote. */
    public static List<Path> write(Path dir, boolean chineseHeaders) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Path xlsx = dir.resolve("template.xlsx");
        try (OutputStream os = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(os, "HaiguiObservatory", "1.0");
            for (Table t : Schema.tables()) {
                List<String> headers = new ArrayList<>();
                for (Column c : t.columns()) {
                    headers.add(chineseHeaders ? c.zhAlias() : c.name());
                }
                Path csv = dir.resolve(t.name() + ".csv");
                Files.write(csv, ("\uFEFF" + String.join(",", headers) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.add(csv);
                Worksheet ws = wb.newWorksheet(chineseHeaders ? t.zhName() : t.name());
                for (int i = 0; i < headers.size(); i++) {
                    ws.value(0, i, headers.get(i));
                    ws.style(0, i).bold().set();
                }
            }
            wb.finish();
        }
        out.add(xlsx);
        return out;
    }
}
