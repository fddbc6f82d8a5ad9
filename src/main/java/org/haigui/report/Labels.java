package org.haigui.report;

import java.util.Map;
import org.haigui.blueprint.Blueprint;

/** Names of breakdown categories in both languages (districts from the blueprint; codes the report knows). */
final class Labels {

    private static final Map<String, Text> BREAKDOWNS = Map.ofEntries(
        Map.entry("district", Text.of("区", "District")),
        Map.entry("country", Text.of("最近海外经历所在国家（地区）", "Country of the latest overseas episode")),
        Map.entry("degree", Text.of("最高学历", "Highest degree")),
        Map.entry("field", Text.of("专业领域", "Field of study")),
        Map.entry("gender", Text.of("性别", "Gender")),
        Map.entry("age_band", Text.of("年龄组", "Age band")),
        Map.entry("industry_section", Text.of("行业门类", "Industry section")),
        Map.entry("zone", Text.of("园区", "Zone")),
        Map.entry("table", Text.of("表", "Table")));

    private static final Map<String, Text> DEGREES = Map.of(
        "bachelor", Text.of("学士", "Bachelor"), "master", Text.of("硕士", "Master"), "doctorate", Text.of("博士", "Doctorate"),
        "other", Text.of("其他", "Other"), "none", Text.of("无学位", "None"));

    private static final Map<String, Text> GENDERS = Map.of("M", Text.of("男", "Men"), "F", Text.of("女", "Women"));

    /** ISCED-F 2013 broad fields. */
    private static final Map<String, Text> FIELDS = Map.ofEntries(
        Map.entry("00", Text.of("通用课程", "Generic programmes")), Map.entry("01", Text.of("教育", "Education")),
        Map.entry("02", Text.of("艺术与人文", "Arts and humanities")),
        Map.entry("03", Text.of("社会科学、新闻与信息", "Social sciences, journalism, information")),
        Map.entry("04", Text.of("商业、管理与法律", "Business, administration, law")),
        Map.entry("05", Text.of("自然科学、数学与统计", "Natural sciences, mathematics, statistics")),
        Map.entry("06", Text.of("信息与通信技术", "Information and communication technologies")),
        Map.entry("07", Text.of("工程、制造与建筑", "Engineering, manufacturing, construction")),
        Map.entry("08", Text.of("农林牧渔与兽医", "Agriculture, forestry, fisheries, veterinary")),
        Map.entry("09", Text.of("卫生与福利", "Health and welfare")), Map.entry("10", Text.of("服务", "Services")));

    /** GB/T 4754-2017 sections. */
    private static final Map<String, Text> SECTIONS = Map.ofEntries(
        Map.entry("A", Text.of("农、林、牧、渔业", "Agriculture, forestry, fishing")), Map.entry("B", Text.of("采矿业", "Mining")),
        Map.entry("C", Text.of("制造业", "Manufacturing")), Map.entry("D", Text.of("电力、热力、燃气及水生产和供应业", "Utilities")),
        Map.entry("E", Text.of("建筑业", "Construction")), Map.entry("F", Text.of("批发和零售业", "Wholesale and retail")),
        Map.entry("G", Text.of("交通运输、仓储和邮政业", "Transport, storage, post")),
        Map.entry("H", Text.of("住宿和餐饮业", "Accommodation and catering")),
        Map.entry("I", Text.of("信息传输、软件和信息技术服务业", "Information, software, IT services")),
        Map.entry("J", Text.of("金融业", "Finance")), Map.entry("K", Text.of("房地产业", "Real estate")),
        Map.entry("L", Text.of("租赁和商务服务业", "Leasing and business services")),
        Map.entry("M", Text.of("科学研究和技术服务业", "Research and technical services")),
        Map.entry("N", Text.of("水利、环境和公共设施管理业", "Water, environment, public facilities")),
        Map.entry("O", Text.of("居民服务、修理和其他服务业", "Household and other services")), Map.entry("P", Text.of("教育", "Education")),
        Map.entry("Q", Text.of("卫生和社会工作", "Health and social work")), Map.entry("R", Text.of("文化、体育和娱乐业", "Culture, sports, entertainment")),
        Map.entry("S", Text.of("公共管理、社会保障和社会组织", "Public administration")), Map.entry("T", Text.of("国际组织", "International organisations")));

    private static final Map<String, Text> COUNTRIES = Map.ofEntries(
        Map.entry("US", Text.of("美国", "United States")), Map.entry("GB", Text.of("英国", "United Kingdom")),
        Map.entry("AU", Text.of("澳大利亚", "Australia")), Map.entry("JP", Text.of("日本", "Japan")), Map.entry("CA", Text.of("加拿大", "Canada")),
        Map.entry("DE", Text.of("德国", "Germany")), Map.entry("HK", Text.of("中国香港", "Hong Kong, China")),
        Map.entry("FR", Text.of("法国", "France")), Map.entry("SG", Text.of("新加坡", "Singapore")), Map.entry("KR", Text.of("韩国", "Korea")),
        Map.entry("NL", Text.of("荷兰", "Netherlands")), Map.entry("NZ", Text.of("新西兰", "New Zealand")), Map.entry("IT", Text.of("意大利", "Italy")),
        Map.entry("RU", Text.of("俄罗斯", "Russia")), Map.entry("SE", Text.of("瑞典", "Sweden")), Map.entry("CH", Text.of("瑞士", "Switzerland")),
        Map.entry("IE", Text.of("爱尔兰", "Ireland")), Map.entry("ES", Text.of("西班牙", "Spain")), Map.entry("MY", Text.of("马来西亚", "Malaysia")),
        Map.entry("BE", Text.of("比利时", "Belgium")), Map.entry("DK", Text.of("丹麦", "Denmark")), Map.entry("FI", Text.of("芬兰", "Finland")),
        Map.entry("AT", Text.of("奥地利", "Austria")), Map.entry("MO", Text.of("中国澳门", "Macao, China")),
        Map.entry("TW", Text.of("中国台湾", "Taiwan, China")), Map.entry("NO", Text.of("挪威", "Norway")), Map.entry("IL", Text.of("以色列", "Israel")));

    private static final Text UNKNOWN = Text.of("未知", "Unknown");

    private final Blueprint blueprint;

    Labels(Blueprint blueprint) {
        this.blueprint = blueprint;
    }

    static Text breakdown(String b) {
        return BREAKDOWNS.getOrDefault(b, Text.of(b, b));
    }

    Text category(String breakdown, String c) {
        if (c.equals("unknown")) {
            return UNKNOWN;
        }
        Text t = switch (breakdown) {
            case "district" -> blueprint == null ? null
                : blueprint.district(c).map(d -> Text.of(d.nameZh(), d.nameEn())).orElse(null);
            case "degree" -> DEGREES.get(c);
            case "gender" -> GENDERS.get(c);
            case "field" -> FIELDS.get(c);
            case "industry_section" -> SECTIONS.containsKey(c) ? Text.of(c + " " + SECTIONS.get(c).zh(), c + " " + SECTIONS.get(c).en()) : null;
            case "country" -> COUNTRIES.get(c);
            case "priority_industry" -> blueprint == null ? null
                : blueprint.industry(c).map(i -> Text.of(i.nameZh(), i.nameEn())).orElse(null);
            case "age_band" -> Text.of(c.replace("<30", "30岁以下").replace("50+", "50岁及以上").replace("-39", "-39岁").replace("-49", "-49岁"),
                c.equals("<30") ? "under 30" : c);
            default -> null;
        };
        return t == null ? Text.of(c, c) : t;
    }
}
