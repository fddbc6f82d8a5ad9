package org.haigui.indicators;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The indicator catalogue as a document (Markdown, both languages): every indicator's id, titles,
 * unit, groups, breakdowns and method, in catalogue order, with the breakdown registry. Generated,
 * never written by hand: {@code haigui docs} writes it to {@code docs/indicators.md}, and a test
 * checks that the committed file is current.
 */
public final class CatalogueDoc {

    private CatalogueDoc() {
    }

    /** The catalogue as Markdown. */
    public static String markdown(Catalogue catalogue) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Indicator catalogue 指标目录\n\n");
        sb.append("Generated from the program's catalogue (`haigui docs`); do not edit by hand. "
            + "本文件由程序的指标目录生成（`haigui docs`），请勿手工修改。\n\n");
        sb.append("Catalogue version ").append(Catalogue.VERSION).append(". Every figure of `haigui indicators` is one row of the "
            + "tidy output: `indicator, period, group, breakdown, category, value, numerator, denominator, ci_low, ci_high, "
            + "suppressed`. Enterprise indicators have the groups `returnee`, `other` and `difference` (returnee - other); "
            + "the breakdowns below add one row per category, `unknown` included.\n\n");
        sb.append("## Breakdowns 分组维度\n\n| id | 中文 | English | scope | categories add up to the total |\n|---|---|---|---|---|\n");
        for (Breakdowns.Breakdown b : Breakdowns.all()) {
            sb.append("| `").append(b.id()).append("` | ").append(cell(b.titleZh())).append(" | ").append(cell(b.titleEn()))
                .append(" | ").append(b.scope().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                .append(b.partition() ? "yes" : "no (a unit may be in several)").append(" |\n");
        }
        sb.append("\n## Indicators 指标\n\n| id | 中文 | English | unit |\n|---|---|---|---|\n");
        List<IndicatorDefinition> all = catalogue.entries();
        for (IndicatorDefinition d : all) {
            sb.append("| [`").append(d.id()).append("`](#").append(anchor(d.id())).append(") | ").append(cell(d.titleZh()))
                .append(" | ").append(cell(d.titleEn())).append(" | ").append(d.unit()).append(" |\n");
        }
        for (IndicatorDefinition d : all) {
            sb.append("\n### ").append(d.id()).append("\n\n");
            sb.append("**").append(d.titleZh()).append("** / **").append(d.titleEn()).append("**\n\n");
            sb.append("- unit: ").append(d.unit()).append("\n");
            sb.append("- kind: ").append(d.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\n");
            if (d.groups() != IndicatorDefinition.Groups.NONE) {
                Comparison c = d.comparison();
                sb.append("- groups: `").append(c.first()).append('`');
                if (d.groups() == IndicatorDefinition.Groups.RETURNEE_OTHER_DIFFERENCE) {
                    sb.append(", `").append(c.second()).append("`, `").append(c.difference()).append('`');
                }
                sb.append("\n");
            }
            if (!d.breakdowns().isEmpty()) {
                sb.append("- breakdowns: ").append(d.breakdowns().stream().map(b -> "`" + b + "`").collect(Collectors.joining(", ")))
                    .append("\n");
            }
            if (!d.available()) {
                sb.append("- not available: ").append(d.unavailable()).append("\n");
            }
            sb.append("\n").append(d.methodZh().strip()).append("\n\n").append(d.methodEn().strip()).append("\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String anchor(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
    }
}
