package org.haigui.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haigui.core.HaiguiException;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;

/**
 * Writes the annual returnee report from the published figures: {@code report.html} and {@code report.pdf} in one
 * language (or {@code report.zh.html}, {@code report.en.html}, {@code report.zh.pdf}, {@code report.en.pdf} for both),
 * and {@code tables.xlsx}. It takes a {@link ProtectedResult} - never a raw result - and the catalogue, whose titles
 * and method texts it prints.
 */
public final class Report {

    /** What was written, and how long it took. */
    public record Written(List<Path> files, long millis) {
    }

    private Report() {
    }

    /** The files a run with these options writes. */
    public static List<Path> files(ReportOptions o) {
        List<Path> out = new ArrayList<>();
        boolean both = o.languages().size() > 1;
        for (Lang l : o.languages()) {
            out.add(o.out().resolve(both ? "report." + l.code() + ".html" : "report.html"));
            if (o.pdf()) {
                out.add(o.out().resolve(both ? "report." + l.code() + ".pdf" : "report.pdf"));
            }
        }
        out.add(o.out().resolve("tables.xlsx"));
        return out;
    }

    /**
     * Writes the report. Without {@code force}, refuses (an {@code INPUT} error naming the file, nothing written) when
     * a report file already exists.
     */
    public static Written write(ProtectedResult result, Catalogue catalogue, ReportOptions o) {
        long t0 = System.nanoTime();
        List<Path> files = files(o);
        if (!o.force()) {
            for (Path f : files) {
                if (Files.exists(f)) {
                    throw HaiguiException.input(f + " already exists: use --force to overwrite the report");
                }
            }
        }
        Content content = new Content(result, catalogue, o.blueprint(), o.survey());
        List<Doc.Section> sections = content.sections();
        String y = Integer.toString(content.asOf().getYear());
        Text title = Text.of(content.city().zh() + "海归发展报告（" + y + "）", "Returnees in " + content.city().en() + ": annual report " + y);
        Text subtitle = Text.of("数据截至 " + content.asOf() + "。全部数字均为经披露控制的公布数据，由海归观察平台按公开方法计算。",
            "Figures as of " + content.asOf() + ". Every number is a published, disclosure-controlled figure computed by Haigui Observatory "
                + "by a documented method.");
        List<Doc.Table> tables = new ArrayList<>();
        for (Doc.Section s : sections) {
            for (Doc.Block b : s.blocks()) {
                if (b instanceof Doc.Table t) {
                    tables.add(t);
                }
            }
        }
        try {
            Files.createDirectories(o.out());
            // each language's HTML and PDF, and the workbook, are independent: written side by side on the
            // machine's cores (the PDFs take most of the time); per language one subset of each font serves
            // the HTML and the PDF
            List<Callable<Void>> jobs = new ArrayList<>();
            int i = 0;
            for (Lang l : o.languages()) {
                Path htmlFile = files.get(i++);
                Path pdfFile = o.pdf() ? files.get(i++) : null;
                jobs.add(() -> {
                    String plain = Html.render(l, title, subtitle, sections, "", false);
                    String xhtml = o.pdf() ? Html.render(l, title, subtitle, sections, "", true) : "";
                    String chars = plain + xhtml + Pdf.pageChars();
                    byte[] r = FontSubset.subset(chars, Pdf.regular());
                    byte[] b = FontSubset.subset(chars, Pdf.bold());
                    String html = Html.render(l, title, subtitle, sections, FontSubset.fontFace(r, 400) + FontSubset.fontFace(b, 700), false);
                    write(htmlFile, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
                    if (pdfFile != null) {
                        write(pdfFile, out -> Pdf.write(xhtml, r, b, out));
                    }
                    return null;
                });
            }
            Path xlsx = files.get(i);
            jobs.add(() -> {
                write(xlsx, out -> Xlsx.write(tables, result, title, out));
                return null;
            });
            runAll(jobs);
        } catch (IOException e) {
            throw HaiguiException.input("cannot write the report to " + o.out() + ": " + e.getMessage(), e);
        }
        return new Written(files, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs the jobs on up to as many threads as the machine has processors; the first failure is thrown. */
    private static void runAll(List<Callable<Void>> jobs) throws IOException {
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "haigui-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> j : jobs) {
                done.add(pool.submit(j));
            }
            for (Future<Void> f : done) {
                org.haigui.core.Tasks.result(f, IOException.class, "writing the report");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes beside the target, then moves it into place. */
    private static void write(Path target, Body body) throws IOException {
        Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
