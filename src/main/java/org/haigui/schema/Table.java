package org.haigui.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One importable table: its columns, key and rules. */
public record Table(String name, String zhName, String doc, List<Column> columns, List<Rule> rules) {

    public Table {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
    }

    public List<Column> keyColumns() {
        return columns.stream().filter(Column::key).toList();
    }

    public List<String> keyNames() {
        return keyColumns().stream().map(Column::name).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The tables this one refers to. */
    public List<String> references() {
        List<String> refs = new ArrayList<>();
        for (Column c : columns) {
            if (c.references() != null && !refs.contains(c.references()) && !c.references().equals(name)) {
                refs.add(c.references());
            }
        }
        return refs;
    }

    /** Store column names in order (the identity number expands to its hash and area code), without batch_id. */
    public List<String> storeColumns() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            out.addAll(c.storeColumns());
        }
        return out;
    }

    /** The store type of a store column. */
    public String storeType(String storeColumn) {
        for (Column c : columns) {
            if (c.name().equals(storeColumn)) {
                return c.type().sqlType();
            }
            if (c.storeColumns().contains(storeColumn)) {
                return "VARCHAR";
            }
        }
        throw new IllegalArgumentException(name + " has no store column " + storeColumn);
    }

    /** The version that introduced a store column. */
    public int since(String storeColumn) {
        for (Column c : columns) {
            if (c.storeColumns().contains(storeColumn)) {
                return c.since();
            }
        }
        throw new IllegalArgumentException(name + " has no store column " + storeColumn);
    }
}
