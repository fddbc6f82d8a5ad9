package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.haigui.labels.Language;
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

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws InterruptedException {
        Language l = lang.language();
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        org.haigui.blueprint.Blueprint blueprint = city.blueprint();
        // the synthetic city's questionnaire: its answers are checked on import and its texts title survey.share
        org.haigui.blueprint.SurveyDefinition survey = city.survey != null ? city.survey()
            : org.haigui.blueprint.SurveyReader.entrepreneurs2021();
        Path db = dir.resolve("haigui.duckdb");
        if (Pipeline.hasData(dir)) {
            boolean ignored = spec.commandLine().getParseResult().hasMatchedOption("--persons");
            out.println(l.pick("生成：     跳过，" + dir.toAbsolutePath() + " 中已有数据"
                    + (ignored ? "；--persons " + persons + " 未使用（换一个 --dir，或清空此文件夹，即可重新生成）" : ""),
                "generate:   skipped, " + dir.toAbsolutePath() + " already has data"
                    + (ignored ? "; --persons " + persons + " is ignored (give another --dir, or empty this one, to generate anew)" : "")));
        } else {
            SynthOptions o = SynthOptions.defaults(dir).withPersons(persons);
            print(out, l, Pipeline.generate(o, ConsoleProgress.create()));
        }
        out.flush();
        print(out, l, Pipeline.importFiles(db, Pipeline.dataFiles(dir), ConsoleProgress.create(), blueprint, survey));
        Pipeline.Computed computed = Pipeline.computeIndicators(db, Pipeline.AS_OF, dir.resolve("indicators.csv"), ConsoleProgress.create(),
            blueprint, survey);
        print(out, l, computed.stage());
        BlueprintFigures.print(out, l, computed.result().values(), blueprint, survey, Pipeline.AS_OF);
        // the report of the synthetic city, both languages, rewritten at every run (it is the demo's own output)
        print(out, l, Pipeline.report(db, Pipeline.AS_OF, DisclosureRules.DEFAULTS,
            ReportOptions.of(dir.resolve("report"), List.of(Lang.ZH, Lang.EN)).withBlueprint(blueprint).withSurvey(survey).withForce(true)));
        // the dashboard issue has not landed: say so rather than pretend
        if (noServe) {
            out.println(l.pick("看板：     跳过（--no-serve）", "dashboard:  skipped (--no-serve)"));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out.println(l.pick(String.format(Locale.ROOT, "完成，用时 %.1f 秒。数据库：%s（试试：haigui status --db %s）", secs, db.toAbsolutePath(), db),
            String.format(Locale.ROOT, "done in %.1f s. Database: %s (try: haigui status --db %s)", secs, db.toAbsolutePath(), db)));
        out.flush();
        if (!noServe) {
            // the published (protected) figures for everyone; 'haigui user add NAME --role analyst --db DB' for a login
            ServerConfig cfg = new ServerConfig(db, "127.0.0.1", port, blueprint, survey, DisclosureRules.DEFAULTS,
                Imports.options(blueprint, survey), Pipeline.AS_OF, 0);
            ServeCommand.serve(cfg, out, l);
        }
        return ErrorMapper.OK;
    }

    /** A stage's line: its name and time in the language; what it did as the pipeline words it. */
    private static void print(PrintWriter out, Language l, Pipeline.Stage s) {
        String name = l == Language.ZH ? switch (s.name()) {
            case "generate" -> "生成：";
            case "import" -> "导入：";
            case "indicators" -> "指标：";
            case "report" -> "报告：";
            case "dashboard" -> "看板：";
            default -> s.name() + "：";
        } : s.name() + ":";
        if (!s.built()) {
            out.println(Language.pad(name, 11) + l.pick(" 尚未实现", " not built yet"));
        } else {
            out.println(Language.pad(name, 11) + String.format(Locale.ROOT, " %6.1f %s  %s", s.millis() / 1000.0, l.pick("秒", "s"), s.detail()));
        }
        out.flush();
    }
}
