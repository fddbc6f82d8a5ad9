package org.haigui.blueprint;

import java.util.Objects;

/**
 * A district of the city: its GB/T 2260 code (six digits), its names, and optionally its tile on
 * the report's district map: column and row of a square in a grid that keeps the districts'
 * rough positions (north up), -1 and -1 without.
 */
public record District(String code, String nameZh, String nameEn, int col, int row) {

    public District {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if ((col < 0) != (row < 0)) {
            throw new IllegalArgumentException("a tile has both a column and a row, or neither");
        }
    }

    /** A district without a tile on the map. */
    public District(String code, String nameZh, String nameEn) {
        this(code, nameZh, nameEn, -1, -1);
    }

    /** Whether the district has a tile on the report's map. */
    public boolean hasTile() {
        return col >= 0;
    }
}
