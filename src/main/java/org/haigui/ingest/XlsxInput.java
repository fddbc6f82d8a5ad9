package org.haigui.ingest;

import java.nio.file.Path;
import java.util.List;
import org.haigui.core.HaiguiException;

/** Placeholder until the streaming xlsx reader lands. */
final class XlsxInput {
    private XlsxInput() {
    }

    static List<Sources.Spec> sheets(Path file, List<String> warnings) {
        throw HaiguiException.input(file + ": .xlsx import is not built yet");
    }

    static TableInput open(Sources.Spec spec) {
        throw HaiguiException.input(spec.file() + ": .xlsx import is not built yet");
    }
}
