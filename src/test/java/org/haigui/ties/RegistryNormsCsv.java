package org.haigui.ties;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * The built-in institution registry as a CSV {@code norm,name_key}: every normalised name and alias
 * with the institution key the import gives names that normalise to it ({@link RegistryModel#keyOf}),
 * the reference data the hand-written SQL of the comparison benchmark (test resource
 * {@code bench/figures.sql}) reads to match institutions as the engine does.
 */
public final class RegistryNormsCsv {

    private RegistryNormsCsv() {
    }

    public static void write(Path file) throws IOException {
        RegistryModel m = RegistryStore.builtinModel();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("norm,name_key\n");
            for (String norm : new TreeSet<>(m.allNorms().keySet())) {
                w.write(quote(norm) + "," + quote(m.keyOf(norm)) + "\n");
            }
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
