package org.haigui.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary folders for {@code @TempDir} named {@code haigui-<pid>-<n>}: JUnit's default names carry a
 * random number of up to 19 digits, and an 18-digit one is masked like an identity number wherever a
 * message shows the path, so tests asserting a path in a message failed about one run in ten.
 */
public final class ShortTempDirs implements TempDirFactory {

    private static final AtomicLong NEXT = new AtomicLong();

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        while (true) {
            Path p = root.resolve("haigui-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet());
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a folder left by an earlier run with the same pid: take the next number
            }
        }
    }
}
