package org.haigui.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The import format as Markdown, generated from {@link Schema} (so the documentation cannot drift from the code). */
public final class SchemaDoc {

    private SchemaDoc() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder("# Import format, version ").append(Schema.VERSION).append("\n\n");
        sb.append("Generated from the schema by `haigui schema`. Headers match case-insensitively after trimming;\n")
            .append("the Chinese header is an alias. Empty cell = missing.\n");
        sb.append("\n## Value types (取值类型)\n\nThe `type` of each column below is one of these.\n\n| type | what a cell holds |\n|---|---|\n");
        java.util.Set<ColumnType> used = java.util.EnumSet.noneOf(ColumnType.class);
        for (Table t : Schema.tables()) {
            for (Column c : t.columns()) {
                used.add(c.type());
            }
        }
        for (ColumnType ct : used) {
            if (ct != ColumnType.ENUM) {
                sb.append("| ").append(ct.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ").append(define(ct)).append(" |\n");
            }
        }
        sb.append("| (a list of codes) | one of the codes shown, or its Chinese form in brackets |\n");
        for (Table t : Schema.tables()) {
            sb.append("\n## ").append(t.name()).append(" (").append(t.zhName()).append(")\n\n").append(t.doc()).append("\n\n");
            sb.append("| column | zh alias | type | rule |\n|---|---|---|---|\n");
            for (Column c : t.columns()) {
                sb.append("| ").append(c.name()).append(" | ").append(c.zhAlias()).append(" | ").append(type(c)).append(" | ")
                    .append(rule(t, c)).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** What a cell of each value type holds, for the reader of the format. */
    static String define(ColumnType t) {
        return switch (t) {
            case ID -> "an identifier you choose, 1-64 characters, compared exactly after trimming (编号)";
            case TEXT -> "any text (文本)";
            case DATE -> "a date YYYY-MM-DD, or an Excel date cell (日期)";
            case PARTIAL_DATE -> "a date YYYY-MM-DD, YYYY-MM (the 1st of the month) or YYYY (1 January) (可只填年或年月)";
            case INT -> "a whole number (整数)";
            case MONEY -> "an amount in yuan (CNY), at most 2 decimal places, no currency sign or thousands separator (金额，元)";
            case DECIMAL -> "a decimal number, at most 6 decimal places (小数)";
            case BOOL -> "true/false, yes/no, 是/否, 1/0 (是否)";
            case COUNTRY -> "a country or region as an ISO 3166-1 two-letter code, e.g. US, GB, TW (国家或地区代码)";
            case COUNTRY_LIST -> "country codes separated by ';', e.g. US;DE (多个国家代码，以分号分隔)";
            case ENUM -> "one of the listed codes";
            case DISTRICT -> "the 6-digit administrative division code of a district of the city, e.g. 310104 for 徐汇区 "
                + "(区县行政区划代码；format the column as text in Excel)";
            case INDUSTRY -> "a GB/T 4754-2017 industry code: a section letter A-T, optionally followed by up to 4 digits, "
                + "e.g. I or I6510 (国民经济行业分类代码)";
            case FIELD -> "an ISCED-F 2013 broad field, two digits 00-10, e.g. 06 for information and communication "
                + "technologies (专业大类；format the column as text so that 06 keeps its zero)";
            case ID_NUMBER -> "an 18-character resident identity number (GB 11643), checked, then kept only as a keyed hash "
                + "and its area code, never in clear (身份证号；format the column as text in Excel)";
            case CREDIT_CODE -> "an 18-character unified social credit code (GB 32100), checked (统一社会信用代码)";
        };
    }

    static String type(Column c) {
        if (c.type() == ColumnType.ENUM) {
            List<String> vs = new ArrayList<>();
            for (EnumValue v : c.values()) {
                vs.add("`" + v.code() + "`" + (v.aliases().isEmpty() ? "" : " (" + String.join(", ", v.aliases()) + ")"));
            }
            return String.join(" / ", vs);
        }
        return c.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String rule(Table t, Column c) {
        List<String> parts = new ArrayList<>();
        if (c.key()) {
            parts.add("key");
        }
        parts.add(c.required() ? "required" : "optional");
        if (c.references() != null) {
            parts.add("references " + c.references());
        }
        if (c.nonNegative()) {
            parts.add(">= 0");
        }
        if (c.positive()) {
            parts.add("> 0");
        }
        for (Rule r : t.rules()) {
            if (r instanceof Rule.NotBefore nb && nb.column().equals(c.name())) {
                parts.add("not before " + nb.other());
            } else if (r instanceof Rule.AtMost am && am.column().equals(c.name())) {
                parts.add("at most " + am.other());
            } else if (r instanceof Rule.Unique u && u.column().equals(c.name())) {
                parts.add("unique");
            } else if (r instanceof Rule.RequiredWhen rw && rw.column().equals(c.name())) {
                parts.add("required when " + rw.other() + " is " + rw.value());
            } else if (r instanceof Rule.OnlyWhen ow && ow.column().equals(c.name())) {
                parts.add("only when " + ow.other() + " is " + ow.value());
            } else if (r instanceof Rule.SameWithin sw && sw.column().equals(c.name())) {
                parts.add("the same for all rows of a " + sw.groupColumn() + " (" + sw.defaultValue() + " when missing)");
            } else if (r instanceof Rule.YearNotBeforeReferenced y && y.yearColumn().equals(c.name())) {
                parts.add("not before the year of " + y.referencedTable() + "." + y.referencedDateColumn());
            } else if (r instanceof Rule.AtLeastOneOf one && one.columns().get(0).equals(c.name())) {
                parts.add("at least one of " + String.join(", ", one.columns()));
            }
        }
        if (!c.doc().isEmpty()) {
            parts.add(c.doc());
        }
        return String.join("; ", parts);
    }
}
