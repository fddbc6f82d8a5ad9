package org.haigui.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.Progress;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.ingest.ImportOptions;
import org.haigui.ingest.Importer;
import org.haigui.schema.City;
import org.haigui.store.Store;
import org.haigui.synth.SynthOptions;
import org.haigui.synth.Synthesizer;
import org.haigui.ties.InstitutionRegistry;

/**
 * A small synthetic store for the web tests (the project's generator at a few thousand persons,
 * imported as the command line imports), with one account per role, built once per test JVM; each
 * test server gets its own copy of it.
 */
final class WebFixture {

    static final int PERSONS = 3000;
    static final LocalDate AS_OF = LocalDate.of(2021, 9, 30);
    static final String PASSWORD = "correct horse battery";
    static final List<String> USERS = List.of("admin", "analyst", "researcher");

    private static Path master;

    /** The folders the fixture made, removed when the test JVM ends (each copy of the store is 8 MB). */
    private static final List<Path> MADE = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(WebFixture::delete), "haigui-web-fixture-cleanup"));
    }

    private WebFixture() {}

    private static Path tempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        MADE.add(dir);
        return dir;
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the system's cleaning of its temporary folder
        }
    }

    static ImportOptions importOptions() {
        return ImportOptions.forCity(City.load("shanghai")).withAfterMerge(InstitutionRegistry::refreshNameKeys);
    }

    static synchronized Path master() throws IOException {
        if (master == null) {
            Path dir = tempDirectory("haigui-web-fixture-");
            Path data = dir.resolve("data");
            Synthesizer.generate(SynthOptions.defaults(data).withPersons(PERSONS), Progress.NONE);
            Path db = dir.resolve("fixture.duckdb");
            try (Store store = Store.open(db)) {
                new Importer(store, importOptions().withWriteRejected(false), Progress.NONE).run(List.of(data));
                for (String u : USERS) {
                    Accounts.add(store.writer(), u, Role.ofAccount(u), PASSWORD.toCharArray());
                }
            }
            master = db;
        }
        return master;
    }

    /** The generated CSV files the fixture store was imported from. */
    static Path data() throws IOException {
        return master().resolveSibling("data");
    }

    /**
     * A persons.csv of the fixture's first {@code rows} persons (already stored, so unchanged) whose
     * last row has an impossible birth date, so that exactly that row is rejected.
     */
    static byte[] personsWithOneBadRow(int rows) throws IOException {
        List<String> lines = Files.readAllLines(data().resolve("persons.csv"), java.nio.charset.StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int col = header.indexOf("birth_date");
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i <= rows; i++) {
            String line = lines.get(i);
            if (i == rows) {
                String[] cells = line.split(",", -1);
                cells[col] = "1990-13-45";
                line = String.join(",", cells);
            }
            sb.append(line).append('\n');
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A copy of the fixture store (and its key file) in a new folder. */
    static Path copy() throws IOException {
        Path src = master();
        Path dir = tempDirectory("haigui-web-");
        Path db = dir.resolve("store.duckdb");
        Files.copy(src, db, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(src.resolveSibling(src.getFileName() + ".key"), dir.resolve("store.duckdb.key"));
        return db;
    }

    static ServerConfig config(Path db) {
        return new ServerConfig(db, "127.0.0.1", 0, BlueprintReader.shanghai(), SurveyReader.entrepreneurs2021(),
            DisclosureRules.DEFAULTS, importOptions(), AS_OF, 0);
    }

    /** A server on a free port over a fresh copy of the fixture, with its figures computed. */
    static WebServer start() throws IOException, InterruptedException {
        return start(config(copy()));
    }

    static WebServer start(ServerConfig cfg) throws InterruptedException {
        WebServer s = WebServer.start(cfg);
        s.awaitWarm();
        return s;
    }
}
