package org.haigui.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.haigui.core.HaiguiException;
import org.haigui.schema.Schema;

/**
 * Writes the store's tables as Parquet into a folder: one file {@code TABLE.parquet} per table,
 * {@code enterprise_years/} partitioned by year ({@code year=YYYY/}), and {@code manifest.json}
 * (format, schema version, export time, the store's last import batch, and per table its path,
 * rows and partition columns). Uses DuckDB's own Parquet writer ({@code COPY ... TO}) on the
 * connection it is given, which may be read-only.
 */
public final class ParquetExport {

    /** The manifest's file name in the export folder. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest's format name and version. */
    public static final String FORMAT = "haigui-parquet-export";
    public static final int FORMAT_VERSION = 1;
    /** Tables of the institution registry that the ties indicators read, exported with the canonical tables. */
    static final List<String> REGISTRY = List.of("institutions", "institution_aliases", "institution_name_keys", "institution_norms");
    /**
     * Tables exported as a projection: the quarantine without the rejected rows' content (row_data,
     * row_key and errors may hold what was typed, an identity number in clear among it) - what the
     * data-quality indicators count, which table and whether resolved, and nothing else.
     */
    static final Map<String, String> PROJECTIONS = Map.of("quarantine", "SELECT batch_id, table_name, resolved_batch_id FROM quarantine");
    /** Tables partitioned by a column: enterprise_years by year (a national export has tens of millions of rows). */
    static final Map<String, String> PARTITIONS = Map.of("enterprise_years", "year");

    /** One exported table. */
    public record Entry(String table, String path, long rows, List<String> partitionedBy) {
    }

    /** What was written. */
    public record Result(Path folder, List<Entry> tables, Path manifest) {
    }

    private ParquetExport() {
    }

    /** The tables an export writes, in order: the canonical tables of the schema, the registry's, the quarantine's projection. */
    public static List<String> tables() {
        List<String> t = new ArrayList<>(Schema.tableNames());
        t.addAll(REGISTRY);
        t.add("quarantine");
        return t;
    }

    /**
     * The paths (relative to the folder) that an export writes; with {@code force} these are
     * replaced, nothing else in the folder is touched.
     */
    static List<String> paths() {
        List<String> p = new ArrayList<>();
        for (String t : tables()) {
            p.add(path(t));
        }
        p.add(MANIFEST);
        return p;
    }

    private static String path(String table) {
        return PARTITIONS.containsKey(table) ? table : table + ".parquet";
    }

    /**
     * Exports into {@code folder} (created when missing). A folder that exists and is not empty is
     * refused unless {@code force}; then the export's own files in it are replaced.
     */
    public static Result export(Connection c, Path folder, boolean force) {
        prepareFolder(folder, force);
        List<Entry> entries = new ArrayList<>();
        Map<String, Object> manifest = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            for (String t : tables()) {
                long rows = count(st, t);
                // an empty table is one file (with its columns) even where it would be partitioned: no partition, no file
                String part = rows == 0 ? null : PARTITIONS.get(t);
                Path target = folder.resolve(path(t)).toAbsolutePath();
                if (PARTITIONS.containsKey(t) && part == null) {
                    Files.createDirectories(target);
                    target = target.resolve("data_0.parquet");
                }
                String options = part == null ? "(FORMAT parquet)" : "(FORMAT parquet, PARTITION_BY (" + part + "))";
                st.execute("COPY (" + PROJECTIONS.getOrDefault(t, "SELECT * FROM " + t) + ") TO " + literal(target.toString()) + " " + options);
                entries.add(new Entry(t, path(t), rows, part == null ? List.of() : List.of(part)));
            }
            manifest.put("format", FORMAT);
            manifest.put("format_version", FORMAT_VERSION);
            manifest.put("schema_version", schemaVersion(st));
            manifest.put("exported_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            manifest.put("last_batch", lastBatch(st));
        } catch (SQLException e) {
            throw HaiguiException.store("cannot export the store to " + folder + " (导出失败): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot write to " + folder + " (无法写入): " + e.getMessage(), e);
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", e.table());
            m.put("path", e.path());
            m.put("rows", e.rows());
            m.put("partitioned_by", e.partitionedBy());
            tables.add(m);
        }
        manifest.put("tables", tables);
        Path mf = folder.resolve(MANIFEST);
        try {
            Files.writeString(mf, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot write " + mf + " (无法写入清单): " + e.getMessage(), e);
        }
        return new Result(folder, List.copyOf(entries), mf);
    }

    private static void prepareFolder(Path folder, boolean force) {
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw HaiguiException.usage("--out: " + folder + " is a file, not a folder (应为文件夹); give a folder for the Parquet files.");
            }
            if (Files.isDirectory(folder)) {
                boolean empty;
                try (Stream<Path> s = Files.list(folder)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty && !force) {
                    throw HaiguiException.usage("--out: the folder " + folder + " is not empty (文件夹非空，不会覆盖). Choose an empty or new "
                        + "folder, or give --force to replace the export's files in it (" + String.join(", ", paths()) + "). Nothing was written.");
                }
                for (String p : paths()) {
                    delete(folder.resolve(p));
                }
            } else {
                Path parent = folder.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw HaiguiException.usage("--out: the folder " + parent + " does not exist; create it first (文件夹不存在，请先创建). "
                        + "Nothing was written.");
                }
                Files.createDirectory(folder);
            }
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot prepare " + folder + " (无法准备导出文件夹): " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Object schemaVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    /** The newest import batch (id, table, file name, finished_at), or null for a store never imported into. */
    private static Map<String, Object> lastBatch(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT batch_id, table_name, file_name, CAST(finished_at AS VARCHAR) FROM import_batches"
            + " ORDER BY batch_id DESC LIMIT 1")) {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("batch_id", rs.getLong(1));
            m.put("table", rs.getString(2));
            m.put("file", rs.getString(3));
            m.put("finished_at", rs.getString(4));
            return m;
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
