package org.haigui.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.ImportReport;
import org.haigui.ingest.Importer;
import org.haigui.store.Store;

/**
 * Imports by upload: one file per request ({@code <table>.csv} or an {@code .xlsx} workbook), written
 * to a private temporary folder of the server (mode 700, never a path the caller names), imported on
 * the store's writer with the command line's options (same rules, same report; the rejected rows go
 * to the quarantine and into the response, no rejected-rows files), then deleted. One import at a
 * time; readers keep answering from the snapshot before the commit, and the cached figures are
 * dropped when it commits.
 */
final class Uploads {

    /** A plain file name: letters (any script), digits, space, dot, dash, underscore; .csv or .xlsx. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,100}\\.(csv|xlsx)", Pattern.CASE_INSENSITIVE);

    private final Store store;
    private final ImportOptions options;
    private final long maxBytes;
    private final Path root;
    private final ReentrantLock lock = new ReentrantLock();

    Uploads(Store store, ImportOptions options, long maxBytes) {
        this.store = store;
        this.options = options.withWriteRejected(false).withDryRun(false);
        this.maxBytes = maxBytes;
        try {
            this.root = Files.createTempDirectory("haigui-uploads-");
            restrict(root);
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot create the upload folder: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The most of a refused body read and thrown away so the client sees the answer. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /**
     * Refuses a request whose declared length is over the limit before storing any of it. A body of
     * up to {@link #DRAIN_LIMIT} is read and thrown away first: answering while the client is still
     * sending makes the server close the connection under it, and many clients (Java's among them)
     * then report a broken connection instead of the 413 and its message. A larger body is not read;
     * its connection is closed after the answer.
     */
    void checkDeclaredLength(Context ctx) {
        long len = ctx.req().getContentLengthLong();
        if (len > maxBytes + 64 * 1024) {
            if (len <= DRAIN_LIMIT) {
                drain(ctx, len);
            } else {
                ctx.header("Connection", "close");
            }
            throw tooLarge();
        }
    }

    private static void drain(Context ctx, long len) {
        byte[] buf = new byte[64 * 1024];
        long left = len;
        try (InputStream in = ctx.req().getInputStream()) {
            int r;
            while (left > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= r;
            }
        } catch (IOException ignored) {
            // the client went away: the answer below is all that is left to do
        }
    }

    ApiError tooLarge() {
        long mb = maxBytes / (1024 * 1024);
        return new ApiError(413, "too_large", "the upload is larger than the limit of " + (mb > 0 ? mb + " MB" : maxBytes + " bytes")
            + "; split the data into several files", "上传的文件超过 " + (mb > 0 ? mb + " MB" : maxBytes + " 字节") + " 的上限,请拆分为多个文件");
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("..")
            || name.startsWith(".") || !NAME.matcher(name).matches()) {
            throw new ApiError(400, "bad_file_name", "the file name '" + printable(name) + "' is not allowed: give a plain "
                + "file name such as persons.csv or data.xlsx (no folders, no '..', ending in .csv or .xlsx)",
                "文件名“" + printable(name) + "”不允许:请使用普通文件名,如 persons.csv 或 data.xlsx(不含目录与“..”,以 .csv 或 .xlsx 结尾)");
        }
    }

    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }

    Map<String, Object> handle(Context ctx, Route.Caller who, Api api) {
        checkDeclaredLength(ctx);
        if (!ctx.isMultipartFormData()) {
            throw HaiguiException.usage("send the file as multipart/form-data in the field 'file'");
        }
        UploadedFile f = ctx.uploadedFile("file");
        if (f == null) {
            throw HaiguiException.usage("send the file as multipart/form-data in the field 'file'");
        }
        String name = rawFileName(ctx, f.filename());
        checkName(name);
        if (f.size() > maxBytes) {
            throw tooLarge();
        }
        if (!lock.tryLock()) {
            throw new ApiError(409, "import_running", "another import is running; try again when it has finished",
                "另一个导入正在进行,请稍后再试");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory(root, "upload-");
            restrict(dir);
            Path target = dir.resolve(name).normalize();
            if (!target.getParent().equals(dir)) {
                throw new ApiError(400, "bad_file_name", "the file name '" + printable(name) + "' is not allowed", "文件名不允许");
            }
            copy(f, target);
            api.audit().write(who.username(), who.role(), "import_start", name, who.remote(), f.size() + " bytes");
            long before = maxBatch(api);
            ImportReport report;
            try {
                report = new Importer(store, options, Progress.NONE).run(List.of(target));
            } catch (RuntimeException e) {
                api.audit().write(who.username(), who.role(), "import_failed", name, who.remote(), e.getMessage());
                throw e;
            }
            api.figures().invalidate();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", name);
            List<Map<String, Object>> tables = new ArrayList<>();
            for (ImportReport.SourceSummary s : report.perTable()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("table", s.table());
                t.put("read", s.read());
                t.put("inserted", s.inserted());
                t.put("updated", s.updated());
                t.put("unchanged", s.unchanged());
                t.put("rejected", s.rejected());
                t.put("blank", s.blank());
                tables.add(t);
            }
            out.put("tables", tables);
            out.put("read_rows", report.readRows());
            out.put("rejected_rows", report.rejectedRows());
            out.put("warnings", report.warnings());
            out.put("millis", report.millis());
            out.put("batches", api.sql("SELECT batch_id, table_name, file_name, sheet, rows_read, inserted, updated, unchanged, "
                + "rejected FROM import_batches WHERE batch_id > " + before + " ORDER BY batch_id"));
            out.put("rejected", api.rejectedRows("batch_id > " + before, 1000));
            api.audit().write(who.username(), who.role(), "import", name, who.remote(),
                report.readRows() + " rows read, " + report.rejectedRows() + " rejected");
            return out;
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot store the upload: " + e.getMessage(), e);
        } finally {
            lock.unlock();
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * The file name exactly as the client sent it in the part's Content-Disposition (a container may
     * strip folders from it, which would hide a path-traversal attempt instead of refusing it).
     */
    private static String rawFileName(Context ctx, String fallback) {
        try {
            jakarta.servlet.http.Part part = ctx.req().getPart("file");
            String cd = part == null ? null : part.getHeader("content-disposition");
            if (cd != null) {
                java.util.regex.Matcher m = Pattern.compile("filename=\"((?:[^\"\\\\]|\\\\.)*)\"|filename=([^;]+)",
                    Pattern.CASE_INSENSITIVE).matcher(cd);
                if (m.find()) {
                    String v = m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2).trim();
                    return v;
                }
            }
        } catch (IOException | jakarta.servlet.ServletException | RuntimeException e) {
            // fall back to the container's name
        }
        return fallback;
    }

    private long maxBatch(Api api) {
        Object o = api.sql("SELECT coalesce(max(batch_id), 0) AS m FROM import_batches").get(0).get("m");
        return ((Number) o).longValue();
    }

    private void copy(UploadedFile f, Path target) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = f.content(); OutputStream out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, r);
            }
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
