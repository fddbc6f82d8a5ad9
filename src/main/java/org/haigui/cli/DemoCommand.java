package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.web.ServerConfig;
import java.util.concurrent.Callable;
import java.util.List;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.report.Lang;
import org.haigui.report.ReportOptions;
import org.haigui.synth.Calibration;
import org.haigui.synth.SynthOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generate a synthetic city, import it, compute the indicators, write the report, serve the dashboard.",
        "Generates into DIR unless it already has data; the database is DIR/haigui.duckdb. Steps not built yet are named as such."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the data, the database and the report (default: ./demo).")
    Path dir = Path.of("demo");

    @Option(names = "--persons", paramLabel = "N", description = "Persons to generate when DIR has no data (default: ${DEFAULT-VALUE}).")
    long persons = Calibration.DEFAULT_PERSONS;

    @Option(names = "--no-serve", description = "Do not start the dashboard.")
    boolean noServe;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port of the dashboard (default 7070).")
    int port;

    @picocli.CommandLine.Mixin
    Blueprints.Flags city = new Blueprints.Flags();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        org.haigui.blueprint.Blueprint blueprint = city.blueprint();
        // the synthetic city's questionnaire: its answers are checked on import and its texts title survey.share
        org.haigui.blueprint.SurveyDefinition survey = city.survey != null ? city.survey()
            : org.haigui.blueprint.SurveyReader.entrepreneurs2021();
        Path db = dir.resolve("haigui.duckdb");
        if (Pipeline.hasData(dir)) {
            out.println("generate:   skipped, " + dir.toAbsolutePath() + " already has data"
                + (spec.commandLine().getParseResult().hasMatchedOption("--persons")
                    ? "; --persons " + persons + " is ignored (give another --dir, or empty this one, to generate anew)" : ""));
        } else {
            SynthOptions o = SynthOptions.defaults(dir).withPersons(persons);
            print(out, Pipeline.generate(o, ConsoleProgress.create()));
        }
        out.flush();
        print(out, Pipeline.importFiles(db, Pipeline.dataFiles(dir), ConsoleProgress.create(), blueprint, survey));
        Pipeline.Computed computed = Pipeline.computeIndicators(db, Pipeline.AS_OF, dir.resolve("indicators.csv"), ConsoleProgress.create(),
            blueprint, survey);
        print(out, computed.stage());
        BlueprintFigures.print(out, computed.result().values(), blueprint, survey, Pipeline.AS_OF);
        // the report of the synthetic city, both languages, rewritten at every run (it is the demo's own output)
        print(out, Pipeline.report(db, Pipeline.AS_OF, DisclosureRules.DEFAULTS,
            ReportOptions.of(dir.resolve("report"), List.of(Lang.ZH, Lang.EN)).withBlueprint(blueprint).withSurvey(survey).withForce(true)));
        // the dashboard issue has not landed: say so rather than pretend
        if (noServe) {
            out.println("dashboard:  skipped (--no-serve)");
        }
        out.printf(Locale.ROOT, "done in %.1f s. Database: %s (try: haigui status --db %s)%n",
            (System.nanoTime() - t0) / 1e9, db.toAbsolutePath(), db);
        out.flush();
        if (!noServe) {
            // the published (protected) figures for everyone; 'haigui user add NAME --role analyst --db DB' for a login
            ServerConfig cfg = new ServerConfig(db, "127.0.0.1", port, blueprint, survey, DisclosureRules.DEFAULTS,
                Imports.options(blueprint, survey), Pipeline.AS_OF, 0);
            ServeCommand.serve(cfg, out);
        }
        return ErrorMapper.OK;
    }

    private static void print(PrintWriter out, Pipeline.Stage s) {
        if (!s.built()) {
            out.printf(Locale.ROOT, "%-11s not built yet%n", s.name() + ":");
        } else {
            out.printf(Locale.ROOT, "%-11s %6.1f s  %s%n", s.name() + ":", s.millis() / 1000.0, s.detail());
        }
        out.flush();
    }
}
