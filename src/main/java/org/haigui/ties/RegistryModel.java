package org.haigui.ties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.haigui.core.NameNormalizer;

/**
 * The institution registry in memory: institutions, their aliases, and from them the map from a
 * normalised name to an institution key.
 *
 * <p>Two normalised names are "known aliases of one another" when they are the name or an alias of
 * the same registry institution. Registry institutions that share a normalised name or alias
 * (the list has "Northeastern University" in the US and in China; an alias may be another entry's
 * name, as "KU Leuven") are joined into one group, because the spec matches equal normalised names
 * whatever the country; the group's key is {@code r:} plus its smallest institution id, so the key
 * does not depend on load order.
 */
final class RegistryModel {

    /** One registry institution. */
    record Institution(String id, String name, String country, String domains, String kind, String source) {
    }

    /** One alias row. */
    record Alias(String institutionId, String alias, String source) {
    }

    final Map<String, Institution> byId = new LinkedHashMap<>();
    final List<Alias> aliases = new ArrayList<>();
    /** Normalised name or alias -> the ids that carry it (sorted, so results are deterministic). */
    private final Map<String, TreeSet<String>> idsByNorm = new HashMap<>();
    private Map<String, String> groupOf;

    void addInstitution(Institution inst) {
        byId.put(inst.id(), inst);
        index(NameNormalizer.normalise(inst.name()), inst.id());
    }

    void addAlias(Alias a) {
        aliases.add(a);
        index(NameNormalizer.normalise(a.alias()), a.institutionId());
    }

    private void index(String norm, String id) {
        if (norm.isEmpty()) {
            return;
        }
        idsByNorm.computeIfAbsent(norm, k -> new TreeSet<>()).add(id);
        groupOf = null;
    }

    /** The ids whose name or an alias normalises to {@code norm} (empty when none). */
    TreeSet<String> idsFor(String norm) {
        TreeSet<String> s = idsByNorm.get(norm);
        return s == null ? new TreeSet<>() : s;
    }

    /** Whether {@code norm} already names institution {@code id}. */
    boolean names(String norm, String id) {
        return idsFor(norm).contains(id);
    }

    /** All normalised names and aliases with their ids (for similarity suggestions). */
    Map<String, TreeSet<String>> allNorms() {
        return idsByNorm;
    }

    /**
     * The institution key of a normalised name: {@code r:<smallest id of its group>} when the
     * registry knows the name, else null.
     */
    String keyOf(String norm) {
        if (norm.isEmpty()) {
            return null;
        }
        TreeSet<String> ids = idsByNorm.get(norm);
        if (ids == null) {
            return null;
        }
        return "r:" + groups().get(ids.first());
    }

    /** The size of the largest group of registry institutions that match one another. */
    int largestGroup() {
        Map<String, Integer> sizes = new HashMap<>();
        for (String rep : groups().values()) {
            sizes.merge(rep, 1, Integer::sum);
        }
        return sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Group representative of every id (union-find over the ids that share a name). */
    private Map<String, String> groups() {
        if (groupOf != null) {
            return groupOf;
        }
        Map<String, String> parent = new HashMap<>();
        for (TreeSet<String> ids : idsByNorm.values()) {
            String first = null;
            for (String id : ids) {
                parent.putIfAbsent(id, id);
                if (first == null) {
                    first = id;
                } else {
                    union(parent, first, id);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String id : parent.keySet()) {
            out.put(id, find(parent, id));
        }
        groupOf = out;
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String y = x;
        while (!parent.get(y).equals(r)) {
            String next = parent.get(y);
            parent.put(y, r);
            y = next;
        }
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (ra.equals(rb)) {
            return;
        }
        // the smaller id becomes the root, so the group key is its smallest id
        if (ra.compareTo(rb) < 0) {
            parent.put(rb, ra);
        } else {
            parent.put(ra, rb);
        }
    }
}
