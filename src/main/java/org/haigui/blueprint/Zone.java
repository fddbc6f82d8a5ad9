package org.haigui.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.haigui.core.NameNormalizer;

/**
 * A key zone of the plan: its names, the aliases real registers write, and the district codes it
 * lies in.
 */
public record Zone(String id, String nameZh, String nameEn, List<String> aliases, List<String> districts, String source) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        aliases = List.copyOf(aliases);
        districts = List.copyOf(districts);
        Objects.requireNonNull(source, "source");
    }

    /** {@code name_zh}, {@code name_en} and the aliases, as written. */
    public List<String> names() {
        List<String> all = new ArrayList<>(aliases.size() + 2);
        all.add(nameZh);
        all.add(nameEn);
        all.addAll(aliases);
        return all;
    }

    /** The normalised forms of {@link #names()} ({@link NameNormalizer}), without duplicates or empty ones. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String n : names()) {
            String k = NameNormalizer.normalise(n);
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** Whether a zone name as written names this zone (equal after normalisation to a name or an alias). */
    public boolean matches(String zoneName) {
        String k = NameNormalizer.normalise(zoneName);
        return !k.isEmpty() && keys().contains(k);
    }
}
