package org.haigui.schema;

import static org.haigui.schema.ColumnType.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import format, version 1 (data-format.md), as data. Adding a column is one edit here (give it
 * {@code since(n)} with a new version n and raise {@link #VERSION}); the store migrates itself.
 */
public final class Schema {

    /** The schema version; the store migrates up to it. */
    public static final int VERSION = 1;

    /** Stored in place of an identity number: HMAC-SHA-256 (hex) under the store's key. */
    public static final String ID_HASH_COLUMN = "id_hash";
    /** Stored in place of an identity number: its 6-digit area code. */
    public static final String ID_AREA_COLUMN = "id_area_code";
    /** Every canonical table carries the batch its row came from. */
    public static final String BATCH_COLUMN = "batch_id";

    private static final EnumValue[] DEGREES = {
        EnumValue.of("bachelor", "学士", "本科"),
        EnumValue.of("master", "硕士", "研究生"),
        EnumValue.of("doctorate", "博士", "phd"),
        EnumValue.of("other", "其他"),
    };

    private static final List<Table> TABLES = List.of(
        new Table("persons", "人员", "One row per person.", List.of(
            Column.builder("person_id", "人员编号", ID).key().build(),
            Column.builder("id_number", "身份证号", ID_NUMBER)
                .doc("PRC resident identity number (GB 11643); never stored in clear").build(),
            Column.builder("name_zh", "中文姓名", TEXT).build(),
            Column.builder("name_en", "英文姓名", TEXT).build(),
            Column.builder("gender", "性别", ENUM).values(
                EnumValue.of("M", "男", "male"), EnumValue.of("F", "女", "female")).build(),
            Column.builder("birth_date", "出生日期", PARTIAL_DATE).build(),
            Column.builder("highest_degree", "最高学历", ENUM).values(DEGREES).build(),
            Column.builder("field", "专业领域", FIELD).build()),
            List.of(new Rule.AtLeastOneOf(List.of("name_zh", "name_en")),
                    new Rule.AgreesWithIdNumber("id_number", "gender", "birth_date"))),

        new Table("overseas_episodes", "海外经历", "One row per period of study, work or research abroad.", List.of(
            Column.builder("episode_id", "经历编号", ID).key().build(),
            Column.builder("person_id", "人员编号", ID).required().references("persons").build(),
            Column.builder("kind", "类型", ENUM).required().values(
                EnumValue.of("study", "学习"), EnumValue.of("work", "工作"), EnumValue.of("research", "研究")).build(),
            Column.builder("institution", "机构名称", TEXT).required().build(),
            Column.builder("institution_id", "机构编号", ID).build(),
            Column.builder("country", "国家", COUNTRY).required().build(),
            Column.builder("start_date", "开始日期", PARTIAL_DATE).required().build(),
            Column.builder("end_date", "结束日期", PARTIAL_DATE).doc("missing = still abroad").build(),
            Column.builder("degree", "学位", ENUM).values(
                EnumValue.of("bachelor", "学士", "本科"), EnumValue.of("master", "硕士"),
                EnumValue.of("doctorate", "博士", "phd"), EnumValue.of("none", "无")).doc("study only").build()),
            List.of(new Rule.NotBefore("end_date", "start_date"),
                    new Rule.OnlyWhen("degree", "kind", "study", "none"))),

        new Table("city_moves", "来沪离沪", "Arrivals in and departures from the city, as registered.", List.of(
            Column.builder("move_id", "记录编号", ID).key().build(),
            Column.builder("person_id", "人员编号", ID).required().references("persons").build(),
            Column.builder("date", "日期", DATE).required().build(),
            Column.builder("event", "事件", ENUM).required().values(
                EnumValue.of("arrive", "来沪"), EnumValue.of("leave", "离沪")).build(),
            Column.builder("district", "区县代码", DISTRICT).doc("required for arrive").build()),
            List.of(new Rule.RequiredWhen("district", "event", "arrive"))),

        new Table("enterprises", "企业", "One row per enterprise.", List.of(
            Column.builder("enterprise_id", "企业编号", ID).key().build(),
            Column.builder("credit_code", "统一社会信用代码", CREDIT_CODE).build(),
            Column.builder("name_zh", "企业名称", TEXT).required().build(),
            Column.builder("name_en", "英文名称", TEXT).build(),
            Column.builder("founded_date", "成立日期", DATE).required().build(),
            Column.builder("dissolved_date", "注销日期", DATE).build(),
            Column.builder("district", "区县代码", DISTRICT).required().build(),
            Column.builder("zone", "园区", TEXT).build(),
            Column.builder("industry", "行业代码", INDUSTRY).required().build()),
            List.of(new Rule.NotBefore("dissolved_date", "founded_date"), new Rule.Unique("credit_code"))),

        new Table("enterprise_people", "企业人员", "Founders and core team members.", List.of(
            Column.builder("enterprise_id", "企业编号", ID).key().references("enterprises").build(),
            Column.builder("person_id", "人员编号", ID).key().references("persons").build(),
            Column.builder("role", "角色", ENUM).required().values(
                EnumValue.of("founder", "创始人"), EnumValue.of("core", "核心成员")).build(),
            Column.builder("joined_date", "加入日期", PARTIAL_DATE).build(),
            Column.builder("left_date", "离开日期", PARTIAL_DATE).build()),
            List.of(new Rule.NotBefore("left_date", "joined_date"))),

        new Table("enterprise_years", "企业年度数据", "One row per enterprise and year.", List.of(
            Column.builder("enterprise_id", "企业编号", ID).key().references("enterprises").build(),
            Column.builder("year", "年度", INT).key().build(),
            Column.builder("employees", "年末从业人数", INT).nonNegative().build(),
            Column.builder("local_employees", "本地社保人数", INT).nonNegative().build(),
            Column.builder("revenue", "营业收入", MONEY).nonNegative().build(),
            Column.builder("overseas_revenue", "海外收入", MONEY).nonNegative().build(),
            Column.builder("overseas_markets", "海外市场", COUNTRY_LIST).build(),
            Column.builder("rd_expense", "研发投入", MONEY).nonNegative().build(),
            Column.builder("patents_granted", "授权专利", INT).nonNegative().build(),
            Column.builder("tax_paid", "纳税额", MONEY).nonNegative().build(),
            Column.builder("net_profit", "净利润", MONEY).build(),
            Column.builder("funding_raised", "融资额", MONEY).nonNegative().build(),
            Column.builder("high_tech", "高新技术企业", BOOL).build()),
            List.of(new Rule.AtMost("local_employees", "employees"),
                    new Rule.AtMost("overseas_revenue", "revenue"),
                    new Rule.YearNotBeforeReferenced("year", "enterprise_id", "enterprises", "founded_date"))),

        new Table("support", "扶持", "What the city gave: subsidies, incubator places, talent housing, settlement.", List.of(
            Column.builder("support_id", "扶持编号", ID).key().build(),
            Column.builder("enterprise_id", "企业编号", ID).references("enterprises").build(),
            Column.builder("person_id", "人员编号", ID).references("persons").build(),
            Column.builder("program", "项目", TEXT).required().build(),
            Column.builder("year", "年度", INT).required().build(),
            Column.builder("amount", "金额", MONEY).nonNegative().build()),
            List.of(new Rule.AtLeastOneOf(List.of("enterprise_id", "person_id")))),

        new Table("survey", "问卷", "Answers to a survey of returnee entrepreneurs, one row per respondent and question.", List.of(
            Column.builder("respondent_id", "答卷编号", ID).key().build(),
            Column.builder("question", "题号", ID).key().build(),
            Column.builder("answer", "答案", TEXT).required().build(),
            Column.builder("weight", "权重", DECIMAL).positive().doc("1 when missing").build(),
            Column.builder("person_id", "人员编号", ID).references("persons").build(),
            Column.builder("enterprise_id", "企业编号", ID).references("enterprises").build()),
            List.of(new Rule.SameWithin("weight", "respondent_id", "1")))
    );

    private static final Map<String, Table> BY_NAME;

    static {
        Map<String, Table> m = new LinkedHashMap<>();
        for (Table t : TABLES) {
            m.put(t.name(), t);
        }
        BY_NAME = m;
    }

    private Schema() {
    }

    /** All tables, in an order where every table comes after the tables it refers to. */
    public static List<Table> tables() {
        return TABLES;
    }

    public static Optional<Table> table(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> tableNames() {
        return new ArrayList<>(BY_NAME.keySet());
    }
}
