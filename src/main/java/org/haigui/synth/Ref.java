package org.haigui.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reference data of the generator: where Chinese students and workers go, real university names
 * (world-universities resource), well-known employers, Shanghai districts, zones, industries,
 * fields, names and support programmes. Loaded once; immutable afterwards.
 */
final class Ref {

    /**
     * One institution with the other ways people write it; {@code domain} (universities only, from
     * the world-universities list) serves as a stable institution_id in some sources.
     */
    record Institution(String name, String country, String abbreviation, String zh, String domain) { }

    /** A zone and the ways it is written; key = in the blueprint's key zones (facts.md). */
    record Zone(String district, boolean key, String[] spellings) { }

    /** A GB/T 4754-2017 class (or division) code with its Chinese and English business words. */
    record Industry(String code, String zhWord, String enWord, double returneeWeight, double otherWeight, boolean highTech) { }

    // Where Chinese students go (shares of outbound students; Ministry of Education and IIE Open
    // Doors orders of magnitude: US first, then UK, Australia, Japan, Canada, Germany, ...).
    static final String[] STUDY_COUNTRIES = {"US", "GB", "AU", "JP", "CA", "DE", "HK", "FR", "KR", "SG", "NL", "NZ", "IT", "RU", "SE", "CH", "IE", "MY", "DK", "BE", "ES", "FI", "AT"};
    static final double[] STUDY_CUM = Rng.cumulative(28, 17, 12, 7, 7, 5, 4, 3, 3, 3, 2, 1.5, 1.5, 1.5, 0.8, 0.8, 0.8, 1, 0.5, 0.5, 0.8, 0.4, 0.4);
    static final String[] WORK_COUNTRIES = {"US", "GB", "SG", "JP", "DE", "AU", "CA", "HK", "FR", "KR", "NL", "CH"};
    static final double[] WORK_CUM = Rng.cumulative(34, 12, 9, 9, 8, 7, 6, 6, 3, 3, 2, 1);

    // Shanghai districts (GB/T 2260, facts.md) weighted roughly by where returnees live and work.
    static final String[] DISTRICTS = {"310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
        "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"};
    static final double[] DISTRICT_CUM = Rng.cumulative(6, 11, 7, 8, 5, 4, 7, 11, 4, 5, 22, 1, 5, 2, 1.5, 0.5);
    /**
     * Area codes seen in identity numbers (GB/T 2260): Shanghai's districts, current and abolished
     * (facts.md), about half of all; then the neighbouring provinces and the big cities elsewhere.
     */
    static final String[] ID_AREAS;
    static final double[] ID_AREA_CUM;

    static {
        String[] shanghai = {"310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
            "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151",
            "310102", "310103", "310108", "310111", "310225", "310226", "310228", "310229", "310230"};
        double[] shanghaiW = {4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 6, 1, 1, 1, 1, 0.5, 1.5, 2, 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        String[] nearby = {"320102", "320104", "320105", "320106", "320111", "320282", "320402", "320481", "320505", "320506",
            "320507", "320508", "320581", "320582", "320583", "320585", "320602", "320681", "321002",
            "330102", "330105", "330106", "330108", "330203", "330212", "330281", "330282", "330302", "330402", "330481",
            "330482", "330502", "330602", "330702", "330782", "331002", "340102", "340104", "340111"};
        String[] elsewhere = {"110101", "110102", "110105", "110106", "110108", "120101", "120103", "130102", "140105", "150102",
            "210102", "210202", "220102", "230102", "350102", "350203", "360102", "370102", "370202", "410105",
            "420102", "420106", "420111", "430102", "430104", "440103", "440106", "440303", "440304", "440305",
            "450103", "460106", "500103", "510104", "510107", "520102", "530102", "610103", "610113", "620102"};
        int n = shanghai.length + nearby.length + elsewhere.length;
        ID_AREAS = new String[n];
        double[] w = new double[n];
        double shanghaiSum = 0;
        for (double x : shanghaiW) {
            shanghaiSum += x;
        }
        int k = 0;
        for (int i = 0; i < shanghai.length; i++, k++) {
            ID_AREAS[k] = shanghai[i];
            w[k] = 0.5 * shanghaiW[i] / shanghaiSum;
        }
        for (String a : nearby) {
            ID_AREAS[k] = a;
            w[k++] = 0.3 / nearby.length;
        }
        for (String a : elsewhere) {
            ID_AREAS[k] = a;
            w[k++] = 0.2 / elsewhere.length;
        }
        ID_AREA_CUM = Rng.cumulative(w);
    }

    static final Zone[] ZONES = {
        new Zone("310115", true, new String[] {"Zhangjiang Science City", "张江科学城", "Zhangjiang Hi-Tech Park", "张江高科技园区", "Zhangjiang"}),
        new Zone("310115", true, new String[] {"Lingang Special Area", "临港新片区", "Lingang", "Lin-gang Special Area"}),
        new Zone("310115", true, new String[] {"Nanhui New Town", "南汇新城"}),
        new Zone("310104", true, new String[] {"Caohejing Hi-tech Park", "漕河泾开发区", "Caohejing Hi-Tech Industrial Development Zone", "漕河泾新兴技术开发区"}),
        new Zone("310112", true, new String[] {"Caohejing Hi-tech Park", "漕河泾开发区", "Caohejing Pujiang Hi-tech Park"}),
        new Zone("310117", true, new String[] {"G60 Science and Technology Innovation Corridor", "G60科创走廊", "G60 Corridor", "Songjiang New Town", "松江新城"}),
        new Zone("310114", true, new String[] {"Jiading New Town", "嘉定新城"}),
        new Zone("310118", true, new String[] {"Qingpu New Town", "青浦新城"}),
        new Zone("310120", true, new String[] {"Fengxian New Town", "奉贤新城", "Oriental Beauty Valley"}),
        new Zone("310106", false, new String[] {"Shibei Hi-tech Park", "市北高新技术服务业园区"}),
        new Zone("310110", false, new String[] {"Yangpu Innovation Hub", "杨浦创业园", "Wujiaochang"}),
        new Zone("310112", false, new String[] {"Zizhu Hi-tech Park", "紫竹高新区"}),
        new Zone("310107", false, new String[] {"Taopu Smart City", "桃浦智创城"}),
        new Zone("310105", false, new String[] {"Hongqiao Linkong Economic Park", "临空经济园区"}),
    };

    static final Industry[] INDUSTRIES = {
        new Industry("C3973", "集成电路", "Integrated Circuit", 5, 0.5, true),
        new Industry("I6520", "芯片设计", "Chip Design", 6, 0.5, true),
        new Industry("C3976", "光电子", "Optoelectronics", 3, 0.5, true),
        new Industry("C3979", "电子器件", "Electronic Devices", 2, 1, true),
        new Industry("C2761", "生物医药", "Biopharmaceutical", 4, 0.5, true),
        new Industry("C2762", "基因工程", "Genetic Engineering", 2, 0.2, true),
        new Industry("C2720", "制药", "Pharmaceutical", 2, 1, true),
        new Industry("C3581", "医疗器械", "Medical Devices", 3, 1, true),
        new Industry("M7340", "医学研究", "Medical Research", 3, 0.5, true),
        new Industry("I6513", "智能软件", "Intelligent Software", 9, 3, true),
        new Industry("I6511", "基础软件", "Software", 3, 2, true),
        new Industry("I6531", "信息系统", "Information Systems", 4, 3, true),
        new Industry("I6550", "数据服务", "Data Services", 3, 1.5, true),
        new Industry("I6560", "信息技术咨询", "IT Consulting", 3, 2, false),
        new Industry("I6572", "数字娱乐", "Digital Entertainment", 2, 1.5, false),
        new Industry("I65", "信息技术", "Information Technology", 2, 1, false),
        new Industry("M7320", "工程技术", "Engineering Technology", 4, 2, true),
        new Industry("M7310", "科学研究", "Scientific Research", 2, 0.5, true),
        new Industry("M7513", "新材料", "New Materials", 2, 1, true),
        new Industry("M7515", "新能源", "New Energy", 2, 1, true),
        new Industry("M7519", "技术服务", "Technology Services", 3, 3, false),
        new Industry("C3612", "新能源汽车", "New Energy Vehicles", 1, 0.3, true),
        new Industry("C3670", "汽车零部件", "Auto Parts", 1.5, 3, false),
        new Industry("C3841", "锂电池", "Lithium Battery", 1, 0.5, true),
        new Industry("C3421", "精密机床", "Precision Machine Tools", 1, 2, false),
        new Industry("C3491", "智能装备", "Intelligent Equipment", 1.5, 1.5, true),
        new Industry("C2682", "化妆品", "Cosmetics", 1, 1.5, false),
        new Industry("C1810", "服饰", "Fashion", 1, 3, false),
        new Industry("J6731", "创业投资", "Venture Capital", 3, 2, false),
        new Industry("L7243", "管理咨询", "Management Consulting", 4, 6, false),
        new Industry("L7251", "广告", "Advertising", 1, 4, false),
        new Industry("F5181", "国际贸易", "International Trading", 3, 9, false),
        new Industry("F5292", "电子商务", "E-commerce", 2, 6, false),
        new Industry("F52", "商贸", "Retail", 0.5, 8, false),
        new Industry("H6210", "餐饮管理", "Catering", 0.5, 8, false),
        new Industry("P8394", "教育科技", "Education Technology", 2, 3, false),
        new Industry("E4813", "建设工程", "Construction Engineering", 0.2, 5, false),
        new Industry("K7020", "置业", "Real Estate", 0.2, 3, false),
        new Industry("G5821", "物流", "Logistics", 0.5, 4, false),
        new Industry("R8710", "文化传媒", "Culture and Media", 1, 3, false),
    };
    static final double[] INDUSTRY_RETURNEE_CUM;
    static final double[] INDUSTRY_OTHER_CUM;

    /** ISCED-F 2013 broad fields. */
    static final String[] FIELDS = {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10"};
    static final double[] FIELD_CUM = Rng.cumulative(0.5, 3, 8, 9, 28, 10, 14, 18, 1, 6, 2.5);
    static final double[] FOUNDER_FIELD_CUM = Rng.cumulative(0.2, 1, 3, 5, 24, 13, 22, 20, 1, 9, 1.8);

    static final String[] SURNAMES_ZH = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
        "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
        "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "顾", "欧阳", "司马"};
    // Surname readings are fixed here (pinyin4j's first reading is wrong for 曾 and others).
    static final String[] SURNAMES_PY = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo",
        "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Xu", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan",
        "Pan", "Yu", "Jiang", "Cai", "Yu", "Du", "Ye", "Cheng", "Su", "Wei", "Lyu", "Ding", "Ren", "Shen", "Yao", "Lu", "Jiang", "Cui", "Zhong", "Tan",
        "Lu", "Wang", "Fan", "Jin", "Shi", "Liao", "Jia", "Xia", "Wei", "Gu", "Ouyang", "Sima"};
    static final double[] SURNAME_CUM = Rng.cumulative(7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.3, 2.2, 2.0, 1.9, 1.5, 1.5, 1.3, 1.3, 1.2, 1.1,
        1.0, 1.0, 1.0, 0.9, 0.9, 0.8, 0.7, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4,
        0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3,
        0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.05, 0.02);
    static final String MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳晨博文轩睿泽昊天一子嘉思成志建国";
    static final String FEMALE_CHARS = "芳娜敏静丽艳娟霞秀婷雪慧莹琳玲颖洁倩晶欣怡悦佳梦雨璐蕾薇萍琪菲婕岚晓诗涵思一子嘉文";
    static final String[] ENGLISH_MALE = {"Kevin", "David", "Eric", "Jason", "Michael", "Tony", "Frank", "Jack", "Leo", "Steven", "Peter", "Andy", "Vincent", "Allen"};
    static final String[] ENGLISH_FEMALE = {"Grace", "Amy", "Cindy", "Emily", "Vivian", "Helen", "Joyce", "Iris", "Sophia", "Crystal", "Jenny", "Lily", "Annie", "Wendy"};

    /** Two-character words for firm names (brand part), with their pinyin given by pinyin4j. */
    static final String BRAND_CHARS = "芯锐智创源星联华科达恒信瑞泰博远安鼎盛新辰宏睿图灵微云数海川志诚晶航明德众合通领";

    /** Support programmes (program column; written as the bureau writes them, Chinese or English). */
    static final String[] PERSON_PROGRAMS = {"人才公寓补贴", "Talent housing subsidy", "留学人员落户", "Overseas returnee settlement (hukou)", "浦江人才计划", "Pujiang Talent Program"};
    static final String[] FIRM_PROGRAMS = {"留学人员创业启动资金", "Returnee startup fund", "孵化器入驻", "Incubator place", "科技创新行动计划", "Science and technology innovation action plan",
        "高新技术成果转化项目", "High-tech achievement transformation", "张江专项资金", "Zhangjiang special fund"};

    static final Map<String, Institution[]> UNIVERSITIES = new HashMap<>();
    static final Map<String, Institution[]> FAMOUS = new HashMap<>();
    static final Map<String, Institution[]> EMPLOYERS = new LinkedHashMap<>();

    static {
        double[] r = new double[INDUSTRIES.length];
        double[] o = new double[INDUSTRIES.length];
        for (int i = 0; i < INDUSTRIES.length; i++) {
            r[i] = INDUSTRIES[i].returneeWeight();
            o[i] = INDUSTRIES[i].otherWeight();
        }
        INDUSTRY_RETURNEE_CUM = Rng.cumulative(r);
        INDUSTRY_OTHER_CUM = Rng.cumulative(o);
        loadUniversities();
        famous("US", "Columbia University|||哥伦比亚大学", "University of Southern California|||USC|||南加州大学", "New York University|||NYU|||纽约大学",
            "University of Illinois Urbana-Champaign|||UIUC|||伊利诺伊大学厄巴纳-香槟分校", "Boston University|||BU|||波士顿大学",
            "Carnegie Mellon University|||CMU|||卡内基梅隆大学", "Massachusetts Institute of Technology|||MIT|||麻省理工学院", "Stanford University|||斯坦福大学",
            "Harvard University|||哈佛大学", "Cornell University|||康奈尔大学", "University of Pennsylvania|||UPenn|||宾夕法尼亚大学",
            "Northeastern University|||NEU|||美国东北大学", "Purdue University|||普渡大学", "University of Michigan - Ann Arbor|||UMich|||密歇根大学",
            "University of California, Berkeley|||UC Berkeley|||加州大学伯克利分校", "University of California, Los Angeles|||UCLA|||加州大学洛杉矶分校",
            "Johns Hopkins University|||JHU|||约翰斯·霍普金斯大学");
        famous("GB", "University of Oxford|||牛津大学", "University of Cambridge|||剑桥大学", "Imperial College London|||ICL|||帝国理工学院",
            "University College London, University of London|||UCL|||伦敦大学学院",
            "London School of Economics and Political Science, University of London|||LSE|||伦敦政治经济学院",
            "University of Manchester|||曼彻斯特大学", "University of Edinburgh|||爱丁堡大学", "King's College London, University of London|||KCL|||伦敦国王学院",
            "University of Warwick|||华威大学");
        famous("AU", "University of Melbourne|||墨尔本大学", "University of Sydney|||USYD|||悉尼大学", "University of New South Wales|||UNSW|||新南威尔士大学",
            "Monash University|||莫纳什大学", "Australian National University|||ANU|||澳大利亚国立大学", "University of Queensland|||UQ|||昆士兰大学");
        famous("JP", "University of Tokyo|||东京大学", "Kyoto University|||京都大学", "Waseda University|||早稻田大学", "Osaka University|||大阪大学",
            "Tokyo Institute of Technology|||Tokyo Tech|||东京工业大学");
        famous("CA", "University of Toronto|||UofT|||多伦多大学", "University of British Columbia|||UBC|||不列颠哥伦比亚大学", "McGill University|||麦吉尔大学",
            "University of Waterloo|||滑铁卢大学");
        famous("DE", "Technische Universität München|||TUM|||慕尼黑工业大学", "Rheinisch Westfälische Technische Hochschule Aachen|||RWTH Aachen|||亚琛工业大学",
            "Ruprecht-Karls-Universität Heidelberg|||海德堡大学", "Ludwig-Maximilians-Universität München|||LMU|||慕尼黑大学", "Technische Universität Berlin|||TU Berlin|||柏林工业大学");
        famous("FR", "École Polytechnique|||巴黎综合理工学院", "Institut d'Etudes Politiques de Paris (Sciences Po)|||Sciences Po|||巴黎政治学院");
        famous("KR", "Seoul National University|||SNU|||首尔大学", "Korea Advanced Institute of Science & Technology|||KAIST|||韩国科学技术院", "Yonsei University|||延世大学");
        famous("SG", "National University of Singapore|||NUS|||新加坡国立大学", "Nanyang Technological University|||NTU|||南洋理工大学");
        famous("HK", "The University of Hong Kong|||HKU|||香港大学", "The Hong Kong University of Science and Technology|||HKUST|||香港科技大学",
            "The Chinese University of Hong Kong|||CUHK|||香港中文大学");
        famous("NL", "Delft University of Technology|||TU Delft|||代尔夫特理工大学", "University of Amsterdam|||UvA|||阿姆斯特丹大学");
        famous("CH", "ETHZ - ETH Zurich|||ETH Zurich|||苏黎世联邦理工学院");
        famous("NZ", "University of Auckland|||奥克兰大学");

        employers("US", "Google|||谷歌", "Microsoft|||微软", "Apple", "Amazon|||亚马逊", "Intel|||英特尔", "IBM", "Goldman Sachs|||高盛", "Morgan Stanley|||摩根士丹利",
            "JPMorgan Chase", "Deloitte|||德勤", "McKinsey & Company|||麦肯锡", "Pfizer|||辉瑞", "Johnson & Johnson|||强生", "Qualcomm|||高通", "Genentech", "Texas Instruments", "Applied Materials");
        employers("GB", "HSBC|||汇丰银行", "Barclays", "BP", "GlaxoSmithKline|||葛兰素史克", "AstraZeneca|||阿斯利康", "PwC UK", "ARM Holdings");
        employers("SG", "DBS Bank", "Temasek Holdings", "GIC", "A*STAR", "Grab");
        employers("JP", "Sony|||索尼", "Toyota|||丰田", "Panasonic|||松下", "Mitsubishi Corporation", "Hitachi|||日立", "Fujitsu");
        employers("DE", "Siemens|||西门子", "BASF|||巴斯夫", "Bosch|||博世", "SAP", "Volkswagen|||大众汽车", "Bayer|||拜耳");
        employers("AU", "Commonwealth Bank of Australia", "BHP", "KPMG Australia", "CSIRO");
        employers("CA", "Royal Bank of Canada", "Shopify", "BlackBerry");
        employers("HK", "HSBC Hong Kong", "Jardine Matheson", "Hong Kong Exchanges and Clearing");
        employers("FR", "L'Oréal|||欧莱雅", "Schneider Electric|||施耐德电气", "BNP Paribas", "Sanofi|||赛诺菲");
        employers("KR", "Samsung Electronics|||三星电子", "LG Electronics", "Hyundai Motor");
        employers("NL", "ASML", "Philips|||飞利浦");
        employers("CH", "Roche|||罗氏", "Novartis|||诺华", "UBS");
    }

    private Ref() {
    }

    private static void loadUniversities() {
        Map<String, List<Institution>> by = new HashMap<>();
        try (InputStream in = Ref.class.getResourceAsStream("/institutions/world_universities_and_domains.json")) {
            if (in == null) {
                throw new IllegalStateException("world universities resource missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode n : root) {
                String cc = n.path("alpha_two_code").asText("");
                String name = n.path("name").asText("").trim();
                JsonNode domains = n.path("domains");
                String domain = domains.isArray() && domains.size() > 0 ? domains.get(0).asText(null) : null;
                if (cc.length() == 2 && !name.isEmpty()) {
                    by.computeIfAbsent(cc, k -> new ArrayList<>()).add(new Institution(name, cc, null, null, domain));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the world universities resource", e);
        }
        by.forEach((k, v) -> UNIVERSITIES.put(k, v.toArray(new Institution[0])));
    }

    private static void famous(String cc, String... specs) {
        List<Institution> out = new ArrayList<>();
        Institution[] all = UNIVERSITIES.getOrDefault(cc, new Institution[0]);
        for (String spec : specs) {
            String[] parts = spec.split("\\|\\|\\|");
            String name = parts[0];
            String abbr = null;
            String zh = null;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].codePoints().anyMatch(c -> c > 0x2E80)) {
                    zh = parts[i];
                } else {
                    abbr = parts[i];
                }
            }
            for (Institution u : all) {
                if (u.name().equals(name)) { // only names that really are in the world-universities list
                    out.add(new Institution(name, cc, abbr, zh, u.domain()));
                    break;
                }
            }
        }
        FAMOUS.put(cc, out.toArray(new Institution[0]));
    }

    private static void employers(String cc, String... specs) {
        List<Institution> out = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split("\\|\\|\\|");
            out.add(new Institution(parts[0], cc, null, parts.length > 1 ? parts[1] : null, null));
        }
        EMPLOYERS.put(cc, out.toArray(new Institution[0]));
    }

    /** A university of the country: a well-known one 45% of the time, else any listed one. */
    static Institution university(Rng r, String cc) {
        Institution[] f = FAMOUS.get(cc);
        if (f != null && f.length > 0 && r.p(0.45)) {
            return f[r.below(f.length)];
        }
        Institution[] all = UNIVERSITIES.get(cc);
        if (all == null || all.length == 0) {
            return FAMOUS.get("US")[0];
        }
        return all[r.below(all.length)];
    }

    static Institution employer(Rng r, String cc) {
        Institution[] e = EMPLOYERS.get(cc);
        if (e == null || r.p(0.15)) {
            return university(r, cc); // research staff, postdocs and lecturers
        }
        return e[r.below(e.length)];
    }

    /** The institution as some source wrote it: exact most of the time, else another spelling. */
    static String spelling(Rng r, Institution inst) {
        String n = inst.name();
        double x = r.u();
        if (x < 0.55) {
            return n;
        }
        if (x < 0.65) {
            return n.toUpperCase(Locale.ROOT);
        }
        if (x < 0.70) {
            return n.toLowerCase(Locale.ROOT);
        }
        if (x < 0.80) {
            if (n.startsWith("The ")) {
                return n.substring(4);
            }
            if (n.contains(" & ")) {
                return n.replace(" & ", " and ");
            }
            return "The " + n;
        }
        if (x < 0.90) {
            return inst.abbreviation() != null ? inst.abbreviation() : "  " + n + " ";
        }
        return inst.zh() != null ? inst.zh() : n;
    }
}
