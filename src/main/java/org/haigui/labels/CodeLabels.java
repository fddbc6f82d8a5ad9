package org.haigui.labels;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;
import org.haigui.indicators.Breakdowns;
import org.haigui.schema.Schema;

/**
 * The name of a code in Chinese or English. A code without a known name is its own label (never
 * an empty cell), so that a label column can always be read beside the code.
 */
public final class CodeLabels {

    /** A name in both languages. */
    public record Name(String zh, String en) {
        public String in(Language l) {
            return l == Language.ZH ? zh : en;
        }
    }

    private static Name n(String zh, String en) {
        return new Name(zh, en);
    }

    private static final Name UNKNOWN = n("未知", "Unknown");

    private static final Map<String, Name> GROUPS = Map.of(
        "returnee", n("海归", "Returnees"), "other", n("其他", "Others"), "difference", n("差值（海归 - 其他）", "Difference (returnees - others)"),
        "supported", n("获支持", "Supported"), "unsupported", n("未获支持", "Not supported"));

    private static final Map<String, Name> EXTRA_BREAKDOWNS = Map.of(
        "table", n("表", "Table"), "firms", n("企业（重点产业）", "Firms (priority industry)"),
        "talent", n("人才（重点产业）", "Talent (priority industry)"));

    private static final Map<String, Name> DEGREES = Map.of(
        "bachelor", n("学士", "Bachelor"), "master", n("硕士", "Master"), "doctorate", n("博士", "Doctorate"),
        "other", n("其他", "Other"), "none", n("无学位", "None"));

    private static final Map<String, Name> GENDERS = Map.of("M", n("男", "Men"), "F", n("女", "Women"));

    /** ISCED-F 2013 broad fields. */
    private static final Map<String, Name> FIELDS = Map.ofEntries(
        Map.entry("00", n("通用课程", "Generic programmes")), Map.entry("01", n("教育", "Education")),
        Map.entry("02", n("艺术与人文", "Arts and humanities")),
        Map.entry("03", n("社会科学、新闻与信息", "Social sciences, journalism, information")),
        Map.entry("04", n("商业、管理与法律", "Business, administration, law")),
        Map.entry("05", n("自然科学、数学与统计", "Natural sciences, mathematics, statistics")),
        Map.entry("06", n("信息与通信技术", "Information and communication technologies")),
        Map.entry("07", n("工程、制造与建筑", "Engineering, manufacturing, construction")),
        Map.entry("08", n("农林牧渔与兽医", "Agriculture, forestry, fisheries, veterinary")),
        Map.entry("09", n("卫生与福利", "Health and welfare")), Map.entry("10", n("服务", "Services")));

    /** GB/T 4754-2017 sections. */
    private static final Map<String, Name> SECTIONS = Map.ofEntries(
        Map.entry("A", n("农、林、牧、渔业", "Agriculture, forestry, fishing")), Map.entry("B", n("采矿业", "Mining")),
        Map.entry("C", n("制造业", "Manufacturing")), Map.entry("D", n("电力、热力、燃气及水生产和供应业", "Utilities")),
        Map.entry("E", n("建筑业", "Construction")), Map.entry("F", n("批发和零售业", "Wholesale and retail")),
        Map.entry("G", n("交通运输、仓储和邮政业", "Transport, storage, post")),
        Map.entry("H", n("住宿和餐饮业", "Accommodation and catering")),
        Map.entry("I", n("信息传输、软件和信息技术服务业", "Information, software, IT services")),
        Map.entry("J", n("金融业", "Finance")), Map.entry("K", n("房地产业", "Real estate")),
        Map.entry("L", n("租赁和商务服务业", "Leasing and business services")),
        Map.entry("M", n("科学研究和技术服务业", "Research and technical services")),
        Map.entry("N", n("水利、环境和公共设施管理业", "Water, environment, public facilities")),
        Map.entry("O", n("居民服务、修理和其他服务业", "Household and other services")), Map.entry("P", n("教育", "Education")),
        Map.entry("Q", n("卫生和社会工作", "Health and social work")), Map.entry("R", n("文化、体育和娱乐业", "Culture, sports, entertainment")),
        Map.entry("S", n("公共管理、社会保障和社会组织", "Public administration")), Map.entry("T", n("国际组织", "International organisations")));

    /** Names the JDK gives otherwise, as Chinese official usage writes them. */
    private static final Map<String, Name> COUNTRY_OVERRIDES = Map.of(
        "TW", n("中国台湾", "Taiwan, China"), "HK", n("中国香港", "Hong Kong, China"), "MO", n("中国澳门", "Macao, China"),
        "KR", n("韩国", "South Korea"));

    private static final java.util.Set<String> ISO_REGIONS = java.util.Set.of(Locale.getISOCountries());

    private final Blueprint blueprint;
    private final SurveyDefinition survey;

    private CodeLabels(Blueprint blueprint, SurveyDefinition survey) {
        this.blueprint = blueprint;
        this.survey = survey;
    }

    /** Labels for one city's blueprint and survey definition (either may be null: their codes stay codes). */
    public static CodeLabels of(Blueprint blueprint, SurveyDefinition survey) {
        return new CodeLabels(blueprint, survey);
    }

    /** A comparison group ({@code returnee}, {@code other}, {@code difference}, ...); empty for the empty group. */
    public Name group(String g) {
        if (g == null || g.isEmpty()) {
            return n("", "");
        }
        return GROUPS.getOrDefault(g, n(g, g));
    }

    /** A breakdown: the registry's title, a survey question's text, or the breakdowns of the blueprint figures. */
    public Name breakdown(String b) {
        if (b == null || b.isEmpty()) {
            return n("", "");
        }
        Optional<Name> registered = Breakdowns.all().stream().filter(x -> x.id().equals(b)).findFirst()
            .map(x -> n(x.titleZh(), x.titleEn()));
        if (registered.isPresent()) {
            return registered.get();
        }
        if (EXTRA_BREAKDOWNS.containsKey(b)) {
            return EXTRA_BREAKDOWNS.get(b);
        }
        if (survey != null) {
            Optional<SurveyDefinition.Question> q = survey.question(b);
            if (q.isPresent()) {
                return n(q.get().textZh(), q.get().textEn());
            }
        }
        return n(b, b);
    }

    /** A category of a breakdown (a district code, a country code, a degree, ...); {@code unknown} is 未知 / Unknown. */
    public Name category(String breakdown, String c) {
        if (c == null || c.isEmpty()) {
            return n("", "");
        }
        if (c.equals("unknown")) {
            return UNKNOWN;
        }
        Name t = switch (breakdown == null ? "" : breakdown) {
            case "district" -> blueprint == null ? null
                : blueprint.district(c).map(d -> n(d.nameZh(), d.nameEn())).orElse(null);
            case "zone" -> c.equals("other") ? n("其他地区", "Elsewhere")
                : blueprint == null ? null : blueprint.zone(c).map(z -> n(z.nameZh(), z.nameEn())).orElse(null);
            case "priority_industry", "firms", "talent" -> blueprint == null ? null
                : blueprint.industry(c).map(i -> n(i.nameZh(), i.nameEn())).orElse(null);
            case "degree" -> DEGREES.get(c);
            case "gender" -> GENDERS.get(c);
            case "field" -> FIELDS.get(c);
            case "industry_section" -> SECTIONS.containsKey(c) ? n(c + " " + SECTIONS.get(c).zh(), c + " " + SECTIONS.get(c).en()) : null;
            case "country" -> country(c);
            case "table" -> Schema.table(c).map(x -> n(x.zhName(), c)).orElse(null);
            case "age_band" -> n(c.replace("<30", "30岁以下").replace("50+", "50岁及以上").replace("-39", "-39岁").replace("-49", "-49岁"),
                c.equals("<30") ? "under 30" : c.equals("50+") ? "50 and over" : c);
            default -> surveyOption(breakdown, c);
        };
        return t == null ? n(c, c) : t;
    }

    /** A country or region by its ISO 3166-1 alpha-2 code, from the JDK's locale data. */
    public static Name country(String code) {
        Name o = COUNTRY_OVERRIDES.get(code);
        if (o != null) {
            return o;
        }
        if (code == null || !ISO_REGIONS.contains(code)) {
            return null;
        }
        Locale l = new Locale.Builder().setRegion(code).build();
        String zh = l.getDisplayCountry(Locale.SIMPLIFIED_CHINESE);
        String en = l.getDisplayCountry(Locale.ENGLISH);
        if (zh.isEmpty() || zh.equals(code)) {
            return null;
        }
        return n(zh, en);
    }

    private Name surveyOption(String question, String option) {
        if (survey == null || question == null) {
            return null;
        }
        return survey.question(question).flatMap(q -> q.option(option)).map(o -> n(o.textZh(), o.textEn())).orElse(null);
    }
}
