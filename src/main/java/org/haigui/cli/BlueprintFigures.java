package org.haigui.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.Industry;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.indicators.IndicatorValue;

/**
 * What {@code haigui demo} prints after the indicators until the report lands: the blueprint fit,
 * the gap table, mutual promotion and the survey shares (blueprint.md), in Chinese and English.
 * Raw figures of synthetic data (the analyst's view); nothing here is published.
 */
final class BlueprintFigures {

    private BlueprintFigures() {
    }

    static void print(PrintWriter out, List<IndicatorValue> vs, Blueprint bp, SurveyDefinition survey, LocalDate asOf) {
        String year = Integer.toString(asOf.getYear());
        if (bp != null) {
            find(vs, "fit.talent_share", "", "", "", "").ifPresent(v -> out.printf(Locale.ROOT,
                "fit 契合:    %s of the returnees in %s (%s of %s) have a field that supplies a priority industry 存量海归中专业契合重点产业的比例%n",
                pct(v.value()), bp.city().nameEn(), v.numerator().toPlainString(), v.denominator().toPlainString()));
            out.printf(Locale.ROOT, "gap 缺口:    %-34s %8s %7s %8s %7s%n", "priority industry 重点产业", "talent", "share", "firms", "share");
            for (String tier : bp.tiers()) {
                for (Industry i : bp.industriesOfTier(tier)) {
                    Optional<IndicatorValue> t = find(vs, "fit.gap", "", "", "talent", i.id());
                    Optional<IndicatorValue> f = find(vs, "fit.gap", "", "", "firms", i.id());
                    if (t.isPresent() && f.isPresent()) {
                        out.printf(Locale.ROOT, "             %-34s %8s %7s %8s %7s%s%n", cut(i.nameZh() + " " + i.nameEn() + " (" + tier + ")", 34),
                            t.get().numerator().toPlainString(), pct(t.get().value()), f.get().numerator().toPlainString(),
                            pct(f.get().value()), less(t.get().value(), f.get().value()) ? "  talent below firms 人才份额低于企业份额" : "");
                    }
                }
            }
            for (String id : new String[] {"ent.priority_industry_share", "ent.key_zone_share"}) {
                find(vs, id, year, "returnee", "", "").ifPresent(r -> find(vs, id, year, "other", "", "").ifPresent(o ->
                    out.printf(Locale.ROOT, "%-12s %s %s: returnee-founded %s, other %s 海归创办 / 其他企业%n", id.equals("ent.key_zone_share")
                        ? "zones 园区:" : "industry 产业:", id, year, pct(r.value()), pct(o.value()))));
            }
        }
        find(vs, "promo.jobs_share", year, "", "", "").ifPresent(v -> out.printf(Locale.ROOT,
            "promo 促进:  %s: returnee-founded enterprises employ %s of the jobs (%s of %s) 海归创办企业就业占比%n", year,
            pct(v.value()), v.numerator().toPlainString(), v.denominator().toPlainString()));
        find(vs, "promo.supported_share", year, "returnee", "", "").ifPresent(v -> out.printf(Locale.ROOT,
            "             %s: %s of returnee-founded enterprises were supported (%s of %s) 获扶持比例%n", year, pct(v.value()),
            v.numerator().toPlainString(), v.denominator().toPlainString()));
        find(vs, "promo.supported_growth_difference", year, "returnee", "", "").ifPresent(v -> out.printf(Locale.ROOT,
            "             %s: median employee growth, supported minus unsupported: %s [%s, %s] 获扶持与未获扶持企业就业增长中位数之差%n", year,
            v.value() == null ? "-" : pp(v.value()), v.ciLow() == null ? "-" : pp(v.ciLow()), v.ciHigh() == null ? "-" : pp(v.ciHigh())));
        boolean first = true;
        for (IndicatorValue v : vs) {
            if (!v.indicator().equals("survey.share") || v.value() == null) {
                continue;
            }
            String q = v.breakdown();
            String o = v.category();
            if (survey != null) {
                Optional<SurveyDefinition.Question> qq = survey.question(q);
                if (qq.isPresent()) {
                    o = qq.get().option(o).map(x -> x.textZh() + " " + x.textEn()).orElse(o);
                }
            }
            out.printf(Locale.ROOT, "%-12s %-24s %-40s %6s [%s, %s]%n", first ? "survey 问卷:" : "", cut(q, 24), cut(o, 40), pct(v.value()),
                pct(v.ciLow()), pct(v.ciHigh()));
            first = false;
        }
        out.flush();
    }

    private static Optional<IndicatorValue> find(List<IndicatorValue> vs, String id, String period, String group, String breakdown,
                                                 String category) {
        return vs.stream().filter(v -> v.indicator().equals(id) && v.period().equals(period) && v.group().equals(group)
            && v.breakdown().equals(breakdown) && v.category().equals(category)).findFirst();
    }

    private static boolean less(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) < 0;
    }

    private static String pct(BigDecimal v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v.doubleValue() * 100);
    }

    private static String pp(BigDecimal v) {
        return String.format(Locale.ROOT, "%+.1f%%", v.doubleValue() * 100);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
