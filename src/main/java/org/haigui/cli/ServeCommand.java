package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.store.Store;
import org.haigui.web.ServerConfig;
import org.haigui.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the dashboard and the JSON API (/api/v1) on the store, until stopped (Ctrl-C).",
        "The server holds the store while it runs: import through it (the dashboard's data page or POST /api/v1/imports); "
            + "a command that writes to the store meanwhile is refused. Create the first admin with 'haigui user add'.",
        "On any address but loopback the session cookies are Secure: put the server behind an HTTPS proxy."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port (default 7070; 0: any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "Address to listen on (default 127.0.0.1, this machine only).")
    String bind;

    @picocli.CommandLine.Mixin
    Blueprints.Flags city = new Blueprints.Flags();

    @Option(names = "--disclosure", paramLabel = "FILE", description = "Disclosure rules YAML (default: the built-in rules).")
    Path disclosure;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Default as-of date of the dashboard, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = "--max-upload-mb", paramLabel = "N", defaultValue = "200", description = "Largest upload in MB (default 200).")
    long maxUploadMb;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws Exception {
        org.haigui.labels.Language l = lang.language();
        Blueprint bp = city.blueprint();
        SurveyDefinition survey = city.survey();
        DisclosureRules rules = disclosure == null ? DisclosureRules.DEFAULTS : DisclosureRules.read(disclosure);
        ServerConfig cfg = new ServerConfig(Store.resolve(db), bind, port, bp, survey, rules,
            Imports.options(bp, survey), asOf == null ? LocalDate.now() : asOf, maxUploadMb * 1024 * 1024);
        serve(cfg, spec.commandLine().getOut(), l);
        return ErrorMapper.OK;
    }

    /** Serves until the process is stopped (Ctrl-C); the store is closed on the way out. */
    static void serve(ServerConfig cfg, PrintWriter out, org.haigui.labels.Language l) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        try (WebServer server = WebServer.start(cfg)) {
            out.println(l.pick("haigui：正在 " + server.url() + " 提供 " + cfg.db().toAbsolutePath() + "（按 Ctrl-C 停止）",
                "haigui: serving " + cfg.db().toAbsolutePath() + " at " + server.url() + " (Ctrl-C to stop)"));
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            stop.await();
        }
    }
}
