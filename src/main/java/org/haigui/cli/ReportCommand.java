package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.HaiguiException;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.labels.Language;
import org.haigui.report.Lang;
import org.haigui.report.ReportOptions;
import org.haigui.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the annual returnee report from the published (disclosure-controlled) figures: report.html, report.pdf "
        + "and tables.xlsx (with --lang both: report.zh.html, report.en.html, report.zh.pdf, report.en.pdf).",
        "Existing report files are not overwritten without --force."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date D, YYYY-MM-DD (default: the newest date in the store).")
    String asOf;

    @Option(names = "--allow-future", description = "Allow an --as-of after the newest date in the store.")
    boolean allowFuture;

    @Option(names = "--lang", paramLabel = "zh|en|both", defaultValue = "both", description = "Language(s) of the report (default: both); "
        + "also of the command's summary (with both: the system's, zh under a Chinese locale, en otherwise).")
    String lang;

    @Option(names = "--blueprint", paramLabel = "FILE", description = "The city's blueprint (YAML/JSON; default: the built-in Shanghai blueprint).")
    Path blueprint;

    @Option(names = "--survey", paramLabel = "FILE", description = "The survey definition (default: the built-in entrepreneurs2021).")
    Path survey;

    @Option(names = "--disclosure", paramLabel = "FILE", description = "Disclosure rules (YAML; default: built-in defaults).")
    Path disclosure;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report (default: ./report).")
    Path out = Path.of("report");

    @Option(names = "--force", description = "Overwrite existing report files.")
    boolean force;

    @Override
    public Integer call() {
        if (asOf != null) {
            AsOf.parse(asOf, "--as-of");
        }
        List<Lang> langs = switch (lang.toLowerCase(Locale.ROOT)) {
            case "zh" -> List.of(Lang.ZH);
            case "en" -> List.of(Lang.EN);
            case "both" -> List.of(Lang.ZH, Lang.EN);
            default -> throw HaiguiException.usage("--lang must be zh, en or both, not '" + lang + "'");
        };
        DisclosureRules rules = disclosure == null ? DisclosureRules.DEFAULTS : DisclosureRules.read(disclosure);
        ReportOptions o = ReportOptions.of(out, langs).withForce(force)
            .withBlueprint(blueprint == null ? BlueprintReader.shanghai() : BlueprintReader.read(blueprint))
            .withSurvey(survey == null ? SurveyReader.entrepreneurs2021() : SurveyReader.read(survey));
        LocalDate d;
        try (Store store = Store.openReadOnly(Store.resolve(db))) {
            d = AsOf.resolve(asOf, allowFuture, store, spec.commandLine().getErr());
        }
        spec.commandLine().getErr().flush();
        Pipeline.Stage s = Pipeline.report(Store.resolve(db), d, rules, o);
        PrintWriter w = spec.commandLine().getOut();
        Language say = langs.size() == 1 ? (langs.get(0) == Lang.ZH ? Language.ZH : Language.EN) : Language.of(Locale.getDefault());
        if (say == Language.ZH) {
            w.printf(Locale.ROOT, "报告：用时 %.1f 秒，截至 %s，已写入：%s%n", s.millis() / 1000.0, d, String.join("，",
                org.haigui.report.Report.files(o).stream().map(p -> p.toAbsolutePath().toString()).toList()));
        } else {
            w.printf(Locale.ROOT, "report: %.1f s  %s%n", s.millis() / 1000.0, s.detail());
        }
        w.flush();
        return ErrorMapper.OK;
    }
}
