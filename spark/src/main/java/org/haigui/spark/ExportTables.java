package org.haigui.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.haigui.core.HaiguiException;

/**
 * The tables of a {@code haigui export} folder (local, HDFS, S3, ...: any Hadoop file system path)
 * registered as temporary views under their store names, as its {@code manifest.json} lists them.
 */
public final class ExportTables {

    private ExportTables() {
    }

    /** Registers every table of the export at {@code input}; returns the table names. */
    public static List<String> register(SparkSession spark, String input) {
        Path manifest = new Path(input, "manifest.json");
        JsonNode m;
        try {
            FileSystem fs = manifest.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(manifest)) {
                throw HaiguiException.input("--input " + input + ": no manifest.json; not a folder written by `haigui export` "
                    + "(不是 haigui export 导出的文件夹)");
            }
            try (InputStream in = fs.open(manifest)) {
                m = new ObjectMapper().readTree(in);
            }
        } catch (IOException e) {
            throw HaiguiException.input("--input " + input + ": cannot read manifest.json (无法读取清单): " + e.getMessage(), e);
        }
        if (!"haigui-parquet-export".equals(m.path("format").asText()) || m.path("format_version").asInt() != 1) {
            throw HaiguiException.input("--input " + input + "/manifest.json: not a haigui Parquet export of format version 1 "
                + "(format '" + m.path("format").asText() + "', version " + m.path("format_version").asText() + ")");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode t : m.path("tables")) {
            String name = t.path("table").asText();
            String path = t.path("path").asText();
            if (!name.matches("[a-z_][a-z0-9_]*") || path.isEmpty() || path.contains("..")) {
                throw HaiguiException.input("--input " + input + "/manifest.json: bad table entry " + t);
            }
            try {
                spark.read().parquet(new Path(input, path).toString()).createOrReplaceTempView(name);
            } catch (Exception e) {
                throw HaiguiException.input("--input " + input + ": cannot read table " + name + " from " + path + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
            }
            names.add(name);
        }
        return names;
    }
}
