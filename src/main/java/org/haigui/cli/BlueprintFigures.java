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
import org.haigui.labels.Language;

/**
 * What {@code haigui demo} prints after the indicators until the report lands: the blueprint fit,
 * the gap table, mutual promotion and the survey shares (blueprint.md), in Chinese or English ({@code --lang}).
 * Raw figures of synthetic data (the analyst's view); nothing here is published.
 */
final class BlueprintFigures {

    private BlueprintFigures() {
    }

    static void print(PrintWriter out, Language l, List<IndicatorValue> vs, Blueprint bp, SurveyDefinition survey, LocalDate asOf) {
        String year = Integer.toString(asOf.getYear());
        boolean zh = l == Language.ZH;
        if (bp != null) {
            find(vs, "fit.talent_share", "", "", "", "").ifPresent(v -> out.println(zh
                ? String.format(Locale.ROOT, "%s%s的存量海归中，%s（%s / %s）所学专业契合重点产业", Language.pad("契合：", 13), bp.city().nameZh(),
                    pct(v.value()), v.numerator().toPlainString(), v.denominator().toPlainString())
                : String.format(Locale.ROOT, "fit:         %s of the returnees in %s (%s of %s) have a field that supplies a priority industry",
                    pct(v.value()), bp.city().nameEn(), v.numerator().toPlainString(), v.denominator().toPlainString())));
            out.println(Language.pad(l.pick("缺口：", "gap:"), 13) + Language.pad(l.pick("重点产业", "priority industry"), 34)
                + Language.padLeft(l.pick("人才", "talent"), 9) + Language.padLeft(l.pick("占比", "share"), 8)
                + Language.padLeft(l.pick("企业", "firms"), 9) + Language.padLeft(l.pick("占比", "share"), 8));
            for (String tier : bp.tiers()) {
                for (Industry i : bp.industriesOfTier(tier)) {
                    Optional<IndicatorValue> t = find(vs, "fit.gap", "", "", "talent", i.id());
                    Optional<IndicatorValue> f = find(vs, "fit.gap", "", "", "firms", i.id());
                    if (t.isPresent() && f.isPresent()) {
                        out.println(" ".repeat(13) + Language.pad(cut(l.pick(i.nameZh(), i.nameEn()) + " (" + tier + ")", 34), 34)
                            + Language.padLeft(t.get().numerator().toPlainString(), 9) + Language.padLeft(pct(t.get().value()), 8)
                            + Language.padLeft(f.get().numerator().toPlainString(), 9) + Language.padLeft(pct(f.get().value()), 8)
                            + (less(t.get().value(), f.get().value()) ? l.pick("  人才份额低于企业份额", "  talent below firms") : ""));
                    }
                }
            }
            for (String id : new String[] {"ent.priority_industry_share", "ent.key_zone_share"}) {
                find(vs, id, year, "returnee", "", "").ifPresent(r -> find(vs, id, year, "other", "", "").ifPresent(o ->
                    out.println(Language.pad(id.equals("ent.key_zone_share") ? l.pick("园区：", "zones:") : l.pick("产业：", "industry:"), 13)
                        + id + " " + year + l.pick("：海归创办企业 " + pct(r.value()) + "，其他企业 " + pct(o.value()),
                        ": returnee-founded " + pct(r.value()) + ", other " + pct(o.value())))));
            }
        }
        find(vs, "promo.jobs_share", year, "", "", "").ifPresent(v -> out.println(Language.pad(l.pick("促进：", "promo:"), 13) + l.pick(
            year + " 年：海归创办企业提供 " + pct(v.value()) + " 的就业岗位（" + v.numerator().toPlainString() + " / " + v.denominator().toPlainString() + "）",
            year + ": returnee-founded enterprises employ " + pct(v.value()) + " of the jobs (" + v.numerator().toPlainString() + " of "
                + v.denominator().toPlainString() + ")")));
        find(vs, "promo.supported_share", year, "returnee", "", "").ifPresent(v -> out.println(" ".repeat(13) + l.pick(
            year + " 年：" + pct(v.value()) + " 的海归创办企业获得扶持（" + v.numerator().toPlainString() + " / " + v.denominator().toPlainString() + "）",
            year + ": " + pct(v.value()) + " of returnee-founded enterprises were supported (" + v.numerator().toPlainString() + " of "
                + v.denominator().toPlainString() + ")")));
        find(vs, "promo.supported_growth_difference", year, "returnee", "", "").ifPresent(v -> {
            String ci = (v.value() == null ? "-" : pp(v.value())) + " [" + (v.ciLow() == null ? "-" : pp(v.ciLow())) + ", "
                + (v.ciHigh() == null ? "-" : pp(v.ciHigh())) + "]";
            out.println(" ".repeat(13) + l.pick(year + " 年：获扶持与未获扶持企业就业增长中位数之差 " + ci,
                year + ": median employee growth, supported minus unsupported: " + ci));
        });
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
                    o = qq.get().option(o).map(x -> l.pick(x.textZh(), x.textEn())).orElse(o);
                }
            }
            out.println(Language.pad(first ? l.pick("问卷：", "survey:") : "", 13) + Language.pad(cut(q, 24), 24) + " "
                + Language.pad(cut(o, 40), 40) + " " + Language.padLeft(pct(v.value()), 6) + " [" + pct(v.ciLow()) + ", " + pct(v.ciHigh()) + "]");
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
