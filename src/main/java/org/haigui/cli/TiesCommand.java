package org.haigui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Set;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.labels.Language;
import org.haigui.store.Store;
import org.haigui.ties.TeamReport;
import org.haigui.ties.TeamTies;
import org.haigui.ties.TieIndicatorProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ties", mixinStandardHelpOptions = true,
    description = {"Overseas schoolmate and colleague ties in founding teams: one enterprise's initial core team "
        + "(--enterprise), or the team.* and ent.market_tie_share indicators (--indicators).",
        "--indicators runs the indicator engine on these six indicators (the same figures as `haigui indicators --only "
        + "...`: returnee group, Wilson intervals for shares, the engine's bootstrap with the default seed and 1,000 "
        + "resamples for ratios and the median) and prints its tidy CSV rows; the as-of date and the bootstrap seed and "
        + "resamples go to standard error. It only reads the store."})
final class TiesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--enterprise", paramLabel = "ID", description = "Show this enterprise's initial core team, "
        + "each member's overseas episodes, and each tie with its institution and overlap.")
    String enterprise;

    @Option(names = "--indicators", description = "Print the team.* and ent.market_tie_share indicators as the "
        + "indicator engine's tidy CSV.")
    boolean indicators;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date YYYY-MM-DD (default: the newest date in the store).")
    String asOf;

    @Option(names = "--allow-future", description = "Allow an --as-of after the newest date in the store.")
    boolean allowFuture;

    @Option(names = "--json", description = "Print JSON instead of text (with --enterprise).")
    boolean json;

    @picocli.CommandLine.Mixin
    Blueprints.Flags city = new Blueprints.Flags();

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() throws Exception {
        Language l = lang.language();
        if ((enterprise == null) == !indicators) {
            throw HaiguiException.usage("give exactly one of --enterprise ID and --indicators");
        }
        if (asOf != null) {
            AsOf.parse(asOf, "--as-of");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = openForReadingTies(Store.resolve(db)); java.sql.Connection reader = store.reader()) {
            LocalDate d = AsOf.resolve(asOf, allowFuture, store, spec.commandLine().getErr());
            if (indicators) {
                RawResult r = new IndicatorEngine().run(reader,
                    IndicatorRequest.of(org.haigui.indicators.RunContext.of(d).withBlueprint(city.blueprint())
                        .withSurvey(city.survey())).withOnly(Set.copyOf(TieIndicatorProvider.IDS)));
                IndicatorWriter.writeCsv(r.values(), out);
                spec.commandLine().getErr().println(l.pick(String.format(Locale.ROOT, "截至 %s；自助法：重抽样 %d 次，种子 %d", d,
                    r.info().resamples(), r.info().seed()), String.format(Locale.ROOT, "as of %s; bootstrap: %d resamples, seed %d", d,
                    r.info().resamples(), r.info().seed())));
            } else {
                TeamReport t = TeamTies.team(reader, enterprise, d);
                if (json) {
                    ObjectMapper m = new ObjectMapper().registerModule(
                        new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance));
                    out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(t));
                } else {
                    print(out, t, l);
                }
            }
        }
        out.flush();
        return ErrorMapper.OK;
    }

    /**
     * The store opened read-only for the commands that read ties and names (other readers may hold
     * it too); when its institution registry or name keys are not up to date (a store that no import
     * of this version has touched), it is opened for writing once to bring them up to date first.
     */
    static Store openForReadingTies(java.nio.file.Path file) {
        Store store = Store.openReadOnly(file);
        boolean upToDate;
        try (java.sql.Connection reader = store.reader()) {
            upToDate = org.haigui.ties.InstitutionRegistry.upToDate(reader);
        } catch (java.sql.SQLException | RuntimeException e) {
            store.close();
            throw e instanceof RuntimeException r ? r : HaiguiException.store("cannot read the store " + file + ": " + e.getMessage(), e);
        }
        if (upToDate) {
            return store;
        }
        store.close();
        try (Store writer = Store.openExisting(file)) {
            org.haigui.ties.InstitutionRegistry.refreshNameKeys(writer.writer());
        }
        return Store.openReadOnly(file);
    }

    private static void print(PrintWriter out, TeamReport t, Language l) {
        boolean zh = l == Language.ZH;
        out.println((zh ? "企业 " : "enterprise ") + t.enterpriseId() + "  " + (t.name() == null ? "" : t.name()));
        String dissolved = t.dissolvedDate() == null ? "" : (zh ? "，注销于 " : ", dissolved ") + t.dissolvedDate();
        int y = t.asOf().getYear();
        out.println(zh ? "  成立于 " + t.foundedDate() + dissolved + "；截至 " + t.asOf() + "：" + (t.returneeFounded() ? "海归创办" : "非海归创办")
                + "，" + (t.activeInYear() ? y + " 年在营" : y + " 年不在营")
            : "  founded " + t.foundedDate() + dissolved + "; as of " + t.asOf() + ": " + (t.returneeFounded() ? "returnee-founded"
                : "not returnee-founded") + ", " + (t.activeInYear() ? "active in " + y : "not active in " + y));
        long tied = t.members().stream().filter(TeamReport.Member::tied).count();
        out.println(zh ? "初始核心团队：" + t.members().size() + " 人，其中 " + tied + " 人有海外关系"
            : "initial core team: " + t.members().size() + " members, " + tied + " tied");
        for (TeamReport.Member m : t.members()) {
            String kinds = (m.schoolmate() ? l.pick("校友", "schoolmate") : "") + (m.schoolmate() && m.colleague() ? ", " : "")
                + (m.colleague() ? l.pick("同事", "colleague") : "");
            out.println("  " + m.personId() + "  " + m.role()
                + (m.joinedDate() == null ? "" : l.pick("，加入于 ", " joined ") + m.joinedDate())
                + (m.returnee() ? l.pick("，海归", ", returnee") : "")
                + (m.tied() ? l.pick("，有海外关系（" + kinds + "）", ", tied (" + kinds + ")") : ""));
            for (TeamReport.Episode e : m.episodes()) {
                out.printf(Locale.ROOT, "      %-8s %s .. %s  %s (%s)%s%s%n", e.kind(), e.startDate(),
                    e.endDate() == null ? l.pick("仍在海外", "still abroad") : e.endDate().toString(), e.institution(), e.country(),
                    e.institutionId() == null ? "" : l.pick("  编号 ", "  id ") + e.institutionId(),
                    e.registryName() == null ? "" : "  = " + e.registryName() + " [" + e.registryId() + "]");
            }
        }
        if (!t.notInTeam().isEmpty()) {
            out.println(l.pick("不属于初始核心团队：", "not in the initial core team:"));
            t.notInTeam().forEach(s -> out.println("  " + s));
        }
        out.println(l.pick("海外关系：", "ties: ") + t.ties().size());
        for (TeamReport.Tie x : t.ties()) {
            String kind = zh ? ("schoolmate".equals(x.kind()) ? "校友" : "colleague".equals(x.kind()) ? "同事" : x.kind()) : x.kind();
            String inst = x.institutionA() + (x.institutionA().equals(x.institutionB()) ? "" : " / " + x.institutionB());
            out.println(zh ? String.format(Locale.ROOT, "  %s-%s  %s，%s，重叠 %s .. %s（%d 天），匹配方式 %s", x.personA(), x.personB(), kind, inst,
                    x.overlapStart(), x.overlapEnd(), x.overlapDays(), matchedByZh(x.matchedBy()))
                : String.format(Locale.ROOT, "  %s-%s  %s at %s, overlap %s .. %s (%d days), matched by %s", x.personA(), x.personB(), kind, inst,
                    x.overlapStart(), x.overlapEnd(), x.overlapDays(), x.matchedBy()));
        }
    }

    private static String matchedByZh(String by) {
        return switch (by) {
            case "institution_id" -> "机构编号相同";
            case "same name after normalisation" -> "规范化后同名";
            case "registry alias" -> "机构库别名";
            default -> by;
        };
    }
}
