package org.haigui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.haigui.core.HaiguiException;
import org.haigui.core.Progress;
import org.haigui.ingest.ImportReport;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the pipeline (generate, import, indicators) on synthetic data: the project's yardstick.",
        "Prints, per stage, wall time, rows per second and peak heap, then the total."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--persons", paramLabel = "N", description = "Persons (default: ${DEFAULT-VALUE}).")
    long persons = Calibration.DEFAULT_PERSONS;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = Calibration.DEFAULT_SEED;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder, kept afterwards (default: a temporary folder, deleted afterwards).")
    Path dir;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of text.")
    boolean json;

    @picocli.CommandLine.Mixin
    Blueprints.Flags city = new Blueprints.Flags();

    @Override
    public Integer call() throws IOException {
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("haigui-bench") : dir;
        if (!temporary && (Pipeline.hasData(work.resolve("data")) || Files.exists(work.resolve("bench.duckdb")))) {
            // a second run would measure an import that changes nothing
            throw HaiguiException.usage("bench: " + work + " already holds a benchmark run; give an empty or new folder");
        }
        List<Pipeline.Stage> stages = new ArrayList<>();
        // the peak resident memory of the process per stage (the database's native memory, beyond the heap)
        List<Long> resident = new ArrayList<>();
        org.haigui.blueprint.Blueprint blueprint = city.blueprint();
        org.haigui.blueprint.SurveyDefinition survey = city.survey != null ? city.survey()
            : org.haigui.blueprint.SurveyReader.entrepreneurs2021();
        try {
            Path data = work.resolve("data");
            SynthOptions o = SynthOptions.defaults(data).withPersons(persons).withSeed(seed);
            stages.add(Pipeline.generate(o, Progress.NONE));
            resident.add(org.haigui.core.Peaks.resident());
            stages.add(Pipeline.importFiles(work.resolve("bench.duckdb"), Pipeline.dataFiles(data), Progress.NONE, blueprint, survey));
            resident.add(org.haigui.core.Peaks.resident());
            stages.add(Pipeline.indicators(work.resolve("bench.duckdb"), Pipeline.AS_OF, null, Progress.NONE, blueprint, survey));
            resident.add(org.haigui.core.Peaks.resident());
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long total = stages.stream().mapToLong(Pipeline.Stage::millis).sum();
        long peak = stages.stream().mapToLong(Pipeline.Stage::peakHeap).max().orElse(0);
        long peakRss = resident.stream().mapToLong(Long::longValue).max().orElse(0);
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            root.put("persons", persons);
            root.put("seed", seed);
            root.put("processors", Runtime.getRuntime().availableProcessors());
            root.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
            ArrayNode arr = root.putArray("stages");
            for (int i = 0; i < stages.size(); i++) {
                Pipeline.Stage s = stages.get(i);
                ObjectNode n = arr.addObject();
                n.put("stage", s.name());
                n.put("built", s.built());
                if (s.built()) {
                    n.put("wall_ms", s.millis());
                    n.put("rows", s.rows());
                    n.put("rows_per_s", Math.round(s.rowsPerSecond()));
                    n.put("peak_heap_bytes", s.peakHeap());
                    n.put("peak_resident_bytes", i < resident.size() ? resident.get(i) : 0);
                }
                n.put("detail", s.detail());
                if (!s.phases().isEmpty()) {
                    // the import's phases: wall time, rows/s over the phase and CPU time of each (a part: its threads' CPU time)
                    ArrayNode ph = n.putArray("phases");
                    for (ImportReport.Phase p : s.phases()) {
                        ObjectNode x = ph.addObject();
                        x.put("phase", p.name());
                        x.put("part", p.part());
                        if (!p.part()) {
                            x.put("wall_ms", p.millis());
                            x.put("rows_per_s", p.millis() == 0 ? 0 : Math.round(s.rows() * 1000.0 / p.millis()));
                        }
                        x.put("cpu_ms", p.cpuMillis());
                    }
                }
            }
            ObjectNode t = root.putObject("total");
            t.put("wall_ms", total);
            t.put("peak_heap_bytes", peak);
            t.put("peak_resident_bytes", peakRss);
            out.println(m.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "bench: %,d persons, seed %d, %d processors, max heap %,d MB%n", persons, seed,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            for (int i = 0; i < stages.size(); i++) {
                Pipeline.Stage s = stages.get(i);
                if (!s.built()) {
                    out.printf(Locale.ROOT, "  %-11s not built yet%n", s.name());
                } else {
                    out.printf(Locale.ROOT, "  %-11s %8.1f s %,13d rows %,11.0f rows/s   peak heap %,7d MB   peak resident %,7d MB%n",
                        s.name(), s.millis() / 1000.0, s.rows(), s.rowsPerSecond(), s.peakHeap() >> 20,
                        (i < resident.size() ? resident.get(i) : 0) >> 20);
                    for (ImportReport.Phase p : s.phases()) {
                        if (p.part()) {
                            out.printf(Locale.ROOT, "      %-18s %57s cpu %8.2f s (its threads, alongside the others)%n", p.name(), "",
                                p.cpuMillis() / 1000.0);
                        } else {
                            out.printf(Locale.ROOT, "    %-20s %8.2f s %,13d rows %,11.0f rows/s   cpu %8.2f s%n", p.name(), p.millis() / 1000.0,
                                s.rows(), p.millis() == 0 ? 0.0 : s.rows() * 1000.0 / p.millis(), p.cpuMillis() / 1000.0);
                        }
                    }
                }
            }
            out.printf(Locale.ROOT, "  %-11s %8.1f s %47s peak heap %,7d MB   peak resident %,7d MB%n", "total", total / 1000.0, "",
                peak >> 20, peakRss >> 20);
        }
        out.flush();
        return ErrorMapper.OK;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
