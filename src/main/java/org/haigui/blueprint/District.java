package org.haigui.blueprint;

import java.util.Objects;

/** A district of the city: its GB/T 2260 code (six digits) and its names. */
public record District(String code, String nameZh, String nameEn) {

    public District {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
