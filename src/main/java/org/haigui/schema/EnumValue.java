package org.haigui.schema;

import java.util.List;

/** One allowed value of an enumeration: its canonical code and the other forms accepted for it. */
public record EnumValue(String code, List<String> aliases) {
    public EnumValue {
        aliases = List.copyOf(aliases);
    }

    public static EnumValue of(String code, String... aliases) {
        return new EnumValue(code, List.of(aliases));
    }
}
