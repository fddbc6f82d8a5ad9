package org.haigui.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second JVM for tests that need one: a command killed with -9 in a chosen phase, a process holding
 * a store, a run with a small heap.
 *
 * <p>Each child gets a temporary folder of its own ({@code java.io.tmpdir}) under the test's folder,
 * and {@link #sweep} empties it. DuckDB's driver unpacks its native library (69 MB) into the
 * temporary folder at every start and deletes it only when the JVM exits normally: the kill tests'
 * children left over a hundred copies in {@code /tmp}, some 7 GB, and once filled a CI machine's disk.
 */
public final class Child {

    private Child() {
    }

    /** What a child killed at a marker printed: whether it reached the marker, and its standard error up to it. */
    public record Killed(boolean reached, List<String> seen) {
    }

    /**
     * A child running {@code mainClass} on the test class path, with its temporary folder under
     * {@code dir}; its standard output goes to {@code dir/child.log} unless the caller redirects it.
     */
    public static ProcessBuilder of(Path dir, List<String> jvmOptions, String mainClass, String... args) {
        Path tmp = tmpdir(dir);
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("child.log").toFile());
    }

    /** The command line ({@code org.haigui.cli.Main}) as a child with the default heap. */
    public static ProcessBuilder cli(Path dir, String... args) {
        return of(dir, List.of(), "org.haigui.cli.Main", args);
    }

    /**
     * Starts the child, reads its standard error until it prints {@code marker} (a whole line), kills
     * it with -9 there, waits for it and sweeps its temporary folder.
     */
    public static Killed killAt(Path dir, ProcessBuilder pb, String marker) throws IOException, InterruptedException {
        Process p = pb.start();
        List<String> seen = new ArrayList<>();
        boolean reached = false;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                seen.add(line);
                if (line.equals(marker)) {
                    p.destroyForcibly();
                    reached = true;
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor();
            sweep(dir);
        }
        return new Killed(reached, seen);
    }

    /** Empties the temporary folder of the children started under {@code dir} (none may be running). */
    public static void sweep(Path dir) throws IOException {
        Path tmp = tmpdir(dir);
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(tmp)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path tmpdir(Path dir) {
        return dir.resolve("child-tmp");
    }
}
