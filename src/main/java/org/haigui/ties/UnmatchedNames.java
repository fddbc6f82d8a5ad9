package org.haigui.ties;

import org.haigui.core.NameNormalizer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haigui.core.HaiguiException;

/** Institution names of the episodes that match no registry name or alias, with suggestions ({@link Similarity}). */
final class UnmatchedNames {

    private UnmatchedNames() {
    }

    /**
     * Names in the episodes (those without an institution_id, which is matched by id) whose
     * normalised form is neither a registry name nor an alias, most frequent first, each with up
     * to {@code candidates} registry suggestions by similarity (bigram Dice coefficient of the
     * normalised forms). Suggestions are never applied: confirm them into an aliases CSV. A name
     * met only in work episodes (an employer) gets no university as a candidate.
     */
    static List<InstitutionRegistry.Unmatched> find(Connection c, int limit, int candidates) {
        RegistryModel model = RegistryStore.load(c);
        Map<String, long[]> countByNorm = new HashMap<>();
        Map<String, String> bestSpelling = new HashMap<>();
        Map<String, Long> bestSpellingCount = new HashMap<>();
        java.util.Set<String> studied = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT institution, count(*), count(*) FILTER (WHERE kind IS DISTINCT FROM 'work') FROM overseas_episodes"
                + " WHERE institution_id IS NULL GROUP BY institution")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long n = rs.getLong(2);
                String norm = NameNormalizer.normalise(name);
                if (model.keyOf(norm) != null) {
                    continue;
                }
                if (rs.getLong(3) > 0) {
                    studied.add(norm);
                }
                countByNorm.computeIfAbsent(norm, k -> new long[1])[0] += n;
                Long prev = bestSpellingCount.get(norm);
                if (prev == null || n > prev || (n == prev && name.compareTo(bestSpelling.get(norm)) < 0)) {
                    bestSpelling.put(norm, name);
                    bestSpellingCount.put(norm, n);
                }
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the episodes' institution names: " + e.getMessage(), e);
        }
        List<String> norms = new ArrayList<>(countByNorm.keySet());
        norms.sort((a, b) -> {
            int cmp = Long.compare(countByNorm.get(b)[0], countByNorm.get(a)[0]);
            return cmp != 0 ? cmp : a.compareTo(b);
        });
        if (norms.size() > limit) {
            norms = norms.subList(0, limit);
        }
        Similarity sim = candidates > 0 ? new Similarity(model) : null;
        List<InstitutionRegistry.Unmatched> out = new ArrayList<>();
        for (String norm : norms) {
            List<InstitutionRegistry.Candidate> cands;
            if (sim == null || norm.isEmpty()) {
                cands = List.of();
            } else if (studied.contains(norm)) {
                cands = sim.closest(norm, candidates);
            } else {
                // an employer: a university is no candidate (KPMG Australia is not a college in Australia)
                cands = sim.closest(norm, candidates + 50).stream().filter(x -> {
                    RegistryModel.Institution inst = model.byId.get(x.institutionId());
                    return inst == null || !"university".equals(inst.kind());
                }).limit(candidates).toList();
            }
            out.add(new InstitutionRegistry.Unmatched(bestSpelling.get(norm), norm, countByNorm.get(norm)[0], cands));
        }
        return out;
    }
}
