package org.haigui.blueprint;

import java.util.List;
import java.util.Objects;

/**
 * A priority industry of the plan.
 *
 * @param id     unique within the blueprint ({@code [a-z0-9_]+})
 * @param tier   free text ({@code leading}, {@code key}, ...); the report groups by tier in file order
 * @param codes  GB/T 4754-2017 code prefixes: a section letter and 0-4 digits ({@code C3973}, {@code I65})
 * @param fields ISCED-F 2013 broad fields ({@code "00"}-{@code "10"}) that supply its talent
 * @param source where the mapping comes from
 */
public record Industry(String id, String nameZh, String nameEn, String tier, List<String> codes, List<String> fields,
                       String source) {

    public Industry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(tier, "tier");
        codes = List.copyOf(codes);
        fields = List.copyOf(fields);
        Objects.requireNonNull(source, "source");
    }

    /** Whether an enterprise's industry code falls under this industry: it starts with one of the prefixes. */
    public boolean covers(String industryCode) {
        if (industryCode == null) {
            return false;
        }
        String c = industryCode.strip();
        for (String p : codes) {
            if (c.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a person's ISCED-F broad field ({@code "06"}) supplies this industry's talent. */
    public boolean supplies(String field) {
        return field != null && fields.contains(field.strip());
    }
}
