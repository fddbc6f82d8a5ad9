package org.haigui.ties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Suggestions only: the registry names and aliases closest to an unmatched normalised name, by the
 * Dice coefficient of their sets of character bigrams (2 |A ∩ B| / (|A| + |B|), in 0..1; a
 * one-character name is its own single "bigram"). Works the same for Latin and Chinese names.
 * Never used to match episodes: "University of Washington" and "Washington University" share most
 * bigrams and are different institutions.
 */
final class Similarity {

    private final RegistryModel model;
    private final List<String> norms = new ArrayList<>();
    private final List<TreeSet<String>> ids = new ArrayList<>();
    private final int[] sizes;
    private final Map<String, int[]> postings = new HashMap<>();

    Similarity(RegistryModel model) {
        this.model = model;
        Map<String, List<Integer>> post = new HashMap<>();
        List<Integer> sz = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : model.allNorms().entrySet()) {
            int idx = norms.size();
            norms.add(e.getKey());
            ids.add(e.getValue());
            Set<String> bg = bigrams(e.getKey());
            sz.add(bg.size());
            for (String b : bg) {
                post.computeIfAbsent(b, k -> new ArrayList<>()).add(idx);
            }
        }
        sizes = sz.stream().mapToInt(Integer::intValue).toArray();
        post.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    static Set<String> bigrams(String s) {
        return org.haigui.core.NameSimilarity.bigrams(s);
    }

    static double dice(String a, String b) {
        return org.haigui.core.NameSimilarity.dice(a, b);
    }

    /**
     * Up to {@code k} candidates, best first (ties broken by id), one per group of registry
     * institutions that already match one another (the list has duplicate entries).
     */
    List<InstitutionRegistry.Candidate> closest(String norm, int k) {
        Set<String> q = bigrams(norm);
        int[] common = new int[norms.size()];
        List<Integer> touched = new ArrayList<>();
        for (String b : q) {
            int[] p = postings.get(b);
            if (p == null) {
                continue;
            }
            for (int idx : p) {
                if (common[idx]++ == 0) {
                    touched.add(idx);
                }
            }
        }
        record Scored(int idx, String id, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int idx : touched) {
            double score = 2.0 * common[idx] / (q.size() + sizes[idx]);
            for (String id : ids.get(idx)) {
                scored.add(new Scored(idx, id, score));
            }
        }
        scored.sort((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        List<InstitutionRegistry.Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Scored s : scored) {
            if (out.size() >= k) {
                break;
            }
            // one candidate per group of institutions that already match one another
            if (!seen.add(model.keyOf(norms.get(s.idx())))) {
                continue;
            }
            RegistryModel.Institution inst = model.byId.get(s.id());
            if (inst == null) {
                continue;
            }
            double rounded = Math.round(s.score() * 1000) / 1000.0;
            out.add(new InstitutionRegistry.Candidate(inst.id(), inst.name(), inst.country(), norms.get(s.idx()), rounded));
        }
        return out;
    }
}
