package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.District;
import org.haigui.blueprint.Industry;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.blueprint.SurveyReader;
import org.haigui.blueprint.Zone;
import org.haigui.core.HaiguiException;
import org.haigui.labels.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "blueprint", mixinStandardHelpOptions = true,
    description = {"The city's blueprint (priority industries, key zones, districts) and survey definitions: "
        + "YAML 1.2 or JSON files whose format the README describes (haigui blueprint).",
        "Built in: the blueprints shanghai (the default) and shenzhen, the survey definition entrepreneurs2021."},
    subcommands = {BlueprintCommand.Check.class, BlueprintCommand.Show.class, BlueprintCommand.Unmatched.class})
final class BlueprintCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A file, or the name of a built-in blueprint or survey definition when no such file exists. */
    private static Object load(String arg) {
        Path p = Path.of(arg);
        if (!Files.exists(p)) {
            if (BlueprintReader.BUILT_IN.contains(arg)) {
                return BlueprintReader.builtIn(arg);
            }
            if (SurveyReader.BUILT_IN.contains(arg)) {
                return SurveyReader.builtIn(arg);
            }
            throw HaiguiException.input(arg + ": no such file (built in: "
                + String.join(", ", BlueprintReader.BUILT_IN) + ", " + String.join(", ", SurveyReader.BUILT_IN) + ")");
        }
        byte[] bytes = readAll(p);
        return SurveyReader.looksLikeSurvey(p.toString(), bytes)
            ? SurveyReader.parse(p.toString(), bytes)
            : BlueprintReader.parse(p.toString(), bytes);
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw HaiguiException.input(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Command(name = "unmatched", mixinStandardHelpOptions = true,
        description = {"Zone names in the store's enterprises that match no key zone of the blueprint (after the same "
            + "normalisation as institution names), with how many enterprises write each, most frequent first, and the "
            + "closest key zone by similarity (bigram Dice, 0..1): a suggestion to add as an alias, never applied.",
            "Columns: enterprises, zone name, closest zone id, its closest name or alias, similarity."})
    static final class Unmatched implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @picocli.CommandLine.Mixin
        Blueprints.Flags city = new Blueprints.Flags();

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language lg = lang.language();
            Blueprint b = city.blueprint();
            if (b == null) {
                throw HaiguiException.usage("blueprint unmatched needs a blueprint, not --blueprint none");
            }
            java.util.Map<String, Long> counts;
            try (org.haigui.store.Store store = org.haigui.store.Store.openReadOnly(org.haigui.store.Store.resolve(db));
                 java.sql.Connection c = store.reader()) {
                counts = org.haigui.blueprint.UnmatchedZone.zoneNames(c);
            } catch (java.sql.SQLException e) {
                throw HaiguiException.store("cannot read the enterprises' zones: " + e.getMessage(), e);
            }
            List<org.haigui.blueprint.UnmatchedZone> l = org.haigui.blueprint.UnmatchedZone.of(b, counts);
            PrintWriter out = spec.commandLine().getOut();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long unmatched = l.stream().mapToLong(org.haigui.blueprint.UnmatchedZone::enterprises).sum();
            out.println(lg.pick(String.format(Locale.ROOT, "%d 个园区名称（%,d 家企业）未匹配%s蓝图的任何重点区域；园区名称共 %d 个（%,d 家企业）",
                    l.size(), unmatched, b.city().nameZh(), counts.size(), total),
                String.format(Locale.ROOT, "%d zone names (%,d enterprises) match no key zone of %s's blueprint, of %d names (%,d enterprises)",
                    l.size(), unmatched, b.city().nameEn(), counts.size(), total)));
            for (org.haigui.blueprint.UnmatchedZone u : l) {
                out.printf(Locale.ROOT, "%8d  %s  ->  %s (%s) %.2f%n", u.enterprises(), u.name(),
                    u.closestZone() == null ? "-" : u.closestZone(), u.closestName() == null ? "-" : u.closestName(), u.similarity());
            }
            out.flush();
            return ErrorMapper.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a blueprint or a survey definition (told apart by its top-level keys: 'survey' and "
            + "'questions' make a survey definition) against every rule of the format.",
            "Prints OK and a summary (exit 0), or every error with its file and line (exit 2)."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "FILE", description = "The YAML or JSON file (or a built-in name).")
        String file;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language lg = lang.language();
            Object loaded = load(file);
            PrintWriter out = spec.commandLine().getOut();
            if (loaded instanceof Blueprint b) {
                String tiers = b.tiers().stream().map(t -> t + " " + b.industriesOfTier(t).size()).collect(Collectors.joining(", "));
                int names = b.zones().stream().mapToInt(z -> z.keys().size()).sum();
                out.println(lg == Language.ZH
                    ? String.format(Locale.ROOT, "OK：%s：%s %s 的城市蓝图，规划 %s：区县 %d 个，重点产业 %d 个（%s），重点区域 %d 个（名称 %d 个）",
                        file, b.city().nameZh(), b.city().nameEn(), b.plan().years(), b.districts().size(), b.industries().size(), tiers,
                        b.zones().size(), names)
                    : String.format(Locale.ROOT, "OK: %s: blueprint of %s %s, plan %s: %d districts, %d industries (%s), %d zones (%d distinct names)",
                        file, b.city().nameZh(), b.city().nameEn(), b.plan().years(), b.districts().size(), b.industries().size(), tiers,
                        b.zones().size(), names));
            } else {
                SurveyDefinition d = (SurveyDefinition) loaded;
                int options = d.questions().stream().mapToInt(q -> q.options().size()).sum();
                long multiple = d.questions().stream().filter(q -> q.type() == SurveyDefinition.Type.MULTIPLE).count();
                out.println(lg == Language.ZH
                    ? String.format(Locale.ROOT, "OK：%s：问卷定义 %s（%s，%s）：题目 %d 道（多选 %d 道），选项 %d 个",
                        file, d.id(), d.nameZh(), d.nameEn(), d.questions().size(), multiple, options)
                    : String.format(Locale.ROOT, "OK: %s: survey definition %s (%s, %s): %d questions (%d multiple choice), %d options",
                        file, d.id(), d.nameZh(), d.nameEn(), d.questions().size(), multiple, options));
            }
            out.flush();
            return ErrorMapper.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a blueprint (default: Shanghai's) - the industries by tier with their codes, fields and "
            + "sources, the key zones with their districts and aliases, in Chinese and English - or a survey definition.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "shanghai",
            description = "A blueprint or survey definition file, or a built-in name (default: shanghai).")
        String file;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language lg = lang.language();
            Object loaded = load(file);
            PrintWriter out = spec.commandLine().getOut();
            if (loaded instanceof Blueprint b) {
                show(out, b, lg);
            } else {
                show(out, (SurveyDefinition) loaded);
            }
            out.flush();
            return ErrorMapper.OK;
        }

        private static void show(PrintWriter out, Blueprint b, Language l) {
            out.println(b.city().nameZh() + " " + b.city().nameEn() + " (" + b.city().id() + ")");
            out.println(b.plan().nameZh());
            out.println(b.plan().nameEn() + ", " + b.plan().years());
            out.println(l.pick("依据：", "source: ") + b.plan().source());
            out.println();
            out.println(l.pick("区县（" + b.districts().size() + "）", "districts (" + b.districts().size() + ")"));
            for (District d : b.districts()) {
                out.println("  " + d.code() + "  " + d.nameZh() + "  " + d.nameEn());
            }
            out.println();
            out.println(l.pick("重点产业（" + b.industries().size() + "）", "priority industries (" + b.industries().size() + ")"));
            for (String tier : b.tiers()) {
                out.println(l.pick("  层级 ", "  tier ") + tier);
                for (Industry i : b.industriesOfTier(tier)) {
                    out.println("    " + i.id() + "  " + i.nameZh() + "  " + i.nameEn());
                    out.println(l.pick("      行业代码：  ", "      codes:      ") + String.join(", ", i.codes()));
                    out.println(l.pick("      学科：      ", "      fields:     ") + String.join(", ", i.fields()));
                    out.println(l.pick("      依据：      ", "      source:     ") + i.source());
                }
            }
            out.println();
            out.println(l.pick("重点区域（" + b.zones().size() + "）", "key zones (" + b.zones().size() + ")"));
            for (Zone z : b.zones()) {
                out.println("  " + z.id() + "  " + z.nameZh() + "  " + z.nameEn());
                out.println(l.pick("      区县：      ", "      districts:  ") + z.districts().stream()
                    .map(c -> c + " " + b.district(c).map(d -> d.nameZh() + " " + d.nameEn()).orElse(""))
                    .collect(Collectors.joining(", ")));
                out.println(l.pick("      别名：      ", "      aliases:    ") + (z.aliases().isEmpty() ? "-" : String.join(", ", z.aliases())));
                out.println(l.pick("      依据：      ", "      source:     ") + z.source());
            }
        }

        private static void show(PrintWriter out, SurveyDefinition d) {
            out.println(d.nameZh() + "  " + d.nameEn() + " (" + d.id() + ")");
            for (SurveyDefinition.Question q : d.questions()) {
                out.println();
                out.println("  " + q.id() + "  [" + q.type().code() + "]");
                out.println("    " + q.textZh());
                out.println("    " + q.textEn());
                List<SurveyDefinition.Option> os = q.options();
                for (SurveyDefinition.Option o : os) {
                    out.println("      " + o.id() + "  " + o.textZh() + "  " + o.textEn());
                }
            }
        }
    }
}
