package org.haigui.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether DuckDB's native library can be found before DuckDB looks for it (its loader prints a stack
 * trace when it cannot). {@code target/haigui.jar} does not pack the library: the build unpacks it
 * beside the jar ({@code target/libduckdb_java.so_<os>_<arch>}), where DuckDB's loader finds it when
 * the class path holds none, so that a command does not unpack 72 MB to a new temporary file at every
 * start (measured: 0.35-0.6 s of each command on the 2-core machine). Run from the build's classes
 * (the tests), the DuckDB jar on the class path holds the library, as before.
 */
final class NativeLibrary {

    private NativeLibrary() {
    }

    /** The library's file name as DuckDB's loader builds it, or empty on a platform it has none for. */
    static Optional<String> fileName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).trim();
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).trim();
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : os.startsWith("linux") ? "linux" : null;
        String a = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        return o == null || a == null ? Optional.empty() : Optional.of("libduckdb_java.so_" + o + "_" + a);
    }

    /** A message saying what is missing and how to build it, when neither the class path nor the jar's folder holds the library. */
    static Optional<String> problem() {
        Optional<String> name = fileName();
        if (name.isEmpty() || org.duckdb.DuckDBDriver.class.getResource("/" + name.get()) != null) {
            return Optional.empty();
        }
        Path jar;
        try {
            jar = Path.of(org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty(); // DuckDB's loader says what it finds
        }
        Path lib = (Files.isDirectory(jar) ? jar : jar.toAbsolutePath().getParent()).resolve(name.get());
        if (Files.isRegularFile(lib)) {
            return Optional.empty();
        }
        return Optional.of("DuckDB's native library " + lib + " is missing: it is built beside the program's jar; build again with "
            + "'./mvnw -f haigui-app.pom.xml -DskipTests package' (./haigui does it when it is missing) "
            + "(缺少 DuckDB 本地库，请重新构建)");
    }
}
