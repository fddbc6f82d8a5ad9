package org.haigui.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.Industry;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorValue;
import org.haigui.report.Doc.Block;
import org.haigui.report.Doc.Cell;
import org.haigui.report.Doc.Column;
import org.haigui.report.Doc.Headline;
import org.haigui.report.Doc.Para;
import org.haigui.report.Doc.Section;
import org.haigui.report.Doc.Style;
import org.haigui.report.Doc.Table;

/**
 * The report's content, section by section, from the protected figures: tables, charts and the sentences the
 * figures support. Every sentence is chosen by the figures it cites and left out when one of them is withheld or
 * missing; a section whose indicators are not in the result says so.
 */
final class Content {

    /** The difference of two groups is called higher or lower only when its interval excludes zero. */
    enum Direction { HIGHER, LOWER, UNCLEAR }

    /** Wording of a multiple: more than double, more, about equal (within 10%), fewer. */
    enum Multiple { MORE_THAN_DOUBLE, MORE, ABOUT_EQUAL, FEWER }

    static final BigDecimal EQUAL_BAND = new BigDecimal("0.10");

    private final Figures fig;
    private final Catalogue catalogue;
    private final ProtectedResult result;
    private final Labels labels;
    private final Blueprint blueprint;
    private final SurveyDefinition survey;
    private final LocalDate asOf;
    private final Text city;
    private final String year;
    private final String lastYear;
    private final List<Headline> keyFindings = new ArrayList<>();

    Content(ProtectedResult result, Catalogue catalogue, Blueprint blueprint, SurveyDefinition survey) {
        this.result = result;
        this.fig = new Figures(result.values());
        this.catalogue = catalogue;
        this.blueprint = blueprint;
        this.survey = survey;
        this.labels = new Labels(blueprint);
        this.asOf = result.info().asOf();
        this.city = blueprint == null ? Text.of("本市", "the city") : Text.of(blueprint.city().nameZh(), blueprint.city().nameEn());
        this.year = Integer.toString(asOf.getYear());
        this.lastYear = Integer.toString(asOf.getYear() - 1);
    }

    Text city() {
        return city;
    }

    LocalDate asOf() {
        return asOf;
    }

    static Multiple multiple(BigDecimal m) {
        if (m.compareTo(BigDecimal.valueOf(2)) > 0) {
            return Multiple.MORE_THAN_DOUBLE;
        }
        if (m.subtract(BigDecimal.ONE).abs().compareTo(EQUAL_BAND) <= 0) {
            return Multiple.ABOUT_EQUAL;
        }
        return m.compareTo(BigDecimal.ONE) > 0 ? Multiple.MORE : Multiple.FEWER;
    }

    static Direction direction(IndicatorValue difference) {
        if (!Figures.published(difference) || difference.ciLow() == null || difference.ciHigh() == null) {
            return Direction.UNCLEAR;
        }
        if (difference.ciLow().signum() > 0) {
            return Direction.HIGHER;
        }
        return difference.ciHigh().signum() < 0 ? Direction.LOWER : Direction.UNCLEAR;
    }

    // ------------------------------------------------------------------ the whole document

    List<Section> sections() {
        List<Section> out = new ArrayList<>();
        out.add(stock());
        out.add(arrivals());
        Section firms = firms();
        out.add(firms);
        out.add(teams());
        out.add(survey());
        out.add(blueprint());
        out.add(promotion());
        out.add(quality());
        out.add(methods());
        out.add(disclosure());
        List<Block> kf = new ArrayList<>(keyFindings);
        if (kf.isEmpty()) {
            kf.add(new Para(Text.of("没有可公布的要点。", "No finding can be published.")));
        }
        out.add(0, new Section("findings", Text.of("要点", "Key findings"), kf));
        return out;
    }

    private Text title(String id) {
        return catalogue.find(id).map(d -> Text.of(d.titleZh(), d.titleEn())).orElse(Text.of(id, id));
    }

    private Style style(String id) {
        if (id.equals("ent.rd_intensity") || id.equals("ent.local_employee_share") || id.equals("ent.overseas_revenue_share")
            || id.equals("ent.revenue_growth_median") || id.equals("promo.jobs_share")) {
            return Style.PERCENT;
        }
        String unit = catalogue.find(id).map(IndicatorDefinition::unit).orElse("");
        return switch (unit) {
            case "share" -> Style.PERCENT;
            case "CNY" -> Style.MONEY;
            case "ratio" -> Style.RATIO;
            case "persons", "enterprises", "rows", "employees", "patents", "teams", "respondents" -> Style.COUNT;
            default -> Style.DECIMAL;
        };
    }

    private Text source() {
        return Text.of("来源：海归观察平台公布数据（经披露控制）", "Source: Haigui Observatory, published figures (disclosure-controlled)");
    }

    private Svg.Frame frame(Text title, Text units) {
        return new Svg.Frame(title, units, source(), asOf.toString());
    }

    private static Cell cell(Optional<IndicatorValue> v) {
        return v.map(Content::cell).orElse(new Doc.Empty());
    }

    private static Cell cell(IndicatorValue v) {
        if (v.suppressed()) {
            return new Doc.Withheld();
        }
        return v.value() == null ? new Doc.Empty() : new Doc.Num(v.value(), null);
    }

    private static Cell num(BigDecimal v, Style s) {
        return v == null ? new Doc.Empty() : new Doc.Num(v, s);
    }

    private static Cell ci(IndicatorValue v, boolean low) {
        if (v == null) {
            return new Doc.Empty();
        }
        if (v.suppressed()) {
            return new Doc.Withheld();
        }
        BigDecimal x = low ? v.ciLow() : v.ciHigh();
        return x == null ? new Doc.Empty() : new Doc.Num(x, null);
    }

    private static Column col(String zh, String en, Style s) {
        return new Column(Text.of(zh, en), s);
    }

    private Headline say(List<Block> blocks, String indicator, String zh, String en) {
        Headline h = new Headline(Text.of(zh, en), indicator);
        blocks.add(h);
        return h;
    }

    private void key(Headline h) {
        if (h != null) {
            keyFindings.add(h);
        }
    }

    private Para notAvailable(List<String> ids) {
        List<String> why = new ArrayList<>();
        for (String id : ids) {
            String reason = result.notAvailable().get(id);
            why.add(id + (reason == null ? "" : " (" + reason + ")"));
        }
        return new Para(Text.of("暂无数据：" + String.join("，", why) + "。", "Not available: " + String.join(", ", why) + "."));
    }

    private String pct(Optional<BigDecimal> v) {
        return Fmt.percent(v.orElseThrow());
    }

    // ------------------------------------------------------------------ 1. returnees in the city

    private Section stock() {
        List<Block> b = new ArrayList<>();
        b.add(new Para(Text.of("海归存量：截至 " + asOf + " 为海归且当日在" + city.zh() + "的人数（方法见附录 stock）。",
            "The stock: persons who are returnees as of " + asOf + " and in " + city.en() + " on that day (method: appendix, stock).")));
        Optional<BigDecimal> n = fig.value("stock", "", "");
        if (n.isPresent()) {
            key(say(b, "stock", "截至 " + asOf + "，在" + city.zh() + "的海归共 " + Fmt.countWords(Lang.ZH, n.get()) + " 人。",
                Fmt.countWords(Lang.EN, n.get()) + " returnees were living in " + city.en() + " on " + asOf + "."));
        } else if (!fig.has("stock")) {
            b.add(notAvailable(List.of("stock")));
        }
        Optional<BigDecimal> ent = fig.value("stock.share_entrepreneur", "", "");
        if (ent.isPresent()) {
            say(b, "stock.share_entrepreneur", "其中 " + Fmt.percent(ent.get()) + " 是本年度存续企业的创始人。",
                Fmt.percent(ent.get()) + " of them are founders of an enterprise active this year.");
        }
        List<IndicatorValue> districts = new ArrayList<>(fig.breakdown("stock", "", "", "district"));
        if (!districts.isEmpty()) {
            districts.sort(Comparator.comparing((IndicatorValue v) -> v.value() == null ? BigDecimal.valueOf(-1) : v.value()).reversed());
            Text t = Text.of("在" + city.zh() + "海归：按区", "Returnees in " + city.en() + " by district");
            Svg.Frame fr = frame(t, Text.of("单位：人", "Persons"));
            if (blueprint != null && !blueprint.districts().isEmpty() && blueprint.districts().stream().allMatch(d -> d.hasTile())) {
                // a map when the blueprint places every district (tile: [column, row]); rows for codes the blueprint does
                // not know (unknown, a district of another city) are said under it
                java.util.Map<String, IndicatorValue> byCode = new java.util.HashMap<>();
                districts.forEach(v -> byCode.put(v.category(), v));
                List<Svg.Tile> tiles = blueprint.districts().stream().map(d -> {
                    IndicatorValue v = byCode.get(d.code());
                    BigDecimal value = v == null ? BigDecimal.ZERO : v.suppressed() ? null : v.value();
                    return new Svg.Tile(Text.of(d.nameZh(), d.nameEn()), value, d.col(), d.row());
                }).toList();
                java.util.Set<String> known = new java.util.HashSet<>();
                blueprint.districts().forEach(d -> known.add(d.code()));
                List<IndicatorValue> others = districts.stream().filter(v -> !known.contains(v.category())).toList();
                b.add(new Doc.Chart("stock_district", t, l -> Svg.tileMap(l, fr, tiles, Style.COUNT, others.stream()
                    .map(v -> labels.category("district", v.category()).in(l) + (l == Lang.ZH ? "：" : ": ")
                        + (v.suppressed() ? "x" : Fmt.cell(l, Style.COUNT, v.value())))
                    .collect(java.util.stream.Collectors.joining(l == Lang.ZH ? "；" : "; ")))));
            } else {
                List<Svg.Bar> bars = districts.stream().map(v -> new Svg.Bar(labels.category("district", v.category()),
                    v.suppressed() ? null : v.value(), null, null)).toList();
                b.add(new Doc.Chart("stock_district", t,
                    l -> Svg.horizontal(l, fr, List.of(new Svg.Series(t, bars)), Style.COUNT, true)));
            }
        }
        for (String bd : List.of("district", "country", "degree", "field", "gender", "age_band")) {
            List<IndicatorValue> rows = fig.breakdown("stock", "", "", bd);
            if (rows.isEmpty()) {
                continue;
            }
            List<List<Cell>> r = new ArrayList<>();
            for (IndicatorValue v : rows) {
                r.add(List.of(new Doc.Label(Text.of(v.category(), v.category())), new Doc.Label(labels.category(bd, v.category())), cell(v)));
            }
            r.add(List.of(new Doc.Label(Text.of("", "")), new Doc.Label(Text.of("合计", "Total")), cell(fig.total("stock", "", ""))));
            Text lb = Labels.breakdown(bd);
            b.add(new Table("stock_" + bd, Text.of("在" + city.zh() + "海归：按" + lb.zh(), "Returnees in the city by " + lb.en().toLowerCase(java.util.Locale.ROOT)),
                List.of(col("代码", "Code", Style.YEAR_TEXT), col(lb.zh(), lb.en(), Style.YEAR_TEXT), col("人数", "Persons", Style.COUNT)),
                r, null, "stock"));
        }
        return new Section("stock", Text.of("在" + city.zh() + "的海归", "Returnees in " + city.en()), b);
    }

    // ------------------------------------------------------------------ 2. arrivals

    private Section arrivals() {
        List<Block> b = new ArrayList<>();
        if (!fig.has("inflow.year")) {
            b.add(notAvailable(List.of("inflow.year")));
            return new Section("arrivals", Text.of("回流", "Arrivals"), b);
        }
        int y = asOf.getYear();
        String win = (y - 5) + "-" + (y - 1);
        String prev = (y - 10) + "-" + (y - 6);
        Optional<IndicatorValue> mult = fig.total("inflow.window5_multiple", win, "");
        Optional<BigDecimal> w = fig.value("inflow.window5", win, "");
        if (mult.isPresent() && Figures.published(mult.get()) && w.isPresent() && mult.get().denominator() != null) {
            BigDecimal m = mult.get().value();
            String ms = Fmt.ratio(m);
            String n0z = Fmt.countWords(Lang.ZH, mult.get().denominator());
            String n0e = Fmt.countWords(Lang.EN, mult.get().denominator());
            String nz = Fmt.countWords(Lang.ZH, w.get());
            String ne = Fmt.countWords(Lang.EN, w.get());
            Headline h = switch (multiple(m)) {
                case MORE_THAN_DOUBLE -> say(b, "inflow.window5_multiple", win + " 年共有 " + nz + " 名海归来" + city.zh() + "，是前五年（" + prev + "，" + n0z + " 人）的 "
                    + ms + " 倍，翻了一番多。", ne + " returnees arrived in " + win + ", " + ms + "x the previous five years (" + prev + ": " + n0e
                    + "): more than double.");
                case MORE -> say(b, "inflow.window5_multiple", win + " 年共有 " + nz + " 名海归来" + city.zh() + "，是前五年（" + prev + "，" + n0z + " 人）的 " + ms + " 倍。",
                    ne + " returnees arrived in " + win + ", " + ms + "x the previous five years (" + prev + ": " + n0e + ").");
                case ABOUT_EQUAL -> say(b, "inflow.window5_multiple", win + " 年共有 " + nz + " 名海归来" + city.zh() + "，与前五年（" + prev + "，" + n0z + " 人）大致持平。",
                    ne + " returnees arrived in " + win + ", about as many as in the previous five years (" + prev + ": " + n0e + ").");
                case FEWER -> say(b, "inflow.window5_multiple", win + " 年共有 " + nz + " 名海归来" + city.zh() + "，少于前五年（" + prev + "，" + n0z + " 人）。",
                    ne + " returnees arrived in " + win + ", fewer than in the previous five years (" + prev + ": " + n0e + ").");
            };
            key(h);
        }
        String ytdPeriod = y + "-01-01.." + asOf;
        Optional<IndicatorValue> ytd = fig.total("inflow.ytd_vs_last_year", ytdPeriod, "");
        if (ytd.isPresent() && Figures.published(ytd.get()) && ytd.get().numerator() != null && ytd.get().denominator() != null) {
            BigDecimal r = ytd.get().value();
            String nz = Fmt.countWords(Lang.ZH, ytd.get().numerator());
            String ne = Fmt.countWords(Lang.EN, ytd.get().numerator());
            String lz = Fmt.countWords(Lang.ZH, ytd.get().denominator());
            String le = Fmt.countWords(Lang.EN, ytd.get().denominator());
            Headline h = switch (multiple(r)) {
                case ABOUT_EQUAL -> say(b, "inflow.ytd_vs_last_year", y + " 年截至 " + asOf + " 已有 " + nz + " 名海归来" + city.zh() + "，与 " + (y - 1) + " 年全年（" + lz
                    + " 人）大致相当。", ne + " returnees arrived from 1 January to " + asOf + ", about equal to the whole of " + (y - 1) + " (" + le + ").");
                case MORE, MORE_THAN_DOUBLE -> say(b, "inflow.ytd_vs_last_year", y + " 年截至 " + asOf + " 已有 " + nz + " 名海归来" + city.zh() + "，已超过 " + (y - 1)
                    + " 年全年（" + lz + " 人）。", ne + " returnees arrived from 1 January to " + asOf + ", already more than in the whole of " + (y - 1)
                    + " (" + le + ").");
                case FEWER -> say(b, "inflow.ytd_vs_last_year", y + " 年截至 " + asOf + " 有 " + nz + " 名海归来" + city.zh() + "，为 " + (y - 1) + " 年全年（" + lz + " 人）的 "
                    + Fmt.percent(r) + "。", ne + " returnees arrived from 1 January to " + asOf + ", " + Fmt.percent(r) + " of the whole of " + (y - 1)
                    + " (" + le + ").");
            };
            key(h);
        }
        Optional<IndicatorValue> proj = fig.total("inflow.year_projection", year, "");
        if (proj.isPresent() && Figures.published(proj.get()) && proj.get().ciLow() != null) {
            IndicatorValue p = proj.get();
            String range = p.ciHigh() == null ? null : Fmt.about(Lang.EN, p.ciLow()) + "-" + Fmt.about(Lang.EN, p.ciHigh());
            String rangeZh = p.ciHigh() == null ? null : Fmt.about(Lang.ZH, p.ciLow()) + "-" + Fmt.about(Lang.ZH, p.ciHigh());
            key(say(b, "inflow.year_projection",
                "按目前的进度，" + year + " 年全年回流人数预计约为 " + Fmt.about(Lang.ZH, p.value()) + " 人（95% 预测区间："
                    + (rangeZh == null ? "不少于 " + Fmt.about(Lang.ZH, p.ciLow()) : rangeZh) + "）。",
                "At this pace, " + year + " will end with about " + Fmt.about(Lang.EN, p.value()) + " returnee arrivals (95% prediction interval: "
                    + (range == null ? "at least " + Fmt.about(Lang.EN, p.ciLow()) : range) + ")."));
        } else if (!fig.has("inflow.year_projection")) {
            b.add(notAvailable(List.of("inflow.year_projection")));
        }
        // the table and the chart, from the first year with an arrival
        List<String> years = new ArrayList<>(fig.periods("inflow.year"));
        years.sort(Comparator.naturalOrder());
        int first = years.size();
        for (int i = 0; i < years.size(); i++) {
            Optional<IndicatorValue> v = fig.total("inflow.year", years.get(i), "");
            if (v.isPresent() && (v.get().suppressed() || (v.get().value() != null && v.get().value().signum() > 0))) {
                first = i;
                break;
            }
        }
        years = years.subList(first, years.size());
        List<List<Cell>> rows = new ArrayList<>();
        List<Svg.Bar> bars = new ArrayList<>();
        for (String t : years) {
            int ty = Integer.parseInt(t);
            String wp = (ty - 4) + "-" + ty;
            Optional<IndicatorValue> v = fig.total("inflow.year", t, "");
            rows.add(List.of(new Doc.Label(Text.of(t, t)), cell(v), cell(fig.total("inflow.window5", wp, "")),
                cell(fig.total("inflow.window5_multiple", wp, ""))));
            bars.add(new Svg.Bar(Text.of(t, t), v.filter(Figures::published).map(IndicatorValue::value).orElse(null), null, null));
        }
        List<Svg.Band> bands = new ArrayList<>();
        for (int end = y - 1; end - 4 >= (years.isEmpty() ? y : Integer.parseInt(years.get(0))) && bands.size() < 4; end -= 5) {
            int from = years.indexOf(Integer.toString(end - 4));
            int to = years.indexOf(Integer.toString(end));
            if (from >= 0 && to >= 0) {
                bands.add(0, new Svg.Band(from, to, (end - 4) + "-" + end));
            }
        }
        if (!bars.isEmpty()) {
            Text t = Text.of("年度回流人数（阴影为五年窗口）", "Returnee arrivals per year (shaded: five-year windows)");
            boolean partial = years.get(years.size() - 1).equals(year);
            b.add(new Doc.Chart("arrivals", t, l -> Svg.vertical(l, frame(t, Text.of("单位：人", "Persons")), bars, bands, Style.COUNT, partial,
                Text.of(year + " 年截至 " + asOf, year + ": to " + asOf))));
        }
        b.add(new Table("arrivals", Text.of("年度与五年回流人数", "Returnee arrivals per year and per five years"),
            List.of(col("年份 t", "Year t", Style.YEAR_TEXT), col("回流人数", "Arrivals", Style.COUNT),
                col("五年回流人数（t-4 至 t）", "Arrivals t-4 to t", Style.COUNT), col("与前五年之比", "Multiple of the five years before", Style.RATIO)),
            rows, Text.of(year + " 年只计至 " + asOf + "。", year + " counts up to " + asOf + "."), "inflow.year, inflow.window5, inflow.window5_multiple"));
        List<List<Cell>> now = new ArrayList<>();
        now.add(List.of(new Doc.Label(title("inflow.ytd")), cell(fig.total("inflow.ytd", ytdPeriod, "")), new Doc.Empty(), new Doc.Empty()));
        now.add(List.of(new Doc.Label(Text.of(lastYear + " 年全年", "All of " + lastYear)), cell(fig.total("inflow.year", lastYear, "")),
            new Doc.Empty(), new Doc.Empty()));
        now.add(List.of(new Doc.Label(title("inflow.ytd_vs_last_year")), withStyle(fig.total("inflow.ytd_vs_last_year", ytdPeriod, ""), Style.RATIO),
            new Doc.Empty(), new Doc.Empty()));
        Optional<IndicatorValue> pr = fig.total("inflow.year_projection", year, "");
        now.add(List.of(new Doc.Label(title("inflow.year_projection")), cell(pr), ci(pr.orElse(null), true), ci(pr.orElse(null), false)));
        b.add(new Table("this_year", Text.of(year + " 年至今与全年预测", year + " so far and the full-year projection"),
            List.of(col("指标", "Indicator", Style.YEAR_TEXT), col("数值", "Value", Style.COUNT), col("95% 区间下限", "95% low", Style.COUNT),
                col("95% 区间上限", "95% high", Style.COUNT)), now, null, "inflow.ytd, inflow.year, inflow.ytd_vs_last_year, inflow.year_projection"));
        return new Section("arrivals", Text.of("回流", "Arrivals"), b);
    }

    private static Cell withStyle(Optional<IndicatorValue> v, Style s) {
        Cell c = cell(v);
        return c instanceof Doc.Num n ? new Doc.Num(n.value(), s) : c;
    }

    // ------------------------------------------------------------------ 3. returnee-founded firms against other firms

    private static final Map<Text, List<String>> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put(Text.of("发展与成长", "Development and growth"), List.of("ent.survival_3y", "ent.high_growth_rate",
            "ent.high_growth_turnover_rate", "ent.gazelle_share", "ent.revenue_growth_median", "ent.profitable_within_1y", "ent.profitable_within_3y"));
        DIMENSIONS.put(Text.of("竞争力", "Competitiveness"), List.of("ent.rd_intensity", "ent.patents_per_100_employees", "ent.high_tech_share",
            "ent.funded_share"));
        DIMENSIONS.put(Text.of("与城市的融合", "Integration with the city"), List.of("ent.local_employee_share", "ent.key_zone_share",
            "ent.priority_industry_share"));
        DIMENSIONS.put(Text.of("国际化", "Internationalisation"), List.of("ent.international_share", "ent.overseas_revenue_share",
            "ent.markets_median"));
    }

    /** The year the firms are compared in: the last complete year before D's with data ({@code ent.active}). */
    String firmYear() {
        String best = null;
        for (String p : fig.periods("ent.active")) {
            if (p.compareTo(year) < 0 && (best == null || p.compareTo(best) > 0) && fig.value("ent.active", p, "returnee").isPresent()) {
                best = p;
            }
        }
        return best == null ? lastYear : best;
    }

    private Section firms() {
        List<Block> b = new ArrayList<>();
        String t = firmYear();
        b.add(new Para(Text.of("比较 " + t + " 年存续的海归创办企业（至少一位创始人截至 " + asOf + " 为海归）与其他企业（有创始人、但无海归创始人）。"
                + "差值为海归企业减其他企业，附 95% 区间；只有区间不含 0 时才称“更高”或“更低”。",
            "Enterprises active in " + t + " founded by returnees (at least one founder a returnee as of " + asOf + ") against other enterprises "
                + "(with founders, none a returnee). The difference is returnee minus other, with its 95% interval; it is called higher or "
                + "lower only when the interval excludes zero.")));
        List<List<Cell>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Svg.Bar> rb = new ArrayList<>();
        List<Svg.Bar> ob = new ArrayList<>();
        int said = 0;
        for (Map.Entry<Text, List<String>> dim : DIMENSIONS.entrySet()) {
            for (String id : dim.getValue()) {
                if (!fig.has(id)) {
                    missing.add(id);
                    continue;
                }
                Optional<IndicatorValue> r = fig.total(id, t, "returnee");
                Optional<IndicatorValue> o = fig.total(id, t, "other");
                Optional<IndicatorValue> d = fig.total(id, t, "difference");
                Style s = style(id);
                rows.add(List.of(new Doc.Label(dim.getKey()), new Doc.Label(title(id)), new Doc.Label(Text.of(id, id)), styled(r, s), styled(o, s),
                    styled(d, s), styledCi(d, s, true), styledCi(d, s, false)));
                if (s == Style.PERCENT && r.isPresent() && o.isPresent() && rb.size() < 10) {
                    rb.add(new Svg.Bar(title(id), pub(r), r.get().ciLow(), r.get().ciHigh()));
                    ob.add(new Svg.Bar(title(id), pub(o), o.get().ciLow(), o.get().ciHigh()));
                }
                if (d.isPresent() && Figures.published(d.get()) && r.filter(Figures::published).isPresent()
                    && o.filter(Figures::published).isPresent()) {
                    Headline h = compare(b, id, t, r.get().value(), o.get().value(), d.get(), s);
                    if (h != null && said++ < 3) {
                        key(h);
                    }
                }
            }
        }
        if (!rb.isEmpty()) {
            Text ct = Text.of(t + " 年海归创办企业与其他企业（附 95% 区间）", "Returnee-founded and other enterprises, " + t + " (95% intervals)");
            b.add(new Doc.Chart("firms_compare", ct, l -> Svg.horizontal(l, frame(ct, Text.of("单位：%", "Per cent")),
                List.of(new Svg.Series(Text.of("海归创办", "Returnee-founded"), rb), new Svg.Series(Text.of("其他企业", "Other"), ob)),
                Style.PERCENT, true)));
        }
        b.add(new Table("firms_compare", Text.of(t + " 年海归创办企业与其他企业比较", "Returnee-founded against other enterprises, " + t),
            List.of(col("维度", "Dimension", Style.YEAR_TEXT), col("指标", "Indicator", Style.YEAR_TEXT), col("编号", "Id", Style.YEAR_TEXT),
                col("海归创办", "Returnee-founded", Style.DECIMAL), col("其他企业", "Other", Style.DECIMAL), col("差值", "Difference", Style.DECIMAL),
                col("差值 95% 下限", "Difference 95% low", Style.DECIMAL), col("差值 95% 上限", "Difference 95% high", Style.DECIMAL)),
            rows, Text.of("比例以百分数表示，差值为百分点。", "Shares in per cent; their differences in percentage points."), "ent.*"));
        List<List<Cell>> size = new ArrayList<>();
        for (String id : List.of("ent.active", "ent.births", "ent.gazelles", "ent.employees", "ent.revenue", "ent.tax_paid", "ent.patents_granted",
            "ent.funding_raised")) {
            if (!fig.has(id)) {
                missing.add(id);
                continue;
            }
            Style s = style(id);
            size.add(List.of(new Doc.Label(title(id)), new Doc.Label(Text.of(id, id)), styled(fig.total(id, t, "returnee"), s),
                styled(fig.total(id, t, "other"), s)));
        }
        b.add(new Table("firms_size", Text.of(t + " 年企业规模", "Size of the two groups, " + t),
            List.of(col("指标", "Indicator", Style.YEAR_TEXT), col("编号", "Id", Style.YEAR_TEXT), col("海归创办", "Returnee-founded", Style.COUNT),
                col("其他企业", "Other", Style.COUNT)), size,
            Text.of("金额单位：" + Fmt.moneyUnit(Lang.ZH) + "。", "Money in " + Fmt.moneyUnit(Lang.EN) + "."), "ent.*"));
        if (!missing.isEmpty()) {
            b.add(notAvailable(missing));
        }
        return new Section("firms", Text.of("海归创办企业与其他企业", "Returnee-founded firms against other firms"), b);
    }

    private static BigDecimal pub(Optional<IndicatorValue> v) {
        return v.filter(Figures::published).map(IndicatorValue::value).orElse(null);
    }

    private static Cell styled(Optional<IndicatorValue> v, Style s) {
        return withStyle(v, s);
    }

    private static Cell styledCi(Optional<IndicatorValue> v, Style s, boolean low) {
        Cell c = ci(v.orElse(null), low);
        return c instanceof Doc.Num n ? new Doc.Num(n.value(), s) : c;
    }

    private String show(Lang l, Style s, BigDecimal v) {
        return s == Style.COUNT ? Fmt.countWords(l, v) : Fmt.cell(l, s, v);
    }

    private Headline compare(List<Block> b, String id, String t, BigDecimal r, BigDecimal o, IndicatorValue d, Style s) {
        Text name = title(id);
        String rz = show(Lang.ZH, s, r);
        String oz = show(Lang.ZH, s, o);
        String re = show(Lang.EN, s, r);
        String oe = show(Lang.EN, s, o);
        String lowName = name.en().isEmpty() ? id : Character.toLowerCase(name.en().charAt(0)) + name.en().substring(1);
        return switch (direction(d)) {
            case HIGHER -> say(b, id, t + " 年海归创办企业的" + name.zh() + "（" + rz + "）高于其他企业（" + oz + "），差值的 95% 区间不含 0。",
                "In " + t + " the " + lowName + " of returnee-founded firms (" + re + ") was higher than that of other firms (" + oe
                    + "); the 95% interval of the difference excludes zero.");
            case LOWER -> say(b, id, t + " 年海归创办企业的" + name.zh() + "（" + rz + "）低于其他企业（" + oz + "），差值的 95% 区间不含 0。",
                "In " + t + " the " + lowName + " of returnee-founded firms (" + re + ") was lower than that of other firms (" + oe
                    + "); the 95% interval of the difference excludes zero.");
            case UNCLEAR -> d.ciLow() == null ? null : say(b, id, t + " 年海归创办企业与其他企业的" + name.zh() + "（" + rz + " 对 " + oz + "）没有明确差别：差值的 95% 区间包含 0。",
                "In " + t + " the " + lowName + " of returnee-founded firms (" + re + ") and of other firms (" + oe
                    + ") is not clearly different: the 95% interval of the difference includes zero.");
        };
    }

    // ------------------------------------------------------------------ 4. founding teams and ties

    private Section teams() {
        List<Block> b = new ArrayList<>();
        List<String> ids = List.of("team.size_median", "team.tie_share", "team.tie_majority_share", "team.schoolmate_share", "team.colleague_share");
        List<String> missing = ids.stream().filter(i -> !fig.has(i)).toList();
        b.add(new Para(Text.of("初始核心团队：创始人，以及企业成立后 365 天内加入的核心成员。同一机构、海外学习（或工作）时间重叠至少一天的两人为校友（或同事）。"
                + "指标针对 D 所在年度存续的海归创办企业。",
            "The initial core team: the founders and the core members who joined within 365 days of the founding. Two members who studied "
                + "(worked) at the same institution abroad with at least one day in common are schoolmates (colleagues). Over returnee-founded "
                + "enterprises active in D's year.")));
        Optional<BigDecimal> tie = fig.value("team.tie_share", "", "returnee");
        if (tie.isPresent()) {
            key(say(b, "team.tie_share", "在两人及以上的海归创业团队中，" + Fmt.percent(tie.get()) + " 的成员与团队中另一成员是海外校友或同事。",
                "In returnee founding teams of two or more, " + Fmt.percent(tie.get()) + " of the members were overseas schoolmates or colleagues "
                    + "of another member."));
        }
        Optional<BigDecimal> maj = fig.value("team.tie_majority_share", "", "returnee");
        if (maj.isPresent()) {
            say(b, "team.tie_majority_share", Fmt.percent(maj.get()) + " 的此类团队中，至少一半成员存在海外校友或同事关系。",
                "In " + Fmt.percent(maj.get()) + " of these teams at least half of the members had such a tie.");
        }
        List<Svg.Bar> bars = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (String id : ids) {
            if (!fig.has(id)) {
                continue;
            }
            Optional<IndicatorValue> v = fig.total(id, "", "returnee");
            Style s = style(id);
            rows.add(List.of(new Doc.Label(title(id)), new Doc.Label(Text.of(id, id)), styled(v, s), styledCi(v, s, true), styledCi(v, s, false)));
            if (s == Style.PERCENT && v.isPresent()) {
                bars.add(new Svg.Bar(title(id), pub(v), v.get().ciLow(), v.get().ciHigh()));
            }
        }
        if (fig.has("ent.market_tie_share")) {
            String t = firmYear();
            Optional<IndicatorValue> v = fig.total("ent.market_tie_share", t, "returnee");
            rows.add(List.of(new Doc.Label(Text.of(title("ent.market_tie_share").zh() + "（" + t + "）", title("ent.market_tie_share").en() + " (" + t + ")")),
                new Doc.Label(Text.of("ent.market_tie_share", "ent.market_tie_share")), styled(v, Style.PERCENT), styledCi(v, Style.PERCENT, true),
                styledCi(v, Style.PERCENT, false)));
            Optional<BigDecimal> mt = fig.value("ent.market_tie_share", t, "returnee");
            if (mt.isPresent()) {
                say(b, "ent.market_tie_share", t + " 年有海外市场的海归创办企业中，" + Fmt.percent(mt.get()) + " 在创始人曾学习或工作过的国家销售。",
                    "In " + t + ", " + Fmt.percent(mt.get()) + " of the returnee-founded firms with overseas markets sold in a country where a "
                        + "founder had studied or worked.");
            }
        }
        if (!bars.isEmpty()) {
            Text ct = Text.of("海归创业团队中的海外关系（附 95% 区间）", "Overseas ties in returnee founding teams (95% intervals)");
            b.add(new Doc.Chart("team_ties", ct, l -> Svg.horizontal(l, frame(ct, Text.of("单位：%", "Per cent")),
                List.of(new Svg.Series(ct, bars)), Style.PERCENT, true)));
        }
        if (!rows.isEmpty()) {
            b.add(new Table("teams", Text.of("初始核心团队与海外关系", "Initial core teams and overseas ties"),
                List.of(col("指标", "Indicator", Style.YEAR_TEXT), col("编号", "Id", Style.YEAR_TEXT), col("数值", "Value", Style.DECIMAL),
                    col("95% 下限", "95% low", Style.DECIMAL), col("95% 上限", "95% high", Style.DECIMAL)), rows, null, "team.*, ent.market_tie_share"));
        }
        if (!missing.isEmpty()) {
            b.add(notAvailable(missing));
        }
        return new Section("teams", Text.of("创业团队与海外关系", "Founding teams and overseas ties"), b);
    }

    // ------------------------------------------------------------------ 5. survey

    private Section survey() {
        List<Block> b = new ArrayList<>();
        if (!fig.has("survey.share")) {
            b.add(notAvailable(List.of("survey.share")));
            return new Section("survey", Text.of("问卷调查", "Survey"), b);
        }
        b.add(new Para(Text.of("加权比例：选择某选项的受访者权重之和除以回答该问题的受访者权重之和；95% 区间为基于 Kish 有效样本量的 Wilson 区间。",
            "Weighted shares: the weights of the respondents who chose an option over the weights of all who answered the question; 95% "
                + "Wilson intervals on the Kish effective sample size.")));
        List<List<Cell>> rows = new ArrayList<>();
        for (String q : fig.breakdowns("survey.share", "", "")) {
            Optional<SurveyDefinition.Question> qd = survey == null ? Optional.empty() : survey.question(q);
            Text qt = qd.map(x -> Text.of(x.textZh(), x.textEn())).orElse(Text.of(q, q));
            IndicatorValue best = null;
            for (IndicatorValue v : fig.breakdown("survey.share", "", "", q)) {
                Text ot = qd.flatMap(x -> x.option(v.category())).map(o -> Text.of(o.textZh(), o.textEn())).orElse(Text.of(v.category(), v.category()));
                rows.add(List.of(new Doc.Label(Text.of(q, q)), new Doc.Label(qt), new Doc.Label(ot), styled(Optional.of(v), Style.PERCENT),
                    styledCi(Optional.of(v), Style.PERCENT, true), styledCi(Optional.of(v), Style.PERCENT, false)));
                if (Figures.published(v) && (best == null || v.value().compareTo(best.value()) > 0)) {
                    best = v;
                }
            }
            if (best != null) {
                IndicatorValue bv = best;
                Text ot = qd.flatMap(x -> x.option(bv.category())).map(o -> Text.of(o.textZh(), o.textEn())).orElse(Text.of(bv.category(), bv.category()));
                Headline h = say(b, "survey.share", "“" + qt.zh() + "”：最多的回答是“" + ot.zh() + "”（加权 " + Fmt.percent(bv.value()) + "）。",
                    "\u201c" + qt.en() + "\u201d: the most frequent answer was \u201c" + ot.en() + "\u201d (" + Fmt.percent(bv.value()) + ", weighted).");
                if (keyFindings.stream().noneMatch(k -> k.indicator().equals("survey.share"))) {
                    key(h);
                }
            }
        }
        b.add(new Table("survey", Text.of("问卷结果（加权）", "Survey results (weighted)"),
            List.of(col("问题编号", "Question id", Style.YEAR_TEXT), col("问题", "Question", Style.YEAR_TEXT), col("选项", "Option", Style.YEAR_TEXT),
                col("加权比例", "Weighted share", Style.PERCENT), col("95% 下限", "95% low", Style.PERCENT), col("95% 上限", "95% high", Style.PERCENT)),
            rows, null, "survey.share"));
        return new Section("survey", Text.of("问卷调查", "Survey"), b);
    }

    // ------------------------------------------------------------------ 6. blueprint

    private Section blueprint() {
        List<Block> b = new ArrayList<>();
        List<String> ids = List.of("fit.talent_share", "fit.talent_by_industry", "fit.firms_by_industry", "ent.key_zone_share",
            "ent.priority_industry_share");
        List<String> missing = ids.stream().filter(i -> !fig.has(i)).toList();
        if (blueprint != null) {
            b.add(new Para(Text.of("蓝图：" + blueprint.plan().nameZh() + "（" + blueprint.plan().years() + "），" + blueprint.industries().size() + " 个重点产业、"
                    + blueprint.zones().size() + " 个重点区域。",
                "Blueprint: " + blueprint.plan().nameEn() + " (" + blueprint.plan().years() + "), " + blueprint.industries().size()
                    + " priority industries, " + blueprint.zones().size() + " key zones.")));
        }
        Optional<BigDecimal> ts = fig.value("fit.talent_share", "", "");
        if (ts.isPresent()) {
            key(say(b, "fit.talent_share", "在" + city.zh() + "的海归中，" + Fmt.percent(ts.get()) + " 的专业领域可支撑至少一个重点产业。",
                Fmt.percent(ts.get()) + " of the returnees in " + city.en() + " studied a field that supplies at least one priority industry."));
        }
        String t = firmYear();
        for (String id : List.of("ent.priority_industry_share", "ent.key_zone_share")) {
            Optional<BigDecimal> v = fig.value(id, t, "returnee");
            if (v.isPresent()) {
                say(b, id, t + " 年存续的海归创办企业中，" + Fmt.percent(v.get()) + (id.endsWith("industry_share") ? " 属于重点产业。" : " 位于重点区域。"),
                    "In " + t + ", " + Fmt.percent(v.get()) + " of the active returnee-founded firms were "
                        + (id.endsWith("industry_share") ? "in a priority industry." : "in a key zone."));
            }
        }
        // the gap table: per priority industry, in tier order, talent in stock beside returnee-founded firms
        List<String> order = new ArrayList<>();
        if (blueprint != null) {
            for (String tier : blueprint.tiers()) {
                blueprint.industriesOfTier(tier).stream().map(Industry::id).forEach(order::add);
            }
        }
        for (String src : List.of("fit.talent_by_industry", "fit.firms_by_industry")) {
            for (String g : List.of("", "returnee")) {
                for (IndicatorValue v : fig.breakdown(src, "", g, "priority_industry")) {
                    if (!order.contains(v.category())) {
                        order.add(v.category());
                    }
                }
            }
        }
        if (fig.has("fit.talent_by_industry") || fig.has("fit.firms_by_industry")) {
            List<List<Cell>> rows = new ArrayList<>();
            List<Svg.Bar> tb = new ArrayList<>();
            List<Svg.Bar> fb = new ArrayList<>();
            BigDecimal talentSum = BigDecimal.ZERO;
            BigDecimal firmSum = BigDecimal.ZERO;
            boolean talentComplete = true;
            boolean firmComplete = true;
            List<IndicatorValue[]> pairs = new ArrayList<>();
            for (String ind : order) {
                IndicatorValue tv = fig.cell("fit.talent_by_industry", "", "", "priority_industry", ind).orElse(null);
                IndicatorValue fv = fig.cell("fit.firms_by_industry", "", "returnee", "priority_industry", ind).orElse(null);
                pairs.add(new IndicatorValue[] {tv, fv});
                if (Figures.published(tv)) {
                    talentSum = talentSum.add(tv.value());
                } else {
                    talentComplete = false;
                }
                if (Figures.published(fv)) {
                    firmSum = firmSum.add(fv.value());
                } else {
                    firmComplete = false;
                }
            }
            String worst = null;
            BigDecimal worstGap = BigDecimal.ZERO;
            BigDecimal[] worstShares = null;
            for (int i = 0; i < order.size(); i++) {
                String ind = order.get(i);
                IndicatorValue tv = pairs.get(i)[0];
                IndicatorValue fv = pairs.get(i)[1];
                Text name = labels.category("priority_industry", ind);
                String tier = blueprint == null ? "" : blueprint.industry(ind).map(Industry::tier).orElse("");
                BigDecimal tShare = talentComplete && Figures.published(tv) && talentSum.signum() > 0
                    ? tv.value().divide(talentSum, 12, RoundingMode.HALF_UP) : null;
                BigDecimal fShare = firmComplete && Figures.published(fv) && firmSum.signum() > 0
                    ? fv.value().divide(firmSum, 12, RoundingMode.HALF_UP) : null;
                rows.add(List.of(new Doc.Label(Text.of(tier, tier)), new Doc.Label(name), tv == null ? new Doc.Empty() : cell(tv),
                    fv == null ? new Doc.Empty() : cell(fv), num(tShare, Style.PERCENT), num(fShare, Style.PERCENT)));
                tb.add(new Svg.Bar(name, tShare, null, null));
                fb.add(new Svg.Bar(name, fShare, null, null));
                if (tShare != null && fShare != null && fShare.subtract(tShare).compareTo(worstGap) > 0) {
                    worstGap = fShare.subtract(tShare);
                    worst = ind;
                    worstShares = new BigDecimal[] {tShare, fShare};
                }
            }
            if (worst != null) {
                Text name = labels.category("priority_industry", worst);
                key(say(b, "fit.talent_by_industry", city.zh() + "最缺海归人才的重点产业是" + name.zh() + "：它占重点产业海归创办企业的 " + Fmt.percent(worstShares[1])
                        + "，却只占可支撑重点产业的海归人才的 " + Fmt.percent(worstShares[0]) + "。",
                    city.en() + " lacks returnee talent most in " + name.en() + ": it has " + Fmt.percent(worstShares[1]) + " of the returnee-founded "
                        + "firms in priority industries but only " + Fmt.percent(worstShares[0]) + " of the returnee talent that supplies them."));
            }
            if (!order.isEmpty()) {
                Text ct = Text.of("重点产业：海归人才与海归创办企业的分布", "Priority industries: returnee talent beside returnee-founded firms");
                b.add(new Doc.Chart("gap", ct, l -> Svg.horizontal(l, frame(ct, Text.of("各自占重点产业合计的 %", "Per cent of each total over the priority industries")),
                    List.of(new Svg.Series(Text.of("海归人才", "Returnee talent"), tb), new Svg.Series(Text.of("海归创办企业", "Returnee-founded firms"), fb)),
                    Style.PERCENT, true)));
            }
            b.add(new Table("gap", Text.of("差距表：重点产业的海归人才与海归创办企业", "Gap table: returnee talent and returnee-founded firms by priority industry"),
                List.of(col("层级", "Tier", Style.YEAR_TEXT), col("重点产业", "Priority industry", Style.YEAR_TEXT),
                    col("海归人才（人）", "Returnee talent (persons)", Style.COUNT), col("海归创办企业（家）", "Returnee-founded firms", Style.COUNT),
                    col("人才占比", "Share of talent", Style.PERCENT), col("企业占比", "Share of firms", Style.PERCENT)), rows,
                Text.of("一人（一家企业）可对应多个产业；占比为占各产业合计之和的比例，有单元格被隐去时不计算。",
                    "A person (firm) may count in several industries; shares are of the sum over the industries, not given when a cell is withheld."),
                "fit.talent_by_industry, fit.firms_by_industry"));
        }
        if (!missing.isEmpty()) {
            b.add(notAvailable(missing));
        }
        return new Section("blueprint", Text.of("与城市蓝图的契合", "Fit with the city's blueprint"), b);
    }

    // ------------------------------------------------------------------ 7. mutual promotion

    private Section promotion() {
        List<Block> b = new ArrayList<>();
        List<String> ids = List.of("promo.jobs_share", "promo.supported_share", "promo.supported_growth_difference");
        List<String> missing = ids.stream().filter(i -> !fig.has(i)).toList();
        String t = firmYear();
        Optional<BigDecimal> jobs = fig.value("promo.jobs_share", t, "");
        if (jobs.isPresent()) {
            key(say(b, "promo.jobs_share", t + " 年，海归创办企业提供了数据中全部企业就业人数的 " + Fmt.percent(jobs.get()) + "。",
                "In " + t + ", returnee-founded firms employed " + Fmt.percent(jobs.get()) + " of the employees of all firms in the data."));
        }
        Optional<BigDecimal> sup = fig.value("promo.supported_share", t, "returnee");
        if (sup.isPresent()) {
            say(b, "promo.supported_share", t + " 年存续的海归创办企业中，" + Fmt.percent(sup.get()) + " 曾获得" + city.zh() + "的扶持。",
                Fmt.percent(sup.get()) + " of the returnee-founded firms active in " + t + " had received support from " + city.en() + ".");
        }
        Optional<IndicatorValue> g = fig.total("promo.supported_growth_difference", t, "returnee");
        if (g.isPresent() && Figures.published(g.get())) {
            String p = Fmt.points(g.get().value());
            switch (direction(g.get())) {
                case HIGHER -> say(b, "promo.supported_growth_difference", t + " 年获扶持的海归创办企业就业增长中位数高于未获扶持者（差 " + p + " 个百分点，95% 区间不含 0）。",
                    "In " + t + " supported returnee-founded firms grew their employment faster (median) than unsupported ones (" + p
                        + " points; the 95% interval excludes zero).");
                case LOWER -> say(b, "promo.supported_growth_difference", t + " 年获扶持的海归创办企业就业增长中位数低于未获扶持者（差 " + p + " 个百分点，95% 区间不含 0）。",
                    "In " + t + " supported returnee-founded firms grew their employment more slowly (median) than unsupported ones (" + p
                        + " points; the 95% interval excludes zero).");
                case UNCLEAR -> {
                    if (g.get().ciLow() != null) {
                        say(b, "promo.supported_growth_difference", t + " 年获扶持与未获扶持的海归创办企业就业增长中位数没有明确差别（95% 区间包含 0）。",
                            "In " + t + " the median employment growth of supported and unsupported returnee-founded firms is not clearly "
                                + "different (the 95% interval includes zero).");
                    }
                }
                default -> { }
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String id : List.of("promo.jobs_share", "promo.supported_share", "promo.supported_growth_difference")) {
            if (fig.has(id)) {
                Optional<IndicatorValue> v = fig.total(id, t, id.equals("promo.jobs_share") ? "" : "returnee");
                rows.add(List.of(new Doc.Label(title(id)), new Doc.Label(Text.of(id, id)), styled(v, Style.PERCENT), styledCi(v, Style.PERCENT, true),
                    styledCi(v, Style.PERCENT, false)));
            }
        }
        for (String id : List.of("ent.employees", "ent.tax_paid", "ent.revenue", "ent.patents_granted")) {
            if (fig.has(id)) {
                Optional<IndicatorValue> v = fig.total(id, t, "returnee");
                rows.add(List.of(new Doc.Label(Text.of("海归创办企业：" + title(id).zh(), "Returnee-founded firms: " + title(id).en())),
                    new Doc.Label(Text.of(id, id)), styled(v, style(id)), new Doc.Empty(), new Doc.Empty()));
            }
        }
        if (!rows.isEmpty()) {
            b.add(new Table("promotion", Text.of(t + " 年海归与城市的相互促进", "Returnees and the city, " + t),
                List.of(col("指标", "Indicator", Style.YEAR_TEXT), col("编号", "Id", Style.YEAR_TEXT), col("数值", "Value", Style.DECIMAL),
                    col("95% 下限", "95% low", Style.DECIMAL), col("95% 上限", "95% high", Style.DECIMAL)), rows,
                Text.of("金额单位：" + Fmt.moneyUnit(Lang.ZH) + "。", "Money in " + Fmt.moneyUnit(Lang.EN) + "."), "promo.*, ent.*"));
        }
        if (!missing.isEmpty()) {
            b.add(notAvailable(missing));
        }
        return new Section("promotion", Text.of("海归与城市的相互促进", "How returnees and the city promote each other"), b);
    }

    // ------------------------------------------------------------------ 8. data quality

    private Section quality() {
        List<Block> b = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (IndicatorValue v : fig.breakdown("data.rows_accepted", "", "", "table")) {
            rows.add(List.of(new Doc.Label(Text.of(v.category(), v.category())), cell(v),
                cell(fig.cell("data.rows_rejected", "", "", "table", v.category()))));
        }
        rows.add(List.of(new Doc.Label(Text.of("合计", "Total")), cell(fig.total("data.rows_accepted", "", "")),
            cell(fig.total("data.rows_rejected", "", ""))));
        b.add(new Table("data_rows", Text.of("导入的行", "Rows imported"),
            List.of(col("表", "Table", Style.YEAR_TEXT), col("接受行数", "Rows accepted", Style.COUNT), col("拒绝行数", "Rows rejected", Style.COUNT)),
            rows, null, "data.rows_accepted, data.rows_rejected"));
        Optional<BigDecimal> un = fig.value("data.unlinked_enterprises", "", "");
        Optional<BigDecimal> nm = fig.value("data.persons_without_moves", "", "");
        List<List<Cell>> other = new ArrayList<>();
        other.add(List.of(new Doc.Label(title("data.unlinked_enterprises")), cell(fig.total("data.unlinked_enterprises", "", ""))));
        other.add(List.of(new Doc.Label(title("data.persons_without_moves")), cell(fig.total("data.persons_without_moves", "", ""))));
        b.add(new Table("data_links", Text.of("未能关联的记录", "Records that could not be linked"),
            List.of(col("指标", "Indicator", Style.YEAR_TEXT), col("数量", "Count", Style.COUNT)), other, null,
            "data.unlinked_enterprises, data.persons_without_moves"));
        if (un.isPresent() && un.get().signum() > 0) {
            say(b, "data.unlinked_enterprises", Fmt.countWords(Lang.ZH, un.get()) + " 家企业没有创始人记录，不计入任何企业指标。",
                Fmt.countWords(Lang.EN, un.get()) + " enterprises have no founder row and are left out of every enterprise indicator.");
        }
        if (nm.isPresent() && nm.get().signum() > 0) {
            say(b, "data.persons_without_moves", Fmt.countWords(Lang.ZH, nm.get()) + " 人没有迁移记录，不计入回流与存量。",
                Fmt.countWords(Lang.EN, nm.get()) + " persons have no city move and count in neither arrivals nor the stock.");
        }
        return new Section("quality", Text.of("数据质量", "Data quality"), b);
    }

    // ------------------------------------------------------------------ 9. methods, 10. disclosure

    private Section methods() {
        List<Block> b = new ArrayList<>();
        b.add(new Para(Text.of("以下每项指标的名称与方法均由指标目录生成（目录版本 " + result.info().catalogueVersion() + "）。统计区间：比例用 Wilson 区间，"
                + "比例之差用 Newcombe 混合得分区间，比率与中位数用企业层面的百分位自助法（" + result.info().resamples() + " 次重抽样，种子 "
                + result.info().seed() + "）。",
            "Every indicator's title and method below come from the indicator catalogue (version " + result.info().catalogueVersion()
                + "). Intervals: Wilson for shares, Newcombe's hybrid score for their differences, a percentile bootstrap over enterprises for "
                + "ratios and medians (" + result.info().resamples() + " resamples, seed " + result.info().seed() + ").")));
        for (IndicatorDefinition d : catalogue.entries()) {
            b.add(new Doc.Para(Text.of("【" + d.id() + "】" + d.titleZh() + "：" + d.methodZh(), "[" + d.id() + "] " + d.titleEn() + ": " + d.methodEn())));
        }
        return new Section("methods", Text.of("附录：方法", "Appendix: methods"), b);
    }

    private Section disclosure() {
        List<Block> b = new ArrayList<>();
        DisclosureRules r = result.rules();
        ProtectedResult.Stats st = result.stats();
        String rule = r.rule() == DisclosureRules.MagnitudeRule.DOMINANCE
            ? "(" + r.dominanceN() + ", " + Fmt.decimal(BigDecimal.valueOf(r.dominanceK())) + ")"
            : "p% = " + Fmt.decimal(BigDecimal.valueOf(r.pPercent()));
        b.add(new Para(Text.of("本报告只使用经披露控制的公布数据。一个单元格在以下情况下被隐去（表中记为 x）：贡献者（人、企业、团队或受访者）至少 1 个但少于 "
                + r.minFrequency() + " 个；企业金额之和中最大的 " + r.dominanceN() + " 家企业占比超过 " + Fmt.decimal(BigDecimal.valueOf(r.dominanceK()))
                + "%（支配规则 " + rule + "）；或为防止通过加减从已公布的单元格推算出被隐去的数值而需要一并隐去（二次隐去）。"
                + "公布前，一个“入侵者”会写出已公布单元格之间的全部线性关系，并为每个被隐去的单元格求解最小值与最大值；"
                + "任何被隐去的数值都不能被精确推算或推算到 " + Fmt.percent(BigDecimal.valueOf(r.exposureMargin())) + " 以内。",
            "This report uses only the published, disclosure-controlled figures. A cell is withheld (x in the tables) when it has at least 1 "
                + "and fewer than " + r.minFrequency() + " contributors (persons, enterprises, teams or respondents); when the largest "
                + r.dominanceN() + " enterprises make more than " + Fmt.decimal(BigDecimal.valueOf(r.dominanceK())) + "% of a sum of enterprise "
                + "amounts (dominance rule " + rule + "); or when it must be withheld too so that no withheld cell can be worked out from the "
                + "published ones by adding and subtracting (secondary suppression). Before publication an intruder writes every linear "
                + "relation between the published cells and solves for the minimum and maximum of every withheld cell: none can be "
                + "recovered exactly or within " + Fmt.percent(BigDecimal.valueOf(r.exposureMargin())) + ".")));
        b.add(new Para(Text.of("本次输出共 " + Fmt.count(BigDecimal.valueOf(st.cells())) + " 个单元格，隐去 " + Fmt.count(BigDecimal.valueOf(st.suppressed()))
                + " 个（一次隐去 " + Fmt.count(BigDecimal.valueOf(st.primary())) + "，二次隐去 " + Fmt.count(BigDecimal.valueOf(st.secondary())) + "）。"
                + "被隐去并不表示数值为零或很小。",
            "This output has " + Fmt.count(BigDecimal.valueOf(st.cells())) + " cells, of which " + Fmt.count(BigDecimal.valueOf(st.suppressed()))
                + " are withheld (" + Fmt.count(BigDecimal.valueOf(st.primary())) + " primary, " + Fmt.count(BigDecimal.valueOf(st.secondary()))
                + " secondary). A withheld cell is not necessarily zero or small.")));
        return new Section("disclosure", Text.of("披露控制说明", "Disclosure control"), b);
    }
}
