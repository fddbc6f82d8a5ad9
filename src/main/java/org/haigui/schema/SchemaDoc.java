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
