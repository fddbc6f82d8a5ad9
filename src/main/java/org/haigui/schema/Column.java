package org.haigui.schema;

import java.util.List;
import java.util.Optional;

/**
 * One column of an importable table.
 *
 * @param name        canonical (English) header and store column name
 * @param zhAlias     the Chinese header accepted as an alias
 * @param type        value type
 * @param required    a missing value is an error
 * @param key         part of the table's key
 * @param values      for {@link ColumnType#ENUM}: the allowed values
 * @param references  the table whose key this column refers to, or null
 * @param nonNegative numbers must be {@code >= 0}
 * @param positive    numbers must be {@code > 0}
 * @param since       the schema version that introduced the column (migrations add it then)
 * @param doc         the rule as documented in data-format.md
 */
public record Column(String name, String zhAlias, ColumnType type, boolean required, boolean key,
                     List<EnumValue> values, String references, boolean nonNegative, boolean positive,
                     int since, String doc) {

    public Column {
        values = List.copyOf(values);
    }

    public Optional<String> referencedTable() {
        return Optional.ofNullable(references);
    }

    /** The stored column name(s): an identity number is stored as its hash and area code. */
    public List<String> storeColumns() {
        if (type == ColumnType.ID_NUMBER) {
            return List.of(Schema.ID_HASH_COLUMN, Schema.ID_AREA_COLUMN);
        }
        return List.of(name);
    }

    /** Finds the canonical code of an enumeration value (exact code, case-insensitive, or alias). */
    public Optional<String> enumCode(String raw) {
        for (EnumValue v : values) {
            if (v.code().equalsIgnoreCase(raw)) {
                return Optional.of(v.code());
            }
            for (String alias : v.aliases()) {
                if (alias.equalsIgnoreCase(raw)) {
                    return Optional.of(v.code());
                }
            }
        }
        return Optional.empty();
    }

    static Builder builder(String name, String zhAlias, ColumnType type) {
        return new Builder(name, zhAlias, type);
    }

    static final class Builder {
        private final String name;
        private final String zhAlias;
        private final ColumnType type;
        private boolean required;
        private boolean key;
        private List<EnumValue> values = List.of();
        private String references;
        private boolean nonNegative;
        private boolean positive;
        private int since = 1;
        private String doc = "";

        private Builder(String name, String zhAlias, ColumnType type) {
            this.name = name;
            this.zhAlias = zhAlias;
            this.type = type;
        }

        Builder required() {
            this.required = true;
            return this;
        }

        Builder key() {
            this.key = true;
            this.required = true;
            return this;
        }

        Builder values(EnumValue... vs) {
            this.values = List.of(vs);
            return this;
        }

        Builder references(String table) {
            this.references = table;
            return this;
        }

        Builder nonNegative() {
            this.nonNegative = true;
            return this;
        }

        Builder positive() {
            this.positive = true;
            return this;
        }

        Builder since(int version) {
            this.since = version;
            return this;
        }

        Builder doc(String text) {
            this.doc = text;
            return this;
        }

        Column build() {
            return new Column(name, zhAlias, type, required, key, values, references, nonNegative, positive, since, doc);
        }
    }
}
