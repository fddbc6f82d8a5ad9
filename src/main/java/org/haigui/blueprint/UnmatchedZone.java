package org.haigui.blueprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.haigui.core.NameNormalizer;
import org.haigui.core.NameSimilarity;

/**
 * A zone name as written in the enterprises that names no key zone of a blueprint, with how many
 * enterprises write it and the closest key zone by similarity (a suggestion to add as an alias,
 * never applied).
 *
 * @param name        the name as written (trimmed)
 * @param enterprises how many enterprises have it
 * @param closestZone the id of the key zone with the most similar name or alias (null when nothing is similar)
 * @param closestName that name or alias, as written in the blueprint
 * @param similarity  the Dice coefficient of the normalised names' bigrams, 0..1
 */
public record UnmatchedZone(String name, long enterprises, String closestZone, String closestName, double similarity) {

    /**
     * The zone names of the store's enterprises as written (trimmed, blanks left out), each with the
     * number of enterprises that write it, most frequent first.
     */
    public static Map<String, Long> zoneNames(java.sql.Connection c) throws java.sql.SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT trim(zone) AS z, count(*) AS n FROM enterprises"
                 + " WHERE zone IS NOT NULL AND trim(zone) <> '' GROUP BY trim(zone) ORDER BY n DESC, z")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /**
     * The names of {@code counts} (name as written -> enterprises) that name no zone of the
     * blueprint, most frequent first (then by name), each with its closest zone.
     */
    public static List<UnmatchedZone> of(Blueprint b, Map<String, Long> counts) {
        List<UnmatchedZone> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank() || b.zoneOf(name).isPresent()) {
                continue;
            }
            String norm = NameNormalizer.normalise(name);
            String bestZone = null;
            String bestName = null;
            double best = 0;
            for (Zone z : b.zones()) {
                for (String n : z.names()) {
                    double d = NameSimilarity.dice(norm, NameNormalizer.normalise(n));
                    if (d > best) {
                        best = d;
                        bestZone = z.id();
                        bestName = n;
                    }
                }
            }
            out.add(new UnmatchedZone(name, e.getValue(), bestZone, bestName, best));
        }
        out.sort(Comparator.comparingLong(UnmatchedZone::enterprises).reversed().thenComparing(UnmatchedZone::name));
        return out;
    }
}
